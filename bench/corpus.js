#!/usr/bin/env node
// Make a deterministic corpus of N model specs for the benchmark, from the repo's Runware specs
// (specs/runware/*.json and test/fixtures/real-specs/*.json). A base spec's overlay (<name>.overlay.yaml beside
// it) is applied once, here, so the corpus files stand alone (no overlay files) and mean what the bases mean.
//
// Spec i starts from base spec i mod B (the bases in sorted order) and is varied with a seeded PRNG:
//   - model id: the task's `model` const and `info.x-model-id` get a "-b<i>" suffix (ids stay unique);
//   - enum values: up to 3 string enums (or oneOf/anyOf lists of string consts) get 1–2 extra values;
//   - size pairs: every {width: {const}, height: {const}} pair is scaled by one factor (pairs stay distinct;
//     the task's width/height bounds are widened to admit them);
//   - rule counts: 1–2 of the task's allOf entries are dropped or duplicated (or left as they are).
// The request body's examples follow: their `model` and size pairs are renamed and scaled the same way, and
// examples declared invalid are removed from a spec whose rules were dropped (they may have become valid). So
// the generator's lint finds in the corpus only what it finds in the bases.
// The same --seed and --n give byte-identical files.
//
//   node bench/corpus.js [--n 300] [--seed 1] [--out bench/.corpus/specs] [--check]
// --check runs the generator (in process, writing nothing) over the corpus; it fails if the generator throws
// or its lint reports an error for any spec.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "..");
export const BASE_DIRS = ["specs/runware", "test/fixtures/real-specs"];
export const DEFAULT_OUT = path.join(HERE, ".corpus", "specs");

/** mulberry32: a small seeded PRNG, returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The base spec files, sorted, relative to the repo root. */
export function baseSpecFiles() {
  const out = [];
  for (const dir of BASE_DIRS) {
    for (const name of readdirSync(path.join(ROOT, dir)).sort()) {
      if (name.endsWith(".json") && !/\.overlay\./.test(name)) out.push(`${dir}/${name}`);
    }
  }
  return out;
}

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function resolveLocal(doc, node) {
  const seen = new Set();
  while (isObj(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
    if (seen.has(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
    seen.add(node.$ref);
    let n = doc;
    for (const k of node.$ref.slice(2).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))) n = n?.[k];
    node = n;
  }
  return node;
}

/** The task schema object inside `doc` (same rule as generator/load/spec.ts: first POST with a JSON body). */
export function findTaskSchema(doc) {
  for (const p of Object.keys(doc.paths ?? {}).sort()) {
    const op = doc.paths[p]?.post;
    if (!op?.requestBody) continue;
    const body = resolveLocal(doc, op.requestBody.content?.["application/json"]?.schema);
    if (!isObj(body)) break;
    return body.type === "array" && isObj(body.items) ? resolveLocal(doc, body.items) : body;
  }
  throw new Error("no POST operation with a JSON request body");
}

/** The request body's `examples` map of the task operation (or null). */
function findExamples(doc) {
  for (const p of Object.keys(doc.paths ?? {}).sort()) {
    const op = doc.paths[p]?.post;
    if (!op?.requestBody) continue;
    const media = op.requestBody.content?.["application/json"];
    return isObj(media?.examples) ? media.examples : null;
  }
  return null;
}

/** Every plain object under `node` (depth first, in key order), with its parent key. */
function* objects(node, key = null) {
  if (Array.isArray(node)) {
    for (const v of node) yield* objects(v, key);
  } else if (isObj(node)) {
    yield { node, key };
    for (const [k, v] of Object.entries(node)) yield* objects(v, k);
  }
}

const SKIP_ENUM_PROPS = new Set(["taskType", "deliveryMethod", "model", "taskUUID"]);

/** String enums of the task (`enum` lists, or oneOf/anyOf lists whose branches are all string consts). */
function stringEnums(task) {
  const out = [];
  const visit = (schema, name) => {
    if (!isObj(schema)) return;
    if (!SKIP_ENUM_PROPS.has(name)) {
      if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === "string")) out.push({ kind: "enum", schema });
      for (const k of ["oneOf", "anyOf"]) {
        const bs = schema[k];
        if (Array.isArray(bs) && bs.length > 0 && bs.every((b) => isObj(b) && typeof b.const === "string")) out.push({ kind: k, schema });
      }
    }
    if (isObj(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) visit(v, k);
    if (isObj(schema.items)) visit(schema.items, name);
  };
  visit(task, null);
  return out;
}

function roundTo(x, step) {
  return Math.max(step, Math.round(x / step) * step);
}

