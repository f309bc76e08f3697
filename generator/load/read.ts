// Read a JSON or YAML document and keep a source map (JSON Pointer → line:column) for error messages.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import * as jsonc from "jsonc-parser";
import YAML from "yaml";
import { pointerOf } from "../../templates/validation/pointer.js";
import { SpecError, systemErrorText } from "../errors.js";
import type { SourceDocument, SourceLocation } from "../ir/types.js";
import { describeJsonError } from "../../templates/validate/json.js";

/** The largest spec, overlay or $ref'd file read (the real specs are under 100 KB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The deepest nesting of objects and arrays in a spec file (the real specs reach 17; each stage after load recurses). */
export const MAX_DEPTH = 100;

/**
 * The text of a regular file of at most MAX_FILE_BYTES. Opened without blocking and checked on the open
 * descriptor, so a FIFO, /dev/stdin or /dev/zero is refused before a byte is read, whatever the name pointed at
 * when it was checked before.
 */
export function readTextFile(file: string, shown = file): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new SpecError(shown, "", `cannot read the file (${systemErrorText(e)})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new SpecError(shown, "", `not a regular file (${fileKind(st)}); specs and the files they refer to must be regular files`);
    if (st.size > MAX_FILE_BYTES) throw new SpecError(shown, "", `the file is ${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`);
    // Read to the end, but never past the limit (the file may grow while it is read).
    const buf = Buffer.alloc(Math.min(st.size, MAX_FILE_BYTES) + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_FILE_BYTES) throw new SpecError(shown, "", `the file grew past the ${MAX_FILE_BYTES / 1048576} MB limit while it was read`);
    return withoutBom(shown, buf.subarray(0, n));
  } catch (e) {
    if (e instanceof SpecError) throw e;
    throw new SpecError(shown, "", `cannot read the file (${systemErrorText(e)})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a file's bytes. A UTF-8 byte order mark (which Windows editors write at the start of JSON and YAML)
 * is dropped: it is not part of the document. A UTF-16 or UTF-32 one is refused, saying so: the file is not UTF-8.
 */
function withoutBom(shown: string, bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  const utf32 = (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
  if (utf32 || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new SpecError(shown, "1:1", `the file starts with a ${utf32 ? "UTF-32" : "UTF-16"} byte order mark: it is not UTF-8; save it as UTF-8`);
  return bytes.toString("utf8");
}

function fileKind(st: import("node:fs").Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a file";
}

/**
 * Read `file` (or parse `text` as if it were that file's): YAML for .yaml/.yml, JSON otherwise. Regular files
 * only, at most MAX_FILE_BYTES, nested at most MAX_DEPTH deep.
 */
export function readDocument(file: string, text?: string): SourceDocument {
  text ??= readTextFile(file);
  if (/\.ya?ml$/i.test(file)) return checkDepth(parseYaml(file, text));
  checkJsonDepth(file, text);
  return parseJson(file, text);
}

/**
 * JSON nested deeper than `max` is refused before it is parsed (the parsers recurse): a scan of the text, outside
 * strings, for the bracket that goes one level too deep.
 */
export function checkJsonDepth(file: string, text: string, max = MAX_DEPTH): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) {
        const { line, column } = lineColumn(text, i);
        throw new SpecError(file, `${line}:${column}`, `nested more than ${max} levels deep (objects and arrays); the limit keeps every later stage's recursion bounded`);
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
}

/** The same limit on a parsed document (YAML), walked without recursion; the place is the first too-deep value. */
function checkDepth(doc: SourceDocument, max = MAX_DEPTH): SourceDocument {
  const stack: [unknown, (string | number)[]][] = [[doc.value, []]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, keys] = top;
    if (v === null || typeof v !== "object") continue;
    if (keys.length >= max) {
      const loc = doc.locate(keys);
      throw new SpecError(doc.file, loc ? `${loc.line}:${loc.column} (${pointerOf(keys)})` : pointerOf(keys), `nested more than ${max} levels deep (objects and arrays); the limit keeps every later stage's recursion bounded`);
    }
    for (const [k, child] of Object.entries(v)) stack.push([child, [...keys, Array.isArray(v) ? Number(k) : k]]);
  }
  return doc;
}

function lineColumn(text: string, offset: number): SourceLocation {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/**
 * Strict JSON (no comments, no trailing commas, unique keys); a SpecError names line:column otherwise. Text that
 * JSON.parse takes (nearly every spec) is JSON by jsonc-parser's strict reading too: its keys are checked by a scan
 * of the text, and jsonc-parser's tree, which only says where things are, is made when an error message first asks
 * (parsing it took more time than the rest of the load). Text JSON.parse refuses is read by jsonc-parser as before,
 * which names the place.
 */
export function parseJson(file: string, text: string): SourceDocument {
  let value: unknown;
  let parsed = false;
  try {
    value = JSON.parse(text);
    parsed = true;
  } catch {
    // jsonc-parser says where (below).
  }
  let tree: jsonc.Node | undefined;
  if (!parsed) {
    tree = strictTree(file, text);
    const duplicate = findDuplicateKey(tree);
    if (duplicate) throw duplicateKeyError(file, text, duplicate);
    value = JSON.parse(text);
  } else {
    const duplicate = firstDuplicateKey(text);
    if (duplicate) throw duplicateKeyError(file, text, duplicate);
  }
  return {
    file,
    text,
    value,
    locate(path) {
      tree ??= strictTree(file, text);
      let node = jsonc.findNodeAtLocation(tree, [...path]);
      // Point at the property's key where there is one: that is the line a person looks for.
      if (node?.parent?.type === "property") node = node.parent;
      return node ? lineColumn(text, node.offset) : undefined;
    },
  };
}

/** jsonc-parser's tree of strict JSON text, or the SpecError that names where the text is not JSON. */
function strictTree(file: string, text: string): jsonc.Node {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const error = errors[0];
  if (error || !tree) {
    const { line, column } = lineColumn(text, error?.offset ?? 0);
    const what = error ? jsonc.printParseErrorCode(error.error) : "EmptyContent";
    // A byte order mark inside the text (one at the start is dropped when the file is read) is invisible: name it.
    if (text.charCodeAt(error?.offset ?? 0) === 0xfeff) throw new SpecError(file, `${line}:${column}`, "invalid JSON (a byte order mark, U+FEFF, where a value or a bracket was expected; remove it)");
    throw new SpecError(file, `${line}:${column}`, `invalid JSON (${describeJsonError(what)})`);
  }
  return tree;
}

/** JSON.parse keeps the last of two equal keys without a word; the spec a person reads would not be the one generated. */
function duplicateKeyError(file: string, text: string, duplicate: { key: string; offset: number }): SpecError {
  const { line, column } = lineColumn(text, duplicate.offset);
  return new SpecError(file, `${line}:${column}`, `duplicate key ${JSON.stringify(duplicate.key)} in one object; JSON parsers silently keep the last, so keys must be unique`);
}

/**
 * findDuplicateKey's answer, from the text of valid JSON without a tree: the objects in the order they open (the
 * tree's preorder), the first that holds a key twice, and in it the key's second occurrence first in the text.
 */
export function firstDuplicateKey(text: string): { key: string; offset: number } | null {
  // Per open container: its order of opening and its keys (null for an array).
  const stack: { readonly order: number; readonly keys: Set<string> | null }[] = [];
  let opened = 0;
  let best: { order: number; key: string; offset: number } | null = null;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92 /* \ */) {
          escaped = true;
          i++;
        }
      }
      if (!expectKey) continue;
      expectKey = false;
      const top = stack[stack.length - 1]!;
      if (best !== null && best.order <= top.order) continue;
      const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
      if (top.keys!.has(key)) best = { order: top.order, key, offset: start };
      else top.keys!.add(key);
    } else if (c === 123 /* { */) {
      stack.push({ order: opened++, keys: new Set() });
      expectKey = true;
    } else if (c === 91 /* [ */) {
      stack.push({ order: opened++, keys: null });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 44 /* , */) {
      expectKey = stack[stack.length - 1]?.keys != null;
    }
  }
  return best === null ? null : { key: best.key, offset: best.offset };
}

