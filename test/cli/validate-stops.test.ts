// `modelgen validate` stopping at bad input (issue 24): the tasks decided before the bad one are reported, then
// the error; --format json stays one valid JSON document; an issue inside an array element is placed at the
// element's line, not at its array's key.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { validateCli, wanPayload } from "../helpers/validate-cli.js";

const { registry, dir, file, validate } = validateCli("validate-stops");
const task = wanPayload;
const good = JSON.stringify(task());
const wrong = JSON.stringify(task({ duration: 20 }));

// Line 3 is broken: inside a task (found by the parser), or between tasks (found by the scanner).
const broken: [string, string, string][] = [
  ["inside.jsonl", `${good}\n${wrong}\n{"model": "x",, }\n${good}\n`, "3:15: invalid JSON (expected a property name in double quotes)"],
  ["between.jsonl", `${good}\n${wrong}\n]\n${good}\n`, "3:1: invalid JSON (expected a value)"],
];

describe.each(broken)("JSON Lines broken at line 3 (%s)", (name, text, error) => {
  const f = file(name, text);

  test("text: lines 1 and 2 are reported, then the error on stderr; exit 2", () => {
    const r = validate([f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`✓ ${f}[0] alibaba:wan@2.7\n✗ ${f}[1] alibaba:wan@2.7\n    ${f}:2:${wrong.indexOf('"duration"') + 1} duration must be at most 15 (got 20)\n`);
    expect(r.stderr).toBe(`modelgen: ${f}:${error}\n`);
  });

  test("json: one valid JSON document with line 2's issue, the counts so far and the error", () => {
    const r = validate(["--format", "json", f]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      results: [{ file: f, index: 1, model: "alibaba:wan@2.7", line: 2, column: wrong.indexOf('"duration"') + 1, path: "/duration", message: "duration must be at most 15 (got 20)" }],
      valid: 1,
      invalid: 1,
      error: `${f}:${error}`,
    });
    expect(r.stderr).toBe(`modelgen: ${f}:${error}\n`);
  });

  test("github: line 2's annotation, then one for the error at its line", () => {
    const r = validate(["--format", "github", f]);
    expect(r.code).toBe(2);
    const [line, column] = error.split(":");
    expect(r.stdout.split("\n")).toEqual([
      `::error file=${f},line=2,col=${wrong.indexOf('"duration"') + 1},title=modelgen%3A alibaba%3Awan@2.7::/duration: duration must be at most 15 (got 20)`,
      `::error file=${f},line=${line},col=${column},title=modelgen::${error.split(": ").slice(1).join(": ")}`,
      "",
    ]);
  });
});

test("json: a bad first task still gives a valid document, and a bad second file keeps the first file's results", () => {
  const first = validate(["--format", "json", file("first.jsonl", `{"model": }\n${good}\n`)]);
  expect(first.code).toBe(2);
  expect(JSON.parse(first.stdout)).toMatchObject({ results: [], valid: 0, invalid: 0, error: expect.stringContaining("invalid JSON") });
  const ok = file("ok.jsonl", `${wrong}\n`);
  const both = validate(["--format", "json", ok, file("second.json", "{")]);
  expect(both.code).toBe(2);
  expect(JSON.parse(both.stdout)).toMatchObject({ results: [{ file: ok, index: null, line: 1 }], valid: 0, invalid: 1, error: expect.stringContaining("second.json:1:2") });
});

test("an issue inside an array element is placed at the element's property, not at the array's key", () => {
  const text = JSON.stringify(task({ width: undefined, height: undefined, inputs: { frameImages: [{ image: "https://example.com/a.jpg" }, { image: 5 }] } }), null, 2);
  const f = file("element.json", text);
  const r = validate(["--format", "json", f]);
  expect(r.code).toBe(1);
  const lines = text.split("\n");
  const image5 = lines.findIndex((l) => l.includes('"image": 5')) + 1;
  expect(image5).toBeGreaterThan(lines.findIndex((l) => l.includes('"frameImages"')) + 3);
  const results = (JSON.parse(r.stdout) as { results: { path: string; line: number; column: number }[] }).results.filter((x) => x.path.startsWith("/inputs/frameImages/"));
  expect(results.length).toBeGreaterThan(0);
  for (const x of results) expect([x.path, x.line, x.column]).toEqual(["/inputs/frameImages/1/image", image5, lines[image5 - 1]!.indexOf('"image"') + 1]);
});

test("json: no such file, a pattern that matches nothing, or no registry is still one JSON document, with the error", () => {
  const missing = path.join(dir, "missing.json");
  const cases: [string[], RegExp][] = [
    [[missing], /missing\.json: no such file$/],
    [[path.join(dir, "none-*.json")], /none-\*\.json: the pattern matches no file$/],
    [["--registry", dir, file("any.json", good)], /no generated registry here/],
  ];
  for (const [args, error] of cases) {
    const r = runCli(["validate", ...(args[0] === "--registry" ? [] : ["--registry", registry]), "--format", "json", ...args]);
    expect(r.code, args.join(" ")).toBe(2);
    expect(JSON.parse(r.stdout), args.join(" ")).toEqual({ results: [], valid: 0, invalid: 0, error: expect.stringMatching(error) });
    expect(r.stderr.startsWith("modelgen: ") && r.stderr.endsWith("\n")).toBe(true);
    expect(r.stderr.trimEnd()).toMatch(error);
  }
});