/** Scale every width/height const pair in the task by `factor`; false (and nothing changed) if pairs would collide. */
function scaleSizes(task, factor) {
  const pairs = [];
  for (const { node } of objects(task)) {
    const w = node.properties?.width;
    const h = node.properties?.height;
    if (isObj(w) && isObj(h) && typeof w.const === "number" && typeof h.const === "number") pairs.push(node);
  }
  if (pairs.length === 0) return { scaled: 0, map: new Map() };
  const step = (s) => (typeof s?.multipleOf === "number" && Number.isInteger(s.multipleOf) ? s.multipleOf : 16);
  const ws = step(task.properties?.width);
  const hs = step(task.properties?.height);
  const next = pairs.map((n) => [roundTo(n.properties.width.const * factor, ws), roundTo(n.properties.height.const * factor, hs)]);
  const before = new Set(pairs.map((n) => `${n.properties.width.const}x${n.properties.height.const}`));
  const after = new Set(next.map(([w, h]) => `${w}x${h}`));
  if (after.size !== before.size) return { scaled: 0, map: new Map() };
  const map = new Map(pairs.map((n, i) => [`${n.properties.width.const}x${n.properties.height.const}`, next[i]]));
  pairs.forEach((n, i) => {
    n.properties.width.const = next[i][0];
    n.properties.height.const = next[i][1];
  });
  // Widen the declared bounds so the scaled sizes stay reachable.
  for (const [prop, idx] of [["width", 0], ["height", 1]]) {
    const s = task.properties?.[prop];
    if (!isObj(s)) continue;
    const vals = next.map((p) => p[idx]);
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    if (typeof s.minimum === "number" && s.minimum > lo) s.minimum = lo;
    if (typeof s.maximum === "number" && s.maximum < hi) s.maximum = hi;
    if (typeof s.exclusiveMinimum === "number" && s.exclusiveMinimum >= lo) s.exclusiveMinimum = lo - 1;
    if (typeof s.exclusiveMaximum === "number" && s.exclusiveMaximum <= hi) s.exclusiveMaximum = hi + 1;
    if (typeof s.default === "number" && !vals.includes(s.default)) delete s.default;
  }
  return { scaled: pairs.length, map };
}

const FACTORS = [0.5, 0.75, 0.875, 1, 1.125, 1.25, 1.5, 2];

/** Make spec `i` from its base document (a parsed JSON value, not modified). */
export function varySpec(baseDoc, i, rand) {
  const doc = structuredClone(baseDoc);
  const task = findTaskSchema(doc);
  const tag = `b${String(i).padStart(4, "0")}`;
  const notes = { index: i, tag };

  // Model id.
  const model = task.properties?.model;
  const oldModelId = model?.const ?? model?.enum?.[0];
  if (isObj(model) && typeof model.const === "string") model.const = `${model.const}-${tag}`;
  else if (isObj(model) && Array.isArray(model.enum) && model.enum.length === 1) model.enum = [`${model.enum[0]}-${tag}`];
  if (typeof doc.info?.["x-model-id"] === "string") doc.info["x-model-id"] = `${doc.info["x-model-id"]}-${tag}`;
  if (typeof doc.info?.title === "string") doc.info.title = `${doc.info.title} (${tag})`;
  notes.modelId = model?.const ?? model?.enum?.[0] ?? doc.info?.["x-model-id"];

  // Enum values.
  const enums = stringEnums(task);
  const howMany = Math.min(enums.length, Math.floor(rand() * 4)); // 0..3
  const picked = new Set();
  while (picked.size < howMany) picked.add(Math.floor(rand() * enums.length));
  notes.enumsExtended = 0;
  for (const k of [...picked].sort((a, b) => a - b)) {
    const e = enums[k];
    const add = 1 + Math.floor(rand() * 2);
    for (let j = 0; j < add; j++) {
      const value = `bench-${tag}-${j}`;
      if (e.kind === "enum") e.schema.enum.push(value);
      else e.schema[e.kind].push({ const: value });
    }
    notes.enumsExtended++;
  }

  // Size pairs.
  const factor = FACTORS[Math.floor(rand() * FACTORS.length)];
  notes.sizeFactor = factor;
  const sizes = factor === 1 ? { scaled: 0, map: new Map() } : scaleSizes(task, factor);
  notes.sizePairsScaled = sizes.scaled;

  // Rule counts.
  const allOf = Array.isArray(task.allOf) ? task.allOf : [];
  const r = rand();
  const count = 1 + Math.floor(rand() * 2);
  notes.rules = { before: allOf.length };
  if (allOf.length > 0 && r < 0.3) {
    for (let j = 0; j < count && allOf.length > 0; j++) allOf.splice(Math.floor(rand() * allOf.length), 1);
    if (allOf.length === 0) delete task.allOf;
    // Names given to the modes the rules made (the overlay's x-modelgen-mode-names) may name a mode that no longer
    // exists: the generator refuses those, so they go with the rules.
    delete task["x-modelgen-mode-names"];
  } else if (allOf.length > 0 && r < 0.6) {
    for (let j = 0; j < count; j++) {
      const at = Math.floor(rand() * allOf.length);
      allOf.splice(at + 1, 0, structuredClone(allOf[at]));
    }
  }
  notes.rules.after = Array.isArray(task.allOf) ? task.allOf.length : 0;

  // Examples: same model id and sizes as the spec now has.
  const examples = findExamples(doc);
  notes.examples = 0;
  if (examples) {
    for (const [key, ex] of Object.entries(examples)) {
      if (!isObj(ex)) continue;
      if (notes.rules.after < notes.rules.before && ex["x-modelgen-expect"] === "invalid") {
        delete examples[key];
        continue;
      }
      for (const { node } of objects(ex.value)) {
        if (typeof oldModelId === "string" && node.model === oldModelId) node.model = notes.modelId;
        if (typeof node.width === "number" && typeof node.height === "number") {
          const to = sizes.map.get(`${node.width}x${node.height}`);
          if (to) [node.width, node.height] = to;
        }
      }
      notes.examples++;
    }
  }
  return { doc, notes };
}

