// Witnesses: a sample value for a declared schema, and the smallest payload for a cube (what it requires
// present, what it forbids absent, the values it fixes; OTHER as a value the rules do not name).
import { describe, expect, test } from "vitest";
import { caseSplit } from "../../generator/rules/case-split.js";
import { OTHER } from "../../generator/ir/types.js";
import { sampleValue, witnessOf } from "../../generator/analyze/witness.js";
import { deepFreeze } from "../../generator/ir/freeze.js";
import type { Cube, SchemaObject, Value } from "../../generator/ir/types.js";
import { eqKey, hasKey, int, obj, oneOfConsts, str, whenConst } from "../helpers/ir.js";

const cube = (entries: Record<string, Value>): Cube => new Map(Object.entries(entries));

describe("sampleValue", () => {
  test.each<[string, SchemaObject | true | undefined, unknown]>([
    ["const", { const: "v" }, "v"],
    ["first example before default", { type: "string", examples: ["e"], default: "d" }, "e"],
    ["default", { type: "integer", default: 7 }, 7],
    ["first declared literal", oneOfConsts("x", "y"), "x"],
    ["uuid format", str({ format: "uuid" }), "0d84f171-2e54-4c07-836e-05788795736d"],
    ["minLength", str({ minLength: 3 }), "aaa"],
    ["integer from an exclusive minimum on a multipleOf grid", int({ exclusiveMinimum: 10, multipleOf: 4 }), 12],
    ["number capped by maximum", { type: "number", minimum: 5, maximum: 3 }, 3],
    ["array of minItems", { type: "array", minItems: 2, items: int({ minimum: 2 }) }, [2, 2]],
    ["object with its required properties", obj({ a: str(), b: str() }, { required: ["b"] }), { b: "a" }],
    ["first branch of a oneOf", { oneOf: [str({ minLength: 2 }), int()] }, "aa"],
    ["the true schema", true, "x"],
    ["no schema", undefined, "x"],
  ])("%s", (_, schema, want) => {
    expect(sampleValue(schema)).toEqual(want);
  });
});

describe("witnessOf", () => {
  const task = obj(
    { model: { const: "m@1" }, mode: oneOfConsts("fast", "slow", "hq"), a: str(), b: str(), inputs: obj({ x: str(), y: int() }, { required: ["x"] }) },
    { required: ["model"], allOf: [{ if: whenConst({ mode: "fast" }), then: { required: ["a"] } }, { not: { required: ["a", "b"] } }] },
  );
  const { vars } = caseSplit(task).groups[0]!;
  const allVars = new Map([...vars, [hasKey("inputs.y"), { kind: "has" as const, key: hasKey("inputs.y"), path: ["inputs", "y"], domain: [true, false] as const }]]);

  test("declared-required properties, required ones present, forbidden ones absent, fixed values set", () => {
    const w = witnessOf(cube({ [hasKey("a")]: true, [hasKey("b")]: false, [hasKey("mode")]: true, [eqKey("mode")]: "fast" }), vars, task);
    expect(w).toEqual({ model: "m@1", a: "a", mode: "fast" });
  });

  test("OTHER takes a declared literal the rules do not name", () => {
    expect(witnessOf(cube({ [hasKey("mode")]: true, [eqKey("mode")]: OTHER }), vars, task)).toEqual({ model: "m@1", mode: "slow" });
  });

  test("a nested property brings its parent, with the parent's required properties", () => {
    expect(witnessOf(cube({ [hasKey("inputs.y")]: true }), allVars, task)).toEqual({ model: "m@1", inputs: { x: "a", y: 1 } });
  });

  test("a frozen schema is read, never written: a default object is copied before a property is set in it", () => {
    const frozen = deepFreeze(obj({ inputs: obj({ x: str(), y: int() }, { default: { x: "d" } }) }, { required: ["inputs"] }));
    const w = witnessOf(cube({ [hasKey("inputs.y")]: true }), allVars, frozen);
    expect(w).toEqual({ inputs: { x: "d", y: 1 } });
    expect(frozen.properties?.inputs).toMatchObject({ default: { x: "d" } });
  });
});
