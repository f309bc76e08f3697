// normalize: each named rule on a small schema (in → out), and the proof that it keeps what the schema accepts:
// the same payloads, through Ajv with the generator's options, get the same verdicts before and after.
import { describe, expect, test } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { normalize, normalizeRules } from "../../generator/normalize/index.js";
import { ajvOptions } from "../../generator/compile/validator.js";
import { formats } from "../../templates/validation/formats.js";
import type { SchemaObject } from "../../generator/ir/types.js";

/** Ajv as the generated validators run it; `strict: false` for schemas written before normalize. */
function verdicts(schema: SchemaObject, payloads: readonly unknown[], strict: boolean): boolean[] {
  const validate = new Ajv2020({ ...ajvOptions(formats), strict }).compile(schema);
  return payloads.map((p) => validate(p));
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object") {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

interface RuleCase {
  /** The start of the rule's name. */
  readonly rule: string;
  readonly input: SchemaObject;
  readonly output: SchemaObject;
  /** Payloads and whether the schema accepts them. */
  readonly payloads: readonly (readonly [unknown, boolean])[];
  /** The input cannot be compiled by Ajv even without strict mode (the verdicts are then checked on the output). */
  readonly inputRefusedByAjv?: true;
}

const cases: readonly RuleCase[] = [
  {
    rule: "Drop an if without then or else",
    input: { type: "object", properties: { a: { type: "string", if: { minLength: 2 } }, b: { type: "integer", then: { minimum: 5 } } } },
    output: { type: "object", properties: { a: { type: "string" }, b: { type: "integer" } } },
    payloads: [[{ a: "x", b: 1 }, true], [{ a: "xyz", b: 9 }, true], [{ a: 1 }, false]],
  },
  {
    rule: "Write an empty enum as `not: {}`",
    input: { type: "object", properties: { a: { enum: [], allOf: [{ type: "string" }] } } },
    output: { type: "object", properties: { a: { allOf: [{ type: "string" }, { not: {} }] } } },
    payloads: [[{}, true], [{ a: "x" }, false], [{ a: null }, false]],
    inputRefusedByAjv: true,
  },
  {
    rule: "Put properties in the order x-fal-order-properties lists them",
    input: { type: "object", "x-fal-order-properties": ["b", "missing", "a", "b"], properties: { c: { type: "string" }, a: { type: "string" }, b: { type: "integer" } } },
    output: { type: "object", "x-fal-order-properties": ["b", "missing", "a", "b"], properties: { b: { type: "integer" }, a: { type: "string" }, c: { type: "string" } } },
    payloads: [[{ a: "x", b: 1, c: "y" }, true], [{ b: "x" }, false]],
  },
  {
    rule: "Drop x- extension keywords",
    // Extensions SchemaObject does not list: a schema read from a file may still hold them.
    input: { type: "object", "x-provider": "runware", properties: { a: { type: "string", "x-ui": { widget: "text" } } as SchemaObject } } as SchemaObject,
    output: { type: "object", properties: { a: { type: "string" } } },
    payloads: [[{ a: "x" }, true], [{ a: 1 }, false]],
  },
  {
    rule: "Drop nested $id and $schema",
    input: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://example.com/task",
      type: "object",
      properties: { a: { $id: "https://example.com/a", type: "string" }, b: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "integer" } },
    },
    output: { type: "object", properties: { a: { type: "string" }, b: { type: "integer" } } },
    payloads: [[{ a: "x", b: 1 }, true], [{ b: "1" }, false]],
  },
  {
    rule: "Add the implied type where type-specific keywords stand without one",
    input: { type: "object", properties: { a: { type: "string" } }, allOf: [{ properties: { a: { minLength: 2 } } }] },
    output: { type: "object", properties: { a: { type: "string" } }, allOf: [{ type: "object", properties: { a: { type: "string", minLength: 2 } } }] },
    payloads: [[{ a: "xy" }, true], [{ a: "x" }, false], [{}, true], [{ a: 5 }, false]],
  },
  {
    rule: "Declare each required name in the same subschema's properties",
    input: { type: "object", properties: { a: { type: "string" } }, anyOf: [{ required: ["a"] }, { required: ["b"], properties: { c: { type: "integer" } } }] },
    output: { type: "object", properties: { a: { type: "string" } }, anyOf: [{ required: ["a"], properties: { a: true } }, { required: ["b"], properties: { c: { type: "integer" }, b: true } }] },
    payloads: [[{ a: "x" }, true], [{ b: [] }, true], [{}, false], [{ b: 1, c: "no" }, false]],
  },
  {
    rule: "Split an untyped schema with unevaluatedProperties/unevaluatedItems",
    input: { type: "object", properties: { a: { properties: { x: { type: "string" } }, unevaluatedProperties: false, description: "d" } } },
    output: {
      type: "object",
      properties: { a: { if: { type: "object" }, then: { type: "object", properties: { x: { type: "string" } }, unevaluatedProperties: false, description: "d" }, else: { description: "d" } } },
    },
    payloads: [[{ a: { x: "s" } }, true], [{ a: { y: 1 } }, false], [{ a: { x: 1 } }, false], [{ a: 5 }, true], [{ a: [1] }, true]],
  },
  {
    rule: "Guard type-specific keywords with `if: {type}`",
    input: { type: "object", properties: { a: { minLength: 2, minimum: 3 } } },
    output: {
      type: "object",
      properties: {
        a: {
          allOf: [
            { if: { type: "string" }, then: { type: "string", minLength: 2 } },
            { if: { type: "number" }, then: { type: "number", minimum: 3 } },
          ],
        },
      },
    },
    payloads: [[{ a: "xy" }, true], [{ a: "x" }, false], [{ a: 3 }, true], [{ a: 2.5 }, false], [{ a: true }, true], [{}, true]],
  },
];

