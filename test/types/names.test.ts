// Property-based: task schemas with hostile property names (test/types/names.arbitraries.ts) and random rules over
// places at two levels. For every spec, every payload the reference validator (JSON Schema 2020-12; field `ajv`
// below) accepts compiles as the module's Task; where the types claim exactness (no rule was left to the
// validator), every payload it rejects does not compile (the payloads
// vary only structurally: presence, enum values, JSON types, unknown properties). The generated validator agrees
// with the reference. One generate() and one tsc program for the whole batch; fixed seed; the counts are asserted.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { Validator } from "@cfworker/json-schema";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import { generateAll, importModule, tsLiteral, type Rejected } from "../conformance/generate-all.js";
import { typeCheck } from "../helpers/tsc.js";
import { taskSchema, payloadOf } from "./names.arbitraries.js";

const SEED = 20_261_207;
const SPECS = 24;
const PAYLOADS = 24;

interface Case {
  spec: string;
  payload: unknown;
  ajv: boolean;
  validator: boolean;
  file: string;
  exact: boolean;
}

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-names-"));
const tasks = fc.sample(taskSchema, { seed: SEED, numRuns: SPECS });
const cases: Case[] = [];
let rejected: Rejected[] = [];
let generated = 0;
let diagnostics: ReturnType<typeof typeCheck> = [];

beforeAll(async () => {
  const specs: Record<string, unknown> = {};
  const models = tasks.map((task, i) => {
    const name = `n${String(i).padStart(2, "0")}`;
    const model = `test:names-${i}@1`;
    specs[`${name}.json`] = runwareSpec(task, { model });
    return { name, model, task };
  });
  const dir = writeSpecs(specs);
  const result = await generateAll(dir, path.join(work, "out"), path.join(work, "cache"));
  rejected = result.rejected;
  const virtual: Record<string, string> = {};
  for (const [i, m] of models.entries()) {
    if (!result.modules.includes(m.name)) continue;
    generated++;
    const mod = await importModule(result.out, m.name);
    const items = (specs[`${m.name}.json`] as ReturnType<typeof runwareSpec>).components.schemas.RequestBody.items;
    // The reference is @cfworker/json-schema, not Ajv: Ajv leaves `__proto__` out of `properties` (so
    // additionalProperties: false refuses it), counts `required: [""]` as always met, and without ownProperties
    // validates an inherited toString as a present property. The generator works around all three.
    const reference = new Validator(items as object, "2020-12", false);
    const ajv = (payload: unknown) => reference.validate(payload).valid;
    // Rules the split left to the validator make the type looser there: no exactness claim for that spec. Nor for
    // an object property named like an Object.prototype member: when it is absent TypeScript sees the inherited
    // member (a function), which an object type of optional properties accepts, so "required" cannot be typed.
    const inheritedObject = Object.entries(m.task.properties as Record<string, { type?: string }>).some(([k, s]) => k !== "__proto__" && k in Object.prototype && s.type === "object");
    const exact = !inheritedObject && !result.warnings.some((w) => w.includes(`${m.name}.json`) || w.includes(m.model));
    const client = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: m.model };
    fc.sample(payloadOf(m.task, client), { seed: SEED + i + 1, numRuns: PAYLOADS }).forEach((payload, j) => {
      const file = path.join(work, "types", m.name, `p${j}.ts`);
      virtual[file] = `import type { Task } from ${JSON.stringify(path.join(result.out, m.name, "index.js"))};\nexport const t: Task = ${tsLiteral(payload)};\n`;
      cases.push({ spec: m.name, payload, ajv: ajv(payload), validator: mod.isTask(payload) as boolean, file, exact });
    });
  }
  diagnostics = typeCheck([], virtual);
}, 600_000);
afterAll(() => {
  const valid = cases.filter((c) => c.ajv).length;
  const exactInvalid = cases.filter((c) => !c.ajv && c.exact).length;
  console.log(`hostile names (seed ${SEED}): ${generated} of ${SPECS} specs generated, ${cases.length} payloads (${valid} valid, ${exactInvalid} invalid under an exact type)`);
  rmSync(work, { recursive: true, force: true });
});

const errorsOf = (c: Case) => diagnostics.filter((d) => d.file === c.file).map((d) => d.message.split("\n")[0]!);
const show = (xs: unknown[]) => xs.slice(0, 3).map((x) => JSON.stringify(x)).join("\n");

describe(`hostile property names: ${SPECS} specs × ${PAYLOADS} payloads (seed ${SEED})`, () => {
  test("every spec generates, and the batch exercised valid and invalid payloads", () => {
    expect(rejected).toEqual([]);
    expect(generated).toBe(SPECS);
    expect(cases.length).toBe(SPECS * PAYLOADS);
    const valid = cases.filter((c) => c.ajv).length;
    expect(valid, "valid payloads").toBeGreaterThanOrEqual(0.2 * cases.length);
    expect(cases.length - valid, "invalid payloads").toBeGreaterThanOrEqual(0.2 * cases.length);
    expect(new Set(cases.filter((c) => c.ajv).map((c) => c.spec)).size, "specs with a valid payload").toBeGreaterThanOrEqual(0.6 * SPECS);
    expect(cases.filter((c) => !c.ajv && c.exact).length, "invalid payloads under an exact type").toBeGreaterThanOrEqual(0.2 * cases.length);
    // The type check saw the payload files: some invalid payload was refused.
    expect(cases.some((c) => !c.ajv && errorsOf(c).length > 0)).toBe(true);
  });

  test("the generated validator agrees with the reference", () => {
    const wrong = cases.filter((c) => c.validator !== c.ajv);
    expect(wrong.length, show(wrong.map((c) => ({ spec: c.spec, schema: tasks[Number(c.spec.slice(1))], payload: c.payload, ajv: c.ajv })))).toBe(0);
  });

  test("every payload the reference accepts compiles as the module's Task", () => {
    const unsound = cases.filter((c) => c.ajv && errorsOf(c).length > 0);
    expect(unsound.length, show(unsound.map((c) => ({ spec: c.spec, schema: tasks[Number(c.spec.slice(1))], payload: c.payload, errors: errorsOf(c) })))).toBe(0);
  });

  test("where the type claims exactness, no payload the reference rejects compiles", () => {
    const loose = cases.filter((c) => !c.ajv && c.exact && errorsOf(c).length === 0);
    expect(loose.length, show(loose.map((c) => ({ spec: c.spec, schema: tasks[Number(c.spec.slice(1))], payload: c.payload })))).toBe(0);
  });

  test("the generated modules themselves type-check", () => {
    const own = diagnostics.filter((d) => !cases.some((c) => c.file === d.file));
    expect(own.map((d) => `${path.relative(work, d.file)}:${d.line}: ${d.message}`)).toEqual([]);
  });
});
