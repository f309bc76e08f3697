// normalize/walk: the structural walk every stage uses. Each subschema is visited once, children first, with its
// keyword path and the instance path it applies to; the input is never changed.
import { expect, test } from "vitest";
import { isPlain } from "../../generator/json.js";
import { declaredAt, declaredTypes, mapSchema, omitKeywords } from "../../generator/normalize/walk.js";
import { ANY_PROPERTY, IN_DEFS, ITEMS, placeLabel } from "../../generator/ir/path.js";
import type { SchemaObject } from "../../generator/ir/types.js";

const schema: SchemaObject = {
  type: "object",
  properties: {
    a: { type: "object", properties: { b: { type: "string" } } },
    list: { type: "array", items: { type: "object", properties: { c: { type: "integer" } } } },
  },
  patternProperties: { "^x": { type: "number" } },
  allOf: [{ if: { required: ["a"] }, then: { not: { required: ["list"] } } }],
  dependentSchemas: { a: { required: ["list"] } },
  $defs: { D: { type: "boolean" } },
  enum: [{ properties: "not a schema" }],
};

test("mapSchema visits every subschema, children first, with its keyword path and instance path", () => {
  const seen: string[] = [];
  mapSchema(schema, (s, ctx) => {
    seen.push(`${ctx.keys.join("/")} @ ${ctx.at.map((s) => (s === ITEMS ? "[]" : typeof s === "string" ? s : placeLabel([s]))).join(".")}`);
    return s;
  });
  expect(seen).toEqual([
    "properties/a/properties/b @ a.b",
    "properties/a @ a",
    "properties/list/items/properties/c @ list.[].c",
    "properties/list/items @ list.[]",
    "properties/list @ list",
    "patternProperties/^x @ *",
    "allOf/0/if @ ",
    "allOf/0/then/not @ ",
    "allOf/0/then @ ",
    "allOf/0 @ ",
    "dependentSchemas/a @ ",
    "$defs/D @ $defs",
    " @ ",
  ]);
});

test("mapSchema rebuilds bottom-up and leaves its input alone", () => {
  const before = structuredClone(schema);
  const out = mapSchema(schema, (s) => omitKeywords(s, (k) => k === "type"));
  expect(schema).toEqual(before);
  expect(JSON.stringify(out)).not.toContain('"type"');
  expect(out.enum).toBe(schema.enum);
  expect(mapSchema(true, (s) => s)).toBe(true);
});

test("declaredAt follows properties and items from the root; not through any property or $defs", () => {
  expect(declaredAt(schema, ["a", "b"])).toEqual({ type: "string" });
  expect(declaredAt(schema, ["list", ITEMS, "c"])).toEqual({ type: "integer" });
  expect(declaredAt(schema, [])).toBe(schema);
  expect(declaredAt(schema, ["missing"])).toBeUndefined();
  expect(declaredAt(schema, [ANY_PROPERTY])).toBeUndefined();
  expect(declaredAt(schema, [IN_DEFS, "D"])).toBeUndefined();
  // Property names are only names: "[]" is no array step, and an inherited member is no declared property.
  expect(declaredAt({ properties: { "[]": { type: "string" } }, items: { type: "integer" } }, ["[]"])).toEqual({ type: "string" });
  expect(declaredAt(schema, ["toString"])).toBeUndefined();
  expect(declaredAt(undefined, ["a"])).toBeUndefined();
  expect(declaredTypes(declaredAt(schema, ["a"]))).toEqual(["object"]);
  expect(declaredTypes({ type: ["string", "null"] })).toEqual(["string", "null"]);
  expect(declaredTypes(true)).toBeUndefined();
});

test("isPlain: objects only, not arrays or null", () => {
  expect([{}, [], null, "x", true].map(isPlain)).toEqual([true, false, false, false, false]);
});
