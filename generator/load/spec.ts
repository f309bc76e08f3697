// Load one model spec: read, apply overlays, check it is OpenAPI 3.x, bundle $refs, find the task schema.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import $RefParser from "@apidevtools/json-schema-ref-parser";
import { readDocument } from "./read.js";
import { applyOverlay } from "./overlay.js";
import { SpecError, pointer, pointerKeys } from "../errors.js";

const SPEC_FILE = /\.(json|ya?ml)$/i;
const OVERLAY_FILE = /\.overlay\.(json|ya?ml)$/i;

/**
 * Expand --specs arguments into spec entries { file, root }. A directory is the root of the files below it;
 * a file given alone is its own root.
 */
/** A path as shown to people and written into banners: relative to the working folder when inside it. */
export function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p).replace(/\\/g, "/");
}

export function findSpecFiles(specArgs) {
  const out = [];
  for (const arg of specArgs) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      throw new SpecError(arg, "", "no such file or directory");
    }
    if (st.isDirectory()) {
      for (const file of walk(arg)) out.push({ file: displayPath(file), root: displayPath(arg) });
    } else {
      out.push({ file: displayPath(arg), root: null });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function walk(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files.push(...walk(p));
    else if (SPEC_FILE.test(name) && !OVERLAY_FILE.test(name)) files.push(p);
  }
  return files;
}

/** `<root>/a/b.json` → `a/b`; a file without a root → its own name. A trailing `.openapi` is dropped too. */
export function moduleName(file, root) {
  const rel = root ? path.relative(root, file) : path.basename(file);
  return rel.replace(/\\/g, "/").replace(SPEC_FILE, "").replace(/\.openapi$/i, "");
}

/** Overlays that apply to a spec: `<name>.overlay.yaml|yml|json` beside it, then the ones given explicitly. */
export function overlaysFor(file, extra = []) {
  const base = file.replace(SPEC_FILE, "");
  const beside = ["yaml", "yml", "json"].map((e) => `${base}.overlay.${e}`).filter((f) => existsSync(f));
  return [...beside, ...extra].map(displayPath);
}

/** The same value with every object's keys in sorted order. */
export function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

const sha256 = (s) => createHash("sha256").update(s).digest("hex");

/**
 * @returns {Promise<import("../ir/types.js").LoadedSpec>}
 */
export async function loadSpec({ file, root, overlays = [] }) {
  const source = readDocument(file);
  const overlayDocs = overlaysFor(file, overlays).map((f) => readDocument(f));
  let value = source.value;
  for (const o of overlayDocs) value = applyOverlay(value, o);
  // Object keys sorted once, here: nothing downstream depends on the order a spec happens to list them in.
  value = canonical(value);
  checkOpenApi(file, value, source);
  checkInternalRefs(file, value, source);
  checkExternalRefs(file, value, source);
  let doc;
  try {
    doc = await $RefParser.dereference(path.resolve(file), structuredClone(value), {
      resolve: { http: false, external: true },
      dereference: { circular: false },
    });
  } catch (e) {
    throw new SpecError(file, e.path ? pointer(e.path) : "", `cannot resolve a $ref (${e.message})`);
  }
  // Dereferencing shares objects between the places that referred to them; later stages expect a tree.
  doc = JSON.parse(JSON.stringify(doc));
  const task = findTask(file, doc, source, value);
  const hash = sha256([source.value, ...overlayDocs.map((o) => o.value)].map((v) => JSON.stringify(canonical(v))).join("\0"));
  return {
    file,
    name: moduleName(file, root),
    hash,
    overlays: overlayDocs.map((o) => o.file),
    source,
    doc,
    ...task,
  };
}

function whereRaw(source, ptr) {
  return where(source, pointerKeys(ptr));
}

function where(source, keys) {
  const loc = source.locate(keys);
  return loc ? `${loc.line}:${loc.column} (${pointer(keys) || "/"})` : pointer(keys) || "/";
}

function checkOpenApi(file, doc, source) {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc))
    throw new SpecError(file, "1:1", "expected an OpenAPI 3.x document (an object at the top)");
  if (typeof doc.openapi !== "string" || !/^3\.\d+\.\d+/.test(doc.openapi)) {
    const found = doc.swagger ? `swagger ${doc.swagger}` : JSON.stringify(doc.openapi);
    throw new SpecError(file, where(source, doc.openapi ? ["openapi"] : []), `expected \`openapi: 3.x.y\`, found ${found}`);
  }
  if (!doc.info || typeof doc.info !== "object") throw new SpecError(file, where(source, []), "expected an `info` object");
  if (!doc.paths || typeof doc.paths !== "object") throw new SpecError(file, where(source, []), "expected a `paths` object");
}

