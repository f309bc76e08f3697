// Reading payload files as a stream: a scanner finds where each task's text begins and ends (strings, nesting,
// the separators of an array or of JSON Lines), counting lines as it goes; JSON.parse reads the task; json.ts
// reads it again, with positions, only to place an issue or a syntax error. A 150 MB file of tasks is never held
// whole.
import { SpecError } from "./errors.js";
import { tokensOf } from "../validation/pointer.js";
import { describeJsonError, findDuplicateKey, nodeAt, parseJsonTree, type JsonNode } from "./json.js";

/** A place in a file, 1-based. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

/** The deepest nesting of objects and arrays in a payload file (a task is a few levels deep; the validators recurse). */
export const MAX_DEPTH = 100;
/** The longest single task, in characters (inline base64 images included). */
export const MAX_TASK_CHARS = 64 * 1024 * 1024;

/** One task of an input file, and where its properties stand in the file. */
export interface InputTask {
  readonly task: unknown;
  /** Its index in an array of tasks or in JSON Lines; null for a file that is one task. */
  readonly index: number | null;
  locate(ptr: string): SourceLocation | undefined;
}


/** One task's text and where it starts in the file. */
interface Unit {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** Colons outside strings: one per object key, so fewer own keys after JSON.parse means a duplicate key. */
  readonly keys: number;
}

/** Line and column of `offset` in `text`, when `text` starts at line:column `start`. */
function positionIn(text: string, offset: number, start: SourceLocation): SourceLocation {
  let line = start.line;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, column: last === -1 ? start.column + offset : offset - last };
}

/** A task's text as a tree with positions; a SpecError at the first syntax error, placed in the file. */
function treeOf(file: string, unit: Unit): JsonNode {
  const parsed = parseJsonTree(unit.text);
  if (!parsed.ok) {
    const { line, column } = positionIn(unit.text, parsed.offset, unit);
    // An invisible byte order mark where the text goes on (one at the start of the file is skipped): name it.
    const words = unit.text.charCodeAt(parsed.offset) === BOM ? "a byte order mark, U+FEFF, where a value was expected; remove it" : describeJsonError(parsed.code).replace("end of the document", "end of the task");
    throw new SpecError(file, `${line}:${column}`, `invalid JSON (${words})`);
  }
  return parsed.root;
}


/** Own keys of every object in a parsed value, counted without recursion. */
function countKeys(value: unknown): number {
  let n = 0;
  const stack = [value];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else {
      const values = Object.values(v);
      n += values.length;
      for (const x of values) stack.push(x);
    }
  }
  return n;
}

/** Parse one task: JSON.parse, and the positioned tree for a syntax error or a duplicate key, placed in the file. */
function parseUnit(file: string, unit: Unit): unknown {
  let value: unknown;
  try {
    value = JSON.parse(unit.text);
  } catch {
    treeOf(file, unit);
    throw new SpecError(file, `${unit.line}:${unit.column}`, "invalid JSON");
  }
  if (countKeys(value) !== unit.keys) {
    const dup = findDuplicateKey(treeOf(file, unit));
    if (dup) {
      const { line, column } = positionIn(unit.text, dup.offset, unit);
      throw new SpecError(file, `${line}:${column}`, `duplicate key ${JSON.stringify(dup.key)} in one object; JSON parsers silently keep the last, so keys must be unique`);
    }
  }
  return value;
}

/** A locator for a parsed task: the tree is built on the first call (only a task with issues needs one). */
function locator(file: string, unit: Unit): (ptr: string) => SourceLocation | undefined {
  let tree: JsonNode | undefined;
  return (ptr) => {
    tree ??= treeOf(file, unit);
    let node = nodeAt(tree, tokensOf(ptr));
    // Point at the property's key where there is one: that is the line a person looks for.
    if (node?.parent?.type === "property") node = node.parent;
    return node ? positionIn(unit.text, node.offset, unit) : undefined;
  };
}

const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

const BOM = 0xfeff;