/** Write the corpus; returns [{ file, base, notes }]. */
export async function makeCorpus({ n = 300, seed = 1, out = DEFAULT_OUT } = {}) {
  const { overlaysFor } = await import(pathToFileURL(path.join(ROOT, "dist/generator/load/spec.js")).href);
  const { readDocument } = await import(pathToFileURL(path.join(ROOT, "dist/generator/load/read.js")).href);
  const { applyOverlay } = await import(pathToFileURL(path.join(ROOT, "dist/generator/load/overlay.js")).href);
  const bases = baseSpecFiles().map((f) => {
    const abs = path.join(ROOT, f);
    let doc = JSON.parse(readFileSync(abs, "utf8"));
    const overlays = overlaysFor(abs);
    for (const o of overlays) doc = applyOverlay(doc, readDocument(o));
    return { file: f, doc, overlays: overlays.map((o) => path.relative(ROOT, o)) };
  });
  const rand = mulberry32(seed);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const width = String(n - 1).length;
  const made = [];
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length];
    const { doc, notes } = varySpec(base.doc, i, rand);
    const file = path.join(out, `${String(i).padStart(width, "0")}.json`);
    writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
    made.push({ file, base: base.file, notes });
  }
  return made;
}

/** Run the generator over the corpus in process (writes nothing); throws if it rejects a spec or lints an error. */
export async function checkCorpus(out = DEFAULT_OUT) {
  const { generate } = await import(pathToFileURL(path.join(ROOT, "dist/generator/pipeline.js")).href);
  const result = await generate({ specs: [out] });
  const findings = result.models.flatMap((m) => (m.lint?.findings ?? []).map((f) => ({ file: m.ir.file, ...f })));
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length) throw new Error(`the generator's lint reports ${errors.length} error(s) on the corpus:\n${errors.slice(0, 20).map((f) => `  ${f.file}: ${f.message}`).join("\n")}`);
  return { ...result, lintWarnings: findings.length };
}

async function main() {
  const { values } = parseArgs({
    options: { n: { type: "string" }, seed: { type: "string" }, out: { type: "string" }, check: { type: "boolean" } },
  });
  const n = Number(values.n ?? 300);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) throw new Error("--n and --seed must be integers (n ≥ 1)");
  const out = path.resolve(values.out ?? DEFAULT_OUT);
  const made = await makeCorpus({ n, seed, out });
  const sum = (f) => made.reduce((a, m) => a + f(m.notes), 0);
  process.stdout.write(
    `corpus: ${made.length} specs in ${path.relative(process.cwd(), out) || "."} (seed ${seed}, ${new Set(made.map((m) => m.base)).size} bases; ` +
      `${sum((x) => x.enumsExtended)} enums extended, ${sum((x) => (x.sizePairsScaled ? 1 : 0))} specs with scaled sizes, ` +
      `${sum((x) => (x.rules.after < x.rules.before ? 1 : 0))} with rules dropped, ${sum((x) => (x.rules.after > x.rules.before ? 1 : 0))} with rules duplicated)\n`,
  );
  if (values.check) {
    const t = performance.now();
    const result = await checkCorpus(out);
    process.stdout.write(`check: the generator accepted all ${result.models.length} specs (${result.warnings.length} case-split warnings, ${result.lintWarnings} lint warnings, no lint errors) in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exitCode = 1;
  });
}
