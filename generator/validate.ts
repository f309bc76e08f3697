// `modelgen validate`: check payload files (a task, an array of tasks, or JSON Lines) against the generated
// validators, finding each task's model through its `model` field, and report in text, json or GitHub
// workflow annotations with the line of the offending property.
//
// Files are read as a stream, one task at a time: a 150 MB file of tasks is never held whole, as text or parsed.
// Each task is parsed by JSON.parse; its positions (line:column of a property) are worked out only for a task with
// issues. Models are loaded from the registry only when a task names them.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as jsonc from "jsonc-parser";
import { globSync } from "tinyglobby";
import { SpecError, pointerKeys, systemErrorText } from "./errors.js";
import { isPlain } from "./normalize/walk.js";
import { describeJsonError, findDuplicateKey } from "./load/read.js";
import type { SourceLocation, ValidationIssue } from "./ir/types.js";

/** What validate needs of a model: the registry's modules and the in-process validators both have it. */
export interface TaskValidator {
  validateTask(task: unknown): readonly ValidationIssue[];
}

/** Validators by model id (own keys only are models). */
export type ModelValidators = Readonly<Record<string, TaskValidator>>;

/** Where validate finds models: every id (for "the closest ids"), and a model's validator, loaded on first use. */
export interface ModelSource {
  readonly ids: readonly string[];
  /** The validator of model `id`; undefined when no model has that id (own ids only: `constructor` is none). */
  load(id: string): Promise<TaskValidator | undefined>;
}

/** One task of an input file, and where its properties stand in the file. */
export interface InputTask {
  readonly task: unknown;
  /** Its index in an array of tasks or in JSON Lines; null for a file that is one task. */
  readonly index: number | null;
  locate(ptr: string): SourceLocation | undefined;
}

/** One issue of a task, or one line for a valid task (valid: true, and line…message null). */
export interface ValidationResult {
  readonly file: string;
  readonly index: number | null;
  readonly model: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly path: string | null;
  readonly message: string | null;
  readonly valid: boolean;
}

export type ResultFormat = "text" | "json" | "github";

/** The deepest nesting of objects and arrays in a payload file (a task is a few levels deep; the validators recurse). */
export const MAX_DEPTH = 100;
/** The longest single task, in characters (inline base64 images included). */
export const MAX_TASK_CHARS = 64 * 1024 * 1024;

/** Levenshtein distance, for "did you mean" on model ids (two rows: the previous one and the one being filled). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const row = [i + 1];
    for (let j = 0; j < b.length; j++) row.push(Math.min((prev[j + 1] ?? 0) + 1, (row[j] ?? 0) + 1, (prev[j] ?? 0) + (a[i] === b[j] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The `n` ids nearest to `id` (its first 200 characters: a huge id costs little), nearest first. */
export function closestIds(id: string, ids: readonly string[], n = 3): string[] {
  const a = String(id).slice(0, 200);
  return ids
    .map((x) => [distance(a, x), x] as const)
    .sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1))
    .slice(0, n)
    .map(([, x]) => x);
}

/**
 * Text for a terminal: control characters (C0, DEL, C1), line and paragraph separators and bidirectional
 * overrides shown as escapes (`\x1b`, `\u202e`), so a model id, a property name or a file name cannot move the
 * cursor, recolour the screen or reorder what a person reads.
 */
