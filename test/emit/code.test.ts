// emit/code: the one path spec strings take into generated code. Literals are checked by evaluating them back.
import { describe, expect, test } from "vitest";
import { Code, Names, code, commentText, docComment, literal, name, propertyKey, tsLiteral } from "../../generator/emit/code.js";
import { pascal } from "../../generator/text/identifiers.js";

/** What a literal evaluates to as JavaScript source. */
const evaluate = (c: Code): unknown => new Function(`return (${c.text});`)();

describe("literal", () => {
  test.each([
    ["quotes and backslashes", 'a"b\'c\\d'],
    ["line and paragraph separators", "a\u2028b\u2029c"],
    ["a closing script tag", "x</script><script>alert(1)</script>"],
    ["a comment terminator", "*/ evil() /*"],
    ["nested data", { a: [1, null, true, "</SCRIPT>"], b: { c: "d" } }],
    // JSON.parse makes `__proto__` an own key; an object literal's `"__proto__":` would set the prototype instead.
    ["an own __proto__ key", JSON.parse('{"__proto__": {"polluted": true}, "x": ["{\\"__proto__\\":1"]}') as unknown],
  ])("%s evaluate back to the same value", (_label, value) => {
    expect(evaluate(literal(value))).toEqual(value);
  });

  test("an own __proto__ key stays an own key", () => {
    const value = evaluate(literal(JSON.parse('{"__proto__": {"polluted": true}}') as unknown)) as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });

  test("no literal can end a line or an inline script early", () => {
    const text = literal("a\u2028b\u2029c</script>").text;
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).toBe('"a\\u2028b\\u2029c<\\/script>"');
  });

  test("values without a JSON literal are refused", () => {
    expect(() => literal(undefined)).toThrow(/undefined/);
    expect(() => literal(Number.NaN)).toThrow(/non-finite/);
    expect(() => literal(Infinity)).toThrow(/non-finite/);
    expect(() => literal(() => 1)).toThrow(/function/);
  });
});

describe("name", () => {
  test.each(["a-b", "1a", "", "class", "await", "a b", "x;y", "ä"])("rejects %j", (id) => {
    expect(() => name(id)).toThrow(/not a safe identifier/);
  });
  test("rejects what is not a string", () => {
    expect(() => name(42)).toThrow(/not a safe identifier/);
  });
  test("accepts identifiers", () => {
    expect(name("_validate$2").text).toBe("_validate$2");
  });
});

describe("propertyKey", () => {
  test("bare for identifiers, quoted otherwise and for keys an object literal treats specially", () => {
    expect(propertyKey("width").text).toBe("width");
    expect(propertyKey("a-b").text).toBe('"a-b"');
    expect(propertyKey("__proto__").text).toBe('"__proto__"');
    expect(propertyKey("constructor").text).toBe('"constructor"');
    expect(propertyKey('a"b').text).toBe('"a\\"b"');
  });
});

describe("code``", () => {
  test("splices Code as is and every other value as an escaped literal", () => {
    const spec = "*/ </script> \u2028";
    const out = code`const ${name("x")} = ${spec};`;
    expect(out.text).toBe('const x = "*/ <\\/script> \\u2028";');
    expect(new Function(`${out.text} return x;`)()).toBe(spec);
  });
  test("a non-empty array of Code is spliced as one; any other array is a literal", () => {
    expect(code`${[new Code("a"), new Code("b")]}`.text).toBe("ab");
    expect(code`${[]}`.text).toBe("[]");
    expect(code`${["a", new Code("b")]}`.text).toBe('["a",{"text":"b"}]');
  });
});

describe("comments", () => {
  test("spec text cannot close or open a block comment, nor break a line with U+2028", () => {
    expect(commentText("a */ b /* c")).toBe("a *\\/ b /\\* c");
    expect(commentText("a\u2028b\r\nc")).toBe("a\nb\nc");
    expect(commentText("bell\u0007")).toBe("bell ");
  });
  test("docComment keeps one terminator, its own, and drops empty lines at the end", () => {
    const doc = docComment(["Title */ injected();", "", "x</script>", undefined, null, ""]).text;
    expect(doc).toBe("/**\n * Title *\\/ injected();\n * x</script>\n */\n");
    expect(doc.match(/\*\//g)).toHaveLength(1);
    expect(docComment([undefined, " "]).text).toBe("");
  });
});

describe("names", () => {
  test("pascal keeps identifier characters and never starts with a digit", () => {
    expect(pascal("frame images")).toBe("FrameImages");
    expect(pascal("inputs.frameImages")).toBe("InputsFrameImages");
    expect(pascal("720p")).toBe("T720p");
  });
  test("a name is allocated once: a clash takes its scope as prefix, then a counter", () => {
    const names = new Names(["Task"]);
    expect(names.take("Task", "Inputs")).toBe("InputsTask");
    expect(names.take("Mode", "A")).toBe("Mode");
    expect(names.take("Mode", "A")).toBe("AMode");
    expect(names.take("Mode", "A")).toBe("AModeAlt");
    // The counter skips 2 (AModeAlt, AModeAlt3, …): a quirk kept because generated names must not change.
    expect(names.take("Mode", "A")).toBe("AModeAlt3");
    expect(names.take("", "A")).toBe("Unnamed");
  });
});

describe("tsLiteral (a README snippet's payload)", () => {
  const value = JSON.parse('{"positivePrompt": "a \\"lighthouse\\"", "a-b": 1, "__proto__": {"x": 1}, "inputs": {"frameImages": [{"image": "0d84f171-2e54-4c07-836e-05788795736d", "frame": "first"}, {"image": "https://example.com/last.jpg"}]}}') as unknown;

  test("evaluates back to the same value, an own __proto__ key included", () => {
    const text = tsLiteral(value);
    expect(evaluate(new Code(text))).toEqual(value);
    expect(Object.getPrototypeOf(evaluate(new Code(text)))).toBe(Object.prototype);
  });

  test("plain identifiers unquoted, others quoted; one line when it fits, else one member a line", () => {
    expect(tsLiteral({ width: 1280, "a-b": [1, 2], c: {} })).toBe('{ width: 1280, "a-b": [1, 2], c: {} }');
    expect(tsLiteral(value, 24)).toBe(
      [
        "{",
        '  positivePrompt: "a \\"lighthouse\\"",',
        '  "a-b": 1,',
        '  ["__proto__"]: { x: 1 },',
        "  inputs: {",
        "    frameImages: [",
        '      { image: "0d84f171-2e54-4c07-836e-05788795736d", frame: "first" },',
        '      { image: "https://example.com/last.jpg" }',
        "    ]",
        "  }",
        "}",
      ].join("\n"),
    );
  });
});
