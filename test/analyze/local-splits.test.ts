// analyze/local-splits: which nested objects get a case split of their own (array items, alternatives of several
// objects), keyed by the object schema emit/types meets; and the alternative merge both stages share.
import { describe, expect, test } from "vitest";
import { localSplits } from "../../generator/analyze/local-splits.js";
import { localSplitKey } from "../../generator/ir/modes.js";
import { alternativePath, mergeBranch } from "../../generator/normalize/shape.js";
import { option } from "../../generator/ir/path.js";
import { obj, str } from "../helpers/ir.js";

const exclusive = () => obj({ a: str(), b: str() }, { not: { required: ["a", "b"] } });

describe("localSplits", () => {
  test("an array item with rules is split on its own, keyed by its schema", () => {
    const item = exclusive();
    const splits = localSplits(obj({ list: { type: "array", items: item } }), 64);
    expect([...splits.keys()]).toEqual([localSplitKey(item)]);
    const local = splits.get(localSplitKey(item));
    expect(local?.schema).toEqual(item);
    expect(local?.split.rules.map((r) => r.pointer)).toEqual(["/not"]);
    expect(local?.split.groups[0]?.variants).toHaveLength(2);
  });

  test("objects the task-level split reaches, and objects without rules, get none", () => {
    const task = obj({ nested: exclusive(), list: { type: "array", items: obj({ a: str() }) } });
    expect(localSplits(task, 64).size).toBe(0);
  });

  test("an alternative is keyed by its merge into the base, as emit/types declares it", () => {
    const base = { type: "object" as const, properties: { kind: str() } };
    const branch = { properties: { a: str(), b: str() }, not: { required: ["a", "b"] } };
    const task = obj({ x: { ...base, oneOf: [branch, { properties: { c: str() } }] } });
    const splits = localSplits(task, 64);
    const merged = mergeBranch(base, branch);
    expect([...splits.keys()]).toEqual([localSplitKey(typeof merged === "boolean" ? {} : merged)]);
  });

  test("prefixItems and nested arrays are followed", () => {
    const task = obj({ pair: { type: "array", prefixItems: [str(), { type: "array", items: exclusive() }] } });
    expect(localSplits(task, 64).size).toBe(1);
  });

  test("the key does not depend on key order", () => {
    expect(localSplitKey({ type: "object", properties: { a: str() } })).toBe(localSplitKey({ properties: { a: str() }, type: "object" }));
  });
});

describe("mergeBranch", () => {
  test("keeps the types both allow (number narrowed by integer) and the properties of both", () => {
    expect(mergeBranch({ type: ["number", "string"], properties: { a: str() } }, { type: "integer", properties: { b: str() } })).toEqual({
      type: "integer",
      properties: { a: str(), b: str() },
    });
    expect(mergeBranch({ type: "object" }, true)).toEqual({ type: "object" });
    expect(mergeBranch({ type: "object" }, false)).toBe(false);
  });
});

describe("alternativePath", () => {
  test("an own `option` step only when several alternatives are objects; the title names it", () => {
    const objects = [{ title: "Text", ...obj({ a: str() }) }, obj({ b: str() })];
    expect(alternativePath({}, objects, 0, ["x"])).toEqual(["x", option("Text")]);
    expect(alternativePath({}, objects, 1, ["x"])).toEqual(["x", option("2")]);
    // The step is a marker, not a name: a property named "option 2" is another place.
    expect(alternativePath({}, objects, 1, ["x"])).not.toEqual(["x", "option 2"]);
    expect(alternativePath({}, [obj({ a: str() }), str()], 0, ["x"])).toEqual(["x"]);
  });
});
