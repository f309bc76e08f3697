// load/read: JSON and YAML documents with a source map (key path → line:column), and the errors a person can act
// on: the place of a syntax error, and the second of two equal keys.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import * as jsonc from "jsonc-parser";
import { findDuplicateKey, firstDuplicateKey, parseJson, parseYaml, readDocument } from "../../generator/load/read.js";
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

describe("JSON without jsonc-parser's tree (the path every valid spec takes)", () => {
  const SEED = 20261207;
  /** jsonc-parser's strict reading: its tree, or null when it reports an error. */
  const strict = (text: string): jsonc.Node | null => {
    const errors: jsonc.ParseError[] = [];
    const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    return errors.length || !tree ? null : tree;
  };
  // JSON texts whose objects may repeat a key, spelled plainly or escaped ("\u0061" is "a"), strings holding quotes,
  // brackets and commas.
  const key = fc.constantFrom('"a"', '"b"', '"\\u0061"', '"c~/"', '"{\\"x,"');
  const text: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom("1", "null", '"s,:{}[]"', '"\\""', "true"),
      fc.array(tie("value"), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
      fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map((es) => `{${es.map(([k, v]) => `${k}: ${v}`).join(",\n")}}`),
    ),
  })).value;

  test("the duplicate key found by scanning the text is the one jsonc-parser's tree gives", () => {
    let duplicates = 0;
    fc.assert(
      fc.property(text, (t) => {
        const tree = strict(t);
        expect(tree, t).not.toBeNull();
        const expected = findDuplicateKey(tree!);
        if (expected) duplicates++;
        expect(firstDuplicateKey(t), t).toEqual(expected);
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(duplicates).toBeGreaterThan(50);
  });

  test("text JSON.parse takes is strict JSON to jsonc-parser too (one character deleted, replaced or inserted)", () => {
    let parsed = 0;
    const damaged = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom("delete", "replace", "insert"), fc.constantFrom(",", ":", "{", "}", "[", "]", '"', "x", "1", "0", "-", ".", "e", " ", "\\", "/", "\n", "\u0001", "\u00a0", "\ufeff"));
    fc.assert(
      fc.property(damaged, ([value, at, how, ch]) => {
        const good = JSON.stringify(value, null, 1);
        const i = at % (good.length + 1);
        const t = how === "delete" ? good.slice(0, i) + good.slice(i + 1) : how === "replace" ? good.slice(0, i) + ch + good.slice(i + 1) : good.slice(0, i) + ch + good.slice(i);
        let ok = true;
        try {
          JSON.parse(t);
        } catch {
          ok = false;
        }
        if (!ok) return;
        parsed++;
        expect(strict(t), t).not.toBeNull();
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(parsed).toBeGreaterThan(200);
  });

  test("a position is found after the fact, and the same as before", () => {
    const doc = parseJson("spec.json", '{"a": {"b": [1, {"c": 2}]}}');
    expect(doc.locate(["a", "b", 1, "c"])).toEqual({ line: 1, column: 18 });
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