/** The first object key that appears twice in one object, with its offset (iterative: no recursion limit). */
export function findDuplicateKey(root: jsonc.Node): { key: string; offset: number } | null {
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "object") {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        // A property node's first child is its key, a string node (the tree parsed without errors).
        const keyNode = prop.children?.[0];
        if (keyNode === undefined) continue;
        const key = String(keyNode.value);
        if (seen.has(key)) return { key, offset: keyNode.offset };
        seen.add(key);
      }
    }
    // Children pushed in reverse so the first duplicate in document order is found first.
    for (let k = (node.children ?? []).length - 1; k >= 0; k--) stack.push(node.children![k]!);
  }
  return null;
}

/** A jsonc parse error in words: the runtime's words, which validate uses for payloads. */
export { describeJsonError };

/** yaml's bound on alias expansion: how many aliases one alias's value may hold (its default, said here). */
const MAX_ALIAS_COUNT = 100;

/** YAML 1.2 with unique keys, no merge keys, and a bound on alias expansion (a "billion laughs" file). */
export function parseYaml(file: string, text: string): SourceDocument {
  const lineCounter = new YAML.LineCounter();
  let doc: YAML.Document.Parsed;
  try {
    doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  } catch (e) {
    // The composer recurses per level: a file nested thousands deep overflows the stack before checkDepth runs.
    if (e instanceof RangeError) throw new SpecError(file, "1:1", `nested too deep to read (more than ${MAX_DEPTH} levels is refused anyway)`);
    throw e;
  }
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    // yaml reports its own stack overflow as a parse error: say what it means.
    if (/Maximum call stack/.test(error.message)) throw new SpecError(file, `${line}:${col}`, `nested too deep to read (more than ${MAX_DEPTH} levels is refused anyway)`);
    throw new SpecError(file, `${line}:${col}`, `invalid YAML (${error.message.split("\n")[0]})`);
  }
  if (doc.contents === null) throw new SpecError(file, "1:1", "the file is empty");
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof RangeError) throw new SpecError(file, "1:1", `nested too deep to read (more than ${MAX_DEPTH} levels is refused anyway)`);
    // yaml's guard against a "billion laughs" file (aliases of aliases, each multiplying the values): a
    // ReferenceError of its own, which was an unexpected error (a stack trace) instead of a refusal naming the file.
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      let first: YAML.Alias | undefined;
      YAML.visit(doc, { Alias: (_, node) => ((first = node), YAML.visit.BREAK) });
      const at = (first as YAML.Alias | undefined)?.range?.[0];
      const { line, col } = at === undefined ? { line: 1, col: 1 } : lineCounter.linePos(at);
      throw new SpecError(file, `${line}:${col}`, `its YAML aliases expand too far (aliases of aliases multiply the values, as in a "billion laughs" file; the limit is yaml's maxAliasCount of ${MAX_ALIAS_COUNT}); write the values out or use fewer aliases`);
    }
    throw e;
  }
  return {
    file,
    text,
    value,
    locate(path) {
      // The key of the pair where there is one (the line a person looks for), else the node itself.
      const parent = path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
      const last = String(path.at(-1));
      const pair = YAML.isMap(parent) ? parent.items.find((p) => keyText(p.key) === last) : undefined;
      const node = doc.getIn(path, true);
      const range = (YAML.isNode(pair?.key) ? pair.key.range : undefined) ?? (YAML.isNode(node) ? node.range : undefined);
      if (!range) return undefined;
      const { line, col } = lineCounter.linePos(range[0]);
      return { line, column: col };
    },
  };
}

const keyText = (key: unknown): string => String(YAML.isScalar(key) ? key.value : key);