const isSpace = (c: number): boolean => c === SPACE || c === NEWLINE || c === RETURN || c === TAB;
/** A character that ends a number, true, false or null. */
const endsScalar = (c: number): boolean => isSpace(c) || c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === OPEN_BRACKET || c === OPEN_BRACE || c === QUOTE;
const TOO_DEEP = `nested more than ${MAX_DEPTH} levels deep (objects and arrays); a task is a few levels deep, and the limit keeps the validators' recursion bounded`;

/** The end of a string that starts (or goes on) at `i`: the index of its closing quote, or -1 when the chunk ends first. */
function closingQuote(chunk: string, i: number): number {
  for (let q = chunk.indexOf('"', i); q !== -1; q = chunk.indexOf('"', q + 1)) {
    let b = q - 1;
    while (b >= i && chunk.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
  }
  return -1;
}

/** What may come between two tasks: a task, a task or the array's end, a comma (or the end), nothing. */
type Expect = "value" | "valueOrClose" | "comma" | "end";

/** A scanned task, and whether it is an element of a top-level array. */
type ScannedUnit = Unit & { readonly inArray: boolean };

/**
 * Split a stream of text into tasks: the elements of a top-level array, or else each top-level value (JSON Lines).
 * Nesting deeper than MAX_DEPTH, a task longer than MAX_TASK_CHARS and a broken separator are SpecErrors placed
 * at their line:column; a task's own syntax is JSON.parse's (then json.ts's, to place an error).
 */
async function* scanUnits(file: string, chunks: AsyncIterable<string>): AsyncGenerator<ScannedUnit> {
  let mode: "start" | "array" | "values" = "start";
  // Between units: what may come next.
  let expect: Expect = "value";
  let depth = 0; // nesting at the scan position, the top-level array included
  let unitDepth = 0; // the nesting between units: 1 inside a top-level array
  let inUnit = false;
  let inString = false;
  let escapeNext = false; // a chunk ended inside a string on an odd run of backslashes
  let kind: "container" | "string" | "scalar" = "container";
  let pieces: string[] = []; // the unit's text from earlier chunks
  let unitChars = 0;
  let keys = 0;
  let start: SourceLocation = { line: 1, column: 1 };
  let line = 1;
  let lineStart = 0; // offset of the current line's first character in the stream
  let base = 0; // offset of the chunk's first character in the stream
  const here = (i: number): SourceLocation => ({ line, column: base + i - lineStart + 1 });
  const fail = (i: number, what: string): never => {
    const { line: l, column } = here(i);
    throw new SpecError(file, `${l}:${column}`, what);
  };
  for await (const chunk of chunks) {
    let from = 0; // where the current unit's text starts in this chunk
    const out: ScannedUnit[] = [];
    try {
      const finish = (end: number): void => {
        pieces.push(chunk.slice(from, end));
        out.push({ text: pieces.length === 1 ? (pieces[0] ?? "") : pieces.join(""), line: start.line, column: start.column, keys, inArray: mode === "array" });
        pieces = [];
        unitChars = 0;
        inUnit = false;
      };
      // Assigned after each finish (not inside it), so the type checker sees every value `expect` takes.
      const afterUnit = (): Expect => (mode === "array" ? "comma" : "value");
      for (let i = 0; i < chunk.length; i++) {
        if (inString) {
          if (escapeNext) {
            escapeNext = false;
            continue;
          }
          const q = closingQuote(chunk, i);
          if (q === -1) {
            let b = chunk.length - 1;
            while (b >= i && chunk.charCodeAt(b) === BACKSLASH) b--;
            escapeNext = (chunk.length - 1 - b) % 2 === 1;
            break;
          }
          i = q;
          inString = false;
          if (kind === "string") {
            finish(i + 1);
            expect = afterUnit();
          }
          continue;
        }
        const c = chunk.charCodeAt(i);
        if (c === NEWLINE) {
          line++;
          lineStart = base + i + 1;
        }
        if (inUnit && kind === "scalar") {
          if (!endsScalar(c)) continue;
          finish(i);
          expect = afterUnit();
        }
        if (inUnit) {
          if (c === QUOTE) inString = true;
          else if (c === COLON) keys++;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            if (++depth > MAX_DEPTH) fail(i, TOO_DEEP);
          } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === unitDepth) {
            finish(i + 1);
            expect = afterUnit();
          }
          continue;
        }
        if (isSpace(c)) continue;
        // A UTF-8 byte order mark at the very start (Windows editors write one) is not part of the input; columns
        // on the first line count from after it, as an editor shows them.
        if (c === BOM && base + i === 0) {
          lineStart = 1;
          continue;
        }
        // Between units.
        if (mode === "start") {
          mode = c === OPEN_BRACKET ? "array" : "values";
          if (mode === "array") {
            depth = unitDepth = 1;
            expect = "valueOrClose";
            continue;
          }
        }
        if (expect === "end") fail(i, "expected the end of the file after the array of tasks");
        if (expect === "comma" || (expect === "valueOrClose" && c === CLOSE_BRACKET)) {
          if (c === CLOSE_BRACKET) {
            depth = 0;
            expect = "end";
          } else if (c === COMMA) expect = "value";
          else fail(i, "invalid JSON (expected ',' or ']' between the tasks of the array)");
          continue;
        }
        if (c === CLOSE_BRACKET && mode === "array") fail(i, "invalid JSON (expected a value after ',')");
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON) fail(i, "invalid JSON (expected a value)");
        // A unit starts here.
        inUnit = true;
        from = i;
        keys = 0;
        start = here(i);
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          kind = "container";
          if (++depth > MAX_DEPTH) fail(i, TOO_DEEP);
        } else if (c === QUOTE) {
          kind = "string";
          inString = true;
        } else kind = "scalar";
      }
      if (inUnit) {
        pieces.push(chunk.slice(from));
        unitChars += chunk.length - from;
        if (unitChars > MAX_TASK_CHARS) fail(chunk.length, `a task longer than ${MAX_TASK_CHARS / 1048576} MB (or a string or bracket left open before this point)`);
      }
    } catch (e) {
      // The tasks before the error in this chunk were read whole: they are decided, then the error stops the file.
      yield* out;
      throw e;
    }
    base += chunk.length;
    yield* out;
  }
  if (inUnit && kind === "scalar" && !inString) {
    yield { text: pieces.join(""), line: start.line, column: start.column, keys, inArray: mode === "array" };
    inUnit = false;
    if (mode === "array") expect = "comma";
  }
  if (inUnit) {
    // An open string or bracket: json.ts says where the task went wrong.
    treeOf(file, { text: pieces.join(""), line: start.line, column: start.column, keys });
    fail(0, "invalid JSON (unexpected end of the file)");
  }
  if (mode === "start") throw new SpecError(file, "1:1", "the input is empty; expected a JSON task, an array of tasks, or JSON Lines");
  if (mode === "array" && expect !== "end") fail(0, "invalid JSON (the array of tasks is not closed: expected ']')");
}

/**
 * The tasks of one input, read as a stream: a task, an array of tasks (index: its position) or JSON Lines (index:
 * its line's task number). A file that is one task has index null.
 */
export async function* readTasks(file: string, chunks: AsyncIterable<string>): AsyncGenerator<InputTask> {
  let pending: { unit: Unit; inArray: boolean } | undefined;
  let count = 0;
  const task = (p: { unit: Unit; inArray: boolean }, single: boolean): InputTask => ({ task: parseUnit(file, p.unit), index: single ? null : count++, locate: locator(file, p.unit) });
  try {
    for await (const { inArray, ...unit } of scanUnits(file, chunks)) {
      if (inArray) {
        yield task({ unit, inArray }, false);
        continue;
      }
      const previous = pending;
      pending = undefined;
      if (previous) yield task(previous, false);
      pending = { unit, inArray };
    }
  } catch (e) {
    // A value read whole before a broken one is a line of JSON Lines: it is checked, then the error is thrown.
    const previous = pending;
    pending = undefined;
    if (previous) yield task(previous, false);
    throw e;
  }
  if (pending) yield task(pending, count === 0);
}
