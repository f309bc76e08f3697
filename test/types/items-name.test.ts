// A property named "[]" beside arrays of objects: at the root, inside an object, and inside an array's items,
// with rules at the root and in the items. "[]" is how paths once spelled "the items of an array", so these are
// the places a path could be taken for another. Every payload of a structural grid (presence, values, item
// shapes) is judged by the reference validator (JSON Schema 2020-12), and every one it accepts must compile as
// the module's Task; every one it rejects must not, but for the items' oneOf (see below). One generate(), one tsc.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Validator } from "@cfworker/json-schema";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import { generateAll, tsLiteral } from "../conformance/generate-all.js";
import { typeCheck } from "../helpers/tsc.js";

const task = {
  properties: {
    "[]": { type: "string" },
    list: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: { "[]": { type: "string", enum: ["p", "q"] }, x: { type: "string" } },
        oneOf: [{ required: ["[]"] }, { required: ["x"] }],
      },
    },
    obj: { type: "object", additionalProperties: false, properties: { "[]": { type: "boolean" } }, required: ["[]"] },
  },
  additionalProperties: false,
  oneOf: [{ required: ["[]"] }, { required: ["list"] }],
};
const client = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: "test:items-name@1" };

const items: unknown[] = [{}, { "[]": "p" }, { x: "s" }, { "[]": "q", x: "s" }, { "[]": "zz" }, { "[]": "p", y: 1 }];
const grid: Record<string, unknown>[] = [];
for (const root of [undefined, "s"])
  for (const list of [undefined, [], ...items.map((i) => [i]), [{ x: "s" }, { "[]": "p" }]])
    for (const obj of [undefined, { "[]": true }, {}, { "[]": "no" }])
      grid.push({ ...client, ...(root === undefined ? {} : { "[]": root }), ...(list === undefined ? {} : { list }), ...(obj === undefined ? {} : { obj }) });

interface Case {
  payload: unknown;
  valid: boolean;
  file: string;
}
const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-items-name-"));
const cases: Case[] = [];
let warnings: readonly string[] = [];
let diagnostics: ReturnType<typeof typeCheck> = [];

beforeAll(async () => {
  const spec = runwareSpec(task, { model: client.model });
  const result = await generateAll(writeSpecs({ "m.json": spec }), path.join(work, "out"), path.join(work, "cache"));
  expect(result.rejected).toEqual([]);
  warnings = result.warnings;
  const reference = new Validator(spec.components.schemas.RequestBody.items as object, "2020-12", false);
  const virtual: Record<string, string> = {};
  grid.forEach((payload, i) => {
    const file = path.join(work, "types", `p${i}.ts`);
    virtual[file] = `import type { Task } from ${JSON.stringify(path.join(result.out, "m", "index.js"))};\nexport const t: Task = ${tsLiteral(payload)};\n`;
    cases.push({ payload, valid: reference.validate(payload).valid, file });
  });
  diagnostics = typeCheck([], virtual);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const errorsOf = (c: Case) => diagnostics.filter((d) => d.file === c.file).map((d) => d.message.split("\n")[0]!);

describe('a property named "[]" at the root, in an object and in array items', () => {
  test("the grid holds valid and invalid payloads, and no rule was left to the validator", () => {
    expect(cases.length).toBe(2 * 9 * 4);
    expect(cases.filter((c) => c.valid).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(10);
    expect(warnings).toEqual([]);
  });

  test("every payload the reference accepts compiles as Task", () => {
    const unsound = cases.filter((c) => c.valid && errorsOf(c).length > 0);
    expect(unsound.map((c) => ({ payload: c.payload, errors: errorsOf(c) }))).toEqual([]);
  });

  // An item's oneOf is typed as a union of its branches (ListOption1 | ListOption2), which does not exclude an item
  // that meets both: looser there whatever the names, so those payloads make no exactness claim.
  const meetsBoth = (p: unknown) => Array.isArray((p as { list?: unknown }).list) && (p as { list: object[] }).list.some((i) => "[]" in i && "x" in i);
  test("no other payload the reference rejects compiles as Task", () => {
    expect(cases.filter((c) => !c.valid && !meetsBoth(c.payload)).length).toBeGreaterThanOrEqual(10);
    const loose = cases.filter((c) => !c.valid && !meetsBoth(c.payload) && errorsOf(c).length === 0);
    expect(loose.map((c) => c.payload)).toEqual([]);
  });

  test("the generated module itself type-checks", () => {
    expect(diagnostics.filter((d) => !cases.some((c) => c.file === d.file)).map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
  });
});
