#!/usr/bin/env node
// modelgen's benchmark (`npm run bench`): generation, validator, types and size figures, each against a target.
// Every timed figure is the median of several runs; every comparison is a ratio measured in the same bench run.
// Writes bench/results.json and bench/RESULTS.md; scratch output goes to bench/.corpus/ and bench/.out/.
// See bench/README.md for the options and what each figure means.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { makeCorpus, ROOT } from "./corpus.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const rel = (p) => path.relative(ROOT, p).replace(/\\/g, "/") || ".";

const { values: opts } = parseArgs({
  options: {
    n: { type: "string" },
    seed: { type: "string" },
    runs: { type: "string" },
    budget: { type: "string" },
    "tsc-runs": { type: "string" },
    "cold-runs": { type: "string" },
    "sample-ms": { type: "string" },
    "tp-rounds": { type: "string" },
    only: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (opts.help) {
  process.stdout.write(readFileSync(path.join(HERE, "README.md"), "utf8"));
  process.exit(0);
}
const int = (v, d) => {
  const n = v === undefined ? d : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, got ${v}`);
  return n;
};
const CONFIG = {
  n: int(opts.n, 300), // the issue's scale: two rounds of full + one-changed generation fit the budget on 2 cores
  seed: int(opts.seed, 1),
  genRuns: int(opts.runs, 2), // rounds of (full generation, one-changed regeneration, openapi-typescript)
  budgetSec: int(opts.budget, 540), // the generation rounds stop early to keep the whole bench under this
  tscRuns: int(opts["tsc-runs"], 3),
  coldRuns: int(opts["cold-runs"], 21),
  sampleMs: int(opts["sample-ms"], 300),
  samples: 5,
  warmupMs: 600,
  tpRounds: int(opts["tp-rounds"], 3), // fresh processes each for isTask and Ajv's defaults, alternating
};
const SECTIONS = new Set((opts.only ?? "generation,validator,types,size").split(","));

const CORPUS = path.join(HERE, ".corpus", "specs");
// The issue's second corpus: N copies of the unmodified seed 000 (specs/runware/alibaba-wan2-7.json, no overlay),
// only the model id made unique.
const SEED_CORPUS = path.join(HERE, ".corpus", "seed000");
const SEED_SPEC = "specs/runware/alibaba-wan2-7.json";
const REAL_SPECS = "test/fixtures/real-specs";
// fal's real catalog (one OpenAPI document per endpoint, under category/owner/…): the issue's third corpus. The
// documents that are fal's error answers (no `openapi` key) are left out of the copy in bench/.corpus/fal.
const FAL_SOURCE = path.join(ROOT, "..", "shared", "real-specs", "fal");
const FAL_SOURCE_SHOWN = "/work/shared/real-specs/fal";
const FAL_CORPUS = path.join(HERE, ".corpus", "fal");
const OUT = path.join(HERE, ".out");
const GEN_OUT = path.join(OUT, "gen");
const SEED_OUT = path.join(OUT, "gen-seed000");
const REAL_OUT = path.join(OUT, "gen-real");
const FAL_OUT = path.join(OUT, "gen-fal");
const OTS_OUT = path.join(OUT, "ots");
const MODEL = "runware/alibaba-wan2-7";
const MODEL_DIR = path.join(ROOT, "generated", MODEL);
const MODEL_SPEC = "specs/runware/alibaba-wan2-7.json";
const PAYLOAD_FILE = "test/fixtures/payloads/alibaba-wan2-7.fixed.json";
const VALID_CASE = "reference images and video with shotType multi";
const INVALID_CASE = "reference task with 1280x1280";
// Where modelgen's incremental cache may live (removed before every full generation).
const CACHE_DIRS = [path.join(ROOT, ".modelgen-cache"), path.join(GEN_OUT, ".modelgen-cache"), path.join(OUT, ".modelgen-cache"), path.join(HERE, ".corpus", ".modelgen-cache"), path.join(CORPUS, ".modelgen-cache")];

// Issue 22's starting point (bench/RESULTS.md of issue 15, 2026-12-02): bytes per model of the Runware real specs.
const BASELINE = { bytesPerModelReal: 115_775 };
const TARGETS = {
  bytesPerModel: Math.floor(BASELINE.bytesPerModelReal / 2), // half the bytes per model, nothing a person reads lost
  fullVsOts: 2, // full generation ≤ 2× openapi-typescript
  oneChanged: 0.05, // regeneration after one change ≤ 5% of full
  coldStart: 0.1, // cold start ≤ 10% of Ajv's compile path (net of node's own start)
  throughput: 1, // isTask ≥ Ajv with its defaults (first error), compiled at run time
  tsc: 3, // tsc over the generated corpus ≤ 3× tsc over openapi-typescript's output
  gzipBytes: 15 * 1024, // ≤ 15 KB (KiB) gzipped for the Wan 2.7 module
};

// ---------------------------------------------------------------------------------------------------- helpers

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const now = () => performance.now();
const log = (s) => process.stderr.write(`bench: ${s}\n`);

/** Run `node <args>` to completion; wall time in ms. Throws with its output if it fails (unless allowFail). */
function node(args, { cwd = ROOT, allowFail = false } = {}) {
  const t = now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 256 << 20 });
  const ms = now() - t;
  if (r.error) throw r.error;
  if (r.status !== 0 && !allowFail) throw new Error(`node ${args.join(" ")} exited ${r.status}\n${(r.stderr || "").slice(-4000)}\n${(r.stdout || "").slice(-2000)}`);
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function listFiles(dir, pred = () => true) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, pred));
    else if (pred(p)) out.push(p);
  }
  return out;
}

const fmtMs = (ms) => (ms == null ? "n/a" : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const fmtOps = (x) => (x == null ? "n/a" : `${Math.round(x).toLocaleString("en-US")} ops/s`);
const fmtRatio = (r) => (r == null ? "n/a" : r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`);
const fmtPct = (r) => (r == null ? "n/a" : `${(r * 100).toFixed(1)}%`);
const fmtBytes = (b) => (b == null ? "n/a" : `${b.toLocaleString("en-US")} B (${(b / 1024).toFixed(1)} KiB)`);

// ---------------------------------------------------------------------------------------------------- results

const startedAt = new Date();
const t0 = now();
const results = {
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: startedAt.toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  },
  config: { ...CONFIG, sections: [...SECTIONS] },
  corpus: null,
  generation: null,
  validator: null,
  types: null,
  size: null,
  figures: [],
};

/** One row of the summary table (always the same rows, in the same order). */
function figure(id, label, value, text, target, met, note = "") {
  results.figures.push({ id, label, value, text, target, met, note });
}
const verdict = (met) => (met === true ? "met" : met === false ? "not met" : "n/a");

async function section(name, fn) {
  if (!SECTIONS.has(name)) return null;
  const t = now();
  log(`${name}…`);
  try {
    const r = await fn();
    log(`${name} done in ${fmtMs(now() - t)}`);
    return r;
  } catch (e) {
    log(`${name} FAILED: ${e.stack ?? e}`);
    return { error: String(e.message ?? e).split("\n")[0] };
  }
}

// ---------------------------------------------------------------------------------------------------- corpus

{
  const t = now();
  const made = await makeCorpus({ n: CONFIG.n, seed: CONFIG.seed, out: CORPUS });
  results.corpus = {
    dir: rel(CORPUS),
    specs: made.length,
    seed: CONFIG.seed,
    bases: [...new Set(made.map((m) => m.base))],
    bytes: made.reduce((a, m) => a + statSync(m.file).size, 0),
    ms: now() - t,
  };
  log(`corpus: ${made.length} specs (seed ${CONFIG.seed}) in ${rel(CORPUS)}`);
  rmSync(SEED_CORPUS, { recursive: true, force: true });
  mkdirSync(SEED_CORPUS, { recursive: true });
  const seedText = readFileSync(path.join(ROOT, SEED_SPEC), "utf8");
  const seedId = JSON.stringify("alibaba:wan@2.7");
  if (!seedText.includes(seedId)) throw new Error(`${SEED_SPEC} no longer declares model ${seedId}`);
  for (let i = 0; i < CONFIG.n; i++) {
    const n = String(i).padStart(3, "0");
    writeFileSync(path.join(SEED_CORPUS, `seed-${n}.json`), seedText.replaceAll(seedId, JSON.stringify(`alibaba:wan@2.7-copy${n}`)));
  }
  results.corpus.seedCopies = { dir: rel(SEED_CORPUS), specs: CONFIG.n, from: SEED_SPEC };
  rmSync(FAL_CORPUS, { recursive: true, force: true });
  const falSource = existsSync(FAL_SOURCE) ? FAL_SOURCE : process.env.MODELGEN_FAL_SPECS;
  if (falSource && existsSync(falSource)) {
    const docs = listFiles(falSource, (p) => p.endsWith(".json"));
    let kept = 0;
    for (const f of docs) {
      const text = readFileSync(f, "utf8");
      let doc;
      try {
        doc = JSON.parse(text);
      } catch {
        continue;
      }
      if (!doc || typeof doc.openapi !== "string") continue;
      const to = path.join(FAL_CORPUS, path.relative(falSource, f));
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, text);
      kept++;
    }
    results.corpus.fal = { from: FAL_SOURCE_SHOWN, dir: rel(FAL_CORPUS), documents: docs.length, specs: kept };
    log(`corpus: ${kept} fal documents of ${docs.length} (the others are fal's error answers) in ${rel(FAL_CORPUS)}`);
  } else results.corpus.fal = null;
}

// ---------------------------------------------------------------------------------------------------- a. generation

/** Per-stage totals from `--debug` lines (`modelgen: <stage> [<file>] <ms> ms`). */
function stageTotals(stderr) {
  const totals = {};
  const perSpec = [];
  for (const line of stderr.split("\n")) {
    const m = /^modelgen: (.+?) ([\d.]+) ms$/.exec(line.trim());
    if (!m) continue;
    const [stage, ...rest] = m[1].split(" ");
    const ms = Number(m[2]);
    totals[stage] = (totals[stage] ?? 0) + ms;
    if (rest.length) perSpec.push({ stage, file: rest.join(" "), ms });
  }
  return { totals, perSpec };
}

/** One CLI generation of the corpus. Exit 1 means "findings" (lint errors): the output is still written. */
function generateOnce(cli, specs = CORPUS, out = GEN_OUT) {
  const r = node([cli, "generate", "--specs", rel(specs), "--out", rel(out), "--debug"], { allowFail: true });
  if (r.status !== 0 && !(r.status === 1 && /generated \d+ models? into/.test(r.stdout)))
    throw new Error(`modelgen generate exited ${r.status}\n${r.stderr.split("\n").filter((l) => !l.startsWith("modelgen: ")).slice(-30).join("\n")}`);
  return r;
}

results.generation = await section("generation", () => {
  mkdirSync(OUT, { recursive: true });
  const touched = listFiles(CORPUS, (p) => p.endsWith(".json"))[0];
  const original = readFileSync(touched, "utf8");
  const cli = path.join(ROOT, "bin/modelgen.js");
  const rounds = [];
  const cachesFound = new Set();
  // Leave time for the other sections (about 100 s on 2 cores).
  const reserve = (SECTIONS.has("validator") ? 60 : 0) + (SECTIONS.has("types") ? 45 : 0) + 5;
  try {
    for (let r = 0; r < CONFIG.genRuns; r++) {
      const roundStart = now();
      // Full: no cache, no previous output, fresh process.
      for (const d of CACHE_DIRS) if (existsSync(d)) (cachesFound.add(rel(d)), rmSync(d, { recursive: true, force: true }));
      rmSync(GEN_OUT, { recursive: true, force: true });
      writeFileSync(touched, original);
      const full = generateOnce(cli);
      // One changed: the same output (and any cache) kept, one spec's content edited.
      const doc = JSON.parse(original);
      doc.info.description = `${doc.info.description ?? ""} (bench: edited for regeneration round ${r + 1})`;
      writeFileSync(touched, JSON.stringify(doc, null, 2) + "\n");
      const one = generateOnce(cli);
      // openapi-typescript, types only, same specs, fresh process.
      const ots = node([path.join(HERE, "lib/ots-runner.js"), rel(CORPUS), rel(OTS_OUT)]);
      const round = { fullMs: full.ms, oneChangedMs: one.ms, otsMs: ots.ms, fullStages: stageTotals(full.stderr), oneChangedStages: stageTotals(one.stderr).totals };
      round.warnings = full.stderr.split("\n").filter((l) => /^\s*warning:/.test(l)).length;
      round.errors = full.stderr.split("\n").filter((l) => /^\s*error:/.test(l)).length;
      round.exitCode = full.status;
      rounds.push(round);
      const roundMs = now() - roundStart;
      log(`generation round ${r + 1}: full ${fmtMs(full.ms)}, one changed ${fmtMs(one.ms)}, openapi-typescript ${fmtMs(ots.ms)}`);
      const elapsed = (now() - t0) / 1000;
      if (r + 1 < CONFIG.genRuns && elapsed + roundMs / 1000 + reserve > CONFIG.budgetSec) {
        log(`generation: stopping after ${r + 1} round(s) to stay within the ${CONFIG.budgetSec} s budget`);
        break;
      }
    }
  } finally {
    writeFileSync(touched, original);
  }
  // One round on the seed copies: full generation (no cache), then openapi-typescript over the same specs.
  for (const d of CACHE_DIRS) if (existsSync(d)) rmSync(d, { recursive: true, force: true });
  rmSync(SEED_OUT, { recursive: true, force: true });
  const seedFull = generateOnce(cli, SEED_CORPUS, SEED_OUT);
  for (const d of CACHE_DIRS) if (existsSync(d)) rmSync(d, { recursive: true, force: true });
  const seedOts = node([path.join(HERE, "lib/ots-runner.js"), rel(SEED_CORPUS), rel(path.join(OUT, "ots-seed000"))]);
  const seedCopies = { fullMs: seedFull.ms, otsMs: seedOts.ms, fullVsOts: seedFull.ms / seedOts.ms, stagesMs: stageTotals(seedFull.stderr).totals };
  log(`generation, ${CONFIG.n} copies of seed 000: full ${fmtMs(seedFull.ms)}, openapi-typescript ${fmtMs(seedOts.ms)}`);
  // One round on fal's real documents, the same way (they generate only once a provider recognises them).
  let fal = null;
  if (results.corpus.fal) {
    for (const d of CACHE_DIRS) if (existsSync(d)) rmSync(d, { recursive: true, force: true });
    rmSync(FAL_OUT, { recursive: true, force: true });
    let falFull;
    try {
      falFull = generateOnce(cli, FAL_CORPUS, FAL_OUT);
    } catch (e) {
      fal = { error: String(e.message).split("\n").filter((l) => /modelgen: /.test(l))[0]?.slice(0, 300) ?? String(e.message).split("\n")[0] };
      log(`generation, fal: ${fal.error}`);
    }
    if (falFull) {
      for (const d of CACHE_DIRS) if (existsSync(d)) rmSync(d, { recursive: true, force: true });
      const falOts = node([path.join(HERE, "lib/ots-runner.js"), rel(FAL_CORPUS), rel(path.join(OUT, "ots-fal"))]);
      fal = { specs: results.corpus.fal.specs, fullMs: falFull.ms, otsMs: falOts.ms, fullVsOts: falFull.ms / falOts.ms, stagesMs: stageTotals(falFull.stderr).totals };
      log(`generation, fal (${fal.specs} documents): full ${fmtMs(falFull.ms)}, openapi-typescript ${fmtMs(falOts.ms)}`);
    }
  }
  const fullMs = median(rounds.map((x) => x.fullMs));
  const oneChangedMs = median(rounds.map((x) => x.oneChangedMs));
  const otsMs = median(rounds.map((x) => x.otsMs));
  // Stage costs of the full runs: median per stage over the rounds; the slowest specs of the last round.
  const stages = {};
  for (const s of new Set(rounds.flatMap((x) => Object.keys(x.fullStages.totals)))) stages[s] = median(rounds.map((x) => x.fullStages.totals[s] ?? 0));
  const slowest = [...rounds.at(-1).fullStages.perSpec].sort((a, b) => b.ms - a.ms).slice(0, 8);
  return {
    specs: CONFIG.n,
    touchedSpec: rel(touched),
    runs: rounds.length,
    fullMs,
    oneChangedMs,
    otsMs,
    fullVsOts: fullMs / otsMs,
    oneChangedVsFull: oneChangedMs / fullMs,
    perSpecFullMs: fullMs / CONFIG.n,
    perSpecOtsMs: otsMs / CONFIG.n,
    warnings: rounds[0].warnings,
    lintErrors: rounds[0].errors,
    exitCode: rounds[0].exitCode,
    cacheDirsRemoved: [...cachesFound],
    stagesMs: Object.fromEntries(Object.entries(stages).sort((a, b) => b[1] - a[1])),
    oneChangedStagesMs: rounds.at(-1).oneChangedStages,
    slowestSpecStages: slowest,
    rounds: rounds.map(({ fullMs, oneChangedMs, otsMs }) => ({ fullMs, oneChangedMs, otsMs })),
    seedCopies,
    fal,
  };
});

// ---------------------------------------------------------------------------------------------------- c. types

/** Union members of `export type <name> = …;` in a .d.ts text (1 when it is not a union). */
function unionMembers(text, name) {
  const m = new RegExp(`export type ${name}\\s*=`).exec(text);
  if (!m) return null;
  let depth = 0;
  let count = 1;
  let seenMember = false;
  for (let i = m.index + m[0].length; i < text.length; i++) {
    const c = text[i];
    if ("{([<".includes(c)) depth++;
    else if ("})]>".includes(c)) depth--;
    else if (c === ";" && depth === 0) break;
    else if (c === "|" && depth === 0) {
      if (seenMember) count++;
    } else if (!/\s/.test(c)) seenMember = true;
  }
  return count;
}

/** Task variants of one module: the product of the union sizes of the parts of `export type Task = A & B & …`. */
function taskVariants(text) {
  const m = /export type Task\s*=\s*([^;]+);/.exec(text);
  if (!m) return null;
  const parts = m[1].split("&").map((s) => s.trim()).filter(Boolean);
  let n = 1;
  for (const p of parts) if (/^[A-Za-z_$][\w$]*$/.test(p)) n *= unionMembers(text, p) ?? 1;
  return n;
}

function tscConfig(dir, { include, files }) {
  mkdirSync(dir, { recursive: true });
  const cfg = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      // Declaration files are what modelgen ships: check them (openapi-typescript's .ts are checked anyway).
      skipLibCheck: false,
      skipDefaultLibCheck: true,
      types: [],
    },
    ...(include ? { include } : {}),
    ...(files ? { files } : {}),
  };
  const p = path.join(dir, "tsconfig.json");
  writeFileSync(p, JSON.stringify(cfg, null, 2) + "\n");
  return p;
}

