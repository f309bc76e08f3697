// A property named "[]" beside arrays of objects: at the root, inside an object, and inside an array's items,
// with rules at the root and in the items. "[]" is how paths once spelled "the items of an array", so these are
// the places a path could be taken for another. Every payload of a structural grid (presence, values, item
// shapes) is judged by the reference validator (JSON Schema 2020-12), and every one it accepts must compile as
// the module's Task; every one it rejects must not, but for the items' oneOf (see below). One generate(), one tsc.
import { describe, expect, test } from "vitest";
import { useTypeGrid, type GridCase } from "../helpers/type-grid.js";

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

const g = useTypeGrid("items-name", task, client.model, grid);

const errorsOf = (c: GridCase) => g.errorsOf(c);

describe('a property named "[]" at the root, in an object and in array items', () => {
  test("the grid holds valid and invalid payloads, and no rule was left to the validator", () => {
    expect(g.cases.length).toBe(2 * 9 * 4);
    expect(g.cases.filter((c) => c.valid).length).toBeGreaterThanOrEqual(10);
    expect(g.cases.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(10);
    expect(g.warnings).toEqual([]);
  });

  test("every payload the reference accepts compiles as Task", () => {
    const unsound = g.cases.filter((c) => c.valid && errorsOf(c).length > 0);
    expect(unsound.map((c) => ({ payload: c.payload, errors: errorsOf(c) }))).toEqual([]);
  });

  // An item's oneOf is typed as a union of its branches (ListOption1 | ListOption2), which does not exclude an item
  // that meets both: looser there whatever the names, so those payloads make no exactness claim.
  const meetsBoth = (p: unknown) => Array.isArray((p as { list?: unknown }).list) && (p as { list: object[] }).list.some((i) => "[]" in i && "x" in i);
  test("no other payload the reference rejects compiles as Task", () => {
    expect(g.cases.filter((c) => !c.valid && !meetsBoth(c.payload)).length).toBeGreaterThanOrEqual(10);
    const loose = g.cases.filter((c) => !c.valid && !meetsBoth(c.payload) && errorsOf(c).length === 0);
    expect(loose.map((c) => c.payload)).toEqual([]);
  });

  test("the generated module itself type-checks", () => {
    expect(g.strayDiagnostics()).toEqual([]);
  });
});
