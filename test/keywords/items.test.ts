// items/contains: array types (T[], tuples); validator-only contains/uniqueItems; a witness of minItems items.
import { describe, expect, test } from "vitest";
import { has, implies, opaque } from "../../generator/keywords/algebra.js";
import { items } from "../../generator/keywords/items.js";
import { int, obj, str } from "../helpers/ir.js";
import { expectSameWords, formulaOf, tsOf, witnessAccepted } from "./helpers.js";

describe("items/contains", () => {
  test("atoms: item checks are opaque", () => {
    expect(formulaOf({ properties: { list: { contains: { const: 1 } } } }, obj({ list: { type: "array", items: int() } }))).toEqual(
      implies(has(["list"]), opaque(["list"], { contains: { const: 1 } })),
    );
  });
  test("TypeScript: T[], Array<…> for a union, a tuple for prefixItems", () => {
    expect(tsOf({ type: "array", items: str() })).toBe("string[]");
    expect(tsOf({ type: "array", items: { enum: ["a", "b"] } })).toBe('Array<"a" | "b">');
    expect(tsOf({ type: "array", prefixItems: [str(), int()], items: false, minItems: 1 })).toBe("[string, number?]");
    expect(tsOf({ type: "array", prefixItems: [str(), str()], items: str() })).toBe("string[]");
    expect(tsOf({ type: "array", prefixItems: [str()] })).toBe("[string?, ...unknown[]]");
  });
  test("words: the runtime's", () => {
    expectSameWords(items, ["uniqueItems", "contains"]);
  });
  test("witness: prefixItems' witnesses, then items' until minItems", () => {
    expect(witnessAccepted({ type: "array", minItems: 2, items: int({ minimum: 2 }) })).toEqual([2, 2]);
    expect(witnessAccepted({ type: "array", prefixItems: [{ const: "x" }], items: int(), minItems: 2 })).toEqual(["x", 1]);
  });
});
