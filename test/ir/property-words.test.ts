// ir/property-words: a declared property's type and constraints in words, as the README's property table shows them.
import { describe, expect, test } from "vitest";
import { constraintWords, typeWords } from "../../generator/ir/property-words.js";

describe("typeWords", () => {
  test("a set of values is one piece per value's JSON text; words around it join its first and last", () => {
    expect(typeWords({ type: "string" })).toEqual(["string"]);
    expect(typeWords({ enum: ["a", 1, null] })).toEqual(['"a"', "1", "null"]);
    expect(typeWords({ type: "array", items: { enum: ["a", "b"] } })).toEqual(['array of "a"', '"b"']);
    expect(typeWords({ anyOf: [{ enum: ["a", "b"] }, { type: "integer" }, { type: "integer" }] })).toEqual(['"a"', '"b" or integer']);
    expect(typeWords({ enum: [] })).toEqual([""]);
    expect(typeWords(true)).toEqual(["any"]);
  });
});

describe("constraintWords", () => {
  test("one line per constraint, in validateTask's words; alternatives of formats as one", () => {
    expect(constraintWords({ type: "integer", minimum: 1, maximum: 15 })).toEqual(["must be at least 1", "must be at most 15"]);
    expect(constraintWords({ anyOf: [{ format: "uuid" }, { format: "uri" }] })).toHaveLength(1);
    expect(constraintWords(false)).toEqual([]);
  });
});
