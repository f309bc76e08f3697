// if/then/else: (if ∧ then) ∨ (¬if ∧ else); no type and no constraint words of their own.
import { describe, expect, test } from "vitest";
import { and, has, not, or } from "../../generator/keywords/algebra.js";
import { ifThenElse } from "../../generator/keywords/if-then-else.js";
import { describeRules } from "../../generator/rules/describe.js";
import { obj, str } from "../helpers/ir.js";
import { formulaOf, tsOf } from "./helpers.js";

const root = obj({ a: str(), b: str(), c: str() });
const [a, b, c] = [has(["a"]), has(["b"]), has(["c"])];

describe("if/then/else", () => {
  test("atoms: without else, the condition and the consequence, or not the condition", () => {
    expect(formulaOf({ if: { required: ["a"] }, then: { required: ["b"] } }, root)).toEqual(or([and([a, b]), not(a)]));
  });
  test("atoms: with else; then and else alone say nothing", () => {
    expect(formulaOf({ if: { required: ["a"] }, then: { required: ["b"] }, else: { required: ["c"] } }, root)).toEqual(or([and([a, b]), and([not(a), c])]));
    expect(formulaOf({ then: { required: ["b"] } }, root)).toEqual({ t: "true" });
  });
  test("TypeScript: a condition leaves declared types alone", () => {
    expect(ifThenElse.declaration.unchanged).toBeTruthy();
    expect(tsOf({ type: "string", if: { minLength: 2 }, then: { maxLength: 4 } })).toBe("string");
  });
  test("words: a requirement under a condition", () => {
    expect(describeRules(obj({ a: str(), b: str() }, { allOf: [{ if: { required: ["a"] }, then: { required: ["b"] } }] })).map((m) => m.message)).toEqual(["a requires b"]);
  });
});
