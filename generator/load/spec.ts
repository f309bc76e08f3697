// Load one model spec: read, apply overlays, check it is OpenAPI 3.x, bundle $refs, find the task schema.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { readDocument } from "./read.js";
import { applyOverlay } from "./overlay.js";
import { MAX_INLINED_DEPTH, checkBundled, escapeKey, inlinedSize, keysOf, placeOfKeys, refFiles, refParserOptions, refRoot, type Place } from "./refs.js";
import { pointerOf, tokensOf } from "../../templates/validation/pointer.js";
import { SpecError } from "../errors.js";
import { canonical, isPlain, objectFrom } from "../json.js";
import { recogniseProvider, type Provider } from "../providers/index.js";
import type { Json, JsonObject, LoadedSpec, Operation, RequestExample, SchemaObject, SourceDocument, SpecEntry } from "../ir/types.js";

const SPEC_FILE = /\.(json|ya?ml)$/i;
const OVERLAY_FILE = /\.overlay\.(json|ya?ml)$/i;

/** A path as shown to people and written into banners: relative to the working folder when inside it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p).replace(/\\/g, "/");
}

/**
 * Expand --specs arguments into spec entries { file, root }, sorted by file. A directory is the root of the spec
 * files below it (overlays excluded, and files and folders named `_…`, which hold shared fragments for $ref); a file
 * given alone has no root. Below a root, a symbolic link must lead to a file or folder inside it: a link that leads
 * outside, dangles or loops is an error naming it. A file given twice is listed once.
 */
export function findSpecFiles(specArgs: readonly string[]): SpecEntry[] {
  const out: SpecEntry[] = [];
  for (const arg of specArgs) {
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      const code = e instanceof Error && "code" in e ? e.code : "";
      throw new SpecError(arg, "", code === "ELOOP" ? "a loop of symbolic links" : "no such file or directory");
    }
    if (st.isDirectory()) {
      for (const file of walk(arg, realpathSync(arg), [realpathSync(arg)])) out.push({ file: displayPath(file), root: displayPath(arg) });
    } else {
      out.push({ file: displayPath(arg), root: null });
    }
  }
  // A file reached twice (`--specs specs --specs specs`, or a folder and a file in it) is one spec: the first wins.
  const seen = new Set<string>();
  const unique = out.filter((e) => {
    const key = path.resolve(e.file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Whether `p` is `dir` or below it. */
const within = (dir: string, p: string): boolean => {
  const rel = path.relative(dir, p);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

/**
 * A folder `generate` wrote (it holds its manifest) or is writing (`<out>.modelgen-tmp-<pid>`, `-old-<pid>`):
 * an --out inside --specs is not read as specs on the next run.
 */
const isOutputFolder = (name: string, p: string): boolean => /\.modelgen-(tmp|old)-\d+$/.test(name) || existsSync(path.join(p, ".modelgen-manifest.json"));

/** Spec files under `dir`; `root` and the real paths of the folders walked down (`ancestors`) are real paths. */
function walk(dir: string, root: string, ancestors: readonly string[]): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith("_")) continue;
    const p = path.join(dir, name);
    if (lstatSync(p).isDirectory() && isOutputFolder(name, p)) continue;
    let st = lstatSync(p);
    if (st.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch (e) {
        const code = e instanceof Error && "code" in e ? e.code : "";
        const to = readlinkSafe(p);
        throw new SpecError(displayPath(p), "", code === "ELOOP" ? `a loop of symbolic links (→ ${to})` : `a symbolic link to ${to}, which does not exist`);
      }
      st = statSync(real);
      if (!within(root, real)) {
        if (!st.isDirectory() && !SPEC_FILE.test(name)) continue;
        throw new SpecError(displayPath(p), "", `a symbolic link to ${real}, outside the specs folder ${displayPath(root)}; specs are read only from inside it`);
      }
      if (st.isDirectory() && ancestors.includes(real)) throw new SpecError(displayPath(p), "", `a symbolic link back to ${displayPath(real)}, a folder it is in: a loop`);
      if (st.isDirectory()) {
        files.push(...walk(p, root, [...ancestors, real]));
        continue;
      }
    }
    if (st.isDirectory()) files.push(...walk(p, root, [...ancestors, realpathSync(p)]));
    else if (SPEC_FILE.test(name) && !OVERLAY_FILE.test(name)) files.push(p);
  }
  return files;
}

function readlinkSafe(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return "?";
  }
}

/** `<root>/a/b.json` → `a/b`; a file without a root → its own name. A trailing `.openapi` is dropped too. */
export function moduleName(file: string, root: string | null): string {
  const rel = root ? path.relative(root, file) : path.basename(file);
  return rel.replace(/\\/g, "/").replace(SPEC_FILE, "").replace(/\.openapi$/i, "");
}

