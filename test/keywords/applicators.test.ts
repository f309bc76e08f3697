// allOf/anyOf/oneOf/not: the logic of subschemas as formulas, a union of alternatives, the first alternative as witness.
import { describe, expect, test } from "vitest";
import { and, has, not, or } from "../../generator/keywords/algebra.js";
import { applicators } from "../../generator/keywords/applicators.js";
import { alternativesPredicate } from "../../generator/keywords/alternatives.js";
import { int, obj, str } from "../helpers/ir.js";
import { formulaOf, tsOf, witnessAccepted } from "./helpers.js";

const root = obj({ a: str(), b: str() });
const [a, b] = [has(["a"]), has(["b"])];

describe("oneOf/anyOf/allOf/not", () => {
  test("atoms: allOf is a conjunction, anyOf a disjunction, oneOf exactly one, not a negation", () => {
    expect(formulaOf({ allOf: [{ required: ["a"] }, { required: ["b"] }] }, root)).toEqual(and([a, b]));
    expect(formulaOf({ anyOf: [{ required: ["a"] }, { required: ["b"] }] }, root)).toEqual(or([a, b]));
    expect(formulaOf({ oneOf: [{ required: ["a"] }, { required: ["b"] }] }, root)).toEqual(or([and([a, not(b)]), and([b, not(a)])]));
    expect(formulaOf({ not: { required: ["a"] } }, root)).toEqual(not(a));
  });
  test("TypeScript: a union of the alternatives, each merged into the schema around it", () => {
    expect(tsOf({ anyOf: [str({ format: "uuid" }), int()] })).toBe("string | number");
    expect(tsOf({ type: "number", oneOf: [{ type: "integer" }, { minimum: 2 }] })).toBe("number");
  });
  test("words: composed by describe (no constraint words of its own)", () => {
    expect(applicators.words.predicates).toEqual({});
    expect(alternativesPredicate("oneOf", [str({ format: "uuid" }), str({ format: "uri" })])).toEqual({ verb: "be", words: "exactly one of: a UUID or a URI" });
  });
  test("witness: the first alternative, merged into its base", () => {
    expect(witnessAccepted({ type: "string", oneOf: [{ minLength: 2 }, { format: "uri" }] })).toBe("aa");
    expect(witnessAccepted({ anyOf: [int({ minimum: 4 }), str()] })).toBe(4);
  });
});
