// properties/additionalProperties/dependentSchemas: object atoms, interfaces and records.
import { describe, expect, test } from "vitest";
import { TRUE, and, has, implies, not } from "../../generator/keywords/algebra.js";
import { properties } from "../../generator/keywords/properties.js";
import { obj, str } from "../helpers/ir.js";
import { formulaOf, tsOf } from "./helpers.js";

const root = obj({ a: str(), b: str(), c: str(), inputs: obj({ x: str(), y: str() }) }, { additionalProperties: false });

describe("properties", () => {
  test("atoms: a property's subschema applies when it is present", () => {
    expect(formulaOf({ properties: { inputs: { required: ["x"] } } }, root)).toEqual(implies(has(["inputs"]), has(["inputs", "x"])));
  });
  test("atoms: dependentSchemas applies at the same place when its property is present", () => {
    expect(formulaOf({ dependentSchemas: { a: { required: ["b"] } } }, root)).toEqual(implies(has(["a"]), has(["b"])));
  });
  test("atoms: a closed object forbids the declared properties the rule does not list", () => {
    expect(formulaOf({ properties: { a: true }, additionalProperties: false }, root)).toEqual(
      and([implies(has(["a"]), TRUE), not(has(["b"])), not(has(["c"])), not(has(["inputs"]))]),
    );
    expect(formulaOf({ additionalProperties: true }, root)).toEqual(TRUE);
  });
  test("TypeScript: a named interface for declared properties, else a record", () => {
    expect(tsOf(obj({ y: str() }))).toBe("X");
    expect(tsOf({ type: "object", additionalProperties: false })).toBe("Record<string, never>");
    expect(tsOf({ type: "object", additionalProperties: str() })).toBe("{ [key: string]: string }");
    expect(properties.declaration.kinds?.object).toBeDefined();
  });
});