results.types = await section("types", () => {
  if (!existsSync(GEN_OUT) || !existsSync(OTS_OUT)) throw new Error(`run the generation section first (${rel(GEN_OUT)} and ${rel(OTS_OUT)} are needed)`);
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  const configs = {
    generated: tscConfig(path.join(OUT, "tsc/generated"), { include: [path.join(GEN_OUT, "**/*.d.ts")] }),
    ots: tscConfig(path.join(OUT, "tsc/ots"), { include: [path.join(OTS_OUT, "**/*.ts")] }),
    oneModule: tscConfig(path.join(OUT, "tsc/one"), { files: [path.join(MODEL_DIR, "index.d.ts")] }),
  };
  const times = { generated: [], ots: [], oneModule: [] };
  const errors = {};
  for (let r = 0; r < CONFIG.tscRuns; r++) {
    for (const k of Object.keys(configs)) {
      const res = node([tsc, "-p", configs[k]], { allowFail: true });
      times[k].push(res.ms);
      if (res.status !== 0) errors[k] = (res.stdout + res.stderr).split("\n").filter(Boolean).slice(0, 5);
    }
  }
  const files = {
    generated: listFiles(GEN_OUT, (p) => p.endsWith(".d.ts")).length,
    ots: listFiles(OTS_OUT, (p) => p.endsWith(".ts")).length,
  };
  const variants = listFiles(GEN_OUT, (p) => p.endsWith(`${path.sep}index.d.ts`) && path.dirname(p) !== GEN_OUT)
    .map((p) => taskVariants(readFileSync(p, "utf8")))
    .filter((v) => v != null)
    .sort((a, b) => a - b);
  const generatedMs = median(times.generated);
  const otsMs = median(times.ots);
  return {
    runs: CONFIG.tscRuns,
    generatedMs,
    otsMs,
    oneModuleMs: median(times.oneModule),
    generatedVsOts: generatedMs / otsMs,
    files,
    errors,
    taskVariants: { modules: variants.length, min: variants[0] ?? null, median: median(variants), max: variants.at(-1) ?? null, total: variants.reduce((a, b) => a + b, 0) },
    timesMs: times,
  };
});

