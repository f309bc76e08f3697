// $refs to other files, confined to the specs root (OpenAPI 3.1 §4.8.23 Reference Object, JSON Schema 2020-12 §8.2.3.1).
// Specs are untrusted input: a $ref may only read a JSON or YAML regular file under the root (the --specs folder,
// or the folder of a spec given alone), after symlinks are followed, of at most MAX_FILE_BYTES. Every file is
// checked and read here, both by the pre-scan (refFiles: the cache key, and the error that names the $ref) and by
// json-schema-ref-parser itself (refParserOptions: it reads through readRefFile, never on its own).
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FileInfo, ParserOptions } from "@apidevtools/json-schema-ref-parser";
import { MAX_DEPTH, readDocument, readTextFile } from "./read.js";
import { escapeToken, pointerOf, tokensOf } from "../../templates/validation/pointer.js";
import { SpecError } from "../errors.js";
import { isPlain } from "../json.js";
import type { SourceDocument, SpecEntry } from "../ir/types.js";

/** A path as shown to people: relative to the working folder when inside it. */
const shown = (p: string): string => {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p).replace(/\\/g, "/");
};

/** The folder a spec's $refs are confined to, as a real path (symlinks resolved). */
export function refRoot(entry: SpecEntry): string {
  const root = path.resolve(entry.root ?? path.dirname(entry.file));
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

const inside = (root: string, p: string): boolean => {
  const rel = path.relative(root, p);
  return rel === "" || (!rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel));
};

/** Why a file may not be read through a $ref (a phrase), or its real path. */
function confine(abs: string, root: string): { real: string } | { refused: string } {
  if (!inside(root, abs)) return { refused: `${shown(abs)} is outside the specs root ${shown(root)}; a $ref may only read files under it` };
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    const code = e instanceof Error && "code" in e ? String(e.code) : "";
    if (code === "ELOOP") return { refused: `${shown(abs)} is a loop of symbolic links` };
    return { refused: `no such file ${shown(abs)}` };
  }
  if (!inside(root, real)) return { refused: `${shown(abs)} is a symbolic link to ${real}, outside the specs root ${shown(root)}` };
  if (!/\.(json|ya?ml)$/i.test(real)) return { refused: `${shown(abs)} is not a JSON or YAML file (a $ref must name a .json, .yaml or .yml file holding a schema)` };
  return { real };
}

/** Read a file a $ref names, or throw a plain Error saying why not (the caller names the $ref). */
export function readRefFile(abs: string, root: string): SourceDocument {
  const c = confine(abs, root);
  if ("refused" in c) throw new Error(c.refused);
  try {
    return readDocument(shown(abs), readTextFile(c.real, shown(abs)));
  } catch (e) {
    if (e instanceof SpecError) throw new Error(e.message);
    throw e;
  }
}

/** Where a $ref written in `from` points: a file and a fragment; null for a $ref inside the same document. */
export function refTarget(ref: string, from: string): { file: string; fragment: string } | null {
  if (ref.startsWith("#")) return null;
  const hash = ref.indexOf("#");
  const target = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? "" : ref.slice(hash);
  if (/^file:/i.test(target)) return { file: path.resolve(fileURLToPath(target)), fragment };
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) throw new Error("points at a URL; modelgen never fetches at generation time: vendor the schema beside the spec and refer to the file");
  return { file: path.resolve(path.dirname(path.resolve(from)), decodeURIComponent(target)), fragment };
}

/**
 * Each `$ref` string in a document with the keys of the object that holds it, in document order. Only objects are
 * walked, each with a link to its parent: the keys are made for the objects that hold a $ref, not for every node.
 */
function refsIn(value: unknown): [string, string[]][] {
  type Chain = { readonly up: Chain | null; readonly key: string };
  const keysAt = (c: Chain | null): string[] => {
    const keys: string[] = [];
    for (; c !== null; c = c.up) keys.push(c.key);
    return keys.reverse();
  };
  const out: [string, string[]][] = [];
  const stack: [object, Chain | null][] = value !== null && typeof value === "object" ? [[value, null]] : [];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, chain] = top;
    if (isPlain(node) && typeof node.$ref === "string") out.push([node.$ref, keysAt(chain)]);
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (k === "$ref") continue;
      const v: unknown = (node as Record<string, unknown>)[k];
      if (v !== null && typeof v === "object") stack.push([v, { up: chain, key: k }]);
    }
  }
  return out;
}

function where(doc: SourceDocument, keys: readonly string[]): string {
  const loc = doc.locate(keys);
  return loc ? `${loc.line}:${loc.column} (${pointerOf(keys) || "/"})` : pointerOf(keys) || "/";
}