const ruleNamed = (start: string) => {
  const found = normalizeRules.filter((r) => r.name.startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0]!;
};

test("every rule has a case here", () => {
  expect(normalizeRules.map((r) => cases.filter((c) => r.name.startsWith(c.rule)).length)).toEqual(normalizeRules.map(() => 1));
});

describe.each(cases)("$rule", (c) => {
  const rule = ruleNamed(c.rule);
  const payloads = c.payloads.map(([p]) => p);
  const expected = c.payloads.map(([, valid]) => valid);

  test("rewrites the schema, without changing its input", () => {
    expect(rule.apply(deepFreeze(structuredClone(c.input)))).toEqual(c.output);
  });

  test("accepts the same payloads before and after", () => {
    if (c.inputRefusedByAjv) expect(() => verdicts(c.input, payloads, false)).toThrow();
    else expect(verdicts(c.input, payloads, false)).toEqual(expected);
    expect(verdicts(rule.apply(c.input), payloads, false)).toEqual(expected);
  });

  test("leaves a schema it has nothing to do for as it was", () => {
    expect(rule.apply(c.output)).toEqual(c.output);
  });
});

describe("normalize: all rules in order", () => {
  // What a spec writes: untyped keywords in rules, if without then, required names declared elsewhere, x- keywords.
  // An extension SchemaObject does not list: a schema read from a file may still hold it.
  const raw = {
    type: "object",
    "x-modelgen-note": "n",
    properties: { mode: { type: "string" }, size: { type: "integer" }, meta: { properties: { k: { type: "string" } }, unevaluatedProperties: false } },
    allOf: [{ if: { properties: { mode: { const: "big" } }, required: ["mode"] }, then: { properties: { size: { minimum: 100 } }, required: ["size"] } }, { if: { required: ["size"] } }],
  } as SchemaObject;
  const payloads = [{}, { mode: "big", size: 100 }, { mode: "big", size: 99 }, { mode: "big" }, { mode: "small", size: 1 }, { meta: { k: "v" } }, { meta: { k: "v", z: 1 } }, { meta: 3 }];

  test("the raw schema fails Ajv's strict mode; the normalized one compiles, and accepts the same payloads", () => {
    expect(() => verdicts(raw, payloads, true)).toThrow(/strict mode/);
    const before = verdicts(raw, payloads, false);
    expect(before).toEqual([true, true, false, false, true, true, false, true]);
    expect(verdicts(normalize(raw), payloads, true)).toEqual(before);
  });

  test("normalize is idempotent", () => {
    expect(normalize(normalize(raw))).toEqual(normalize(raw));
  });
});

test("x-fal-order-properties puts the properties in its order (toEqual above ignores key order)", () => {
  const rule = ruleNamed("Put properties in the order x-fal-order-properties lists them");
  const out = rule.apply({ type: "object", "x-fal-order-properties": ["b", "a"], properties: { c: { type: "string" }, a: { type: "string" }, b: { type: "integer" } } });
  expect(Object.keys(out.properties ?? {})).toEqual(["b", "a", "c"]);
});