export function escapeTerminal(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16)}`;
  });
}

/** Expand file arguments and globs (sorted, deduplicated); `-` is standard input. */
export function expandInputs(args: readonly string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const a of args) {
    // A file that exists is that file, even when its name has glob characters (`[`).
    if (a === "-" || existsSync(path.resolve(cwd, a))) out.push(a);
    else if (/[*?[\]{}]/.test(a)) {
      const found = globSync(a, { cwd, onlyFiles: true, absolute: path.isAbsolute(a) }).sort();
      if (found.length === 0) throw new SpecError(escapeTerminal(a), "", "the pattern matches no file");
      out.push(...found);
    } else throw new SpecError(escapeTerminal(a), "", "no such file");
  }
  return [...new Set(out)];
}

/** Validators already in hand (`--specs` compiles them in this process), as a ModelSource. */
export function sourceFromValidators(validators: ModelValidators): ModelSource {
  return { ids: Object.keys(validators), load: async (id) => (Object.hasOwn(validators, id) ? validators[id] : undefined) };
}

const isTaskValidator = (v: unknown): v is TaskValidator => v !== null && typeof v === "object" && "validateTask" in v && typeof v.validateTask === "function";
const isLoader = (v: unknown): v is (id: string) => Promise<unknown> => typeof v === "function";

/**
 * The registry of generated models (`<dir>/index.js`): its metadata now, a model's module only when a task names
 * it (through the registry's loadModel), once per model.
 */
export async function loadRegistry(dir: string): Promise<ModelSource> {
  const file = path.resolve(dir, "index.js");
  if (!existsSync(file)) throw new SpecError(escapeTerminal(dir), "", "no generated registry here (index.js); run `npm run generate`, or pass --registry or --specs");
  const mod: unknown = await import(pathToFileURL(file).href);
  const models = isPlain(mod) ? mod.models : undefined;
  const loadModel = isPlain(mod) ? mod.loadModel : undefined;
  if (models === null || typeof models !== "object" || !isLoader(loadModel))
    throw new SpecError(escapeTerminal(dir), "", "index.js is not a modelgen registry (expected `models` and `loadModel`; a registry generated before loadModel must be regenerated); run `npm run generate`");
  const loaded = new Map<string, Promise<TaskValidator>>();
  const load = async (id: string): Promise<TaskValidator> => {
    let mod: unknown;
    try {
      mod = await loadModel(id);
    } catch (e) {
      throw new SpecError(escapeTerminal(dir), "", `cannot load the module of model ${escapeTerminal(JSON.stringify(id))} (${escapeTerminal(systemErrorText(e))}); run \`npm run generate\``);
    }
    if (!isTaskValidator(mod)) throw new SpecError(escapeTerminal(dir), "", `the module of model ${escapeTerminal(JSON.stringify(id))} has no validateTask; run \`npm run generate\``);
    return mod;
  };
  return {
    ids: Object.keys(models),
    load(id) {
      if (!Object.hasOwn(models, id)) return Promise.resolve(undefined);
      let p = loaded.get(id);
      if (!p) loaded.set(id, (p = load(id)));
      return p;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading tasks from a stream: a scanner finds where each task's text begins and ends (strings, nesting, the
// separators of an array or of JSON Lines), counting lines as it goes; JSON.parse reads the task; jsonc-parser
// reads it again only to place an issue or a syntax error.

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

/** A task's text as a jsonc tree; a SpecError at the first syntax error, placed in the file. */
function treeOf(file: string, unit: Unit): jsonc.Node {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(unit.text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const error = errors[0];
  if (error || !tree) {
    const { line, column } = positionIn(unit.text, error?.offset ?? unit.text.length, unit);
    const words = error ? describeJsonError(jsonc.printParseErrorCode(error.error)).replace("end of the document", "end of the task") : "unexpected end of the file";
    throw new SpecError(file, `${line}:${column}`, `invalid JSON (${words})`);
  }
  return tree;
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

/** Parse one task: JSON.parse, and the jsonc tree for a syntax error or a duplicate key, placed in the file. */
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
      throw new SpecError(file, `${line}:${column}`, `duplicate key ${escapeTerminal(JSON.stringify(dup.key))} in one object; JSON parsers silently keep the last, so keys must be unique`);
    }
  }
  return value;
}

/** A locator for a parsed task: the tree is built on the first call (only a task with issues needs one). */
function locator(file: string, unit: Unit): (ptr: string) => SourceLocation | undefined {
  let tree: jsonc.Node | undefined;
  return (ptr) => {
    tree ??= treeOf(file, unit);
    let node = jsonc.findNodeAtLocation(tree, pointerKeys(ptr));
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
 * at their line:column; a task's own syntax is JSON.parse's (then jsonc's, to place an error).
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
    base += chunk.length;
    yield* out;
  }
  if (inUnit && kind === "scalar" && !inString) {
    yield { text: pieces.join(""), line: start.line, column: start.column, keys, inArray: mode === "array" };
    inUnit = false;
    if (mode === "array") expect = "comma";
  }
  if (inUnit) {
    // An open string or bracket: jsonc says where the task went wrong.
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
  for await (const { inArray, ...unit } of scanUnits(file, chunks)) {
    if (inArray) {
      yield task({ unit, inArray }, false);
      continue;
    }
    if (pending) yield task(pending, false);
    pending = { unit, inArray };
  }
  if (pending) yield task(pending, count === 0);
}

/** A file's text in chunks of about 1 MB; `-` is standard input. */
async function* fileChunks(file: string, shown: string): AsyncGenerator<string> {
  const stream = file === "-" ? process.stdin.setEncoding("utf8") : createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) yield String(chunk);
  } catch (e) {
    if (e instanceof SpecError) throw e;
    throw new SpecError(shown, "", `cannot read the file (${systemErrorText(e)})`);
  }
}

/** Deepest existing ancestor of a pointer that the locator knows (an issue may name a missing property). */
function locateIssue(t: InputTask, issuePath: string): SourceLocation {
  const keys = pointerKeys(issuePath);
  for (let n = keys.length; n >= 0; n--) {
    const ptr = keys.slice(0, n).map((k) => `/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
    const loc = t.locate(ptr);
    if (loc) return loc;
  }
  return { line: 1, column: 1 };
}

/** Where validate's report goes, a task at a time (the results of one task together). */
export interface Reporter {
  task(results: readonly [ValidationResult, ...ValidationResult[]]): void;
  /** The summary, after the last task. */
  end(): void;
}

/** The counts of a run. */
export interface ValidationSummary {
  readonly valid: number;
  readonly invalid: number;
}

/**
 * Validate every task of every input, streaming: each task's results go to `report` before the next task is read.
 * `models` finds a task's model by its `model` field (own ids only); `model` forces one model for all tasks (for
 * bodies without a `model` field, such as Runflow's). A valid task has one result (valid: true), an invalid one a
 * result per issue. `after` runs after each task (the CLI waits there for the terminal to drain its output).
 */
export async function validateInputs(
  inputs: readonly string[],
  models: ModelSource,
  report: Reporter,
  { model: forced, read, after }: { model?: string | undefined; read?: (file: string) => AsyncIterable<string>; after?: () => Promise<void> | void } = {},
): Promise<ValidationSummary> {
  let valid = 0;
  let invalid = 0;
  const ready = new Map<string, TaskValidator | undefined>();
  const closest = new Map<string, string[]>();
  for (const file of inputs) {
    const shown = escapeTerminal(file === "-" ? "<stdin>" : file);
    const chunks = read && file !== "-" ? read(file) : fileChunks(file, shown);
    for await (const t of readTasks(shown, chunks)) {
      const id = forced ?? (isPlain(t.task) ? t.task.model : undefined);
      const where = { file: file === "-" ? "<stdin>" : file, index: t.index };
      const results: ValidationResult[] = [];
      if (typeof id !== "string") {
        results.push({ ...where, model: null, ...locateIssue(t, ""), path: "/model", message: `the task has no \`model\` field, so its model is unknown; known models: ${models.ids.join(", ")} (or pass --model)`, valid: false });
      } else {
        let entry = ready.get(id);
        if (entry === undefined && !ready.has(id)) {
          entry = await models.load(id);
          if (ready.size < 10_000) ready.set(id, entry);
        }
        if (!entry) {
          let near = closest.get(id);
          if (!near) {
            near = closestIds(id, models.ids);
            if (closest.size < 1000) closest.set(id, near);
          }
          results.push({ ...where, model: id, ...locateIssue(t, "/model"), path: "/model", message: `unknown model ${JSON.stringify(id)}; the closest known ids: ${near.join(", ")}`, valid: false });
        } else {
          const issues = entry.validateTask(t.task);
          if (issues.length === 0) results.push({ ...where, model: id, line: null, column: null, path: null, message: null, valid: true });
          for (const issue of issues) results.push({ ...where, model: id, ...locateIssue(t, issue.path), path: issue.path, message: issue.message, valid: false });
        }
      }
      const [first, ...rest] = results;
      if (!first) continue;
      if (first.valid) valid++;
      else invalid++;
      report.task([first, ...rest]);
      await after?.();
    }
  }
  report.end();
  return { valid, invalid };
}

