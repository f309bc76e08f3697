// Different object schemas that stand at one place of the task: the two prefixItems of a pair, the items of two
// array alternatives, and a nested object of an array item whose own rules name it (its place from the item, "size",
// is also the place of a root property "size"). Each must be typed by its own interface: they once shared the first
// one met there, so `pair: [{a}, {b}]`, `alt: [{d}]` and an item's `size: {h}` were rejected by tsc though valid.
// Every payload of a grid is judged by the reference validator (JSON Schema 2020-12); every one it accepts must
// compile as the module's Task. One generate(), one tsc.
import { describe, expect, test } from "vitest";
import { useTypeGrid, type GridCase } from "../helpers/type-grid.js";

const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });
const task = {
  properties: {
    pair: { type: "array", prefixItems: [object({ a: { type: "string" } }, ["a"]), object({ b: { type: "integer" } }, ["b"])], items: false },
    alt: { oneOf: [{ type: "array", items: object({ c: { type: "string" } }, ["c"]) }, { type: "array", items: object({ d: { type: "integer" } }, ["d"]) }] },
    size: object({ w: { type: "integer" } }, ["w"]),
    list: {
      type: "array",
      items: { ...object({ size: object({ h: { type: "integer" } }), k: { type: "string" } }), allOf: [{ if: { required: ["k"] }, then: { required: ["size"] } }] },
    },
  },
};
const client = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: "test:shared-places@1" };

const pairs = [undefined, [], [{ a: "x" }], [{ a: "x" }, { b: 1 }], [{ b: 1 }], [{ a: "x" }, { a: "y" }]];
const alts = [undefined, [], [{ c: "x" }], [{ d: 1 }], [{ c: "x" }, { d: 1 }]];
const lists = [undefined, [{ k: "x", size: { h: 1 } }], [{ k: "x" }], [{ size: { w: 1 } }], [{ k: "x", size: { w: 1, h: 2 } }]];
const sizes = [undefined, { w: 1 }, { h: 1 }];
const grid: Record<string, unknown>[] = [];
for (const pair of pairs)
  for (const alt of alts)
    for (const list of lists)
      for (const size of sizes) grid.push({ ...client, ...(pair && { pair }), ...(alt && { alt }), ...(list && { list }), ...(size && { size }) });

const g = useTypeGrid("shared-places", task, client.model, grid);

const errorsOf = (c: GridCase) => g.errorsOf(c);

describe("object schemas that share a place", () => {
  test("the grid holds valid and invalid payloads", () => {
    expect(g.cases.length).toBe(6 * 5 * 5 * 3);
    expect(g.cases.filter((c) => c.valid).length).toBeGreaterThanOrEqual(50);
    expect(g.cases.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(50);
  });

  test("every payload the reference accepts compiles as Task", () => {
    const unsound = g.cases.filter((c) => c.valid && errorsOf(c).length > 0);
    expect(unsound.map((c) => ({ payload: c.payload, errors: errorsOf(c) }))).toEqual([]);
  });

  test("a payload that breaks an object's own requirement does not compile", () => {
    const broken = [{ pair: [{ b: 1 }] }, { alt: [{ c: "x" }, { d: 1 }] }, { size: { h: 1 } }, { list: [{ k: "x" }] }].map((p) => g.cases.find((c) => JSON.stringify(c.payload) === JSON.stringify({ ...client, ...p })));
    for (const c of broken) {
      expect(c?.valid).toBe(false);
      expect(c && errorsOf(c).length).toBeGreaterThan(0);
    }
  });

  test("the generated module itself type-checks", () => {
    expect(g.strayDiagnostics()).toEqual([]);
  });
});
