// The case split: rules collected from a task, grouped by shared variables, split into a minimal cover of cubes,
// and the cubes merged into variants; past the variant limit the widest rule is left to the validator.
import { describe, expect, test } from "vitest";
import { caseSplit } from "../../generator/rules/case-split.js";
import { collectRules, variablesOf } from "../../generator/rules/collect.js";
import { simplify } from "../../generator/rules/evaluate.js";
import { OTHER } from "../../generator/ir/types.js";
import { has } from "../../generator/keywords/algebra.js";
import { OTHER as IR_OTHER } from "../../generator/ir/types.js";
import type { Cube, Variant } from "../../generator/ir/types.js";
import { hasKey, eqKey, obj, oneOfConsts, str, whenConst } from "../helpers/ir.js";

const plain = (m: Cube | ReadonlyMap<string, boolean>) => Object.fromEntries(m);
const shape = (v: Variant) => ({ presence: plain(v.presence), tuples: v.tuples.map(plain) });

describe("collectRules", () => {
  test("one rule per allOf entry, per if (with its then/else), per other rule keyword; nested objects by path", () => {
    const task = obj(
      { a: str(), inputs: obj({ x: str(), y: str() }, { oneOf: [{ required: ["x"] }, { required: ["y"] }] }) },
      { allOf: [{ required: ["a"] }, { not: { required: ["a"] } }], if: { required: ["a"] }, then: { required: ["inputs"] }, dependentRequired: { a: ["inputs"] } },
    );
    const rules = collectRules(task);
    expect(rules.map((r) => [r.pointer, r.at.join(".")])).toEqual([
      ["/allOf/0", ""],
      ["/allOf/1", ""],
      ["/if", ""],
      ["/dependentRequired", ""],
      ["/properties/inputs/oneOf", "inputs"],
    ]);
    expect(rules[2]?.schema).toEqual({ if: { required: ["a"] }, then: { required: ["inputs"] } });
    // A nested rule only binds when its object is present.
    expect(simplify(rules[4]!.formula, new Map([[hasKey("inputs"), false]]))).toEqual({ t: "true" });
  });
});

describe("caseSplit", () => {
  test("a two-mode exclusion (exactly one of a, b) gives two variants, each requiring one and forbidding the other", () => {
    const split = caseSplit(obj({ a: str(), b: str() }, { oneOf: [{ required: ["a"] }, { required: ["b"] }] }));
    expect(split.groups).toHaveLength(1);
    const variants = split.groups[0]!.variants.map(shape);
    expect(variants).toHaveLength(2);
    expect(variants).toEqual(
      expect.arrayContaining([
        { presence: { [hasKey("a")]: true, [hasKey("b")]: false }, tuples: [{}] },
        { presence: { [hasKey("a")]: false, [hasKey("b")]: true }, tuples: [{}] },
      ]),
    );
    expect(split.warnings).toEqual([]);
  });

  test("a width/height oneOf on required properties: one variant whose value tuples are the allowed pairs", () => {
    const task = obj(
      { width: oneOfConsts(512, 1024), height: oneOfConsts(512, 1024) },
      { required: ["width", "height"], oneOf: [whenConst({ width: 512, height: 1024 }), whenConst({ width: 1024, height: 512 })] },
    );
    const [group] = caseSplit(task).groups;
    expect(group!.variants).toHaveLength(1);
    const pairs = group!.variants[0]!.tuples.map((t) => [t.get(eqKey("width")), t.get(eqKey("height"))]);
    expect(pairs).toEqual(expect.arrayContaining([[512, 1024], [1024, 512]]));
    expect(pairs).toHaveLength(2);
  });

  test("over the variant limit, the rule with the most atoms is dropped, with a warning", () => {
    const task = obj(
      { a: str(), b: str(), c: str(), d: str() },
      { allOf: [{ not: { required: ["a", "b"] } }, { oneOf: [{ required: ["a"] }, { required: ["c"] }, { required: ["d"] }] }] },
    );
    expect(caseSplit(task).groups[0]!.variants.length).toBeGreaterThan(2);
    const split = caseSplit(task, { limit: 2 });
    const [group] = split.groups;
    expect(group!.dropped.map((r) => r.pointer)).toEqual(["/allOf/1"]);
    expect(group!.rules.map((r) => r.pointer)).toEqual(["/allOf/0"]);
    expect(group!.variants.length).toBeLessThanOrEqual(2);
    expect(split.warnings).toEqual(["the case split exceeds 2 variants: rule /allOf/1 is checked by the validator only, and the Task type is looser there"]);
  });

  test("rules that share no variable are split apart; a nested object's presence does not tie them", () => {
    const task = obj(
      { a: str(), b: str(), inputs: obj({ x: str(), y: str() }, { not: { required: ["x", "y"] } }) },
      { oneOf: [{ required: ["a"] }, { required: ["b"] }], dependentRequired: { inputs: ["a"] } },
    );
    const groups = caseSplit(task).groups.map((g) => g.rules.map((r) => r.pointer));
    expect(groups).toEqual([["/oneOf", "/dependentRequired"], ["/properties/inputs/not"]]);
  });

  test("every group's cubes are exactly the variants' cubes", () => {
    const split = caseSplit(obj({ a: str(), b: str() }, { dependentRequired: { a: ["b"] } }));
    for (const g of split.groups) expect(g.variants.flatMap((v) => v.cubes)).toEqual(expect.arrayContaining([...g.cubes]));
  });
});

describe("variablesOf", () => {
  test("a compared property: its mentioned values, then OTHER standing for the declared literals left", () => {
    const task = obj({ mode: oneOfConsts("fast", "slow", "hq"), a: str() }, { if: whenConst({ mode: "fast" }), then: { required: ["a"] } });
    const vars = variablesOf(collectRules(task), task);
    expect([...vars.keys()]).toEqual([hasKey("mode"), hasKey("a"), eqKey("mode")]);
    const mode = vars.get(eqKey("mode"));
    expect(mode).toMatchObject({ kind: "eq", mentioned: ["fast"], domain: ["fast", OTHER], otherLiterals: ["slow", "hq"] });
  });

  test("an open string: OTHER is any other value", () => {
    const task = obj({ mode: str(), a: str() }, { if: whenConst({ mode: "fast" }), then: { required: ["a"] } });
    expect(variablesOf(collectRules(task), task).get(eqKey("mode"))).toMatchObject({ domain: ["fast", OTHER], otherLiterals: null });
  });

  test("the case split's OTHER is the IR's", () => {
    expect(OTHER).toBe(IR_OTHER);
    expect(has(["a"]).key).toBe(hasKey("a"));
  });
});
