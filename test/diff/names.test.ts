// diff on properties whose names look like the steps of a path: a property named "[]" is a property, not an
// array's items, and "a.b" beside a → b are two properties. Every breaking change's witness is checked with plain
// Ajv on the spec files (the old accepts it, the new rejects it), so a payload built at the wrong place fails.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { diffModels } from "../../generator/diff/models.js";
import { buildIR } from "../../generator/ir/build.js";
import { loadSpec } from "../../generator/load/spec.js";
import { inProcessValidator, runtimeModules } from "../../generator/in-process.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import { expectWitnessesHold } from "./helpers.js";

const str = { type: "string" };
const narrowed = { type: "string", enum: ["p"] };

async function side(dir: string) {
  const { formats, issuesModule } = runtimeModules();
  const ir = buildIR(await loadSpec({ file: path.join(dir, "m.json"), root: dir }), { formats });
  return { ir, validator: inProcessValidator(ir, formats, issuesModule) };
}

/** The changes between two task property sets, each breaking one's witness checked against the files. */
async function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const base = writeSpecs({ "m.json": runwareSpec({ properties: before }) });
  const head = writeSpecs({ "m.json": runwareSpec({ properties: after }) });
  const diff = diffModels(await side(base), await side(head));
  const checked = await expectWitnessesHold({ models: [diff] }, path.join(base, "m.json"), path.join(head, "m.json"));
  return { list: diff.changes.map((c) => [c.kind, c.path, c.breaking] as const), checked };
}

describe("property names that look like path steps", () => {
  test('a property named "[]" inside an object: its change is found there, with a witness at that property', async () => {
    const obj = (inner: unknown) => ({ a: { type: "object", properties: { "[]": inner, x: str } }, list: { type: "array", items: { type: "object", properties: { "[]": str } } } });
    const { list, checked } = await changes(obj(str), obj(narrowed));
    expect(list).toEqual([["constraint-changed", "/a/[]", true]]);
    expect(checked).toBe(1);
  });

  test('the items of an array of objects, whose items hold a property named "[]": each is its own place', async () => {
    const items = (inner: unknown) => ({ list: { type: "array", items: { type: "object", properties: { "[]": inner, x: str } } } });
    const { list, checked } = await changes(items(str), items(narrowed));
    expect(list).toEqual([["constraint-changed", "/list/0/[]", true]]);
    expect(checked).toBe(1);
  });

  test('an array of scalars replaced by an object with a property named "[]": a type change, and a new property', async () => {
    const { list } = await changes({ a: { type: "array", items: str } }, { a: { type: "object", properties: { "[]": str } } });
    // Before, the new property "[]" took the old items' slot (both were "a[]") and was not reported.
    expect(list.map(([kind, at]) => `${kind} ${at}`)).toEqual(["type-narrowed /a", "type-widened /a", "property-added /a/[]"]);
  });

  test('"a.b" beside a → b: narrowing one is not reported on the other', async () => {
    const twins = (dotted: unknown, nested: unknown) => ({ "a.b": dotted, a: { type: "object", properties: { b: nested } } });
    const one = await changes(twins(str, str), twins(narrowed, str));
    expect(one.list).toEqual([["constraint-changed", "/a.b", true]]);
    const other = await changes(twins(str, str), twins(str, narrowed));
    expect(other.list).toEqual([["constraint-changed", "/a/b", true]]);
    expect(one.checked + other.checked).toBe(2);
  });
});
