// Ajv's optimiser counts names with useLinearNames's one-pass getter (generator/compile/ajv-names.ts): the code
// Ajv writes must be byte-for-byte what its own getter gives. Every schema of the JSON Schema Test Suite files
// (each kind of code node: if/else, for loops over items and keys, functions for $refs) and a deep real task
// schema, compiled with all errors and to the first error.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { _ } from "ajv/dist/compile/codegen/index.js";
import { afterAll, expect, test } from "vitest";
import { useLinearNames } from "../../generator/compile/ajv-names.js";
import { ajvOptions, forAjv, stripAnnotations } from "../../generator/compile/validator.js";
import { findSpecFiles, loadSpec } from "../../generator/load/spec.js";
import { formats } from "../../templates/validation/formats.js";
import { ROOT } from "../helpers/generated.js";

const SUITE = path.join(ROOT, "test/fixtures/json-schema-test-suite/draft2020-12");

function suiteSchemas(dir: string): unknown[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return suiteSchemas(p);
    if (!e.name.endsWith(".json")) return [];
    return (JSON.parse(readFileSync(p, "utf8")) as { schema: unknown }[]).map((g) => g.schema);
  });
}

/** Ajv's standalone code for `schema`, or the compile's error message. */
function code(schema: unknown, allErrors: boolean): string {
  const ajv = new Ajv2020.default({ ...ajvOptions(formats), strict: false, allErrors, validateSchema: false, code: { source: true, esm: true, lines: true, formats: _`require("formats")` } });
  try {
    return standaloneCode.default(ajv, ajv.compile(schema as object));
  } catch (e) {
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function both<T>(make: () => T): [T, T] {
  useLinearNames(false);
  try {
    const ajvs = make();
    useLinearNames(true);
    return [make(), ajvs];
  } finally {
    useLinearNames(true);
  }
}

afterAll(() => useLinearNames(true));

test("the test suite's schemas compile to the same code with either name count", () => {
  const schemas = suiteSchemas(SUITE);
  const [linear, ajvs] = both(() => schemas.map((s, i) => code(s, i % 2 === 0)));
  // Most compile (a few use keywords or remote refs these options refuse): the comparison covers real code.
  expect(ajvs.filter((c) => !c.startsWith("error:")).length).toBeGreaterThan(120);
  expect(linear).toEqual(ajvs);
});

test("a deep real task schema compiles to the same code with either name count", async () => {
  const entry = findSpecFiles([path.join(ROOT, "test/fixtures/real-specs/google-nano-banana-2.json")])[0]!;
  const task = forAjv(stripAnnotations((await loadSpec({ ...entry, overlays: [] })).taskSchema));
  const [linear, ajvs] = both(() => [code(task, true), code(task, false)]);
  expect(ajvs[0]!.slice(0, 200)).not.toMatch(/^error/);
  expect(ajvs[0]!.length).toBeGreaterThan(100_000);
  expect(linear).toEqual(ajvs);
});
