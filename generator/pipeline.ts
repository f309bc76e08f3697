// The whole generator, one stage per line. Only load/ and write/ touch the file system; the rest are pure.
//   load → normalize → IR (with the case split) → emit types / validators / client → registry → format → write
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { findSpecFiles, loadSpec, overlaysFor } from "./load/spec.js";
import { Cache, DEFAULT_CACHE_DIR, hashOf } from "./cache.js";
import { SpecError } from "./errors.js";
import { buildIR } from "./ir/build.js";
import { emitModule, RUNTIME_DIR } from "./emit/module.js";
import { emitRegistry } from "./emit/registry.js";
import { compileTemplates, readTemplates, importCompiled, bundleTemplates } from "./emit/templates.js";
import { formatFiles } from "./format/prettier.js";
import { lintTask } from "./analyze/lint.js";
import { emitIndexReadme } from "./emit/readme.js";
import { compileValidator } from "./emit/validator.js";
import { withManifest } from "./write/write.js";
import { BUILT_DIR, GENERATOR_DIR, ROOT, TEMPLATES_DIR } from "./paths.js";

/** Hash of the generator's own sources, templates and the versions of the packages whose output it ships. */
export function generatorHash() {
  const h = createHash("sha256");
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|ts)$/.test(name)) h.update(path.relative(ROOT, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  walk(GENERATOR_DIR);
  walk(TEMPLATES_DIR);
  for (const pkg of ["ajv", "prettier", "json-schema-to-typescript", "typescript"]) {
    h.update(JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version);
  }
  return h.digest("hex");
}

function timer(debug) {
  return async (stage, fn) => {
    const t = performance.now();
    const result = await fn();
    if (debug) process.stderr.write(`modelgen: ${stage} ${(performance.now() - t).toFixed(1)} ms\n`);
    return result;
  };
}

/** The validator as generated (same Ajv options, formats and messages), run in this process. */
export function inProcessValidator(ir, formats, issuesModule) {
  const compiled = compileValidator(ir.task, formats, { file: ir.file, pointer: ir.taskPointer });
  const validate = compiled.validate;
  const messages = ir.ruleMessages;
  const check = (t) => validate(t) && issuesModule.checkExtraRules(t, ir.extraRules).length === 0;
  const validateTask = (t) => [...(validate(t) ? [] : issuesModule.toIssues(validate.errors, t, messages)), ...issuesModule.checkExtraRules(t, ir.extraRules)];
  return { check, validateTask, standalone: compiled.standalone };
}

/** Lint one model (the findings of `modelgen lint`, also printed by generate). */
export function lintModel(ir, formats, issuesModule, v = inProcessValidator(ir, formats, issuesModule)) {
  return lintTask(ir.task, { check: v.check, validate: v.validateTask, examples: ir.examples, bodyIsArray: ir.bodyIsArray, split: ir.split, messages: ir.ruleMessages, pointer: ir.taskPointer });
}

/**
 * @typedef {{ severity: "error" | "warning", kind: string, message: string, pointers: string[] }} Finding
 * @typedef {{ file: string, modelId: string, provider: string, overlays: string[], findings: Finding[], witnesses: { mode: string, witness: unknown }[] }} LintResult
 */

/**
 * Load and lint specs without emitting anything (`modelgen lint`).
 * @returns {Promise<LintResult[]>}
 */
export async function lint({ specs, overlays = [], limit = 64, cacheDir = DEFAULT_CACHE_DIR }) {
  const { formats, issuesModule } = await runtimeModules(cacheDir);
  const out = [];
  for (const entry of findSpecFiles(specs)) {
    const ir = buildIR(await loadSpec({ ...entry, overlays }), { limit, formats });
    out.push({ file: ir.file, modelId: ir.modelId, provider: ir.provider, overlays: ir.overlays, ...lintModel(ir, formats, issuesModule) });
  }
  return out;
}

/**
 * Generate every spec under `specs` (dirs or files). Returns the files (relative to the output folder), the
 * per-model summaries and warnings; writes nothing.
 */
/** Raw texts a spec's output depends on (cheap to hash: no parsing). */
function specInputs(entry, overlays) {
  const texts = [entry.file, ...overlaysFor(entry.file, overlays)].map((f) => {
    try {
      return `${f}\0${readFileSync(f, "utf8")}`;
    } catch {
      return `${f}\0<unreadable>`;
    }
  });
  return [entry.file, entry.root ?? "", ...texts];
}

/**
 * Generate every spec under `specs` (dirs or files). Returns the files (relative to the output folder), a record
 * per model and warnings; writes nothing but the cache (`cacheDir`, null for none).
 */
export async function generate({ specs, overlays = [], debug = false, limit = 64, cacheDir = DEFAULT_CACHE_DIR }) {
  const stage = timer(debug);
  const cache = new Cache(cacheDir);
  const genHash = generatorHash();
  const entries = await stage("find specs", () => findSpecFiles(specs));
  const compiled = await stage("compile templates", () => cache.get(hashOf("templates", genHash)) ?? compileAndCache(cache, genHash));
  const files = Object.fromEntries(Object.entries(compiled.shipped).map(([rel, text]) => [`${RUNTIME_DIR}/${rel}`, text]));
  const keys = entries.map((entry) => hashOf("module", genHash, limit, ...specInputs(entry, overlays)));
  const cached = keys.map((key) => cache.get(key));
  const todo = entries.filter((_, i) => !cached[i]);
  const fresh = await stage(`generate ${todo.length} spec(s)`, () =>
    todo.length >= PARALLEL_FROM && availableParallelism() > 1
      ? generateInWorkers(todo, { overlays, limit, debug, compiled })
      : generateSpecs(todo, { overlays, limit, debug, compiled }),
  );
  const models = entries.map((entry, i) => {
    if (cached[i]) return cached[i];
    const model = fresh.get(entry.file);
    cache.set(keys[i], model);
    return model;
  });
  const warnings = models.flatMap((m) => m.warnings);
  for (const m of models) Object.assign(files, m.files);
  const ids = new Map();
  for (const m of models) {
    if (ids.has(m.modelId)) throw new SpecError(m.file, "", `declares model ${m.modelId}, which ${ids.get(m.modelId)} declares too; model ids must be unique`);
    ids.set(m.modelId, m.file);
  }
  const shared = { ...emitRegistry(models), "README.md": emitIndexReadme(models) };
  Object.assign(files, await stage("format registry", () => formatFiles(shared)));
  if (debug) process.stderr.write(`modelgen: cache ${cache.dir ?? "off"}: ${cache.hits} hits, ${cache.misses} misses\n`);
  return { files: withManifest(files), models, warnings };
}

/** From this many specs to generate, two or more worker threads share the work. */
const PARALLEL_FROM = 4;

/**
 * Generate specs in this thread: load → IR → lint → emit → format, one spec after the other.
 * @returns {Promise<Map<string, object>>} model records (JSON-safe) by spec file
 */
export async function generateSpecs(entries, { overlays, limit, debug, compiled }) {
  const stage = timer(debug);
  const { formats } = await importCompiled(compiled.modules, "validation/formats.js");
  const issuesModule = await importCompiled(compiled.modules, "validation/issues.js");
  const out = new Map();
  for (const entry of entries) {
    const spec = await stage(`load ${entry.file}`, () => loadSpec({ ...entry, overlays }));
    const ir = await stage(`ir ${entry.file}`, () => buildIR(spec, { limit, formats }));
    const validator = inProcessValidator(ir, formats, issuesModule);
    const lint = await stage(`lint ${entry.file}`, () => lintModel(ir, formats, issuesModule, validator));
    const mod = await stage(`emit ${entry.file}`, () => emitModule(ir, { lint, validator }));
    out.set(entry.file, {
      name: ir.name,
      file: ir.file,
      modelId: ir.modelId,
      title: ir.title,
      provider: ir.provider,
      overlays: ir.overlays,
      groups: mod.summary.groups.map((g) => ({ name: g.name, variants: g.variants.map((v) => ({ name: v.name })) })),
      lint,
      warnings: ir.split.warnings.map((w) => `${ir.file}: ${w}`),
      files: await stage(`format ${entry.file}`, () => formatFiles(mod.files)),
    });
  }
  return out;
}

/** The same in worker threads (one per core, specs dealt round-robin); a worker's SpecError comes back as one. */
async function generateInWorkers(entries, options) {
  const n = Math.min(availableParallelism(), entries.length);
  const shares = Array.from({ length: n }, (_, w) => entries.filter((_, i) => i % n === w));
  const workers = [];
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(path.join(BUILT_DIR, "worker.js"), { workerData: { entries: share, ...options } });
          workers.push(worker);
          worker.once("message", (m) => (m.error ? reject(m.error.spec ? new SpecError(m.error.file, m.error.where, m.error.expected, m.error.exitCode) : Object.assign(new Error(m.error.message), { stack: m.error.stack })) : resolve(m.models)));
          worker.once("error", reject);
        }),
    ),
  ).catch((e) => {
    for (const w of workers) void w.terminate();
    throw e;
  });
  return new Map(results.flat());
}

/** The compiled formats and message builder, as this process runs them (from the cache when it has them). */
export async function runtimeModules(cacheDir = DEFAULT_CACHE_DIR) {
  const cache = new Cache(cacheDir);
  const genHash = generatorHash();
  const compiled = cache.get(hashOf("templates", genHash)) ?? (await compileAndCache(cache, genHash));
  return { formats: (await importCompiled(compiled.modules, "validation/formats.js")).formats, issuesModule: await importCompiled(compiled.modules, "validation/issues.js") };
}

/** Templates compiled (per module, for this process) and bundled and formatted (what ships in _runtime/). */
async function compileAndCache(cache, genHash) {
  const modules = await compileTemplates(readTemplates());
  const compiled = { modules, shipped: await formatFiles(await bundleTemplates(modules)) };
  cache.set(hashOf("templates", genHash), compiled);
  return compiled;
}
