// `modelgen validate` on hostile and large input (issue 14 items 4, 7, 8): prototype names as model ids, nesting
// beyond the limit, syntax errors placed on their line, files streamed in bounded memory, and control characters
// shown as escapes, never raw.
import { describe, expect, test } from "vitest";
import { openSync, writeSync, closeSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { validateCli, wanPayload } from "../helpers/validate-cli.js";

const { registry, dir, file, validate } = validateCli("validate-input");
const task = wanPayload;
/** C0 and C1 control characters other than the newline ending each line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe("model lookup is own-property only", () => {
  test("constructor, __proto__, toString… are unknown models with the closest ids, beside the other files' results", () => {
    const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];
    const bad = file("proto.jsonl", names.map((model) => JSON.stringify(task({ model }))).join("\n") + "\n");
    const good = file("good.json", JSON.stringify(task(), null, 2));
    const r = validate(["--format", "json", bad, good]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { valid: number; invalid: number; results: { file: string; index: number; model: string; line: number; message: string }[] };
    expect(report.valid).toBe(1);
    expect(report.invalid).toBe(names.length);
    expect(report.results.map((x) => [x.index, x.model, x.line])).toEqual(names.map((n, i) => [i, n, i + 1]));
    for (const x of report.results) expect(x.message).toMatch(new RegExp(`^unknown model ${JSON.stringify(x.model)}; the closest known ids: [^,]+, [^,]+, [^,]+$`));
    const text = validate([bad, good]);
    expect(text.stdout).toContain(`✓ ${good} alibaba:wan@2.7`);
    expect(text.stdout).toContain(`✗ ${bad}[0] constructor`);
  });
});

describe("input limits", () => {
  test("nesting beyond 100 levels is an exit-2 error at its line:column, no stack, in a task, an array and JSON Lines", () => {
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    const cases: [string, string, string][] = [
      // The object is level 1, so the 100th bracket of the array goes one too deep.
      ["deep.json", `{"model": "alibaba:wan@2.7", "x": ${deep(5000)}}`, `1:${'{"model": "alibaba:wan@2.7", "x": '.length + 100}`],
      // The array of tasks is level 1, the task 2: the 99th bracket goes one too deep.
      ["deep-array.json", `[\n  {"model": "x"},\n  {"x": ${deep(200)}}\n]\n`, `3:${'  {"x": '.length + 99}`],
      ["deep.jsonl", `{"model": "x"}\n{"model": "x"}\n${deep(101)}\n`, "3:101"],
    ];
    for (const [name, text, where] of cases) {
      const f = file(name, text);
      const r = validate([f]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toBe(`modelgen: ${f}:${where}: nested more than 100 levels deep (objects and arrays); a task is a few levels deep, and the limit keeps the validators' recursion bounded\n`);
    }
    // 100 levels in all is still read (and the task found wrong, not the file).
    const f = file("deep-ok.json", JSON.stringify(task({ x: JSON.parse(deep(99)) })));
    expect(validate([f]).code).toBe(1);
  });

  test("a syntax error in a multi-line file is placed on its line, not read as JSON Lines", () => {
    const cases: [string, string, string][] = [
      ["comma.json", `{\n  "model": "alibaba:wan@2.7"\n  "width": 1280\n}\n`, "3:3: invalid JSON (expected ',' or a closing bracket)"],
      ["array-comma.json", `[\n  {"model": "a"},\n  {"model": "b"}\n  {"model": "c"}\n]\n`, "4:3: invalid JSON (expected ',' or ']' between the tasks of the array)"],
      ["trailing.json", `[\n  {"model": "a"},\n]\n`, "3:1: invalid JSON (expected a value after ',')"],
      ["lines.jsonl", `${JSON.stringify(task())}\n${JSON.stringify(task())}\n{"model": "x",, }\n`, "3:15: invalid JSON (expected a property name in double quotes)"],
      ["unclosed.json", `[\n  {"model": "a"}\n`, "3:1: invalid JSON (the array of tasks is not closed: expected ']')"],
      ["duplicate.json", `{\n  "model": "a",\n  "model": "b"\n}\n`, `3:3: duplicate key "model" in one object; JSON parsers silently keep the last, so keys must be unique`],
    ];
    for (const [name, text, message] of cases) {
      const f = file(name, text);
      const r = validate([f]);
      expect(r.stderr, name).toBe(`modelgen: ${f}:${message}\n`);
      expect(r.code, name).toBe(2);
    }
  });

  test("an empty array has no tasks; a task split over lines keeps each property's line", () => {
    expect(validate([file("empty.json", "[]\n")]).stdout).toBe("0 valid, 0 invalid\n");
    const text = `[\n${JSON.stringify(task(), null, 2)},\n${JSON.stringify(task({ duration: 20 }), null, 2)}\n]\n`;
    const f = file("pretty.json", text);
    const r = validate(["--format", "json", f]);
    const line = text.split("\n").findIndex((l) => l.includes('"duration"')) + 1;
    expect(JSON.parse(r.stdout)).toEqual({ valid: 1, invalid: 1, results: [{ file: f, index: 1, model: "alibaba:wan@2.7", line, column: 3, path: "/duration", message: "duration must be at most 15 (got 20)" }] });
  });
});

describe("large input streams in bounded memory", () => {
  // About 20 MB of tasks, every 1000th invalid. The child reports its peak RSS as it exits.
  const MB = 20;
  const make = (name: string, array: boolean): { file: string; tasks: number } => {
    const f = path.join(dir, name);
    const fd = openSync(f, "w");
    let size = 0;
    let i = 0;
    if (array) writeSync(fd, "[\n");
    while (size < MB * 1024 * 1024) {
      const t = task({ taskUUID: `0d84f171-2e54-4c07-836e-${String(i).padStart(12, "0")}`, positivePrompt: `A lighthouse on a cliff at dusk, number ${i}`, duration: i % 1000 === 999 ? 20 : 5 });
      const s = array ? `${i ? ",\n" : ""}${JSON.stringify(t, null, 2).replace(/^/gm, "  ")}` : `${JSON.stringify(t)}\n`;
      writeSync(fd, s);
      size += s.length;
      i++;
    }
    if (array) writeSync(fd, "\n]\n");
    closeSync(fd);
    return { file: f, tasks: i };
  };
  const peak = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS='+process.resourceUsage().maxRSS))";

  test.each([
    ["JSON Lines", false],
    ["an array of tasks", true],
  ])("%s: every task checked, peak RSS under 250 MB", (_, array) => {
    const { file: f, tasks } = make(array ? "large-array.json" : "large.jsonl", array);
    const r = spawnSync(process.execPath, ["--import", peak, path.join(ROOT, "bin/modelgen.js"), "validate", "--registry", registry, "--format", "json", f], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const rssKB = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1]);
    expect(r.stderr.replace(/maxRSS=\d+/, "")).toBe("");
    const report = JSON.parse(r.stdout) as { valid: number; invalid: number; results: { index: number; line: number }[] };
    const invalid = Math.floor(tasks / 1000);
    expect(report).toMatchObject({ valid: tasks - invalid, invalid });
    expect(report.results[0]?.index).toBe(999);
    // In the array each task spans the lines of its pretty print, after the "[" line.
    const lines = JSON.stringify(task({ duration: 20 }), null, 2).split("\n");
    expect(report.results[0]?.line).toBe(array ? 2 + 999 * lines.length + lines.findIndex((l) => l.includes('"duration"')) : 1000);
    expect(rssKB).toBeGreaterThan(0);
    expect(rssKB / 1024).toBeLessThan(250);
  });
});

describe("terminal output shows control characters as escapes", () => {
  const esc = "\u001b";
  const name = `esc${esc}[2J${esc}]0;title\u0007\u009b.json`;
  const payload = file(name, JSON.stringify({ ...task(), model: `alibaba:wan${esc}[31m`, [`${esc}[31mred\u202e`]: 1 }));
  const property = file("property.json", JSON.stringify({ ...task(), [`colour${esc}[2J`]: "red" }));

  test.each(["text", "github", "json"])("--format %s: no raw control character reaches stdout or stderr", (format) => {
    for (const f of [payload, property]) {
      const r = validate(["--format", format, f]);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stdout).not.toContain("\u202e");
      expect(r.stderr).toBe("");
    }
    const text = validate(["--format", format, property]).stdout;
    expect(text).toContain(format === "json" ? "colour\\u001b[2J is not a known property" : "colour\\x1b[2J is not a known property");
  });

  test("text names the file and the model with escapes", () => {
    const r = validate([payload]);
    expect(r.stdout).toContain(`esc\\x1b[2J\\x1b]0;title\\x07\\x9b.json`);
    expect(r.stdout).toContain(`unknown model "alibaba:wan\\u001b[31m"`);
  });

  test("a file name in an error on stderr is escaped too", () => {
    const f = file(`broken${esc}[2J.json`, "{,}");
    const r = validate([f]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain("broken\\x1b[2J.json:1:2: invalid JSON");
  });
});
