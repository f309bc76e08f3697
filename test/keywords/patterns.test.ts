// patterns: validator-only (opaque unless declared the same); `string`; "must match the pattern …".
import { describe, expect, test } from "vitest";
import { TRUE, has, implies, opaque } from "../../generator/keywords/algebra.js";
import { patterns } from "../../generator/keywords/patterns.js";
import { alternativeText } from "../../generator/keywords/alternatives.js";
import { obj, str } from "../helpers/ir.js";
import { expectSameWords, formulaOf, tsOf, witnessAccepted } from "./helpers.js";

const root = obj({ s: str({ pattern: "^a+$" }), t: str() });

describe("patterns", () => {
  test("atoms: the declared pattern is no check; another one is opaque", () => {
    expect(formulaOf({ properties: { s: { pattern: "^a+$" } } }, root)).toEqual(TRUE);
    expect(formulaOf({ properties: { t: { pattern: "^b$" } } }, root)).toEqual(implies(has(["t"]), opaque(["t"], { pattern: "^b$" })));
  });
  test("TypeScript: a pattern stays string", () => {
    expect(patterns.declaration.unchanged).toBeTruthy();
    expect(tsOf(str({ pattern: "^a+$" }))).toBe("string");
  });
  test("words: the runtime's", () => {
    expectSameWords(patterns, ["pattern"]);
    expect(alternativeText(str({ pattern: "^[0-9]+$" }))).toBe("a string matching ^[0-9]+$");
  });
  test("witness: none of its own; a string of a's meets a pattern that takes them", () => {
    expect(patterns.witness).toEqual({});
    expect(witnessAccepted(str({ pattern: "^a+$" }))).toBe("a");
  });
});