/** Overlays that apply to a spec: `<name>.overlay.yaml|yml|json` beside it, then the ones given explicitly. */
export function overlaysFor(file: string, extra: readonly string[] = []): string[] {
  const base = file.replace(SPEC_FILE, "");
  const beside = ["yaml", "yml", "json"].map((e) => `${base}.overlay.${e}`).filter((f) => existsSync(f));
  return [...beside, ...extra].map(displayPath);
}

/**
 * The same value with every object's keys sorted, except the keys of a schema's `properties`: their order is the
 * spec's, the order a person reads the properties in (interfaces and README tables keep it). Their values are put
 * in order the same way.
 */
export function specOrder(v: Json): Json;
export function specOrder(v: unknown): unknown;
export function specOrder(v: unknown, inProperties = false): unknown {
  if (Array.isArray(v)) return v.map((x: unknown) => specOrder(x));
  if (isPlain(v)) {
    const keys = inProperties ? Object.keys(v) : Object.keys(v).sort();
    return objectFrom(keys, (k) => (specOrder as (v: unknown, p: boolean) => unknown)(v[k], !inProperties && k === "properties"));
  }
  return v;
}

const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

/** A spec to load: where it was found, and the overlays given on the command line (after the ones beside it). */
export interface LoadRequest extends SpecEntry {
  readonly overlays?: readonly string[];
}

/** Read a spec and its overlays, check it, bundle its $refs and find the task schema (see LoadedSpec). */
export async function loadSpec({ file, root: entryRoot, overlays = [] }: LoadRequest): Promise<LoadedSpec> {
  const source = readDocument(file);
  const overlayDocs = overlaysFor(file, overlays).map((f) => readDocument(f));
  let value = source.value;
  for (const o of overlayDocs) value = applyOverlay(value, o);
  // Object keys sorted once, here: nothing downstream depends on the order a spec happens to list them in, but for
  // the properties, which keep the spec's order (the hash below sorts them too).
  value = specOrder(value);
  checkOpenApi(file, value, source);
  // checkOpenApi found an object; its values are JSON (read from JSON or YAML text).
  const provider = recogniseProvider(file, value as JsonObject, (keys) => where(source, keys));
  checkInternalRefs(file, value, source);
  // Every file a $ref reads, checked before json-schema-ref-parser reads anything (and it reads only through
  // refParserOptions' resolver, the same checks): the error names the $ref.
  const root = refRoot({ file, root: entryRoot });
  const files = refFiles(file, value, source, root);
  // What the $refs would expand to, counted before anything is inlined (each target once), within a budget.
  inlinedSize(file, value, source, files);
  // Loaded here, on the first spec loaded: keying specs (findSpecFiles, moduleName, overlaysFor) does not need it.
  const { default: $RefParser } = await import("@apidevtools/json-schema-ref-parser");
  // Each POST body's $ref as written, read before the ref parser replaces it (findTask places errors by it).
  const bodyRefs = writtenBodyRefs(value);
  let dereferenced: object;
  try {
    // The ref parser changes the document it is given: it gets `value` itself, a copy of the file's value that
    // specOrder made, and nothing reads `value` after it but the body $refs kept above. (What a JSON copy would change,
    // -0 or a YAML .inf, the ref parser only carries along, and jsonTree changes below.)
    dereferenced = await $RefParser.dereference(path.resolve(file), value as object, refParserOptions(root, specOrder));
  } catch (e) {
    if (e instanceof SpecError) throw e;
    const keys = e !== null && typeof e === "object" && "path" in e && Array.isArray(e.path) ? e.path.map(String) : null;
    throw new SpecError(file, keys ? pointerOf(keys) : "", `cannot resolve a $ref (${e instanceof Error ? e.message : String(e)})`);
  }
  checkBundled(file, dereferenced);
  // Dereferencing shares objects between the places that referred to them; later stages expect a tree.
  const doc = jsonTree(dereferenced);
  const task = findTask(file, doc, source, bodyRefs, provider);
  const hash = sha256([source.value, ...overlayDocs.map((o) => o.value)].map((v) => JSON.stringify(canonical(v))).join("\0"));
  return {
    file,
    name: moduleName(file, entryRoot),
    hash,
    overlays: overlayDocs.map((o) => o.file),
    provider: provider.name,
    source,
    doc,
    ...task,
  };
}

/** A JSON copy of an object: a tree (no shared or circular objects), with only JSON values in it. */
function jsonTree(v: object): JsonObject {
  const copy: Json = JSON.parse(JSON.stringify(v));
  if (!isPlain(copy)) throw new Error("load: the bundled document is not an object");
  return copy;
}