/**
 * Every file the spec reads through $ref, transitively, each checked and read through readRefFile: real path →
 * document. `value` is the spec as loaded (overlays applied), `source` the file as written (for line numbers).
 * A refused $ref is a SpecError naming the file it is written in, its place, the $ref and why.
 */
export function refFiles(file: string, value: unknown, source: SourceDocument, root: string): Map<string, SourceDocument> {
  const read = new Map<string, SourceDocument>();
  const queue: [string, unknown, SourceDocument][] = [[path.resolve(file), value, source]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [from, doc, fromSource] = next;
    for (const [ref, keys] of refsIn(doc)) {
      const fail = (why: string) => new SpecError(fromSource.file, where(fromSource, [...keys, "$ref"]), `$ref ${JSON.stringify(ref)}: ${why}`);
      let target;
      try {
        target = refTarget(ref, from);
      } catch (e) {
        throw fail(e instanceof Error ? e.message : String(e));
      }
      if (!target) continue;
      let real: string;
      let targetDoc: SourceDocument | undefined;
      try {
        const c = confine(target.file, root);
        if ("refused" in c) throw new Error(c.refused);
        real = c.real;
        targetDoc = read.get(real);
        if (!targetDoc) {
          targetDoc = readRefFile(target.file, root);
          read.set(real, targetDoc);
          queue.push([real, targetDoc.value, targetDoc]);
        }
      } catch (e) {
        throw fail(e instanceof Error ? e.message : String(e));
      }
      let node: unknown = targetDoc.value;
      for (const k of tokensOf(target.fragment)) {
        if (node === null || typeof node !== "object" || !Object.hasOwn(node, k)) throw fail(`nothing at ${target.fragment} in ${targetDoc.file}`);
        node = Object.getOwnPropertyDescriptor(node, k)?.value;
      }
      if (node === null || (typeof node !== "object" && typeof node !== "boolean")) {
        const at = target.fragment ? `${target.fragment} in ${targetDoc.file}` : targetDoc.file;
        throw fail(`${at} holds ${node === null ? "null" : `a ${typeof node}`}, not a schema or an OpenAPI object`);
      }
    }
  }
  return read;
}

/**
 * Whether a document may name another file through `$ref`, decided by parsing it (never by matching its text: in
 * YAML a `$ref` key may be an alias, quoted, escaped, or have its value on the next line after a comment). Only a
 * file with neither the letters `$ref` nor any backslash escape is known to hold none without parsing it.
 */
function mayReferToFiles(file: string, text: string): boolean {
  if (!text.includes("$ref") && !text.includes("\\")) return false;
  // JSON without a backslash spells every $ref key and its value literally: each `"$ref": "…"` is one, and a
  // value that does not start with # may name a file. Without a parse, this costs a regeneration's keying far less.
  if (!/\.ya?ml$/i.test(file) && !text.includes("\\")) {
    for (const m of text.matchAll(/"\$ref"\s*:\s*"([^"]*)"/g)) if (!m[1]!.startsWith("#")) return true;
    return false;
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) ? readDocument(file, text).value : JSON.parse(text);
  } catch {
    return true; // unreadable: let the full scan (and loadSpec) say why
  }
  // The $refs refsIn finds, without the place of each (the full scan finds those when one names a file).
  const stack: unknown[] = [value];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === null || typeof node !== "object") continue;
    if (isPlain(node) && typeof node.$ref === "string" && !node.$ref.startsWith("#")) return true;
    for (const v of Array.isArray(node) ? node : Object.values(node)) if (v !== null && typeof v === "object") stack.push(v);
  }
  return false;
}

/**
 * The texts of every file a spec reads through $ref, transitively, each after its path: for the cache key (a
 * change in a shared fragment regenerates the specs that use it). `files`: the spec, then its overlays. Never
 * throws: a spec whose $refs are refused gets a marker, and loadSpec reports it (a failing spec is never cached).
 * `known`: the texts of `files` where the caller has them.
 */
export function refInputs(entry: SpecEntry, files: readonly string[], known: readonly (string | undefined)[] = []): string[] {
  try {
    // Texts the caller has read already are not read again (undefined: it could not read that file).
    const texts = files.map((f, i) => known[i] ?? readTextFile(f));
    // The full scan (positions, every file read) only when a parsed document names another file.
    if (!files.some((f, i) => mayReferToFiles(f, texts[i]!))) return [];
    const [spec, ...overlays] = files.map((f, i) => readDocument(f, texts[i]));
    if (!spec) return [];
    const root = refRoot(entry);
    const read = refFiles(entry.file, spec.value, spec, root);
    // An overlay's $refs land in the spec: they resolve from the spec's folder.
    for (const o of overlays) for (const [k, v] of refFiles(entry.file, o.value, o, root)) read.set(k, v);
    return [...read].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([real, doc]) => `${real}\0${doc.text}`);
  } catch (e) {
    return [`<refused: ${e instanceof Error ? e.message : String(e)}>`];
  }
}

