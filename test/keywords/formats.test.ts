// formats: validator-only; `string`; "must be a UUID"; a sample of every format the validators implement.
import { describe, expect, test } from "vitest";
import { has, implies, opaque } from "../../generator/keywords/algebra.js";
import { FORMAT_SAMPLES, formats } from "../../generator/keywords/formats.js";
import { alternativeText } from "../../generator/keywords/alternatives.js";
import { formats as implemented } from "../../templates/validation/formats.js";
import { obj, str } from "../helpers/ir.js";
import { expectSameWords, formulaOf, tsOf, witnessAccepted } from "./helpers.js";

describe("formats", () => {
  test("atoms: a format is an opaque check", () => {
    expect(formulaOf({ properties: { s: { format: "uri" } } }, obj({ s: str() }))).toEqual(implies(has(["s"]), opaque(["s"], { format: "uri" })));
  });
  test("TypeScript: a format stays string", () => {
    expect(formats.typescript.unchanged).toBeTruthy();
    expect(tsOf(str({ format: "uuid" }))).toBe("string");
  });
  test("words: the runtime's", () => {
    expectSameWords(formats, ["format"]);
    expect(alternativeText(str({ format: "uri" }))).toBe("a URI");
  });
  test("witness: a sample for every implemented format, accepted by the validators' format", () => {
    expect(Object.keys(FORMAT_SAMPLES).sort()).toEqual(Object.keys(implemented).sort());
    for (const format of Object.keys(implemented)) expect(witnessAccepted(str({ format }))).toBe(FORMAT_SAMPLES[format]);
  });
});