// ---------------------------------------------------------------------------------------------------- b. validator

results.validator = await section("validator", async () => {
  const { loadSpec } = await import("../dist/generator/load/spec.js");
  const { normalize } = await import("../dist/generator/normalize/index.js");
  const { ajvOptions } = await import("../dist/generator/compile/validator.js");
  const dir = path.join(OUT, "validator");
  mkdirSync(dir, { recursive: true });
  // The schema the generated validator was compiled from: the task after the overlay and normalize().
  const spec = await loadSpec({ file: MODEL_SPEC, root: "specs" });
  const schema = normalize(spec.taskSchema);
  const schemaFile = path.join(dir, "schema.json");
  writeFileSync(schemaFile, JSON.stringify(schema));
  const tests = JSON.parse(readFileSync(path.join(ROOT, PAYLOAD_FILE), "utf8")).flatMap((g) => g.tests);
  const pick = (prefix, valid) => tests.find((t) => t.valid === valid && t.description.startsWith(prefix)) ?? tests.find((t) => t.valid === valid);
  const validCase = pick(VALID_CASE, true);
  const invalidCase = pick(INVALID_CASE, false);
  const payloadsFile = path.join(dir, "payloads.json");
  writeFileSync(payloadsFile, JSON.stringify({ valid: validCase.data, invalid: invalidCase.data }));
  const validFile = path.join(dir, "valid.json");
  writeFileSync(validFile, JSON.stringify(validCase.data));
  const { formats: _formats, ...ajvOpts } = ajvOptions({});
  const moduleFile = path.join(MODEL_DIR, "index.js");

  // Cold start: interleaved runs of a bare node, the generated module and Ajv's compile path.
  const cold = { baseline: [], generated: [], ajv: [] };
  const coldScript = path.join(HERE, "lib/cold.js");
  for (let r = 0; r < CONFIG.coldRuns; r++) {
    cold.baseline.push(node(["-e", ""]).ms);
    cold.generated.push(node([coldScript, "generated", moduleFile, validFile]).ms);
    cold.ajv.push(node([coldScript, "ajv", schemaFile, validFile, JSON.stringify(ajvOpts)]).ms);
  }
  const baseline = median(cold.baseline);
  const genRaw = median(cold.generated);
  const ajvRaw = median(cold.ajv);
  const coldStart = { runs: CONFIG.coldRuns, baselineMs: baseline, generatedRawMs: genRaw, ajvRawMs: ajvRaw, generatedNetMs: genRaw - baseline, ajvNetMs: ajvRaw - baseline };
  coldStart.netRatio = coldStart.generatedNetMs / coldStart.ajvNetMs;
  coldStart.rawRatio = genRaw / ajvRaw;

  // Throughput: each competitor in its own fresh process.
  const configFile = path.join(dir, "throughput-config.json");
  writeFileSync(configFile, JSON.stringify({ schemaFile, payloadsFile, moduleFile, ajvOptions: ajvOpts, sampleMs: CONFIG.sampleMs, samples: CONFIG.samples, warmupMs: CONFIG.warmupMs }));
  const competitors = ["generated-isTask", "ajv-default", "generated-validateTask", "ajv", "cfworker", "hyperjump-compiled", "hyperjump-async"];
  const throughput = runThroughput(competitors, configFile, "Wan 2.7");
  const fal = await falThroughput(ajvOpts);
  return {
    schema: `${MODEL_SPEC} + overlay, normalize()d (${JSON.stringify(schema).length} B JSON)`,
    payloads: { valid: validCase.description, invalid: invalidCase.description, file: PAYLOAD_FILE },
    ajvOptions: ajvOpts,
    coldStart,
    coldTimesMs: cold,
    throughput,
    fal,
  };
});