/** A file URL or path as json-schema-ref-parser hands it to a resolver → a file-system path. */
function fsPath(url: string): string {
  if (/^file:/i.test(url)) return fileURLToPath(url);
  return path.resolve(decodeURI(url));
}

/**
 * json-schema-ref-parser options that read files only through readRefFile (and nothing over the network), and
 * parse nothing themselves: the resolver hands over the document readDocument parsed.
 */
export function refParserOptions(root: string, prepare: (value: unknown) => unknown): ParserOptions {
  return {
    resolve: {
      external: true,
      http: false,
      file: { order: 1, canRead: true, read: (file: FileInfo) => JSON.stringify(prepare(readRefFile(fsPath(file.url), root).value)) },
    },
    parse: { yaml: false, text: false, binary: false, json: { order: 1, canParse: true, allowEmpty: false } },
    dereference: { circular: false },
  };
}

/**
 * The most values a spec may hold once its $refs are inlined. The largest real spec holds about 2,000 (test/fixtures,
 * /work/shared/real-specs and its fal documents); every later stage costs time and memory in proportion to this
 * number (normalize, Ajv's compile, the validator it writes), and 50,000 takes about ten seconds to lint.
 */
export const MAX_INLINED_VALUES = 50_000;
/** The deepest nesting (objects, arrays and $ref hops) once $refs are inlined. */
export const MAX_INLINED_DEPTH = 2 * MAX_DEPTH;

/** What inlinedSize did: the values it visited (each object once, each $ref target once). */
export interface InlineStats {
  steps: number;
}

/**
 * How many values the spec holds once its $refs are inlined, counted before anything is inlined: each $ref target
 * is counted once and remembered (by real file and fragment), so the count costs the size of the files, not of the
 * result, and it stops as soon as it passes `budget`: N schemas each referring twice to the next are refused in
 * a few hundred steps, not after 2^N. `value` is the spec (overlays applied), `files` every file its $refs read
 * (refFiles, by real path). A SpecError names the place where the budget or the depth was passed.
 */
export function inlinedSize(file: string, value: unknown, source: SourceDocument, files: ReadonlyMap<string, SourceDocument>, budget = MAX_INLINED_VALUES, stats: InlineStats = { steps: 0 }): number {
  const specFile = path.resolve(file);
  const realOf = (f: string): string => {
    try {
      return realpathSync(f);
    } catch {
      return f;
    }
  };
  const specReal = realOf(specFile);
  // By file, then by pointer (a pointer used as a key is made flat once, and its children's pointers extend it).
  const memo = new Map<string, Map<string, number>>();
  const open = new Map<string, Set<string>>();
  const inFile = <T>(m: Map<string, T>, file: string, make: () => T): T => {
    let x = m.get(file);
    if (x === undefined) m.set(file, (x = make()));
    return x;
  };
  const refuse = (doc: SourceDocument, keys: readonly string[], why: string) => new SpecError(doc.file, where(doc, keys), why);
  // A node that is that large as written is not told that its $refs multiply (counted only when refusing).
  const tooMany = (doc: SourceDocument, keys: readonly string[], largest: readonly [string, number], node: unknown) =>
    refuse(
      doc,
      keys,
      writtenSize(node, budget) <= budget
        ? `more than ${budget} values once its $refs are inlined (${pointerOf([...keys, largest[0]])} alone holds ${largest[1]}): $refs that repeat at each level multiply; the largest real spec holds about 2,000`
        : `more than ${budget} values as written (${pointerOf([...keys, largest[0]])} alone holds ${largest[1]}); the largest real spec holds about 2,000, and every later stage costs in proportion`,
    );

  /**
   * The size of `node`, written in `from` (a real path) at `place` of `doc`; `depth`: levels and $ref hops so far.
   * Every object is remembered by its place (file and pointer), whether reached in place or through a $ref. A
   * place is its pointer text, grown one token per level (a list of keys copied and joined at every node made the
   * count quadratic in the depth); its keys are made from the chain only for an error message.
   */
  const size = (node: unknown, from: string, doc: SourceDocument, place: Place | null, depth: number): number => {
    stats.steps++;
    if (node === null || typeof node !== "object") return 1;
    const ptr = place === null ? "" : place.ptr;
    const fileMemo = inFile(memo, from, () => new Map<string, number>());
    const known = fileMemo.get(ptr);
    if (known !== undefined) return known;
    if (depth > MAX_INLINED_DEPTH) throw refuse(doc, keysOf(place), `nested more than ${MAX_INLINED_DEPTH} levels deep (objects, arrays and $ref hops) once its $refs are inlined`);
    const fileOpen = inFile(open, from, () => new Set<string>());
    fileOpen.add(ptr);
    let n = 1;
    const ref = isPlain(node) && typeof node.$ref === "string" ? node.$ref : undefined;
    let largest: [string, number] = ["$ref", ref !== undefined ? refSize(ref, from, doc, place, depth) : 0];
    n += largest[1];
    for (const [k, v] of Object.entries(node)) {
      if (n > budget) break;
      if (k === "$ref" && ref !== undefined) continue;
      // A value that is not an object is one value, with no place to remember.
      let m: number;
      if (v === null || typeof v !== "object") {
        stats.steps++;
        m = 1;
      } else m = size(v, from, doc, { up: place, key: k, ptr: `${ptr}/${escapeKey(k)}` }, depth + 1);
      if (m > largest[1]) largest = [k, m];
      n += m;
    }
    if (n > budget) throw tooMany(doc, keysOf(place), largest, node);
    fileOpen.delete(ptr);
    fileMemo.set(ptr, n);
    return n;
  };
  const refSize = (ref: string, from: string, doc: SourceDocument, place: Place | null, depth: number): number => {
    let target: { file: string; fragment: string } | null;
    try {
      target = refTarget(ref, from);
    } catch {
      return 1; // refFiles reports it
    }
    const real = target ? realOf(target.file) : from;
    const fragmentKeys = tokensOf(target ? target.fragment : ref);
    const targetDoc = real === specReal ? source : files.get(real);
    if (!targetDoc) return 1; // not read (refused): refFiles reports it
    const fragmentPlace = placeOfKeys(fragmentKeys);
    if (open.get(real)?.has(fragmentPlace === null ? "" : fragmentPlace.ptr)) throw refuse(doc, [...keysOf(place), "$ref"], `circular $ref ${JSON.stringify(ref)}; a request schema must be finite`);
    let node: unknown = real === specReal ? value : targetDoc.value;
    for (const k of fragmentKeys) {
      if (node === null || typeof node !== "object" || !Object.hasOwn(node, k)) return 1; // checkInternalRefs and refFiles report it
      node = Object.getOwnPropertyDescriptor(node, k)?.value;
    }
    return size(node, real, targetDoc, fragmentPlace, depth + 1);
  };
  return size(value, specReal, source, null, 0);
}