const escapeGithub = (s: string): string => escapeTerminal(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
const escapeGithubProp = (s: string): string => escapeGithub(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
/** JSON text with the characters JSON.stringify leaves raw but a terminal may act on (C1, separators, bidi) escaped. */
const escapeJson = (s: string): string => s.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * A reporter that writes as it goes, in a format: text (colour when `color`; one line per task, each broken rule
 * under it), json (`{ "results": [...], "valid": n, "invalid": n }`), github (workflow annotations). Text from the
 * payloads and file names is escaped for the terminal.
 */
export function createReporter(format: ResultFormat, write: (text: string) => void, { color = false }: { color?: boolean } = {}): Reporter {
  const red = (s: string): string => (color ? `\x1b[31m${s}\x1b[39m` : s);
  const green = (s: string): string => (color ? `\x1b[32m${s}\x1b[39m` : s);
  const dim = (s: string): string => (color ? `\x1b[2m${s}\x1b[22m` : s);
  let valid = 0;
  let invalid = 0;
  let first = true;
  if (format === "json") write('{\n  "results": [');
  return {
    task(rs) {
      const r0 = rs[0];
      if (r0.valid) valid++;
      else invalid++;
      if (format === "json") {
        if (r0.valid) return;
        let text = "";
        for (const { valid: _, ...r } of rs) {
          text += `${first ? "" : ","}\n    ${escapeJson(JSON.stringify(r))}`;
          first = false;
        }
        write(text);
      } else if (format === "github") {
        if (r0.valid) return;
        write(rs.map((r) => `::error file=${escapeGithubProp(r.file)},line=${r.line},col=${r.column},title=${escapeGithubProp(`modelgen: ${r.model ?? "task"}`)}::${escapeGithub(`${r.path ? `${r.path}: ` : ""}${r.message}`)}\n`).join(""));
      } else {
        const name = `${escapeTerminal(r0.file)}${r0.index === null ? "" : `[${r0.index}]`}`;
        if (r0.valid) write(`${green("✓")} ${name} ${dim(escapeTerminal(String(r0.model)))}\n`);
        else write(`${red("✗")} ${name} ${dim(escapeTerminal(r0.model ?? ""))}\n${rs.map((r) => `    ${dim(`${escapeTerminal(r.file)}:${r.line}:${r.column}`)} ${escapeTerminal(String(r.message))}\n`).join("")}`);
      }
    },
    end() {
      if (format === "json") write(`${first ? "]" : "\n  ]"},\n  "valid": ${valid},\n  "invalid": ${invalid}\n}\n`);
      else write(`${valid} valid, ${invalid} invalid\n`);
    },
  };
}
