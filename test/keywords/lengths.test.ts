// lengths: validator-only sizes (opaque unless implied); `string` / `T[]`; "at most 3 items"; a long-enough string.
import { describe, expect, test } from "vitest";
import { TRUE, has, implies, opaque } from "../../generator/keywords/algebra.js";
import { lengths } from "../../generator/keywords/lengths.js";
import { obj, str } from "../helpers/ir.js";
import { expectSameWords, formulaOf, tsOf, witnessAccepted } from "./helpers.js";

const root = obj({ s: str({ minLength: 2, maxLength: 10 }), list: { type: "array", items: str(), maxItems: 3 } });

describe("lengths", () => {
  test("atoms: sizes the declaration implies are no check; narrower ones are opaque", () => {
    expect(formulaOf({ properties: { s: { minLength: 1 }, list: { maxItems: 4 } } }, root)).toEqual(TRUE);
    expect(formulaOf({ properties: { list: { minItems: 1 } } }, root)).toEqual(implies(has(["list"]), opaque(["list"], { minItems: 1 })));
  });
  test("TypeScript: a length stays string, a count T[]", () => {
    expect(lengths.declaration.unchanged).toBeTruthy();
    expect(tsOf(str({ maxLength: 3 }))).toBe("string");
    expect(tsOf({ type: "array", items: str(), minItems: 1 })).toBe("string[]");
  });
  test("words: the runtime's", () => {
    expectSameWords(lengths, ["minLength", "maxLength", "minItems", "maxItems"]);
    expect(lengths.words.predicates.maxItems?.(3).words).toBe("at most 3 items");
  });
  test("witness: a string of minLength characters (at least one)", () => {
    expect(witnessAccepted(str({ minLength: 3, maxLength: 5 }))).toBe("aaa");
    expect(witnessAccepted(str())).toBe("a");
  });
});
