// Rule messages derived from a rule's structure (rules/describe.ts), in the catalogue's words.
import { describe, expect, test } from "vitest";
import { describeAlternatives, describeRules } from "../../generator/rules/describe.js";
import type { SchemaObject } from "../../generator/ir/types.js";

const task = (extra: Partial<SchemaObject>): SchemaObject => ({
  type: "object",
  properties: {
    width: { type: "integer" },
    height: { type: "integer" },
    duration: { type: "integer", minimum: 1, maximum: 15 },
    prompt: { type: "string", maxLength: 100 },
    images: { type: "array", items: { type: "string" } },
    mode: { type: "string", enum: ["a", "b"] },
  },
  ...extra,
});
const messages = (root: SchemaObject) => describeRules(root).map((m) => [m.schemaPath, m.message]);

describe("rule messages", () => {
  test("a bound under a condition: the bound's words, the condition, and the value got", () => {
    const root = task({ allOf: [{ if: { required: ["images"] }, then: { properties: { duration: { maximum: 10 } } } }] });
    expect(messages(root)).toEqual([["#/allOf/0/then", "duration must be at most 10 when images is given (got {/duration})"]]);
  });

  test("a count under a condition reads like the runtime's count, with no value dumped after it", () => {
    const root = task({ allOf: [{ if: { required: ["mode"] }, then: { properties: { images: { minItems: 2 } } } }] });
    expect(messages(root)).toEqual([["#/allOf/0/then", "images must have at least 2 items when mode is given"]]);
  });

  test("two bounds on one value make one sentence", () => {
    const root = task({ allOf: [{ if: { required: ["images"] }, then: { properties: { duration: { minimum: 2, maximum: 10 } } } }] });
    expect(messages(root)).toEqual([["#/allOf/0/then", "duration must be at least 2 and at most 10 when images is given (got {/duration})"]]);
  });

  test("presence rules: requires, required unless, cannot be combined", () => {
    const root = task({
      allOf: [
        { if: { required: ["width"] }, then: { required: ["height"] } },
        { if: { required: ["images"] }, else: { required: ["prompt"] } },
        { not: { required: ["images", "prompt"] } },
      ],
    });
    expect(messages(root)).toEqual([
      ["#/allOf/0/then", "width requires height"],
      ["#/allOf/1/else", "prompt is required unless images is given"],
      ["#/allOf/2/not", "images cannot be combined with prompt"],
    ]);
  });

  test("a table of allowed combinations shows the current values and the allowed ones as JSON", () => {
    const root = task({
      allOf: [{ oneOf: [{ title: "small", properties: { width: { const: 1 }, height: { const: 2 } } }, { properties: { width: { const: 3 }, height: { const: 4 } } }] }],
    });
    expect(messages(root)).toEqual([["#/allOf/0/oneOf", "width/height {/width}×{/height} is not an allowed combination; allowed: 1×2 (small), 3×4"]]);
  });
});

describe("alternatives of a property", () => {
  test("formats by their names, bounds by the catalogue's words", () => {
    const root: SchemaObject = {
      type: "object",
      properties: {
        audio: { anyOf: [{ type: "string", format: "uuid" }, { type: "string", format: "uri" }] },
        duration: { oneOf: [{ type: "integer", minimum: 2, maximum: 30 }, { const: "auto" }] },
      },
    };
    expect(describeAlternatives(root).map((m) => [m.schemaPath, m.message])).toEqual([
      ["#/properties/audio/anyOf", "{path} must be a UUID or a URI"],
      ["#/properties/duration/oneOf", '{path} must be exactly one of: an integer at least 2 and at most 30 or "auto"'],
    ]);
  });
});
