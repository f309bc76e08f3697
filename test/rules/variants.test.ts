// Variants: a group's cubes merged by their presence facts, with one value tuple per cube; the case split
// stores them in every group so that emitters read them instead of recomputing.
import { describe, expect, test } from "vitest";
import { caseSplit } from "../../generator/rules/case-split.js";
import { OTHER } from "../../generator/ir/types.js";
import { variantsOf } from "../../generator/rules/variants.js";
import type { Cube, Value } from "../../generator/ir/types.js";
import { eqKey, hasKey, obj, oneOfConsts, str, whenConst } from "../helpers/ir.js";

const cube = (entries: Record<string, Value>): Cube => new Map(Object.entries(entries));

describe("variantsOf", () => {
  test("cubes with the same presence facts (in any key order) make one variant, in first-seen order", () => {
    const a = cube({ [hasKey("b")]: false, [hasKey("a")]: true, [eqKey("mode")]: "fast" });
    const b = cube({ [hasKey("a")]: false });
    const c = cube({ [hasKey("a")]: true, [eqKey("mode")]: OTHER, [hasKey("b")]: false });
    const variants = variantsOf({ cubes: [a, b, c] });
    expect(variants).toHaveLength(2);
    const [first, second] = variants;
    // Presence sorted by key; value tuples keep each cube's eq entries, OTHER included.
    expect([...first!.presence]).toEqual([
      [hasKey("a"), true],
      [hasKey("b"), false],
    ]);
    expect(first!.tuples.map((t) => [...t])).toEqual([[[eqKey("mode"), "fast"]], [[eqKey("mode"), OTHER]]]);
    expect(first!.cubes).toEqual([a, c]);
    expect([...second!.presence]).toEqual([[hasKey("a"), false]]);
    expect(second!.tuples.map((t) => t.size)).toEqual([0]);
  });

  test("a cube that fixes nothing is one variant without facts", () => {
    const [only, ...rest] = variantsOf({ cubes: [new Map()] });
    expect(rest).toEqual([]);
    expect(only!.presence.size).toBe(0);
    expect(only!.tuples).toHaveLength(1);
  });

  test("no cubes, no variants", () => {
    expect(variantsOf({ cubes: [] })).toEqual([]);
  });
});

describe("the case split fills variants", () => {
  test("each group's variants are variantsOf its cubes", () => {
    const task = obj(
      { mode: oneOfConsts("fast", "slow"), a: str(), b: str() },
      { allOf: [{ if: whenConst({ mode: "fast" }), then: { required: ["a"] } }, { not: { required: ["a", "b"] } }] },
    );
    const split = caseSplit(task);
    expect(split.groups.length).toBeGreaterThan(0);
    for (const g of split.groups) expect(g.variants.map(({ reasons: _, ...v }) => v)).toEqual(variantsOf(g));
    expect(split.groups[0]!.variants.length).toBeGreaterThan(1);
  });
});
