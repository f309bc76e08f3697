// The whole generator, one stage per line. buildIR, compile, analyzeModel, emitModule and formatFiles are pure
// (values in, values out). The file system is read by load/ (specs, overlays, $refs), by this file (the generator's
// own hash), cache.ts, runtime.ts and emit/templates.ts (the shipped runtime), package/ (its config) and paths.ts
// (where the package is), and written by write/, cache.ts and runtime.ts (dist/runtime.json, the runtime compiled once).
//   findSpecFiles → SpecEntry[]
//   loadSpec      SpecEntry → LoadedSpec                      (load/: read, overlays, the provider (providers/), $ref bundling, the task schema)
//   buildIR       LoadedSpec → ModelIR                        (normalize/; rules/: formulas, case split, messages; ir/: declarations)
//   compile       ModelIR → InProcessValidator                (compile/validator: Ajv, once per spec)
//   analyzeModel  ModelIR × InProcessValidator → AnalyzedIR   (analyze/: lint, example verdicts, validator.js's code)
//   emitModule    AnalyzedIR → files                          (emit/: types, validator, client, README page)
//   formatFiles   files → files                               (format/: printer.ts, prettier for what it declines)
//   emitRegistry / emitIndexReadme over every model's record, then write/ (or --check)
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { findSpecFiles, loadSpec, moduleName, overlaysFor } from "./load/spec.js";
import { checkOutputNames } from "./load/names.js";
import { refInputs } from "./load/refs.js";
import { readTextFile } from "./load/read.js";
import { Cache, DEFAULT_CACHE_DIR, SpecKeys, cachedFiles, hashOf, isCachedModel, isFiles, readOutputStats, toCached, writeOutputStats } from "./cache.js";
import { SpecError } from "./errors.js";
import { RUNTIME_DIR } from "./layout.js";
import { emitRegistry } from "./emit/registry.js";
import { DEFAULT_PACKAGE, type PackageConfig } from "./package/config.js";
import { SHIPPED_SPECS_DIR } from "./package/manifest.js";
import { shippedRuntime } from "./runtime.js";
import { formatFiles } from "./format/prettier.js";
import { emitIndexReadme } from "./emit/readme.js";
import { withManifest } from "./write/write.js";
import { BUILT_DIR, GENERATOR_DIR, ROOT, TEMPLATES_DIR } from "./paths.js";
import type { AjvError, ExtraRule, RuleMessage, ValidationIssue } from "../templates/validation/issues.js";
import type { Finding, LintResult, LoadedSpec, Provider, SpecEntry, Witness } from "./ir/types.js";


/** Files by path relative to the output folder. */
export type Files = Record<string, string>;

/** The runtime's message builder, as compiled from templates/validation/issues.ts. */
export interface IssuesModule {
  toIssues(errors: readonly AjvError[] | null | undefined, data: unknown, rules: readonly RuleMessage[]): ValidationIssue[];
  checkExtraRules(data: unknown, rules: readonly ExtraRule[]): ValidationIssue[];
}
/** Format checkers by name, as compiled from templates/validation/formats.ts. */
export type Formats = Readonly<Record<string, (value: string) => boolean>>;

/** What generation keeps of a model (JSON-safe: it is cached and crosses worker threads). */
export interface ModelRecord {
  readonly name: string;
  readonly file: string;
  readonly modelId: string;
  readonly title: string;
  readonly provider: Provider;
  readonly overlays: readonly string[];
  readonly groups: readonly { readonly name: string; readonly variants: readonly { readonly name: string }[] }[];
  readonly lint: LintResult;
  readonly warnings: readonly string[];
  readonly files: Files;
}

