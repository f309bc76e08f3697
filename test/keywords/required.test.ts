// required/dependentRequired: presence atoms on an object with declared properties; a witness holds the required.
import { describe, expect, test } from "vitest";
import { and, has, implies } from "../../generator/keywords/algebra.js";
import { required } from "../../generator/keywords/required.js";
import { describeRules } from "../../generator/rules/describe.js";
import { alternativeText } from "../../generator/keywords/alternatives.js";
import { int, obj, str } from "../helpers/ir.js";
import { formulaOf, tsOf, witnessAccepted } from "./helpers.js";

const root = obj({ a: str(), b: str(), c: str(), tags: { type: "array", items: str() } });
const [a, b, c] = [has(["a"]), has(["b"]), has(["c"])];

describe("required/dependentRequired", () => {
  test("atoms: required is every name present; dependentRequired a trigger implying its dependencies", () => {
    expect(formulaOf({ required: ["a", "b"] }, root)).toEqual(and([a, b]));
    expect(formulaOf({ dependentRequired: { a: ["b", "c"] } }, root)).toEqual(implies(a, and([b, c])));
  });
  test("atoms: on a place that is not an object with properties, an opaque check", () => {
    expect(formulaOf({ properties: { tags: { required: ["x"] } } }, root)).toMatchObject({ xs: [{ t: "not" }, { t: "opaque", at: ["tags"], check: { required: ["x"] } }] });
  });
  test("TypeScript: the property's type stays; required only drops the `?`", () => {
    expect(required.declaration.unchanged).toBeTruthy();
    expect(tsOf(obj({ y: str() }, { required: ["y"] }))).toBe("X");
  });
  test("words: rules in RULE_WORDS; an alternative object with its required names", () => {
    const task = obj({ a: str(), b: str(), c: str() }, { allOf: [{ if: { required: ["a"] }, then: { required: ["b", "c"] } }, { not: { required: ["a", "c"] } }] });
    expect(describeRules(task).map((m) => m.message)).toEqual(["a requires b/c", "a cannot be combined with c"]);
    expect(alternativeText(obj({ id: str() }, { required: ["id"] }))).toBe("an object with id");
  });
  test("witness: an object with its required properties only", () => {
    expect(witnessAccepted(obj({ a: str(), n: int({ minimum: 3 }) }, { required: ["n"] }))).toEqual({ n: 3 });
  });
});
