// bounds: validator-only ranges (opaque unless the declaration implies them); `number`; "at most 10"; a witness
// on the multipleOf grid.
import { describe, expect, test } from "vitest";
import { TRUE, has, implies, opaque } from "../../generator/keywords/algebra.js";
import { bounds } from "../../generator/keywords/bounds.js";
import { alternativeText } from "../../generator/keywords/alternatives.js";
import { int, obj } from "../helpers/ir.js";
import { expectSameWords, formulaOf, tsOf, witnessAccepted } from "./helpers.js";

const root = obj({ n: int({ minimum: 1, maximum: 10 }) });

describe("bounds", () => {
  test("atoms: a range the declaration implies is no check at all", () => {
    expect(formulaOf({ properties: { n: { minimum: 0, maximum: 10 } } }, root)).toEqual(TRUE);
  });
  test("atoms: a narrower range is an opaque check", () => {
    expect(formulaOf({ properties: { n: { maximum: 5 } } }, root)).toEqual(implies(has(["n"]), opaque(["n"], { maximum: 5 })));
    expect(formulaOf({ properties: { n: { multipleOf: 2 } } }, root)).toEqual(implies(has(["n"]), opaque(["n"], { multipleOf: 2 })));
  });
  test("TypeScript: a range stays number", () => {
    expect(bounds.declaration.unchanged).toBeTruthy();
    expect(tsOf(int({ minimum: 1, maximum: 3 }))).toBe("number");
  });
  test("words: the runtime's, and (got the value)", () => {
    expectSameWords(bounds, ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf"]);
    expect(bounds.words.comparesValue).toEqual(["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf"]);
    expect(alternativeText(int({ minimum: 2, maximum: 30 }))).toBe("an integer at least 2 and at most 30");
  });
  test("witness: the lowest value on the grid, capped by the maximum", () => {
    expect(witnessAccepted(int({ exclusiveMinimum: 10, multipleOf: 4 }))).toBe(12);
    expect(witnessAccepted({ type: "number", minimum: 0.5, maximum: 3 })).toBe(1);
    expect(witnessAccepted(int({ maximum: 0 }))).toBe(0);
  });
});
