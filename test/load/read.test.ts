// load/read: JSON and YAML documents with a source map (key path → line:column), and the errors a person can act
// on: the place of a syntax error, and the second of two equal keys.
import { describe, expect, test } from "vitest";
import { parseJson, parseYaml, readDocument } from "../../generator/load/read.js";
import { SpecError } from "../../generator/errors.js";

/** The SpecError `fn` throws. */
function specError(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error("expected a SpecError");
}

const JSON_TEXT = `{
  "info": { "title": "T" },
  "list": [
    1,
    { "deep": true }
  ]
}`;

const YAML_TEXT = `info:
  title: T
list:
  - 1
  - deep: true
`;

describe("JSON", () => {
  const doc = parseJson("spec.json", JSON_TEXT);

  test("the value and the text", () => {
    expect(doc.value).toEqual({ info: { title: "T" }, list: [1, { deep: true }] });
    expect(doc.text).toBe(JSON_TEXT);
    expect(doc.file).toBe("spec.json");
  });

  test("a property's position is its key's; an array item's is the item's; a missing path has none", () => {
    expect(doc.locate(["info", "title"])).toEqual({ line: 2, column: 13 });
    expect(doc.locate(["list"])).toEqual({ line: 3, column: 3 });
    expect(doc.locate(["list", 1])).toEqual({ line: 5, column: 5 });
    expect(doc.locate(["list", 1, "deep"])).toEqual({ line: 5, column: 7 });
    expect(doc.locate([])).toEqual({ line: 1, column: 1 });
    expect(doc.locate(["info", "missing"])).toBeUndefined();
  });

  test("a duplicate key is an error naming the line:column of the second one", () => {
    const e = specError(() => parseJson("dup.json", '{\n  "a": 1,\n  "b": { "x": 1, "x": 2 }\n}'));
    expect(e.where).toBe("3:18");
    expect(e.message).toBe('dup.json:3:18: duplicate key "x" in one object; JSON parsers silently keep the last, so keys must be unique');
  });

  test("a syntax error names its place and says what was expected, in words", () => {
    const e = specError(() => parseJson("bad.json", '{\n  "a": 1,\n  "b" 2\n}'));
    expect(e.message).toBe("bad.json:3:7: invalid JSON (expected ':')");
    expect(e.exitCode).toBe(2);
  });

  test("comments, trailing commas and empty text are refused", () => {
    expect(specError(() => parseJson("c.json", '{ "a": 1 // no\n}')).message).toMatch(/^c\.json:1:10: invalid JSON \(comments are not allowed in JSON\)$/);
    expect(specError(() => parseJson("t.json", '{ "a": 1, }')).message).toMatch(/^t\.json:1:\d+: invalid JSON/);
    expect(specError(() => parseJson("e.json", "")).message).toBe("e.json:1:1: invalid JSON (expected a value)");
  });
});

describe("YAML", () => {
  const doc = parseYaml("spec.yaml", YAML_TEXT);

  test("the same value as the JSON", () => {
    expect(doc.value).toEqual({ info: { title: "T" }, list: [1, { deep: true }] });
  });

  test("a property's position is its key's; an array item's is the item's; a missing path has none", () => {
    expect(doc.locate(["info", "title"])).toEqual({ line: 2, column: 3 });
    expect(doc.locate(["list", 0])).toEqual({ line: 4, column: 5 });
    expect(doc.locate(["list", 1, "deep"])).toEqual({ line: 5, column: 5 });
    expect(doc.locate(["nope"])).toBeUndefined();
  });

  test("a duplicate key is an error naming a line:column", () => {
    const e = specError(() => parseYaml("dup.yaml", "a: 1\nb:\n  x: 1\n  x: 2\n"));
    expect(e.where).toBe("4:3");
    expect(e.message).toMatch(/^dup\.yaml:4:3: invalid YAML \(Map keys must be unique/);
  });

  test("an empty document is refused", () => {
    expect(specError(() => parseYaml("e.yaml", "# nothing\n")).message).toBe("e.yaml:1:1: the file is empty");
  });
});

test("readDocument reads .yaml/.yml as YAML and anything else as JSON, and names a file it cannot read", () => {
  expect(readDocument("x.yml", "a: [1, 2]").value).toEqual({ a: [1, 2] });
  expect(readDocument("x.json", '{"a": [1, 2]}').value).toEqual({ a: [1, 2] });
  expect(() => readDocument("x.json", "a: [1, 2]")).toThrow(/^x\.json:1:1: invalid JSON/);
  expect(specError(() => readDocument("/nonexistent/modelgen/spec.json")).message).toBe("/nonexistent/modelgen/spec.json: cannot read the file (ENOENT)");
});