/**
 * Each competitor in its own fresh process on one config (schema, payloads, module). The two the target compares
 * (isTask and Ajv's defaults) run CONFIG.tpRounds times, alternating, each time in a fresh process: one process's
 * figure moves by ±10-20% with the JIT's choices and the neighbours, so each takes the median of its processes,
 * and `samples` are the processes' figures (the spread the table shows). The others run once.
 */
function runThroughput(competitors, configFile, label) {
  const runs = {};
  const rounds = (c) => (c === "generated-isTask" || c === "ajv-default" ? CONFIG.tpRounds : 1);
  for (let r = 0; r < Math.max(...competitors.map(rounds)); r++) {
    for (const c of competitors) {
      if (r >= rounds(c) || runs[c]?.error) continue;
      try {
        const out = node([path.join(HERE, "lib/throughput.js"), c, configFile]);
        (runs[c] ??= []).push(JSON.parse(out.stdout.trim().split("\n").at(-1)));
      } catch (e) {
        runs[c] = { error: String(e.message).split("\n").slice(0, 3).join(" ") };
      }
    }
  }
  const throughput = {};
  for (const c of competitors) {
    const rs = runs[c];
    if (!Array.isArray(rs)) {
      throughput[c] = rs ?? { error: "not run" };
    } else {
      const kind = (k) => (rs.length === 1 ? rs[0].results[k] : { opsPerSec: median(rs.map((x) => x.results[k].opsPerSec)), samples: rs.map((x) => x.results[k].opsPerSec), processes: rs.length, verdict: rs.every((x) => x.results[k].verdict === rs[0].results[k].verdict) ? rs[0].results[k].verdict : null });
      const valid = kind("valid");
      const invalid = kind("invalid");
      throughput[c] = { how: rs[0].how, valid, invalid, agrees: valid.verdict === true && invalid.verdict === false };
    }
    log(`throughput ${label} ${c}: ${fmtOps(throughput[c].valid?.opsPerSec)} valid, ${fmtOps(throughput[c].invalid?.opsPerSec)} invalid${Array.isArray(rs) && rs.length > 1 ? ` (median of ${rs.length} processes)` : ""}`);
  }
  return throughput;
}

/**
 * isTask and validateTask of one fal model (the first that generated, by path) against Ajv. fal documents come
 * with no golden payloads: the valid one is made of the task schema's required properties, each from its first
 * example, default, const or enum value, and must be valid to the generated validateTask; the invalid one is the
 * same without its first required property. Null with a reason when fal's documents did not generate.
 */
