// Properties named after Object.prototype's members (constructor, toString, …) as data in open objects that meet a
// union: the task's own (TaskCommon & one of its modes), a nested object that the modes narrow, and the options of
// an alternative. tsc compared such a name with Object's own member (Function, () => string) there and refused
// `{ constructor: "s" }`, which the schema accepts. Every payload of the grid is judged by the reference validator;
// every one it accepts must compile as Task. One generate(), one tsc.
import { describe, expect, test } from "vitest";
import { useTypeGrid } from "../helpers/type-grid.js";

const MEMBERS = ["constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"];
const task = {
  additionalProperties: true,
  properties: {
    a: { type: "string" },
    b: { type: "string" },
    settings: { type: "object", properties: { mode: { type: "string", enum: ["x", "y"] } } },
    extra: { oneOf: [{ type: "object", properties: { p: { type: "string" } }, required: ["p"] }, { type: "object", properties: { q: { type: "integer" } }, required: ["q"] }] },
  },
  oneOf: [{ required: ["a"] }, { required: ["b"], properties: { settings: { not: { required: ["mode"] } } } }],
};
const client = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: "test:object-members@1" };

const grid: Record<string, unknown>[] = [];
for (const mode of [{ a: "s" }, { b: "s" }])
  for (const name of MEMBERS)
    for (const value of ["s", 1, { k: true }]) {
      grid.push({ ...client, ...mode, [name]: value });
      grid.push({ ...client, ...mode, settings: { [name]: value } });
      grid.push({ ...client, ...mode, extra: { p: "s", [name]: value } });
    }

const g = useTypeGrid("object-members", task, client.model, grid);

describe("Object.prototype's member names as data in open objects that meet a union", () => {
  test("the grid is the payloads it means to be, and the reference accepts them all", () => {
    expect(g.cases.length).toBe(2 * MEMBERS.length * 3 * 3);
    expect(g.cases.filter((c) => c.valid).length).toBe(g.cases.length);
  });

  test("every one compiles as Task", () => {
    const unsound = g.cases.filter((c) => c.valid && g.errorsOf(c).length > 0);
    expect(unsound.map((c) => ({ payload: c.payload, errors: g.errorsOf(c) }))).toEqual([]);
  });

  test("the generated module itself type-checks", () => {
    expect(g.strayDiagnostics()).toEqual([]);
  });
});
