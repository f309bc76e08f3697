// type: TRUE/FALSE against the declared type, else opaque; each JSON type's TypeScript; "must be an integer".
import { describe, expect, test } from "vitest";
import { FALSE, TRUE, has, implies, opaque } from "../../generator/keywords/algebra.js";
import { type } from "../../generator/keywords/type.js";
import { alternativeText } from "../../generator/keywords/alternatives.js";
import { int, obj, str } from "../helpers/ir.js";
import { expectSameWords, formulaOf, tsOf, witnessAccepted } from "./helpers.js";

const root = obj({ s: str(), n: int(), v: { type: ["string", "null"] } });

describe("type", () => {
  test("atoms: true when declared, false when impossible, opaque when it narrows", () => {
    expect(formulaOf({ properties: { n: { type: "number" } } }, root)).toEqual(TRUE);
    expect(formulaOf({ properties: { s: { type: "integer" } } }, root)).toEqual(implies(has(["s"]), FALSE));
    expect(formulaOf({ properties: { v: { type: "null" } } }, root)).toEqual(implies(has(["v"]), opaque(["v"], { type: "null" })));
  });
  test("TypeScript: each JSON type, implied types, and unknown without one", () => {
    expect(tsOf({ type: ["string", "integer", "boolean", "null"] })).toBe("string | number | boolean | null");
    expect(tsOf({ items: str() })).toBe("string[]");
    expect(tsOf({ minimum: 1 })).toBe("unknown");
  });
  test("words: the runtime's", () => {
    expectSameWords(type, ["type"]);
    expect(alternativeText({ type: ["string", "null"] })).toBe("a string or null");
  });
  test("witness: false for a boolean, null for null", () => {
    expect(witnessAccepted({ type: "boolean" })).toBe(false);
    expect(witnessAccepted({ type: "null" })).toBe(null);
  });
});