/** A place in a document: its key under the place above, and its JSON Pointer (RFC 6901) text. */
export interface Place {
  readonly up: Place | null;
  readonly key: string;
  readonly ptr: string;
}

/** escapeToken, without its two replacements for the keys that need none (nearly all). */
export const escapeKey = (key: string): string => (key.includes("~") || key.includes("/") ? escapeToken(key) : key);

/** The place of a list of keys (null: the document itself). */
export const placeOfKeys = (keys: readonly string[]): Place | null => keys.reduce<Place | null>((up, key) => ({ up, key, ptr: `${up === null ? "" : up.ptr}/${escapeKey(key)}` }), null);

/** The keys of a place, from the document down. */
export function keysOf(place: Place | null): string[] {
  const keys: string[] = [];
  for (let p = place; p !== null; p = p.up) keys.push(p.key);
  return keys.reverse();
}

/** How many values `node` holds as written ($refs not followed), counted up to `budget` + 1. */
function writtenSize(node: unknown, budget: number): number {
  let n = 0;
  const stack: unknown[] = [node];
  while (stack.length && n <= budget) {
    const v = stack.pop();
    n++;
    if (v !== null && typeof v === "object") for (const child of Object.values(v)) stack.push(child);
  }
  return n;
}

/**
 * A bundled document (objects shared where $refs pointed at one place) must stay small once inlined: a backstop
 * for inlinedSize, counted the same way without recursion, each shared object once.
 */
export function checkBundled(file: string, doc: object, maxDepth = MAX_INLINED_DEPTH): void {
  const memo = new Map<object, { depth: number; size: number }>();
  const stack: [object, boolean][] = [[doc, false]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, done] = top;
    if (memo.has(node)) continue;
    const children = Object.values(node).filter((v): v is object => v !== null && typeof v === "object");
    if (!done) {
      stack.push([node, true]);
      for (const c of children) if (!memo.has(c)) stack.push([c, false]);
      continue;
    }
    let depth = 0;
    let size = 1 + Object.keys(node).length - children.length;
    for (const c of children) {
      const m = memo.get(c);
      if (!m) continue;
      depth = Math.max(depth, m.depth);
      size += m.size;
    }
    memo.set(node, { depth: depth + 1, size });
  }
  const top = memo.get(doc);
  if (top && top.depth > maxDepth) throw new SpecError(file, "", `nested more than ${maxDepth} levels deep once its $refs are inlined`);
  if (top && top.size > MAX_INLINED_VALUES) throw new SpecError(file, "", `${top.size} values once its $refs are inlined (more than ${MAX_INLINED_VALUES}): $refs that repeat at each level multiply`);
}