/** The value at `keys`, through objects only. */
function valueAt(node: Json | undefined, keys: readonly string[]): Json | undefined;
function valueAt(node: unknown, keys: readonly string[]): unknown;
function valueAt(node: unknown, keys: readonly string[]): unknown {
  for (const k of keys) node = isPlain(node) ? node[k] : undefined;
  return node;
}

/** Entries of an object or array; none for anything else. */
const entriesOf = <T>(v: T): [string, unknown][] => (v !== null && typeof v === "object" ? Object.entries(v) : []);

function whereRaw(source: SourceDocument, ptr: string): string {
  return where(source, tokensOf(ptr));
}

function where(source: SourceDocument, keys: readonly (string | number)[]): string {
  const loc = source.locate(keys);
  return loc ? `${loc.line}:${loc.column} (${pointerOf(keys) || "/"})` : pointerOf(keys) || "/";
}

/** The top of an OpenAPI 3.x document, as checkOpenApi found it. */
interface OpenApiTop {
  readonly [key: string]: unknown;
  readonly openapi: string;
  readonly info: object;
  readonly paths: object;
}

function checkOpenApi(file: string, doc: unknown, source: SourceDocument): asserts doc is OpenApiTop {
  if (!isPlain(doc)) throw new SpecError(file, "1:1", "expected an OpenAPI 3.x document (an object at the top)");
  if (doc.openapi === undefined && isPlain(doc.error)) {
    const { code, message } = doc.error;
    const said = [code, message].filter((x) => typeof x === "string").join(": ");
    throw new SpecError(file, where(source, ["error"]), `an error answer instead of a spec${said ? ` (${said})` : ""}`);
  }
  if (typeof doc.openapi !== "string" || !/^3\.\d+\.\d+/.test(doc.openapi)) {
    const found = doc.swagger ? `swagger ${String(doc.swagger)}` : JSON.stringify(doc.openapi);
    throw new SpecError(file, where(source, doc.openapi ? ["openapi"] : []), `expected \`openapi: 3.x.y\`, found ${found}`);
  }
  if (!doc.info || typeof doc.info !== "object") throw new SpecError(file, where(source, []), "expected an `info` object");
  if (!doc.paths || typeof doc.paths !== "object") throw new SpecError(file, where(source, []), "expected a `paths` object");
}

/** A JSON object or array that has a string `$ref`. */
const refOf = (node: unknown): string | undefined => (isPlain(node) && typeof node.$ref === "string" ? node.$ref : undefined);

/**
 * Every local $ref must point at something, and must not loop: say which $ref, where. Each $ref target is walked
 * once (a depth-first search that remembers the targets it finished), so N schemas each referring twice to the
 * next cost N walks, not 2^N.
 */
export function checkInternalRefs(file: string, doc: unknown, source: SourceDocument, stats: { steps: number } = { steps: 0 }): void {
  const resolve = (ref: string): unknown => {
    let node = doc;
    for (const k of tokensOf(ref)) {
      if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, k)) return undefined;
      node = Object.getOwnPropertyDescriptor(node, k)?.value;
    }
    return node;
  };
  const done = new Set<string>();
  // A node's place is its pointer text, grown one token per level (refs.ts: Place); keys only for an error message.
  const visit = (node: unknown, place: Place | null, stack: readonly string[]): void => {
    stats.steps++;
    if (node === null || typeof node !== "object") return;
    // A place already walked as a $ref's target (with everything it reaches) is not walked again.
    // `done` holds the targets' pointers without their "#" (a pointer used as a key is made flat once, and its
    // children's pointers extend it).
    const ptr = place === null ? "" : place.ptr;
    if (done.has(ptr)) return;
    const ref = refOf(node);
    if (ref !== undefined && ref.startsWith("#") && !done.has(ref.slice(1))) {
      const target = resolve(ref);
      if (target === undefined) throw new SpecError(file, where(source, [...keysOf(place), "$ref"]), `unresolvable $ref ${JSON.stringify(ref)}: nothing at that pointer`);
      if (stack.includes(ref)) throw new SpecError(file, where(source, [...keysOf(place), "$ref"]), `circular $ref ${JSON.stringify(ref)} (${[...stack, ref].join(" → ")}); a request schema must be finite`);
      if (stack.length >= MAX_INLINED_DEPTH) throw new SpecError(file, where(source, [...keysOf(place), "$ref"]), `more than ${MAX_INLINED_DEPTH} $refs in a chain`);
      visit(target, placeOfKeys(tokensOf(ref)), [...stack, ref]);
      done.add(ref.slice(1));
    }
    for (const [k, v] of entriesOf(node)) {
      if (k === "$ref") continue;
      // A value that is not an object is a step with nothing to check.
      if (v === null || typeof v !== "object") stats.steps++;
      else visit(v, { up: place, key: k, ptr: `${ptr}/${escapeKey(k)}` }, stack);
    }
  };
  visit(doc, null, []);
}

