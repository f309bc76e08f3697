// Fuzzing the generator with random task schemas (properties of string/integer/boolean/enum/const/array types,
// required, additionalProperties false, allOf of if/then requiring or forbidding properties, dependentRequired,
// oneOf of const tuples, anyOf of required), each wrapped as a Runware-shaped spec. The pipeline must either
// generate code that type-checks, whose validator agrees with Ajv (compiled from the same schema, strict off, with
// ajv-formats) on random payloads, and whose Task type accepts every valid payload; or fail with a SpecError.
//
// Fixed seed (FUZZ_SEED). FUZZ_RUNS unset: 25 specs × 30 payloads, one batch. FUZZ_RUNS=n: about n payload checks,
// as ceil(n/50) specs (at most 400) × 50 payloads, in batches of 50 specs (one generate() and one tsc program each).
//
// Each batch also checks that it exercised something: most specs generate, every generated module is run on all its
// payloads, enough of them are valid (and enough invalid) for both sides of the comparison to mean something, and
// the type check sees the payload files (a canary that must not compile does not). Without this the test passed
// with every spec rejected, or with 62 valid payloads out of 750. Seed 20250901 (25 × 30): 25 specs generate,
// 215 of 750 payloads are valid, 17 specs have at least one (the others' rules admit no payload at all).
import { afterAll, describe, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { typeCheck } from "../helpers/tsc.js";
import { listFiles } from "../helpers/generated.js";
import { generateAll, importModule, tsLiteral, type Rejected } from "../conformance/generate-all.js";
import { payloadOf, taskSchema, taskSpec } from "./arbitraries.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_901);
const SPECS = RUNS ? Math.min(400, Math.max(1, Math.ceil(RUNS / 50))) : 25;
const PAYLOADS = RUNS ? Math.ceil(RUNS / SPECS) : 30;
const BATCH = 50;
/** What a batch must have exercised, as shares (the same bar for one batch of 25 and for 8 batches of 50). */
const AT_LEAST = { generated: 0.8, valid: 0.2, invalid: 0.2, specsWithValid: 0.5 };

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-fuzz-"));
const tasks = fc.sample(taskSchema, { seed: SEED, numRuns: SPECS });

function reference(task: object) {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(task);
}

interface Disagreement {
  spec: string;
  schema: unknown;
  payload: unknown;
  ajv: boolean;
  isTask: boolean;
  validateTask: boolean;
}

interface BatchResult {
  specs: number;
  rejected: Rejected[];
  /** Modules generated and imported, and of them those that took at least one valid payload. */
  generated: number;
  specsWithValid: number;
  checks: number;
  valid: number;
  /** Payload files the type check compiled against their Task, and what it said about the canary. */
  typeChecked: number;
  canary: string[];
  disagreements: Disagreement[];
  generatedDiagnostics: string[];
  unsound: { spec: string; payload: unknown; errors: string[] }[];
  /** Task schema by spec name. */
  schemas: Map<string, unknown>;
}

async function runBatch(b: number): Promise<BatchResult> {
  const dir = path.join(work, `batch-${b}`);
  const specsDir = path.join(dir, "specs");
  mkdirSync(specsDir, { recursive: true });
  const batch = tasks.slice(b * BATCH, (b + 1) * BATCH).map((task, i) => {
    const n = b * BATCH + i;
    const name = `s${String(n).padStart(3, "0")}`;
    const modelId = `test:fuzz-${n}@1`;
    const spec = taskSpec(task, modelId);
    writeFileSync(path.join(specsDir, `${name}.json`), JSON.stringify(spec, null, 2));
    return { name, modelId, task: spec.components.schemas.RequestBody.items };
  });
  const generated = await generateAll(specsDir, path.join(dir, "out"), path.join(work, "cache"));
  const result: BatchResult = {
    specs: batch.length,
    rejected: generated.rejected,
    generated: 0,
    specsWithValid: 0,
    checks: 0,
    valid: 0,
    typeChecked: 0,
    canary: [],
    disagreements: [],
    generatedDiagnostics: [],
    unsound: [],
    schemas: new Map(batch.map((s) => [s.name, s.task])),
  };
  const virtual: Record<string, string> = {};
  const payloadSpec = new Map<string, { spec: string; payload: unknown }>();
  for (const [i, s] of batch.entries()) {
    if (!generated.modules.includes(s.name)) continue;
    const mod = await importModule(generated.out, s.name);
    result.generated++;
    const ajv = reference(s.task);
    const payloads = fc.sample(payloadOf(s.task, s.modelId), { seed: SEED + b * BATCH + i + 1, numRuns: PAYLOADS });
    const validBefore = result.valid;
    payloads.forEach((payload, j) => {
      result.checks++;
      const expected = ajv(payload) as boolean;
      const got = { isTask: mod.isTask(payload) as boolean, validateTask: mod.validateTask(payload).length === 0 };
      if (got.isTask !== expected || got.validateTask !== expected) result.disagreements.push({ spec: s.name, schema: s.task, payload, ajv: expected, ...got });
      if (expected) {
        result.valid++;
        const file = path.join(dir, "types", s.name, `p${j}.ts`);
        virtual[file] = `import type { Task } from ${JSON.stringify(path.join(generated.out, s.name, "index.js"))};\nexport const t: Task = ${tsLiteral(payload)};\n`;
        payloadSpec.set(file, { spec: s.name, payload });
      }
    });
    if (result.valid > validBefore) result.specsWithValid++;
  }
  // A number is no Task of a model that has valid payloads: if the type check did not say so, it did not check the
  // payload files.
  const canaryFile = path.join(dir, "types", "canary.ts");
  const first = [...payloadSpec.values()][0];
  if (first) virtual[canaryFile] = `import type { Task } from ${JSON.stringify(path.join(generated.out, first.spec, "index.js"))};\nexport const t: Task = 42;\n`;
  result.typeChecked = payloadSpec.size;
  const real = listFiles(generated.out).filter((f) => /\.(d\.ts|js)$/.test(f)).map((f) => path.join(generated.out, f));
  const diagnostics = typeCheck(real, virtual);
  for (const d of diagnostics) {
    if (d.file === canaryFile) {
      result.canary.push(d.message.split("\n")[0]!);
      continue;
    }
    const p = payloadSpec.get(d.file);
    if (!p) result.generatedDiagnostics.push(`${path.relative(generated.out, d.file)}:${d.line}: ${d.message.split("\n")[0]}`);
    else {
      const u = result.unsound.find((x) => x.payload === p.payload);
      if (u) u.errors.push(d.message.split("\n")[0]!);
      else result.unsound.push({ ...p, errors: [d.message.split("\n")[0]!] });
    }
  }
  return result;
}

const show = (xs: unknown[], n = 3) => JSON.stringify(xs.slice(0, n), null, 1);

describe(`fuzz: ${SPECS} random specs × ${PAYLOADS} payloads (seed ${SEED})`, () => {
  const batches = Math.ceil(SPECS / BATCH);
  const totals = { specs: 0, generated: 0, crashes: 0, specErrors: 0, checks: 0, valid: 0, disagreements: 0, unsound: 0 };
  for (let b = 0; b < batches; b++) {
    describe(`batch ${b + 1} of ${batches}`, () => {
      let r: BatchResult;
      test("generates (or rejects with a SpecError) every spec", async () => {
        r = await runBatch(b);
        totals.specs += r.specs;
        totals.generated += r.generated;
        totals.crashes += r.rejected.filter((x) => x.kind === "crash").length;
        totals.specErrors += r.rejected.filter((x) => x.kind === "error").length;
        totals.checks += r.checks;
        totals.valid += r.valid;
        totals.disagreements += r.disagreements.length;
        totals.unsound += r.unsound.length;
        const crashes = r.rejected.filter((x) => x.kind === "crash").map((x) => ({ ...x, schema: r.schemas.get(x.file.replace(/\.json$/, "")) }));
        const byMessage = new Map<string, number>();
        for (const x of crashes) {
          const m = x.message.split(" | ")[0]!.replace(/\(\d+:\d+\)/, "(line:col)");
          byMessage.set(m, (byMessage.get(m) ?? 0) + 1);
        }
        const kinds = [...byMessage].map(([m, n]) => `${n}× ${m}`);
        expect(crashes.length, `crashes (not a SpecError): ${kinds.join("; ")}; the first ones:\n${show(crashes, 2)}`).toBe(0);
      }, 600_000);
      test("exercised enough: most specs generate, every generated module checked on valid and invalid payloads", () => {
        expect(r.generated + r.rejected.length, "every spec either generates or is rejected").toBe(r.specs);
        expect(r.generated, `specs that generate, of ${r.specs} (rejected: ${show(r.rejected)})`).toBeGreaterThanOrEqual(Math.ceil(AT_LEAST.generated * r.specs));
        expect(r.checks, "payload checks: every generated module on all its payloads").toBe(r.generated * PAYLOADS);
        expect(r.valid, `valid payloads, of ${r.checks}`).toBeGreaterThanOrEqual(Math.ceil(AT_LEAST.valid * r.checks));
        expect(r.checks - r.valid, `invalid payloads, of ${r.checks}`).toBeGreaterThanOrEqual(Math.ceil(AT_LEAST.invalid * r.checks));
        expect(r.specsWithValid, `specs with at least one valid payload, of ${r.generated}`).toBeGreaterThanOrEqual(Math.ceil(AT_LEAST.specsWithValid * r.generated));
        expect(r.typeChecked, "payload files type-checked against their Task").toBe(r.valid);
        expect(r.canary, "`const t: Task = 42` must not compile").toEqual([expect.stringMatching(/^Type '(42|number)' is not assignable to type /)]);
      });
      test("the generated files type-check", () => {
        expect(r.generatedDiagnostics).toEqual([]);
      });
      test("the generated validators agree with Ajv on every payload", () => {
        expect(r.disagreements.length, `first disagreements:\n${show(r.disagreements)}`).toBe(0);
      });
      test("every payload Ajv accepts compiles as the model's Task", () => {
        expect(r.unsound.length, `first unsound:\n${show(r.unsound)}`).toBe(0);
      });
    });
  }
  afterAll(() => {
    console.log(
      `fuzz (seed ${SEED}): ${totals.specs} specs (${totals.generated} generated, ${totals.specErrors} rejected with a SpecError, ${totals.crashes} crashed), ${totals.checks} payload checks (${totals.valid} valid), ` +
        `${totals.disagreements} disagreements with Ajv, ${totals.unsound} valid payloads that do not compile`,
    );
    rmSync(work, { recursive: true, force: true });
  });
});
