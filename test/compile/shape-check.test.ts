// compileValidator checks the schema against the 2020-12 meta-schema unless checkSchemaShape passed that very
// schema (or vouchShape vouched for it): the two checks are the same, and a spec's task was checked once already.
import { expect, test } from "vitest";
import { checkSchemaShape, compileValidator, vouchShape } from "../../generator/compile/validator.js";
import { runtimeModules } from "../../generator/in-process.js";
import type { SchemaObject } from "../../generator/ir/types.js";

const { formats } = runtimeModules();

test("the compile's meta-schema check is checkSchemaShape's: formats in the meta-schema are checked by neither", () => {
  // The premise of the skip: Ajv compiles its meta-schemas with formats off (its constructor), whatever the
  // instance's validateFormats. If a version checks them, these are refused and the skip must go.
  const cases: SchemaObject[] = [
    { type: "object", properties: { a: { $ref: "#/$defs/a b" } }, $defs: { "a b": { type: "string" } } },
    { type: "object", $id: "http://x/ y" },
  ];
  for (const schema of cases) {
    expect(() => compileValidator(structuredClone(schema), formats)).not.toThrow();
    checkSchemaShape(schema);
    expect(() => compileValidator(schema, formats)).not.toThrow();
  }
});

test("a vouched copy and a shape-checked schema compile to what an unchecked one compiles to", async () => {
  const schema: SchemaObject = { type: "object", properties: { model: { const: "a" }, n: { type: "integer", minimum: 1 } }, required: ["model"] };
  const fresh = await compileValidator(structuredClone(schema), formats).standalone("../_runtime/validation/index.js");
  checkSchemaShape(schema);
  expect(await compileValidator(schema, formats).standalone("../_runtime/validation/index.js")).toBe(fresh);
  const copy = structuredClone(schema);
  vouchShape(copy, schema);
  const compiled = compileValidator(copy, formats);
  expect(compiled.validate({ model: "a", n: 2 })).toBe(true);
  expect(compiled.validate({ model: "a", n: 0 })).toBe(false);
});

test("a schema only the meta-schema refuses: refused by checkSchemaShape, by an unchecked compile, and a vouch for it vouches for nothing", () => {
  // Ajv's compile alone takes these (its strict mode checks types and names, not these bounds).
  for (const bad of [{ type: "string", minLength: -1 }, { type: "array", maxItems: 1.5 }, { type: "number", multipleOf: 0 }] as unknown as SchemaObject[]) {
    expect(() => checkSchemaShape(bad, { file: "specs/m.json" })).toThrow(/specs\/m\.json/);
    expect(() => compileValidator(structuredClone(bad), formats, { file: "specs/m.json" })).toThrow(/must be|must match|specs\/m\.json/);
    const copy = structuredClone(bad);
    vouchShape(copy, bad);
    expect(() => compileValidator(copy, formats, { file: "specs/m.json" })).toThrow(/must be|must match|specs\/m\.json/);
  }
});
