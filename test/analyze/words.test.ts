// The catalogue of words (templates/validation/words.ts): one phrasing per constraint keyword and per rule shape.
import { describe, expect, test } from "vitest";
import { RULE_WORDS, WORDS, constraintSentence, formatWords, gotWords, listWords, mustText, predicatesOf, typeWords, valueWords } from "../../templates/validation/words.js";
import { fillPlaceholders, mentionsPath, placeholder } from "../../templates/validation/placeholders.js";

describe("each constraint keyword's words", () => {
  const cases: [string, ReturnType<typeof mustText>][] = [
    ["maximum", mustText([WORDS.maximum(10)])],
    ["minimum", mustText([WORDS.minimum(2)])],
    ["exclusiveMaximum", mustText([WORDS.exclusiveMaximum(1)])],
    ["exclusiveMinimum", mustText([WORDS.exclusiveMinimum(0)])],
    ["multipleOf", mustText([WORDS.multipleOf(8)])],
    ["maxLength", mustText([WORDS.maxLength(10)])],
    ["minLength one", mustText([WORDS.minLength(1)])],
    ["maxItems", mustText([WORDS.maxItems(3)])],
    ["minItems one", mustText([WORDS.minItems(1)])],
    ["pattern", mustText([WORDS.pattern("^a+$")])],
    ["format known", mustText([WORDS.format("uuid")])],
    ["format unknown", mustText([WORDS.format("duration")])],
    ["enum", mustText([WORDS.enum(["MP4", 1, null])])],
    ["const", mustText([WORDS.const("async")])],
    ["type", mustText([WORDS.type(["integer", "null"])])],
    ["uniqueItems", mustText([WORDS.uniqueItems()])],
    ["contains", mustText([WORDS.contains()])],
  ];
  const want: Record<string, string> = {
    maximum: "must be at most 10",
    minimum: "must be at least 2",
    exclusiveMaximum: "must be less than 1",
    exclusiveMinimum: "must be more than 0",
    multipleOf: "must be a multiple of 8",
    maxLength: "must be at most 10 characters long",
    "minLength one": "must be at least 1 character long",
    maxItems: "must have at most 3 items",
    "minItems one": "must have at least 1 item",
    pattern: "must match the pattern ^a+$",
    "format known": "must be a UUID",
    "format unknown": "must be a valid duration",
    enum: 'must be one of "MP4", 1, null',
    const: 'must be "async"',
    type: "must be an integer or null",
    uniqueItems: "must not contain duplicates",
    contains: "must contain a matching item",
  };
  for (const [name, got] of cases) test(name, () => expect(got).toBe(want[name]));
});

describe("sentences of several constraints", () => {
  test("one must; the verb is repeated only when it changes", () => {
    expect(mustText([WORDS.minimum(2), WORDS.maximum(10)])).toBe("must be at least 2 and at most 10");
    expect(mustText([WORDS.type(["array"]), WORDS.minItems(1), WORDS.maxItems(3)])).toBe("must be an array and have at least 1 item and at most 3 items");
    expect(constraintSentence("duration", [WORDS.maximum(10)])).toBe("duration must be at most 10");
  });

  test("a schema's predicates come in reading order, and only the keywords asked for", () => {
    const schema = { type: "integer", maximum: 15, minimum: 2, default: 5 } as const;
    expect(mustText(predicatesOf(schema))).toBe("must be an integer and at least 2 and at most 15");
    expect(predicatesOf(schema, ["maximum"]).map((p) => p.words)).toEqual(["at most 15"]);
    expect(predicatesOf({ uniqueItems: false })).toEqual([]);
  });
});

describe("values, types, formats and got", () => {
  test("values as JSON, a missing one as nothing", () => {
    expect(valueWords("a")).toBe('"a"');
    expect(valueWords(3)).toBe("3");
    expect(valueWords(undefined)).toBe("nothing");
  });
  test("articles", () => {
    expect(typeWords("object")).toBe("an object");
    expect(typeWords("string")).toBe("a string");
    expect(typeWords("null")).toBe("null");
    expect(formatWords("ipv4")).toBe("an IPv4 address");
  });
  test("got: counts for lengths and items (in code points), the JSON type for type, else the value", () => {
    expect(gotWords("maxLength", "héllo😀")).toBe("6");
    expect(gotWords("minItems", [1, 2])).toBe("2");
    expect(gotWords("type", 1.5)).toBe("number");
    expect(gotWords("maximum", 20)).toBe("20");
  });
});

describe("rule phrasings", () => {
  test("each shape", () => {
    expect(RULE_WORDS.required("positivePrompt")).toBe("positivePrompt is required");
    expect(RULE_WORDS.required("width/height", true)).toBe("width/height are required");
    expect(RULE_WORDS.requires("width", "height")).toBe("width requires height");
    expect(RULE_WORDS.notAllowed("a or b", true)).toBe("a or b are not allowed");
    expect(RULE_WORDS.cannotCombine("a", "b")).toBe("a cannot be combined with b");
    expect(RULE_WORDS.notAKnownProperty("colour", null)).toBe("colour is not a known property");
    expect(RULE_WORDS.notAKnownProperty("inputs.x", "inputs")).toBe("inputs.x is not a known property of inputs");
    expect(`${RULE_WORDS.required("a")}${RULE_WORDS.unless(RULE_WORDS.given("b"))}`).toBe("a is required unless b is given");
    expect(listWords(["a", "b", "c"], "or")).toBe("a, b or c");
  });
  test("placeholders: written, spotted and filled by one syntax", () => {
    const template = `${placeholder({ kind: "path" })} must be at most 10${RULE_WORDS.got(placeholder({ kind: "value", pointer: "/a/b" }))}`;
    expect(template).toBe("{path} must be at most 10 (got {/a/b})");
    expect(mentionsPath(template)).toBe(true);
    expect(fillPlaceholders(template, (p) => (p.kind === "path" ? "a.b" : p.pointer))).toBe("a.b must be at most 10 (got /a/b)");
  });
});
