// ir/declarations: the declared types as a tree, made by one walk: which type each schema declares, and which
// nested objects carry a case split of their own (array items, alternatives of several objects); and the
// alternative merge the walk and the witnesses share.
import { describe, expect, test } from "vitest";
import { caseSplit } from "../../generator/rules/case-split.js";
import { declareTask } from "../../generator/ir/declarations.js";
import { alternativePath, mergeBranch } from "../../generator/normalize/shape.js";
import { ITEMS, option, pathId, valueKey } from "../../generator/ir/path.js";
import { hasKey, int, obj, str, whenConst } from "../helpers/ir.js";
import type { Decl, ObjectDecl, SchemaObject } from "../../generator/ir/types.js";

const exclusive = () => obj({ a: str(), b: str() }, { not: { required: ["a", "b"] } });
const declare = (task: SchemaObject): ObjectDecl => declareTask(task, caseSplit(task, { limit: 64 }), 64);

/** Every object declaration below `d`, depth first. */
function objects(d: Decl): ObjectDecl[] {
  switch (d.kind) {
    case "object":
      return [d, ...d.properties.flatMap((p) => objects(p.type)), ...(d.index ? objects(d.index) : [])];
    case "union":
      return d.members.flatMap(objects);
    case "array":
      return objects(d.items);
    case "tuple":
      return [...d.prefix.flatMap(objects), ...(d.rest ? objects(d.rest) : [])];
    case "record":
      return d.values ? objects(d.values) : [];
    default:
      return [];
  }
}
const withRules = (root: ObjectDecl) => objects(root).filter((o) => o !== root && o.rules);

describe("declareTask", () => {
  test("properties in spec order, with optionality, doc lines and the index signature", () => {
    const root = declare(obj({ z: str({ title: "Zed", default: "q" }), a: int() }, { required: ["a"], additionalProperties: false }));
    expect(root.properties.map((p) => [p.name, p.optional, p.type])).toEqual([
      ["z", true, { kind: "scalar", type: "string" }],
      ["a", false, { kind: "scalar", type: "number" }],
    ]);
    expect(root.properties[0]?.doc).toEqual(["Zed", '@default "q"']);
    expect(root.index).toBeNull();
    expect(declare(obj({ a: str() })).index).toEqual({ kind: "unknown" });
  });

  test("literals, alternatives, arrays, tuples and records", () => {
    const root = declare(
      obj({
        e: { type: "integer", enum: [1, 2, "x"] },
        u: { oneOf: [str(), int()] },
        l: { type: "array", items: str() },
        t: { type: "array", prefixItems: [str()], items: false, minItems: 1 },
        r: { type: "object", additionalProperties: false },
      }),
    );
    expect(root.properties.map((p) => p.type)).toEqual([
      { kind: "literal", values: [1, 2] },
      { kind: "union", members: [{ kind: "scalar", type: "string" }, { kind: "scalar", type: "number" }] },
      { kind: "array", items: { kind: "scalar", type: "string" } },
      { kind: "tuple", prefix: [{ kind: "scalar", type: "string" }], minItems: 1, rest: null },
      { kind: "record", values: null },
    ]);
  });

  test("the root carries the task-level split, the declared type of each place it names, and its modes' relations with the branches' titles", () => {
    const task = obj({ width: int(), height: int() }, { oneOf: [{ title: "720p", ...whenConst({ width: 1280, height: 720 }) }, whenConst({ width: 720, height: 1280 })] });
    const split = caseSplit(task, { limit: 64 });
    const root = declareTask(task, split, 64);
    expect(root.rules?.split).toBe(split);
    expect(root.rules?.declared.get(pathId(["width"]))).toEqual({ kind: "scalar", type: "number" });
    // One mode whose width and height vary together: a relation, each row with the title of the branch that allows it.
    const relation = root.rules?.groups[0]?.modes[0]?.relation;
    expect(relation?.vars.map((v) => v.path)).toEqual([["width"], ["height"]]);
    expect(relation?.rows.map((r) => [r.cube.get(valueKey(["width"])), r.cube.get(valueKey(["height"])), r.title])).toEqual([
      [1280, 720, "720p"],
      [720, 1280, null],
    ]);
  });

  test("each mode has a name derived from its rarest facts, and the name x-modelgen-mode-names chose for it", () => {
    const task = obj({ image: str(), video: str() }, { oneOf: [{ required: ["image"] }, { required: ["video"] }] });
    const split = caseSplit(task, { limit: 64 });
    const chosen = split.groups.map((g) => g.variants.map((v) => (v.presence.get(hasKey("video")) ? "ImageToVideo" : null)));
    const modes = declareTask(task, split, 64, { modeNames: chosen, ruleMessages: [] }).rules?.groups[0]?.modes ?? [];
    expect(modes.map((m) => [m.derivedName, m.chosenName]).sort()).toEqual([
      ["WithImage", null],
      ["WithVideo", "ImageToVideo"],
    ]);
  });

  test("an array item with rules is split on its own", () => {
    const root = declare(obj({ list: { type: "array", items: exclusive() } }));
    const [item] = withRules(root);
    expect(item?.place).toEqual(["list", ITEMS]);
    expect(item?.rules?.split.rules.map((r) => r.pointer)).toEqual(["/not"]);
    expect(item?.rules?.split.groups[0]?.variants).toHaveLength(2);
  });

  test("objects the task-level split reaches, and objects without rules, get none", () => {
    expect(withRules(declare(obj({ nested: exclusive(), list: { type: "array", items: obj({ a: str() }) } })))).toEqual([]);
  });

  test("an alternative is declared as its merge into the base, with the merged object's rules", () => {
    const base = { type: "object" as const, properties: { kind: str() } };
    const branch = { properties: { a: str(), b: str() }, not: { required: ["a", "b"] } };
    const root = declare(obj({ x: { ...base, oneOf: [branch, { properties: { c: str() } }] } }));
    const [merged] = withRules(root);
    expect(merged?.place).toEqual(["x", option("1")]);
    expect(merged?.properties.map((p) => p.name)).toEqual(["kind", "a", "b"]);
  });

  test("different objects at one place are two nodes; the same object met there again is one", () => {
    const a = obj({ a: str() });
    const root = declare(obj({ pair: { type: "array", prefixItems: [a, obj({ b: str() }), { ...a }] } }));
    const pair = root.properties[0]?.type;
    if (pair?.kind !== "tuple") throw new Error(`not a tuple: ${JSON.stringify(pair)}`);
    const [first, second, third] = pair.prefix;
    expect(first).not.toBe(second);
    expect(first).toBe(third);
    expect([first, second].map((d) => d?.kind === "object" && d.place)).toEqual([
      ["pair", ITEMS],
      ["pair", ITEMS],
    ]);
  });

  test("a nested object's rules read each declaration where it stands in the task, the node of the object's own property", () => {
    const item = { ...obj({ size: obj({ h: int() }), k: str() }), allOf: [{ if: { required: ["k"] }, then: { required: ["size"] } }] };
    const root = declare(obj({ size: obj({ w: int() }, { required: ["w"] }), list: { type: "array", items: item } }));
    const [local] = withRules(root);
    const declared = local?.rules?.declared.get(pathId(["size"]));
    expect(declared).toBe(local?.properties.find((p) => p.name === "size")?.type);
    expect(declared?.kind === "object" && declared.place).toEqual(["list", ITEMS, "size"]);
  });

  test("prefixItems and nested arrays are followed", () => {
    expect(withRules(declare(obj({ pair: { type: "array", prefixItems: [str(), { type: "array", items: exclusive() }] } })))).toHaveLength(1);
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