async function falThroughput(ajvOpts) {
  if (!existsSync(FAL_OUT)) return { error: "fal's documents did not generate in this run (see a.)" };
  const modules = listFiles(FAL_OUT, (p) => p.endsWith(`${path.sep}index.js`) && path.dirname(p) !== FAL_OUT && !p.includes(`${path.sep}_runtime${path.sep}`));
  const { loadSpec } = await import("../dist/generator/load/spec.js");
  const { normalize } = await import("../dist/generator/normalize/index.js");
  for (const moduleFile of modules) {
    const name = path.relative(FAL_OUT, path.dirname(moduleFile));
    const specFile = path.join(FAL_CORPUS, `${name}.json`);
    if (!existsSync(specFile)) continue;
    let schema;
    try {
      schema = normalize((await loadSpec({ file: rel(specFile), root: rel(FAL_CORPUS) })).taskSchema);
    } catch {
      continue;
    }
    const props = schema.properties ?? {};
    const required = (schema.required ?? []).filter((k) => props[k]);
    if (!required.length) continue;
    const sample = (s) => s?.examples?.[0] ?? s?.default ?? s?.const ?? s?.enum?.[0];
    const valid = Object.fromEntries(required.map((k) => [k, sample(props[k])]));
    if (Object.values(valid).some((x) => x === undefined)) continue;
    const mod = await import(pathToFileURL(moduleFile).href);
    if (mod.validateTask(valid).length !== 0) continue;
    const { [required[0]]: _dropped, ...invalid } = valid;
    if (mod.validateTask(invalid).length === 0) continue;
    const dir = path.join(OUT, "validator-fal");
    mkdirSync(dir, { recursive: true });
    const schemaFile = path.join(dir, "schema.json");
    writeFileSync(schemaFile, JSON.stringify(schema));
    const payloadsFile = path.join(dir, "payloads.json");
    writeFileSync(payloadsFile, JSON.stringify({ valid, invalid }));
    const configFile = path.join(dir, "throughput-config.json");
    writeFileSync(configFile, JSON.stringify({ schemaFile, payloadsFile, moduleFile, ajvOptions: ajvOpts, sampleMs: CONFIG.sampleMs, samples: CONFIG.samples, warmupMs: CONFIG.warmupMs }));
    return { model: name, payloads: { valid, invalid: `the valid one without ${required[0]}` }, throughput: runThroughput(["generated-isTask", "ajv-default", "generated-validateTask", "ajv"], configFile, `fal ${name}`) };
  }
  return { error: `no fal model with required properties that all have an example, default, const or enum (of ${modules.length})` };
}

// ---------------------------------------------------------------------------------------------------- d. size

