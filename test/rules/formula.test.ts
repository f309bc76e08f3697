// Rules → formulas: each rule keyword on a small task gives the formula it means over presence and value atoms;
// checks the formulas do not model become opaque atoms, unless the declaration already implies them.
import { describe, expect, test } from "vitest";
import { atomsOf, translate } from "../../generator/rules/formula.js";
import { stableStringify } from "../../generator/json.js";
import { FALSE, TRUE, and, eq, has, implies, not, opaque, or } from "../../generator/keywords/algebra.js";
import { declaredLiterals } from "../../generator/keywords/const-enum.js";
import { int, obj, oneOfConsts, p, str } from "../helpers/ir.js";
import type { SchemaObject } from "../../generator/ir/types.js";

const root = obj({ a: str(), b: str(), c: str(), mode: oneOfConsts("fast", "slow"), n: int({ minimum: 1 }), inputs: obj({ x: str() }) });
const at = (s: Parameters<typeof translate>[0], path = "") => translate(s, p(path), root);
const [a, b, c] = [has(["a"]), has(["b"]), has(["c"])];

describe("translate", () => {
  test("required: every name present", () => {
    expect(at({ required: ["a", "b"] })).toEqual(and([a, b]));
  });

  test("if/then without else: the condition and the consequence, or not the condition", () => {
    expect(at({ if: { required: ["a"] }, then: { required: ["b"] } })).toEqual(or([and([a, b]), not(a)]));
  });

  test("if/then/else", () => {
    expect(at({ if: { required: ["a"] }, then: { required: ["b"] }, else: { required: ["c"] } })).toEqual(or([and([a, b]), and([not(a), c])]));
  });

  test("oneOf: exactly one branch", () => {
    expect(at({ oneOf: [{ required: ["a"] }, { required: ["b"] }] })).toEqual(or([and([a, not(b)]), and([b, not(a)])]));
  });

  test("anyOf and not", () => {
    expect(at({ anyOf: [{ required: ["a"] }, { required: ["b"] }] })).toEqual(or([a, b]));
    expect(at({ not: { required: ["a", "b"] } })).toEqual(not(and([a, b])));
  });

  test("dependentRequired: the trigger implies each dependency", () => {
    expect(at({ dependentRequired: { a: ["b", "c"] } })).toEqual(implies(a, and([b, c])));
  });

  test("const on a property with declared literals: a value atom, under the property's presence", () => {
    expect(at({ properties: { mode: { const: "fast" } } })).toEqual(implies(has(["mode"]), eq(["mode"], "fast")));
  });

  test("const outside the declared literals: the property must be absent", () => {
    expect(at({ properties: { mode: { const: "turbo" } } })).toEqual(not(has(["mode"])));
  });

  test("enum on a string: one value atom per literal", () => {
    expect(at({ enum: ["x", "y"] }, "a")).toEqual(or([eq(["a"], "x"), eq(["a"], "y")]));
  });

  test("a bound the declaration does not imply is opaque; one it implies is true", () => {
    expect(at({ minimum: 5 }, "n")).toEqual(opaque(["n"], { minimum: 5 }));
    expect(at({ minimum: 1 }, "n")).toBe(TRUE);
    expect(at({ maxLength: 3 }, "a").t).toBe("opaque");
  });

  test("type: true when the declaration has it, false when it excludes it", () => {
    expect(at({ type: "string" }, "a")).toBe(TRUE);
    expect(at({ type: "integer" }, "a")).toBe(FALSE);
    expect(at({ type: "number" }, "n")).toBe(TRUE);
  });

  test("boolean schemas and annotations", () => {
    expect(at(true)).toBe(TRUE);
    expect(at(false)).toBe(FALSE);
    // A spec's own extension: SchemaObject does not list it, a schema read from a file may still hold it.
    expect(at({ description: "anything", "x-note": 1 } as SchemaObject)).toBe(TRUE);
  });

  test("additionalProperties false beside a subset of properties forbids the others, in name order", () => {
    const closed = obj({ a: str(), b: str(), c: str() }, { additionalProperties: false });
    expect(translate({ properties: { b: {} }, additionalProperties: false }, [], closed)).toEqual(and([not(a), not(c)]));
  });

  test("a nested object: paths from the task root", () => {
    expect(at({ required: ["x"] }, "inputs")).toEqual(has(["inputs", "x"]));
  });
});

describe("formula helpers", () => {
  test("and/or flatten and short-circuit; not cancels", () => {
    expect(and([TRUE, a, and([b, c])])).toEqual({ t: "and", xs: [a, b, c] });
    expect(and([a, FALSE])).toBe(FALSE);
    expect(or([a, TRUE])).toBe(TRUE);
    expect(or([])).toBe(FALSE);
    expect(and([])).toBe(TRUE);
    expect(not(not(a))).toBe(a);
  });

  test("atoms carry their variable keys; atomsOf brings an eq atom's presence", () => {
    expect(eq(["inputs", "x"], 1)).toMatchObject({ key: 'eq:["inputs","x"]', presence: 'has:["inputs","x"]' });
    expect([...atomsOf(or([eq(["mode"], "fast"), eq(["mode"], "slow"), a])).keys()]).toEqual(['eq:["mode"]', 'has:["mode"]', 'has:["a"]']);
  });

  test("declaredLiterals: const, enum, oneOf of consts; undefined otherwise", () => {
    expect(declaredLiterals({ const: 3 })).toEqual([3]);
    expect(declaredLiterals({ enum: ["a", null] })).toEqual(["a", null]);
    expect(declaredLiterals({ oneOf: [{ const: 1 }, { const: 2 }] })).toEqual([1, 2]);
    expect(declaredLiterals({ oneOf: [{ const: 1 }, { type: "string" }] })).toBeUndefined();
    expect(declaredLiterals(str())).toBeUndefined();
  });

  test("stableStringify ignores key order", () => {
    expect(stableStringify({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });
});
