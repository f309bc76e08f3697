// Structured identities: a rule variable stands for a place in the task, and a property named "a.b" is another
// place than the property b inside a. (Variables were keyed by the names joined with dots, so the two were one
// variable: Ajv accepted {a: {b: "y"}} and the Task type rejected it, and the rule's message named a.b twice.)
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import { generateAll, importModule, tsLiteral } from "../conformance/generate-all.js";
import { typeCheck } from "../helpers/tsc.js";
import { collectRules } from "../../generator/rules/collect.js";
import { describeRules } from "../../generator/rules/describe.js";

const MODEL = "test:dotted@1";
const task = {
  properties: { "a.b": { type: "string" }, a: { type: "object", additionalProperties: false, properties: { b: { type: "string" } } } },
  oneOf: [{ required: ["a.b"] }, { required: ["a"], properties: { a: { required: ["b"] } } }],
};
const client = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: MODEL };
const payloads = [
  { name: "nested a.b", data: { ...client, a: { b: "y" } }, valid: true },
  { name: 'the property "a.b"', data: { ...client, "a.b": "x" }, valid: true },
  { name: "both", data: { ...client, "a.b": "x", a: { b: "y" } }, valid: false },
  { name: "neither", data: { ...client }, valid: false },
  { name: "a without b", data: { ...client, a: {} }, valid: false },
];

let work: string;
let out: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "modelgen-identities-"));
  const specs = writeSpecs({ "dotted.json": runwareSpec(task, { model: MODEL }) });
  const generated = await generateAll(specs, path.join(work, "out"), path.join(work, "cache"));
  expect(generated.rejected).toEqual([]);
  out = path.join(generated.out, "dotted");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a property named "a.b" beside a nested a.b', () => {
  test("Ajv, the generated validator and the Task type agree on each payload", async () => {
    const items = (runwareSpec(task, { model: MODEL }).components.schemas.RequestBody as { items: object }).items;
    const ajv = new Ajv2020.default({ strict: false }).compile(items);
    const mod = await importModule(path.dirname(out), "dotted");
    const files = Object.fromEntries(payloads.map((p, i) => [path.join(work, `p${i}.ts`), `import type { Task } from ${JSON.stringify(path.join(out, "index.js"))};\nexport const t: Task = ${tsLiteral(p.data)};\n`]));
    const diagnostics = typeCheck([], files);
    const verdicts = payloads.map((p, i) => ({
      name: p.name,
      ajv: ajv(p.data),
      validator: mod.isTask(p.data),
      compiles: !diagnostics.some((d) => d.file === path.join(work, `p${i}.ts`)),
    }));
    expect(verdicts).toEqual(payloads.map((p) => ({ name: p.name, ajv: p.valid, validator: p.valid, compiles: p.valid })));
  });

  test("two variables, and a message that names them apart", () => {
    const root = { type: "object", ...task } as never;
    const [rule] = collectRules(root);
    expect(rule?.pointer).toBe("/oneOf");
    const message = describeRules(root).find((m) => m.schemaPath === "#/oneOf")?.message;
    expect(message).toBe('exactly one of: ["a.b"] is given; a.b is given');
  });
});

describe("rule messages under property names that a URI fragment encodes", () => {
  test("Ajv's schemaPath (percent-encoded, ~-escaped) finds the message in words", async () => {
    const model = "test:encoded@1";
    const spaced = {
      properties: {
        "x y": { type: "object", properties: { p: { type: "string" }, q: { type: "string" } }, not: { required: ["p", "q"] } },
        "a/b%": { oneOf: [{ type: "string", format: "uuid" }, { type: "integer" }] },
      },
    };
    const dir = path.join(work, "encoded");
    const generated = await generateAll(writeSpecs({ "encoded.json": runwareSpec(spaced, { model }) }), dir, path.join(work, "cache"));
    expect(generated.rejected).toEqual([]);
    const mod = await importModule(dir, "encoded");
    const base = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model };
    expect(mod.validateTask({ ...base, "x y": { p: "1", q: "2" } })).toEqual([{ path: "/x y/q", message: "x y.p cannot be combined with x y.q" }]);
    expect(mod.validateTask({ ...base, "a/b%": true })).toEqual([{ path: "/a~1b%", message: "a/b% must be exactly one of: a UUID or an integer" }]);
  });
});