results.size = await section("size", async () => {
  const { build } = await import("esbuild");
  const entry = path.join(MODEL_DIR, "index.js");
  const r = await build({ entryPoints: [entry], bundle: true, format: "esm", minify: true, platform: "neutral", write: false, metafile: true, logLevel: "silent" });
  const bytes = r.outputFiles[0].contents;
  const text = Buffer.from(bytes).toString("utf8");
  const gz = gzipSync(bytes, { level: 9 }).length;
  // What `import` itself pulls in: the client runtime is a dynamic import (made by createClient and the webhook
  // functions, in the validation runtime), so every import() is left out here and reported with the full bundle above.
  const dynamicExternal = { name: "dynamic-imports-external", setup: (b) => b.onResolve({ filter: /.*/ }, (args) => (args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined)) };
  const staticOnly = await build({ entryPoints: [entry], bundle: true, format: "esm", minify: true, platform: "neutral", write: false, logLevel: "silent", plugins: [dynamicExternal] });
  const staticBytes = staticOnly.outputFiles[0].contents;
  // Every model of the committed generated/: its folder and its id.
  const idOf = (f) => /export const modelId = ("(?:[^"\\]|\\.)*");/.exec(readFileSync(f, "utf8"))?.[1];
  const models = listFiles(path.join(ROOT, "generated"), (p) => p.endsWith(`${path.sep}index.js`) && path.dirname(p) !== path.join(ROOT, "generated"))
    .map((f) => ({ dir: rel(path.dirname(f)), id: idOf(f) && JSON.parse(idOf(f)) }))
    .filter((m) => m.id);
  const self = models.find((m) => m.dir === rel(MODEL_DIR));
  const inputs = Object.keys(r.metafile.inputs).map((p) => path.resolve(ROOT, p));
  const quoted = (id) => new RegExp(`["'\`]${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["'\`]`);
  const others = models.filter((m) => m !== self);
  const leaked = others.filter((m) => quoted(m.id).test(text) || inputs.some((p) => p.startsWith(path.join(ROOT, m.dir) + path.sep)));
  const out = Object.values(r.metafile.outputs)[0];
  const contributors = Object.entries(out.inputs)
    .map(([p, v]) => ({ file: rel(path.resolve(ROOT, p)), bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  // Bytes per model: the 10 real specs (generated here), the scale corpus and the seed copies (generation's output).
  const real = node([path.join(ROOT, "bin/modelgen.js"), "generate", "--no-cache", "--specs", REAL_SPECS, "--out", rel(REAL_OUT)], { allowFail: true });
  if (real.status !== 0 && real.status !== 1) throw new Error(`modelgen generate ${REAL_SPECS} exited ${real.status}`);
  const perModel = { real: modelBytes(REAL_OUT), fal: modelBytes(FAL_OUT), corpus: modelBytes(GEN_OUT), seedCopies: modelBytes(SEED_OUT) };
  return {
    entry: rel(entry),
    perModel,
    minifiedBytes: bytes.length,
    gzipBytes: gz,
    staticMinifiedBytes: staticBytes.length,
    staticGzipBytes: gzipSync(staticBytes, { level: 9 }).length,
    ownIdPresent: self ? quoted(self.id).test(text) : null,
    otherModelsChecked: others.map((m) => m.id),
    leaked: leaked.map((m) => m.id),
    importsNoOtherModel: leaked.length === 0,
    contributors,
  };
});

/**
 * Generated bytes per model under an output folder: each model folder (one with an index.js), by file; and what
 * the models share (`_runtime/`, the registry, the index README), counted once.
 */
function modelBytes(dir) {
  if (!existsSync(dir)) return null;
  const files = listFiles(dir);
  const models = new Map();
  let shared = 0;
  for (const f of files) {
    const size = statSync(f).size;
    const folder = path.dirname(f);
    if (existsSync(path.join(folder, "index.js")) && folder !== dir && !rel(folder).includes("/_runtime")) {
      const m = models.get(folder) ?? { model: path.relative(dir, folder).replace(/\\/g, "/"), bytes: 0, gzipBytes: 0, files: {} };
      m.bytes += size;
      m.gzipBytes += gzipSync(readFileSync(f), { level: 9 }).length;
      m.files[path.basename(f)] = size;
      models.set(folder, m);
    } else shared += size;
  }
  const list = [...models.values()];
  const sizes = list.map((m) => m.bytes);
  const kinds = [...new Set(list.flatMap((m) => Object.keys(m.files)))].sort();
  return {
    dir: rel(dir),
    models: list.length,
    sharedBytes: shared,
    totalBytes: shared + sizes.reduce((a, b) => a + b, 0),
    perModel: { mean: sizes.length ? Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) : null, median: median(sizes), min: Math.min(...sizes), max: Math.max(...sizes) },
    // Each file gzipped (level 9) on its own, summed per model: what a registry tarball costs at most.
    gzipPerModelMean: list.length ? Math.round(list.reduce((a, m) => a + m.gzipBytes, 0) / list.length) : null,
    perFileMean: Object.fromEntries(kinds.map((k) => [k, Math.round(list.reduce((a, m) => a + (m.files[k] ?? 0), 0) / list.length)])),
    list: list.length <= 20 ? list : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------- figures

const g = results.generation;
const v = results.validator;
const ty = results.types;
const sz = results.size;
const ok = (x) => x && !x.error;
const N = CONFIG.n;

figure("gen.full", `a. full generation, ${N} specs (CLI, fresh process, no cache)`, ok(g) ? g.fullMs : null, ok(g) ? `${fmtMs(g.fullMs)} (${fmtMs(g.perSpecFullMs)}/spec)` : "n/a", "—", null);
figure("gen.ots", `a. openapi-typescript, ${N} specs (types only)`, ok(g) ? g.otsMs : null, ok(g) ? `${fmtMs(g.otsMs)} (${fmtMs(g.perSpecOtsMs)}/spec)` : "n/a", "—", null);
figure("gen.fullVsOts", "a. full generation / openapi-typescript", ok(g) ? g.fullVsOts : null, ok(g) ? fmtRatio(g.fullVsOts) : "n/a", `≤ ${TARGETS.fullVsOts}×`, ok(g) ? g.fullVsOts <= TARGETS.fullVsOts : null, "every spec's task differs: the per-spec cost");
const sc = ok(g) ? g.seedCopies : null;
figure("gen.seedFull", `a. full generation, ${N} copies of seed 000`, sc?.fullMs ?? null, sc ? `${fmtMs(sc.fullMs)} (openapi-typescript ${fmtMs(sc.otsMs)})` : "n/a", "—", null);
figure("gen.seedFullVsOts", "a. full generation / openapi-typescript, seed 000 copies", sc?.fullVsOts ?? null, sc ? fmtRatio(sc.fullVsOts) : "n/a", `≤ ${TARGETS.fullVsOts}×`, sc ? sc.fullVsOts <= TARGETS.fullVsOts : null, "the copies differ only in the model id: each worker compiles their task once (bench/NOTES.md)");
const fg = ok(g) ? g.fal : null;
figure("gen.falFull", `a. full generation, fal's real documents${fg?.specs ? ` (${fg.specs})` : ""}`, fg?.fullMs ?? null, fg && !fg.error ? `${fmtMs(fg.fullMs)} (openapi-typescript ${fmtMs(fg.otsMs)})` : "n/a", "—", null, fg?.error ?? (results.corpus.fal ? "" : `${FAL_SOURCE_SHOWN} not found`));
figure("gen.falFullVsOts", "a. full generation / openapi-typescript, fal's real documents", fg?.fullVsOts ?? null, fg && !fg.error ? fmtRatio(fg.fullVsOts) : "n/a", `≤ ${TARGETS.fullVsOts}×`, fg && !fg.error ? fg.fullVsOts <= TARGETS.fullVsOts : null, fg?.error ? "does not generate yet" : "");
figure("gen.oneChanged", "a. regeneration after one spec changed", ok(g) ? g.oneChangedMs : null, ok(g) ? fmtMs(g.oneChangedMs) : "n/a", "—", null);
figure("gen.oneChangedVsFull", "a. one changed / full", ok(g) ? g.oneChangedVsFull : null, ok(g) ? fmtPct(g.oneChangedVsFull) : "n/a", `≤ ${TARGETS.oneChanged * 100}%`, ok(g) ? g.oneChangedVsFull <= TARGETS.oneChanged : null);
const cs = ok(v) ? v.coldStart : null;
figure("val.coldGenerated", "b. cold start, generated module (raw / net of node)", cs?.generatedNetMs ?? null, cs ? `${fmtMs(cs.generatedRawMs)} / ${fmtMs(cs.generatedNetMs)}` : "n/a", "—", null);
figure("val.coldAjv", "b. cold start, Ajv compile at run time (raw / net)", cs?.ajvNetMs ?? null, cs ? `${fmtMs(cs.ajvRawMs)} / ${fmtMs(cs.ajvNetMs)}` : "n/a", "—", null);
figure("val.coldRatio", "b. cold start generated / Ajv (net; raw in note)", cs?.netRatio ?? null, cs ? fmtPct(cs.netRatio) : "n/a", `≤ ${TARGETS.coldStart * 100}%`, cs ? cs.netRatio <= TARGETS.coldStart : null, cs ? `raw ${fmtPct(cs.rawRatio)}, node baseline ${fmtMs(cs.baselineMs)}` : "");
const tp = ok(v) ? v.throughput : {};
/** Throughput rows of one model: every competitor as a ratio of Ajv with its defaults; isTask is the target. */
function throughputFigures(key, model, tp) {
  const base = (kind, c) => tp[c]?.[kind]?.opsPerSec;
  for (const kind of ["valid", "invalid"]) {
    for (const [c, label] of [
      ["generated-isTask", "generated isTask"],
      ["ajv-default", "Ajv, its defaults (first error)"],
      ["generated-validateTask", "generated validateTask (all errors, in words)"],
      ["ajv", "Ajv, all errors (the generator's options)"],
      ["cfworker", "@cfworker/json-schema"],
      ["hyperjump-compiled", "@hyperjump (compiled fn)"],
      ["hyperjump-async", "@hyperjump (await validate per call)"],
    ]) {
      if (!tp[c]) continue;
      const ops = tp[c]?.[kind]?.opsPerSec ?? null;
      const ratio = ops != null && base(kind, "ajv-default") ? ops / base(kind, "ajv-default") : null;
      const targeted = c === "generated-isTask";
      const agrees = tp[c]?.agrees;
      const samples = tp[c]?.[kind]?.samples ?? [];
      const procs = tp[c]?.[kind]?.processes;
      const spread = samples.length && ops ? `${procs ? `${procs} processes` : "samples"} ${Math.round((Math.min(...samples) / ops - 1) * 100)}%…+${Math.round((Math.max(...samples) / ops - 1) * 100)}%` : "";
      const allErrors = c === "generated-validateTask" && ops != null && base(kind, "ajv") ? `${fmtRatio(ops / base(kind, "ajv"))} Ajv with all errors` : "";
      figure(`val.tp.${key}.${kind}.${c}`, `b. throughput, ${model}, ${kind} payload: ${label}`, ops, ops != null ? `${fmtOps(ops)} (${fmtRatio(ratio)} Ajv default)` : tp[c]?.error ? "error" : "n/a", targeted ? "≥ 1.0× Ajv default" : "—", targeted && ratio != null ? ratio >= TARGETS.throughput : null, [agrees === false ? "DISAGREES on a verdict" : "", allErrors, spread].filter(Boolean).join("; "));
    }
  }
}
throughputFigures("wan27", "Wan 2.7", tp);
const falTp = ok(v) ? v.fal : null;
if (falTp && !falTp.error) throughputFigures("fal", `fal ${falTp.model}`, falTp.throughput);
else
  for (const kind of ["valid", "invalid"])
    figure(`val.tp.fal.${kind}.generated-isTask`, `b. throughput, a fal model, ${kind} payload: generated isTask`, null, "n/a", "≥ 1.0× Ajv default", null, falTp?.error ?? "validator section not run");
figure("types.generated", `c. tsc --noEmit, generated corpus (${ok(ty) ? ty.files.generated : "?"} .d.ts)`, ok(ty) ? ty.generatedMs : null, ok(ty) ? fmtMs(ty.generatedMs) : "n/a", "—", null, ok(ty) && ty.errors.generated ? "tsc reported errors" : "");
figure("types.ots", `c. tsc --noEmit, openapi-typescript output (${ok(ty) ? ty.files.ots : "?"} .ts)`, ok(ty) ? ty.otsMs : null, ok(ty) ? fmtMs(ty.otsMs) : "n/a", "—", null, ok(ty) && ty.errors.ots ? "tsc reported errors" : "");
figure("types.ratio", "c. tsc generated / openapi-typescript", ok(ty) ? ty.generatedVsOts : null, ok(ty) ? fmtRatio(ty.generatedVsOts) : "n/a", `≤ ${TARGETS.tsc}×`, ok(ty) ? ty.generatedVsOts <= TARGETS.tsc : null);
figure("types.oneModule", `c. tsc --noEmit, ${MODEL}/index.d.ts alone`, ok(ty) ? ty.oneModuleMs : null, ok(ty) ? fmtMs(ty.oneModuleMs) : "n/a", "—", null, ok(ty) && ty.errors.oneModule ? "tsc reported errors" : "");
figure("types.variants", "c. Task variants per spec (min / median / max)", ok(ty) ? ty.taskVariants.median : null, ok(ty) ? `${ty.taskVariants.min} / ${ty.taskVariants.median} / ${ty.taskVariants.max}` : "n/a", "—", null, ok(ty) ? `${ty.taskVariants.modules} modules` : "");
figure("size.minified", `d. ${MODEL} bundle with the client runtime, minified`, ok(sz) ? sz.minifiedBytes : null, ok(sz) ? fmtBytes(sz.minifiedBytes) : "n/a", "—", null);
figure("size.gzipAll", `d. ${MODEL} bundle with the client runtime, minified + gzip`, ok(sz) ? sz.gzipBytes : null, ok(sz) ? fmtBytes(sz.gzipBytes) : "n/a", "—", null, "the client runtime loads when createClient is called");
figure("size.staticMinified", `d. ${MODEL}: what importing it pulls in, minified`, ok(sz) ? sz.staticMinifiedBytes : null, ok(sz) ? fmtBytes(sz.staticMinifiedBytes) : "n/a", "—", null);
figure("size.gzip", `d. ${MODEL}: what importing it pulls in, minified + gzip`, ok(sz) ? sz.staticGzipBytes : null, ok(sz) ? fmtBytes(sz.staticGzipBytes) : "n/a", `≤ 15 KiB (${TARGETS.gzipBytes} B)`, ok(sz) ? sz.staticGzipBytes <= TARGETS.gzipBytes : null, ok(sz) ? `${(sz.staticGzipBytes / 1000).toFixed(2)} kB decimal` : "");
for (const [key, label] of [["real", `Runware's real specs (${REAL_SPECS})`], ["fal", "fal's real documents"], ["corpus", "the bench corpus"], ["seedCopies", "the seed 000 copies"]]) {
  const b = ok(sz) ? sz.perModel?.[key] : null;
  const target = key === "real" ? `≤ ${fmtBytes(TARGETS.bytesPerModel)} (half of ${fmtBytes(BASELINE.bytesPerModelReal)})` : "—";
  figure(
    `size.perModel.${key}`,
    `d. generated bytes per model, ${label}${b ? ` (${b.models} models)` : ""}: unpacked / gzipped`,
    b?.perModel.mean ?? null,
    b ? `${fmtBytes(b.perModel.mean)} / ${fmtBytes(b.gzipPerModelMean)} mean; ${fmtBytes(b.perModel.max)} max unpacked` : "n/a",
    target,
    key === "real" && b ? b.perModel.mean <= TARGETS.bytesPerModel : null,
    b ? `validator.js ${(b.perFileMean["validator.js"] / 1024).toFixed(1)} KiB mean; shared (_runtime, registry) ${(b.sharedBytes / 1024).toFixed(0)} KiB once` : key === "fal" ? "fal's documents did not generate in this run" : "",
  );
}
figure("size.isolated", "d. imports no other model", ok(sz) ? sz.importsNoOtherModel : null, ok(sz) ? (sz.importsNoOtherModel ? "yes" : `no (${sz.leaked.join(", ")})`) : "n/a", "yes", ok(sz) ? sz.importsNoOtherModel : null, ok(sz) ? `checked ${sz.otherModelsChecked.length} other ids` : "");

results.totalSec = +((now() - t0) / 1000).toFixed(1);
results.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));

// ---------------------------------------------------------------------------------------------------- output

function table(rows, head) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
function mdTable(rows, head) {
  const esc = (c) => String(c).replace(/\|/g, "\\|");
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}
const HEAD = ["Figure", "Value", "Target", "Result", "Note"];
const rows = results.figures.map((f) => [f.label, f.text, f.target, f.target === "—" ? "" : verdict(f.met), f.note]);
const m = results.machine;
const machineLine = `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}, ${m.date} (load average ${m.loadAverageAtStart.join(" ")} at start, ${m.loadAverageAtEnd.join(" ")} at end)`;
const targeted = results.figures.filter((f) => f.target !== "—");
const summary = `targets met: ${targeted.filter((f) => f.met === true).length} of ${targeted.length}`;

process.stdout.write(`\nmodelgen bench: ${machineLine}\n\n${table(rows, HEAD)}\n\n${summary}; bench took ${results.totalSec} s\n`);

writeFileSync(path.join(HERE, "results.json"), JSON.stringify(results, null, 2) + "\n");

const md = [];
md.push("# modelgen benchmark results", "");
md.push(`Machine: ${machineLine}.`, "");
md.push(`Produced by \`npm run bench\` (\`node bench/run.js\`) in ${results.totalSec} s; ${summary}. Every time is the median of the runs given below; every ratio compares figures measured in this same run. Details: \`bench/results.json\`; method: \`bench/README.md\`.`, "");
md.push(mdTable(rows, HEAD), "");
if (ok(g)) {
  md.push("## a. Generation", "");
  md.push(`Corpus: ${results.corpus.specs} specs from \`bench/corpus.js\` (seed ${results.corpus.seed}, ${results.corpus.bases.length} base specs, ${(results.corpus.bytes / 1e6).toFixed(1)} MB). ${g.runs} round(s) of: full generation (fresh \`node bin/modelgen.js generate --specs ${results.corpus.dir} --out bench/.out/gen --debug\`, output and cache removed first), then regeneration after editing \`info.description\` of \`${g.touchedSpec}\` (output kept), then openapi-typescript's Node API over every spec in a fresh process (\`bench/lib/ots-runner.js\`). Generator output on the corpus: ${g.warnings} warning line(s), ${g.lintErrors} error line(s), exit code ${g.exitCode}. Cache folders found and removed: ${g.cacheDirsRemoved.length ? g.cacheDirsRemoved.join(", ") : "none"}.`, "");
  if (g.seedCopies) md.push(`Seed 000 copies: ${results.corpus.seedCopies.specs} copies of \`${results.corpus.seedCopies.from}\` (no overlay, model id made unique) in \`${results.corpus.seedCopies.dir}\`; one round: full generation (no cache) ${fmtMs(g.seedCopies.fullMs)}, openapi-typescript ${fmtMs(g.seedCopies.otsMs)}: ${fmtRatio(g.seedCopies.fullVsOts)}.`, "");
  if (g.fal && !g.fal.error) md.push(`fal's real documents: ${g.fal.specs} of the ${results.corpus.fal.documents} in \`${results.corpus.fal.from}\` (the others are fal's error answers), copied to \`${results.corpus.fal.dir}\`; one round: full generation (no cache) ${fmtMs(g.fal.fullMs)}, openapi-typescript ${fmtMs(g.fal.otsMs)}: ${fmtRatio(g.fal.fullVsOts)}.`, "");
  else if (g.fal?.error) md.push(`fal's real documents (\`${results.corpus.fal.from}\`): not measured, generation failed: ${g.fal.error}`, "");
  md.push(mdTable(g.rounds.map((r, i) => [i + 1, fmtMs(r.fullMs), fmtMs(r.oneChangedMs), fmtMs(r.otsMs)]), ["Round", "Full", "One changed", "openapi-typescript"]), "");
  const total = Object.values(g.stagesMs).reduce((a, b) => a + b, 0);
  md.push("Where a full generation spends its time (sum over specs of the `--debug` stage timings, median over rounds; a worker runs two specs at once, so a stage that waits, such as `compile` and `analyze` on esbuild's minify or `load` and `emit` on their own awaits, also counts the other spec's work done meanwhile):", "");
  md.push(mdTable(Object.entries(g.stagesMs).map(([s, ms]) => [s, fmtMs(ms), fmtPct(ms / total)]), ["Stage", "Time", "Share"]), "");
  md.push("Slowest single stages (last round):", "");
  md.push(mdTable(g.slowestSpecStages.map((s) => [s.stage, s.file, fmtMs(s.ms)]), ["Stage", "Spec", "Time"]), "");
}
if (ok(v)) {
  md.push("## b. Validator", "");
  md.push(`Schema: ${v.schema}. Payloads from \`${v.payloads.file}\`: valid "${v.payloads.valid}", invalid "${v.payloads.invalid}". Ajv options: \`${JSON.stringify(v.ajvOptions)}\` + ajv-formats.`, "");
  md.push(`Cold start (${cs.runs} interleaved runs each, wall time of the whole process): bare \`node -e ""\` ${fmtMs(cs.baselineMs)}; generated module (import \`generated/${MODEL}/index.js\`, \`isTask\` one payload) ${fmtMs(cs.generatedRawMs)} raw, ${fmtMs(cs.generatedNetMs)} net; Ajv (import Ajv2020 + ajv-formats, compile, validate one payload) ${fmtMs(cs.ajvRawMs)} raw, ${fmtMs(cs.ajvNetMs)} net.`, "");
  md.push(`Throughput: each competitor in its own fresh process; ${CONFIG.warmupMs} ms warm-up, then the median of ${CONFIG.samples} samples of ${CONFIG.sampleMs} ms.`, "");
  md.push(
    mdTable(
      Object.entries(v.throughput).map(([c, r]) => [c, r.error ? "error" : fmtOps(r.valid.opsPerSec), r.error ? "error" : fmtOps(r.invalid.opsPerSec), r.error ? r.error : r.agrees ? "yes" : "NO", r.how ?? ""]),
      ["Competitor", "Valid", "Invalid", "Verdicts right", "How"],
    ),
    "",
  );
  if (v.fal && !v.fal.error) {
    md.push(`A fal model, \`${v.fal.model}\` (fal's documents carry no golden payloads): valid \`${JSON.stringify(v.fal.payloads.valid).slice(0, 300)}\`, invalid: ${v.fal.payloads.invalid}.`, "");
    md.push(mdTable(Object.entries(v.fal.throughput).map(([c, r]) => [c, r.error ? "error" : fmtOps(r.valid.opsPerSec), r.error ? "error" : fmtOps(r.invalid.opsPerSec), r.error ? r.error : r.agrees ? "yes" : "NO", r.how ?? ""]), ["Competitor", "Valid", "Invalid", "Verdicts right", "How"]), "");
  } else md.push(`A fal model: not measured (${v.fal?.error ?? "no fal output"}).`, "");
}
if (ok(ty)) {
  md.push("## c. Types", "");
  md.push(`\`node node_modules/typescript/bin/tsc -p <config>\` with strict, module/moduleResolution NodeNext, target ES2022, skipLibCheck false (so the shipped .d.ts are checked), skipDefaultLibCheck, no @types; ${ty.runs} runs each, median. Generated corpus: every .d.ts under bench/.out/gen (${ty.files.generated} files, runtime included); openapi-typescript: its ${ty.files.ots} .ts files; one module: \`generated/${MODEL}/index.d.ts\` and what it imports.${Object.keys(ty.errors).length ? ` tsc reported errors for: ${Object.keys(ty.errors).join(", ")} (see results.json).` : " No tsc errors."}`, "");
  md.push(`Task variants per spec: the product of the union sizes of the parts of \`export type Task = TaskCommon & …Mode\` in each module's index.d.ts: min ${ty.taskVariants.min}, median ${ty.taskVariants.median}, max ${ty.taskVariants.max} over ${ty.taskVariants.modules} modules.`, "");
}
if (ok(sz)) {
  md.push("## d. Size", "");
  md.push(`esbuild (bundle, format esm, minify, platform neutral) of \`${sz.entry}\`, gzip level 9: ${fmtBytes(sz.minifiedBytes)} minified, ${fmtBytes(sz.gzipBytes)} gzipped. Other models' ids found in the bundle or modules imported from their folders: ${sz.leaked.length ? sz.leaked.join(", ") : "none"} (checked ${sz.otherModelsChecked.join(", ")}).`, "");
  md.push(mdTable(sz.contributors.slice(0, 12).map((c) => [c.file, c.bytes.toLocaleString("en-US")]), ["Input", "Minified bytes in bundle"]), "");
  const pm = sz.perModel ?? {};
  if (pm.real || pm.corpus) {
    md.push("Generated bytes per model (every file of the model's folder as written; gzipped: each file at level 9, summed; the shared `_runtime/`, registry and index README counted once, apart):", "");
    const kinds = [...new Set(Object.values(pm).filter(Boolean).flatMap((b) => Object.keys(b.perFileMean)))].sort();
    md.push(
      mdTable(
        Object.entries(pm)
          .filter(([, b]) => b)
          .map(([k, b]) => [`${b.dir} (${b.models})`, b.perModel.mean.toLocaleString("en-US"), b.gzipPerModelMean.toLocaleString("en-US"), b.perModel.max.toLocaleString("en-US"), ...kinds.map((x) => (b.perFileMean[x] ?? 0).toLocaleString("en-US")), b.sharedBytes.toLocaleString("en-US")]),
        ["Output (models)", "Mean B/model", "Mean gzipped", "Max", ...kinds.map((x) => `${x} mean`), "Shared B"],
      ),
      "",
    );
    if (pm.real?.list) md.push(mdTable(pm.real.list.map((m) => [m.model, m.bytes.toLocaleString("en-US"), (m.files["validator.js"] ?? 0).toLocaleString("en-US")]), ["Real spec", "Bytes", "validator.js"]), "");
  }
}
// Hand-written notes on the targets (what limits a miss, what was tried) follow the figures.
if (existsSync(path.join(HERE, "NOTES.md"))) md.push(readFileSync(path.join(HERE, "NOTES.md"), "utf8").trimEnd(), "");
writeFileSync(path.join(HERE, "RESULTS.md"), md.join("\n"));
log(`wrote ${rel(path.join(HERE, "results.json"))} and ${rel(path.join(HERE, "RESULTS.md"))}`);