/** Every local $ref must point at something, and must not loop: say which $ref, where. */
function checkInternalRefs(file, doc, source) {
  const resolve = (ref) => {
    let node = doc;
    for (const k of pointerKeys(ref)) {
      if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, k)) return undefined;
      node = node[k];
    }
    return node;
  };
  const visit = (node, keys, stack) => {
    if (node === null || typeof node !== "object") return;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#")) {
      const target = resolve(node.$ref);
      if (target === undefined) throw new SpecError(file, where(source, [...keys, "$ref"]), `unresolvable $ref ${JSON.stringify(node.$ref)}: nothing at that pointer`);
      if (stack.includes(node.$ref)) throw new SpecError(file, where(source, [...keys, "$ref"]), `circular $ref ${JSON.stringify(node.$ref)} (${[...stack, node.$ref].join(" → ")}); a request schema must be finite`);
      visit(target, pointerKeys(node.$ref), [...stack, node.$ref]);
    }
    for (const [k, v] of Object.entries(node)) if (k !== "$ref") visit(v, [...keys, k], stack);
  };
  visit(doc, [], []);
}

/** A $ref to a URL is never fetched (no network at generation time); a $ref to a file must name one that exists. */
function checkExternalRefs(file, doc, source) {
  const visit = (node, keys) => {
    if (node === null || typeof node !== "object") return;
    if (typeof node.$ref === "string" && !node.$ref.startsWith("#")) {
      const target = node.$ref.split("#")[0];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^file:/i.test(target))
        throw new SpecError(file, where(source, [...keys, "$ref"]), `$ref ${JSON.stringify(node.$ref)} points at a URL; modelgen never fetches at generation time: vendor the schema beside the spec and refer to the file`);
      const resolved = path.resolve(path.dirname(file), decodeURIComponent(target.replace(/^file:(\/\/)?/i, "")));
      if (!existsSync(resolved)) throw new SpecError(file, where(source, [...keys, "$ref"]), `$ref ${JSON.stringify(node.$ref)}: no such file ${displayPath(resolved)}`);
    }
    for (const [k, v] of Object.entries(node)) if (k !== "$ref") visit(v, [...keys, k]);
  };
  visit(doc, []);
}

/**
 * The task schema: the first POST operation's JSON request body (sorted by path); if it is an array, its items
 * (Runware posts an array of tasks), else the body itself.
 */
function findTask(file, doc, source, raw) {
  const ops = Object.keys(doc.paths)
    .sort()
    .map((p) => ({ path: p, op: doc.paths[p]?.post }))
    .filter((x) => x.op);
  const withBody = ops.find((x) => x.op.requestBody);
  if (!withBody) throw new SpecError(file, where(source, ["paths"]), "expected a POST operation with a requestBody (the model's task)");
  const media = withBody.op.requestBody.content?.["application/json"];
  const bodyKeys = ["paths", withBody.path, "post", "requestBody", "content", "application/json", "schema"];
  if (!media?.schema) throw new SpecError(file, where(source, bodyKeys.slice(0, 5)), "expected an application/json request body with a schema");
  const body = media.schema;
  const isArray = body.type === "array" && body.items !== undefined;
  const task = isArray ? body.items : body;
  // Where the task schema stands in the file as written (through one level of $ref), for error messages.
  const rawBody = raw.paths?.[withBody.path]?.post?.requestBody?.content?.["application/json"]?.schema;
  const bodySource = typeof rawBody?.$ref === "string" && rawBody.$ref.startsWith("#") ? rawBody.$ref.slice(1) : pointer(bodyKeys);
  if (!task || typeof task !== "object" || Array.isArray(task) || (task.type !== undefined && task.type !== "object")) {
    const at = isArray ? `${bodySource}/items` : bodySource;
    throw new SpecError(file, whereRaw(source, at), `expected the task schema to be an object schema (type: object), found ${JSON.stringify(task?.type ?? task)}`);
  }
  return {
    taskSourcePointer: isArray ? `${bodySource}/items` : bodySource,
    operation: { path: withBody.path, operationId: withBody.op.operationId, responses: withBody.op.responses ?? {} },
    bodyIsArray: isArray,
    taskSchema: task,
    taskPointer: pointer(isArray ? [...bodyKeys, "items"] : bodyKeys),
    examples: media.examples ?? {},
  };
}