type FoundTask = Pick<LoadedSpec, "taskSourcePointer" | "operation" | "bodyIsArray" | "taskSchema" | "taskPointer" | "examples">;

/** The request body's path below a path's POST operation: its schema there is the task (or an array of tasks). */
const BODY_SCHEMA = ["post", "requestBody", "content", "application/json", "schema"];

/** By path, the $ref of each POST operation's JSON body schema in the document as written (through objects only). */
function writtenBodyRefs(raw: OpenApiTop): Map<string, string | undefined> {
  return new Map(Object.keys(raw.paths).map((p) => [p, refOf(valueAt(raw.paths, [p, ...BODY_SCHEMA]))]));
}

/**
 * The task schema: the JSON request body of the POST operation at the provider's task path, or of the first POST
 * operation with one (sorted by path); if it is an array, its items (Runware posts an array of tasks), else the
 * body itself.
 */
function findTask(file: string, doc: JsonObject, source: SourceDocument, bodyRefs: ReadonlyMap<string, string | undefined>, provider: Provider): FoundTask {
  const paths = doc.paths;
  const taskPath = provider.taskPath?.(doc);
  const ops = entriesOfJson(paths)
    .map(([p]) => p)
    .filter((p) => taskPath === undefined || p === taskPath)
    .sort()
    .map((p) => ({ path: p, op: valueAt(paths, [p, "post"]) }))
    .filter((x) => x.op);
  const withBody = ops.find((x) => valueAt(x.op, ["requestBody"]));
  if (!withBody)
    throw new SpecError(file, where(source, taskPath === undefined ? ["paths"] : ["paths", taskPath]), `expected a POST operation with a requestBody (the model's task)${taskPath === undefined ? "" : ` at ${JSON.stringify(taskPath)}`}`);
  const media = valueAt(withBody.op, ["requestBody", "content", "application/json"]);
  const bodyKeys = ["paths", withBody.path, ...BODY_SCHEMA];
  const body = valueAt(media, ["schema"]);
  if (!body) throw new SpecError(file, where(source, bodyKeys.slice(0, 5)), "expected an application/json request body with a schema");
  const items = valueAt(body, ["items"]);
  const isArray = valueAt(body, ["type"]) === "array" && items !== undefined;
  const task = isArray ? items : body;
  // Where the task schema stands in the file as written (through one level of $ref), for error messages.
  const rawRef = bodyRefs.get(withBody.path);
  const bodySource = rawRef !== undefined && rawRef.startsWith("#") ? rawRef.slice(1) : pointerOf(bodyKeys);
  if (!isPlain(task) || (task.type !== undefined && task.type !== "object")) {
    const at = isArray ? `${bodySource}/items` : bodySource;
    const found = isPlain(task) ? task.type : task;
    throw new SpecError(file, whereRaw(source, at), `expected the task schema to be an object schema (type: object), found ${JSON.stringify(found)}`);
  }
  const operationId = valueAt(withBody.op, ["operationId"]);
  const operation: Operation = { path: withBody.path, operationId: typeof operationId === "string" ? operationId : undefined };
  return {
    taskSourcePointer: isArray ? `${bodySource}/items` : bodySource,
    operation,
    bodyIsArray: isArray,
    // A schema as written: its keywords' shapes are not checked here (normalize reads them defensively, and Ajv
    // checks the normalized schema against the 2020-12 meta-schema when it compiles).
    taskSchema: task as SchemaObject,
    taskPointer: pointerOf(isArray ? [...bodyKeys, "items"] : bodyKeys),
    examples: requestExamples(valueAt(media, ["examples"])),
  };
}

const entriesOfJson = (v: Json | undefined): [string, Json][] => (v !== null && typeof v === "object" ? Object.entries(v) : []);

/** The request examples, each with the fields of the Example Object that have the right type (others are left out). */
function requestExamples(v: Json | undefined): Record<string, RequestExample> {
  return Object.fromEntries(
    entriesOfJson(v).map(([key, ex]): [string, RequestExample] => {
      if (!isPlain(ex)) return [key, {}];
      const expect = ex["x-modelgen-expect"];
      const reason = ex["x-modelgen-reason"];
      return [
        key,
        {
          ...(typeof ex.summary === "string" ? { summary: ex.summary } : {}),
          ...(ex.value !== undefined ? { value: ex.value } : {}),
          ...(expect === "valid" || expect === "invalid" ? { "x-modelgen-expect": expect } : {}),
          ...(typeof reason === "string" ? { "x-modelgen-reason": reason } : {}),
        },
      ];
    }),
  );
}
