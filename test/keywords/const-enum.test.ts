// const/enum: value atoms on a property with declared literals, literal types, "must be one of", a literal witness.
import { describe, expect, test } from "vitest";
import { eq, has, implies, or } from "../../generator/keywords/algebra.js";
import { constEnum, declaredLiterals } from "../../generator/keywords/const-enum.js";
import { alternativeText } from "../../generator/keywords/alternatives.js";
import { int, obj, oneOfConsts, str } from "../helpers/ir.js";
import { expectSameWords, formulaOf, tsOf, witnessAccepted } from "./helpers.js";

const root = obj({ mode: oneOfConsts("fast", "slow"), n: int(), inputs: obj({ x: str() }) });

describe("const/enum", () => {
  test("atoms: a const on a property with declared literals is a value atom under its presence", () => {
    expect(formulaOf({ properties: { mode: { const: "fast" } } }, root)).toEqual(implies(has(["mode"]), eq(["mode"], "fast")));
  });
  test("atoms: an enum is one value atom per value the declaration allows", () => {
    expect(formulaOf({ properties: { mode: { enum: ["fast", "never"] } } }, root)).toEqual(implies(has(["mode"]), or([eq(["mode"], "fast")])));
  });
  test("atoms: a const on an object is an opaque check", () => {
    expect(formulaOf({ properties: { inputs: { const: { x: "a" } } } }, root)).toMatchObject({ xs: [{ t: "not" }, { t: "opaque", at: ["inputs"], check: { enum: [{ x: "a" }] } }] });
  });
  test("declared literals: const, enum, or a oneOf of consts", () => {
    expect(declaredLiterals({ const: 1 })).toEqual([1]);
    expect(declaredLiterals({ enum: ["a", "b"] })).toEqual(["a", "b"]);
    expect(declaredLiterals({ oneOf: [{ const: "a" }, { const: "b" }] })).toEqual(["a", "b"]);
    expect(declaredLiterals(str())).toBeUndefined();
  });
  test("TypeScript: a union of the literals the declared type admits", () => {
    expect(tsOf(str({ enum: ["a", "b"] }))).toBe('"a" | "b"');
    expect(tsOf({ type: "integer", enum: [1, 1.5, "x"] })).toBe("1");
    expect(tsOf({ type: "string", const: 3 })).toBe("never");
  });
  test("words: the runtime's const and enum", () => {
    expectSameWords(constEnum, ["const", "enum"]);
    expect(alternativeText({ const: "auto" })).toBe('"auto"');
    expect(alternativeText({ enum: [1, 2] })).toBe("one of 1, 2");
  });
  test("witness: the const before an example; the first literal after one", () => {
    expect(witnessAccepted({ const: "v", examples: ["v"] })).toBe("v");
    expect(witnessAccepted(str({ enum: ["x", "y"] }))).toBe("x");
    expect(witnessAccepted({ oneOf: [{ const: 2 }, { const: 3 }] })).toBe(2);
  });
});