export interface GenerateOptions {
  readonly specs: readonly string[];
  readonly overlays?: readonly string[];
  readonly debug?: boolean;
  readonly limit?: number;
  /** null: no cache. */
  readonly cacheDir?: string | null;
  /**
   * The output folder this run writes or checks: a cached model's files that it already holds as generated (same
   * SHA-256) are taken from there, so the cache's copies are read only for what the folder lacks.
   */
  readonly outDir?: string | null;
  /** Generate the specs that can be, and report each broken one (a SpecError) in `skipped` instead of stopping. */
  readonly skipBroken?: boolean;
  /** The generated package's name, description, license, repository, private (modelgen.config.json). */
  readonly package?: PackageConfig;
  /** The generated package's version (generate keeps the one already there; `modelgen version` sets it). */
  readonly version?: string;
  /** Called as specs are done (cache hits count as done at once): `done` of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Called with output files as soon as they are known (the runtime, each model's files as its spec is done or
   * taken from the cache; the registry's come only in the result), so the writer can stage them while the other
   * specs are generated. Every file passed here is in the result's files, with the same text, unless the run fails.
   */
  readonly onFiles?: (files: Files) => void;
}

/** Hash of the generator's own sources, templates and the versions of the packages whose output it ships. */
export function generatorHash(): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|ts)$/.test(name)) h.update(path.relative(ROOT, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  walk(GENERATOR_DIR);
  walk(TEMPLATES_DIR);
  for (const pkg of hashedPackages()) {
    const manifest: unknown = JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8"));
    h.update(pkg).update("\0").update(String((manifest as { version?: unknown }).version)).update("\0");
  }
  return h.digest("hex");
}

/**
 * The packages whose installed versions key the cache: every runtime dependency of the generator (its
 * package.json's `dependencies`), since each one shapes the output (esbuild the minified validators, yaml and
 * jsonc-parser the values read, the ref parser the bundled $refs, jsonpath-rfc9535 the overlays). Only four were
 * hashed: after upgrading esbuild, a warm cache made `generate --check` pass on output a clean run would change.
 */
export function hashedPackages(): string[] {
  const manifest: unknown = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const deps = (manifest as { dependencies?: unknown }).dependencies;
  return Object.keys(deps !== null && typeof deps === "object" ? deps : {}).sort();
}

type Stage = <T>(stage: string, fn: () => T | Promise<T>) => Promise<T>;

function timer(debug: boolean): Stage {
  return async (stage, fn) => {
    const t = performance.now();
    const result = await fn();
    if (debug) process.stderr.write(`modelgen: ${stage} ${(performance.now() - t).toFixed(1)} ms\n`);
    return result;
  };
}

/**
 * Load what generating a spec needs and start esbuild's service (a worker thread does this as it starts: beside the
 * main thread's keying, before its first spec). A failure here is left for that spec to meet and report.
 */
export async function warmUp(): Promise<void> {
  try {
    await loadSpecModules();
    // Not prettier: the printer lays out what the emitters write, and prettier loads for a statement it declines.
    await Promise.all([import("json-schema-to-typescript"), import("@apidevtools/json-schema-ref-parser")]);
    // esbuild's service, started with the environment minify gives it.
    await (await import("./compile/validator.js")).minify("");
  } catch {
    // the spec's own run reports it
  }
}

/**
 * What generating a spec needs beyond keying and the cache: the IR, Ajv and esbuild (the in-process validator), the
 * analysis and the emitters, loaded on first need. A run whose specs all come from the cache, or are generated in the
 * worker threads, does not load them on its main thread.
 */
let specModules: Promise<[typeof import("./ir/build.js"), typeof import("./analyze/model.js"), typeof import("./emit/module.js"), typeof import("./in-process.js")]> | undefined;
const loadSpecModules = () => (specModules ??= Promise.all([import("./ir/build.js"), import("./analyze/model.js"), import("./emit/module.js"), import("./in-process.js")]));

export interface LintReport extends LintResult {
  readonly file: string;
  readonly modelId: string;
  readonly provider: string;
  readonly overlays: readonly string[];
}
export type { Finding, Witness };

/** Load and lint specs without emitting anything (`modelgen lint`). */
export async function lint({ specs, overlays = [], limit = 64 }: GenerateOptions): Promise<LintReport[]> {
  const [{ buildIR }, { lintModel }, , { inProcessValidator, runtimeModules }] = await loadSpecModules();
  const { formats, issuesModule } = runtimeModules();
  const out: LintReport[] = [];
  for (const entry of findSpecFiles(specs)) {
    const ir = buildIR(await loadSpec({ ...entry, overlays }), { limit, formats });
    const { lint } = lintModel(ir, inProcessValidator(ir, formats, issuesModule));
    out.push({ file: ir.meta.file, modelId: ir.meta.modelId, provider: ir.meta.provider, overlays: ir.meta.overlays, findings: lint.findings, witnesses: lint.witnesses });
  }
  return out;
}

/**
 * Raw texts a spec's output depends on: its own, its overlays' (`files`: the spec, then its overlays), and every file
 * it reads through $ref, transitively. `own`: every one was read, and none refers to another file (SpecKeys may
 * record a key made from these alone).
 */
function specInputs(entry: SpecEntry, files: readonly string[]): { inputs: string[]; own: boolean } {
  const read = files.map((f) => {
    try {
      return readTextFile(f);
    } catch {
      return undefined;
    }
  });
  const texts = files.map((f, i) => `${f}\0${read[i] ?? "<unreadable>"}`);
  const refs = refInputs(entry, files, read);
  return { inputs: [entry.file, entry.root ?? "", ...texts, ...refs], own: refs.length === 0 && read.every((t) => t !== undefined) };
}

export interface GenerateResult {
  readonly files: Files;
  readonly models: readonly ModelRecord[];
  readonly warnings: readonly string[];
  /** How many models were generated now, and how many came from the cache. */
  readonly counts: { readonly generated: number; readonly fromCache: number };
  /** The ids of the models generated now (the others came from the cache). */
  readonly generatedIds: readonly string[];
  /** With `skipBroken`: each spec left out, with the one line that says why (the SpecError's message). */
  readonly skipped: readonly SkippedSpec[];
  /**
   * Files found in the output folder as generated during this run (a regular file holding exactly what was
   * generated): the writer leaves them. Their text in `files` is either what was read, or ON_DISK (write.ts) for
   * those the output stats vouched for, which were not read: pass this set to writeOutput or diffOutput with
   * `files`. Only good under the output's lock, taken before the run.
   */
  readonly onDisk: ReadonlySet<string>;
  /**
   * Call once the files are written (`written`: the paths written): records the output's model files in the cache
   * so that the next run need not hash the ones left as they are (cache.ts, OutputStats). A no-op without a cache.
   */
  readonly afterWrite: (written: ReadonlySet<string>) => void;
}

/** A spec `generate --skip-broken` left out. */
export interface SkippedSpec {
  readonly file: string;
  readonly message: string;
}

/**
 * Generate every spec under `specs` (dirs or files). Returns the files (relative to the output folder), a record
 * per model and warnings; writes nothing but the cache (`cacheDir`, null for none).
 */
export async function generate({ specs, overlays = [], debug = false, limit = 64, cacheDir = DEFAULT_CACHE_DIR, outDir = null, package: config, version, onProgress, onFiles, skipBroken = false }: GenerateOptions): Promise<GenerateResult> {
  const stage = timer(debug);
  const cache = new Cache(cacheDir);
  const entries = await stage("find specs", () => findSpecFiles(specs));
  checkOutputNames(entries);
  const options: WorkOptions = { overlays, limit, debug, packageName: config?.name ?? DEFAULT_PACKAGE.name, skipBroken };
  const cores = availableParallelism();
  // Without a cache (or before its folder exists) every spec is work: the workers start now, their imports beside the
  // hashing below.
  const allWork = cacheDir === null || !existsSync(cacheDir);
  let pool = allWork && entries.length >= PARALLEL_FROM && cores > 1 ? new WorkerPool(Math.min(cores, entries.length), options) : null;
  try {
    // Without a cache nothing reads a key or a file's hash (the registry's key, the specs' keys, the output stats):
    // none is made (reading and hashing every spec, the generator's sources and every file generated).
    const cacheless = cache.dir === null;
    const genHash = cacheless ? "" : generatorHash();
    const packageName = options.packageName!;
    // A spec whose file and overlays are as the last run signed them keeps its key unread (cache.ts, SpecKeys).
    const specKeys = new SpecKeys(cache, hashOf("spec-keys", genHash, limit, packageName));
    const keys = entries.map((entry) => {
      if (cacheless) return "";
      const files = [entry.file, ...overlaysFor(entry.file, overlays)];
      const signature = specKeys.sign([entry.file, entry.root ?? ""], files);
      const kept = specKeys.get(signature);
      if (kept !== undefined) return kept;
      const { inputs, own } = specInputs(entry, files);
      const key = hashOf("module", genHash, limit, packageName, ...inputs);
      specKeys.set(own ? signature : undefined, key);
      return key;
    });
    specKeys.save();
    const missing = keys.filter((key) => !cache.has(key)).length;
    if (!pool && missing >= PARALLEL_FROM && cores > 1) pool = new WorkerPool(Math.min(cores, missing), options);
    const runtime = await stage("runtime", () => shippedRuntime());
    const files: Files = Object.fromEntries(Object.entries(runtime).map(([rel, text]) => [`${RUNTIME_DIR}/${rel}`, text]));
    const onDisk = new Set<string>();
    const stats = outDir !== null ? readOutputStats(cache, outDir) : undefined;
    // Every model file's hash (a cached record's, or made as a generated one is cached), for the output stats.
    const hashes = new Map<string, string>();
    const cached = keys.map((key, i): ModelRecord | undefined => {
      const hit = cache.get(key, isCachedModel);
      // A cache entry is read, not trusted: a record whose name or files are not this spec's is a miss, so that no
      // file of it is read or written outside the model's folder and its shipped spec (a restored CI cache).
      const texts = hit && ownsFiles(entries[i]!, hit) ? cachedFiles(cache, hit, outDir, onDisk, stats) : undefined;
      if (!hit || !texts) return undefined;
      for (const [rel, hash] of Object.entries(hit.fileHashes)) hashes.set(rel, hash);
      const { fileHashes: _hashes, filesKey: _key, ...record } = hit;
      return { ...record, files: texts };
    });
    const todo = entries.filter((_, i) => !cached[i]);
    // Entries that were there but unreadable are work too.
    if (!pool && todo.length >= PARALLEL_FROM && cores > 1) pool = new WorkerPool(Math.min(cores, todo.length), options);
    onFiles?.(files);
    for (const hit of cached) if (hit) onFiles?.(hit.files);
    let done = entries.length - todo.length;
    onProgress?.(done, entries.length);
    const keyOf = new Map(entries.map((entry, i) => [entry.file, keys[i]!]));
    // Each spec's record goes to the cache, and its files to the writer, as the spec is done: this thread is idle
    // while the workers generate, and would otherwise do both for every spec after the last one.
    const oneDone = (file: string, model: ModelRecord | SkippedSpec) => {
      if (!("message" in model)) {
        if (!cacheless) {
          // The files first: a record in the cache always names files that were written before it.
          const { record, files: texts } = toCached(model);
          for (const [rel, hash] of Object.entries(record.fileHashes)) hashes.set(rel, hash);
          cache.set(record.filesKey, texts);
          cache.set(keyOf.get(file)!, record);
        }
        onFiles?.(model.files);
      }
      onProgress?.(++done, entries.length);
    };
    const workers = pool;
    const fresh = await stage(`generate ${todo.length} spec(s)`, () => (workers ? workers.generate(todo, oneDone) : generateSpecs(todo, options, oneDone)));
    const skipped = [...fresh.values()].filter((r): r is SkippedSpec => "message" in r).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const records = entries.map((entry, i) => {
      const hit = cached[i];
      if (hit) return hit;
      const model = fresh.get(entry.file);
      if (!model) throw new Error(`modelgen: no record generated for ${entry.file}`);
      if ("message" in model) return undefined; // skipped (--skip-broken)
      return model;
    });
    const models = records.filter((m): m is ModelRecord => m !== undefined);
    const warnings = models.flatMap((m) => m.warnings);
    for (const m of models) Object.assign(files, m.files);
    const ids = new Map<string, string>();
    for (const m of models) {
      const other = ids.get(m.modelId);
      if (other !== undefined) throw new SpecError(m.file, "", `declares model ${m.modelId}, which ${other} declares too; model ids must be unique`);
      ids.set(m.modelId, m.file);
    }
    const shared = { ...emitRegistry(models, { ...(config ? { config } : {}), ...(version ? { version } : {}) }), "README.md": emitIndexReadme(models, config ?? DEFAULT_PACKAGE) };
    // Formatting the registry of hundreds of models costs most of a one-spec regeneration: it comes from the cache
    // while its unformatted text (ids, titles, paths) is unchanged.
    const sharedKey = cacheless ? "" : hashOf("registry", genHash, JSON.stringify(shared));
    const formatted = await stage("format registry", async () => {
      const hit = cache.get(sharedKey, isFiles);
      if (hit) return hit;
      const made = workers ? await workers.format(shared) : await formatFiles(shared);
      cache.set(sharedKey, made);
      return made;
    });
    Object.assign(files, formatted);
    if (debug) process.stderr.write(`modelgen: cache ${cache.dir ?? "off"}: ${cache.hits} hits, ${cache.misses} misses\n`);
    if (debug) process.stderr.write(`modelgen: spec keys: ${specKeys.counts.kept} kept (files unchanged since the last run), ${specKeys.counts.made} made from the texts\n`);
    if (debug && stats) process.stderr.write(`modelgen: output files as generated: ${stats.counts.vouched} unchanged since the last run, ${stats.counts.hashed} hashed\n`);
    const generatedIds = records.flatMap((m, i) => (m && !cached[i] ? [m.modelId] : []));
    return { files: withManifest(files), models, warnings, counts: { generated: todo.length - skipped.length, fromCache: entries.length - todo.length }, generatedIds, skipped, onDisk, afterWrite: (written) => {
        if (outDir !== null && stats) writeOutputStats(cache, outDir, stats, hashes, written);
      } };
  } finally {
    pool?.close();
  }
}

/** From this many specs to generate, two or more worker threads share the work. */
const PARALLEL_FROM = 4;

/** What a thread needs to generate its specs (JSON-safe: it is posted to workers). */
export interface WorkOptions {
  readonly overlays: readonly string[];
  readonly limit: number;
  readonly debug: boolean;
  /** The package's name, for the import paths on each model's README page. */
  readonly packageName?: string;
  /** A spec that fails with a SpecError is recorded as skipped instead of stopping the run. */
  readonly skipBroken?: boolean;
}

/** Generate specs in this thread: load → IR → validator → analysis → emit → format, one spec after the other. */
export async function generateSpecs(entries: readonly SpecEntry[], options: WorkOptions, onSpecDone?: (file: string, model: ModelRecord | SkippedSpec) => void): Promise<Map<string, ModelRecord | SkippedSpec>> {
  const out = new Map<string, ModelRecord | SkippedSpec>();
  for (const entry of entries) {
    let model: ModelRecord | SkippedSpec;
    try {
      model = await generateSpec(entry, options);
    } catch (e) {
      if (!(options.skipBroken && e instanceof SpecError)) throw e;
      model = { file: entry.file, message: e.message };
    }
    out.set(entry.file, model);
    onSpecDone?.(entry.file, model);
  }
  return out;
}

/**
 * The spec as the package carries it, for the next `modelgen version` to compare with (its base can be the
 * installed package): `_specs/<path under --specs>`, the document with its overlays applied and its $refs bundled,
 * as one line of JSON (a YAML spec's JSON is still YAML), so the next comparison needs no overlays and no git.
 */
function shippedSpec(entry: SpecEntry, spec: LoadedSpec): Files {
  return { [shippedSpecPath(entry)]: JSON.stringify(spec.doc) + "\n" };
}

/** Where a spec's shipped copy goes in the output: `_specs/<path under --specs>`. */
function shippedSpecPath(entry: SpecEntry): string {
  const rel = (entry.root !== null ? path.relative(entry.root, entry.file) : path.basename(entry.file)).replace(/\\/g, "/");
  return `${SHIPPED_SPECS_DIR}/${rel}`;
}

/**
 * Whether a cached record is this spec's: its folder the one the spec maps to, and every file either in that
 * folder (one plain name deep, as emitModule writes them) or the spec's shipped copy.
 */
function ownsFiles(entry: SpecEntry, record: { readonly name: string; readonly fileHashes: Readonly<Record<string, string>> }): boolean {
  const name = moduleName(entry.file, entry.root);
  if (record.name !== name) return false;
  const shipped = shippedSpecPath(entry);
  return Object.keys(record.fileHashes).every((rel) => {
    if (rel === shipped) return true;
    if (!rel.startsWith(`${name}/`)) return false;
    const file = rel.slice(name.length + 1);
    return file !== "" && file !== "." && file !== ".." && !/[/\\\0]/.test(file);
  });
}

/** One spec: load → IR → validator → analysis → emit → format. */
async function generateSpec(entry: SpecEntry, options: WorkOptions): Promise<ModelRecord> {
  const { record, files, shipped } = await emitSpec(entry, options);
  return { ...record, files: { ...(await timer(options.debug)(`format ${entry.file}`, () => formatFiles(files))), ...shipped } };
}

/**
 * One spec up to its emitted files, before prettier (`files`), and the spec as the package carries it (`shipped`,
 * never formatted). test/format/chunks.test.ts formats these both ways.
 */
export async function emitSpec(entry: SpecEntry, { overlays, limit, debug, packageName }: WorkOptions): Promise<{ record: Omit<ModelRecord, "files">; files: Files; shipped: Files }> {
  const stage = timer(debug);
  const [{ buildIR }, { analyzeModel }, { emitModule }, { shippingValidator, runtimeModules }] = await loadSpecModules();
  const { formats, issuesModule } = runtimeModules();
  const spec = await stage(`load ${entry.file}`, () => loadSpec({ ...entry, overlays }));
  const ir = await stage(`ir ${entry.file}`, () => buildIR(spec, { limit, formats }));
  const validator = await stage(`compile ${entry.file}`, () => shippingValidator(ir, formats, issuesModule));
  const analyzed = await stage(`analyze ${entry.file}`, () => analyzeModel(ir, validator));
  const mod = await stage(`emit ${entry.file}`, () => emitModule(analyzed, { packageName }));
  const record = {
    name: ir.meta.name,
    file: ir.meta.file,
    modelId: ir.meta.modelId,
    title: ir.meta.title,
    provider: ir.meta.provider,
    overlays: ir.meta.overlays,
    groups: mod.summary.groups.map((g: { name: string; variants: readonly { name: string }[] }) => ({ name: g.name, variants: g.variants.map((v) => ({ name: v.name })) })),
    lint: analyzed.lint,
    warnings: ir.split.warnings.map((w) => `${ir.meta.file}: ${w}`),
  };
  return { record, files: mod.files, shipped: shippedSpec(entry, spec) };
}

/** A SpecError from a worker, as posted back (errors lose their class crossing threads). */
interface WorkerFailure {
  readonly spec?: boolean;
  readonly file?: string;
  readonly where?: string;
  readonly expected?: string;
  readonly exitCode?: number;
  readonly message?: string;
  readonly stack?: string;
}
/** What a worker is asked: one spec to generate, or files to format. */
export type WorkerRequest = { readonly spec: SpecEntry } | { readonly format: Files };
/** What a worker answers, one message per request. */
export type WorkerMessage = { readonly models: [string, ModelRecord | SkippedSpec][] } | { readonly formatted: Files } | { readonly error: WorkerFailure };

/**
 * Worker threads, one per core, started before the work is known (their imports, about 0.15 s each, overlap the
 * main thread's hashing and cache reads). Specs are dealt one at a time to whichever worker is free, two in each at
 * most: a catalog's specs differ in cost by tens of times, and a fixed share left one worker busy while the other had
 * finished; the worker runs its two at once, so that one goes on while esbuild minifies the other's validator
 * (worker.ts), and answers in the order asked. Young generations are larger than V8's default (16 MB
 * semi-spaces), which scavenged often during Ajv's compile and prettier: about a third less GC time.
 */
class WorkerPool {
  private readonly lanes: { readonly worker: Worker; readonly waiting: { resolve: (m: WorkerMessage) => void; reject: (e: unknown) => void }[] }[];

  constructor(size: number, options: WorkOptions) {
    this.lanes = Array.from({ length: size }, () => {
      const worker = new Worker(path.join(BUILT_DIR, "worker.js"), { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: 192 } });
      const lane = { worker, waiting: [] as { resolve: (m: WorkerMessage) => void; reject: (e: unknown) => void }[] };
      // A worker answers its requests in order, one message each.
      worker.on("message", (m: WorkerMessage) => {
        const head = lane.waiting.shift();
        if (!head) return;
        if (!("error" in m)) return head.resolve(m);
        const e = m.error;
        head.reject(e.spec ? new SpecError(e.file ?? "", e.where ?? "", e.expected ?? "", e.exitCode) : Object.assign(new Error(e.message), { stack: e.stack }));
      });
      const fail = (e: unknown) => {
        for (const w of lane.waiting.splice(0)) w.reject(e);
      };
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`modelgen: a worker thread stopped (exit code ${code})`)));
      return lane;
    });
  }

  private ask(lane: WorkerPool["lanes"][number], request: WorkerRequest): Promise<WorkerMessage> {
    const answer = new Promise<WorkerMessage>((resolve, reject) => lane.waiting.push({ resolve, reject }));
    answer.catch(() => {}); // awaited in order by the caller; a later one failing first is not unhandled
    lane.worker.postMessage(request);
    return answer;
  }

  async generate(entries: readonly SpecEntry[], onSpecDone?: (file: string, model: ModelRecord | SkippedSpec) => void): Promise<Map<string, ModelRecord | SkippedSpec>> {
    const out = new Map<string, ModelRecord | SkippedSpec>();
    let next = 0;
    let failed = false;
    const run = async (lane: WorkerPool["lanes"][number]): Promise<void> => {
      const pending: Promise<WorkerMessage>[] = [];
      const send = () => {
        const entry = failed ? undefined : entries[next++];
        if (entry) pending.push(this.ask(lane, { spec: entry }));
      };
      send();
      send();
      while (pending.length) {
        const m = await pending.shift()!;
        if ("models" in m)
          for (const [file, record] of m.models) {
            out.set(file, record);
            onSpecDone?.(file, record);
          }
        send();
      }
    };
    try {
      await Promise.all(this.lanes.map(run));
    } catch (e) {
      failed = true;
      this.close();
      throw e;
    }
    return out;
  }

  /**
   * Files formatted in the workers (their printer warm, and prettier's statements remembered where it ran), dealt largest first to the
   * least loaded: the registry's index.js, index.d.ts and package.json are each a few large statements.
   */
  async format(files: Files): Promise<Files> {
    const shares: { files: Record<string, string>; size: number }[] = this.lanes.map(() => ({ files: {}, size: 0 }));
    for (const [rel, text] of Object.entries(files).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
      const share = shares.reduce((min, s) => (s.size < min.size ? s : min));
      share.files[rel] = text;
      share.size += text.length;
    }
    const answers = await Promise.all(shares.map((share, i) => (Object.keys(share.files).length ? this.ask(this.lanes[i]!, { format: share.files }) : null)));
    const out: Record<string, string> = {};
    for (const m of answers) {
      if (m === null) continue;
      if (!("formatted" in m)) throw new Error("modelgen: a worker answered a format request with something else");
      Object.assign(out, m.formatted);
    }
    // In the order the files were given (the output's object order is the registry's, as on the main thread).
    return Object.fromEntries(Object.keys(files).map((rel) => [rel, out[rel]!]));
  }

  close(): void {
    for (const lane of this.lanes) {
      lane.worker.removeAllListeners("exit");
      void lane.worker.terminate();
      for (const w of lane.waiting.splice(0)) w.reject(new Error("modelgen: the worker threads were stopped"));
    }
  }
}
