// `modelgen validate` and byte order marks (issue 24): a payload file saved by a Windows editor starts with a UTF-8
// BOM; it is skipped (a task file, an array, JSON Lines), positions on the first line count from after it, and a
// BOM anywhere else is named in the error, not shown as "unexpected character". Through the real CLI.
import { describe, expect, test } from "vitest";
import { validateCli, wanPayload } from "../helpers/validate-cli.js";

const { file, validate } = validateCli("validate-bom");
const BOM = "\ufeff";
const task = wanPayload;

describe("a UTF-8 byte order mark at the start of a payload file", () => {
  test("is skipped in a task file, an array of tasks and JSON Lines: the tasks are valid", () => {
    const files = [
      file("one.json", BOM + JSON.stringify(task(), null, 2)),
      file("array.json", BOM + JSON.stringify([task(), task()])),
      file("lines.jsonl", BOM + [task(), task()].map((t) => JSON.stringify(t)).join("\n") + "\n"),
    ];
    const r = validate(["--format", "json", ...files]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: 5, invalid: 0 });
  });

  test("columns on the first line count from after it", () => {
    const f = file("bad.json", BOM + JSON.stringify(task({ taskUUID: "x" })));
    const r = validate(["--format", "github", f]);
    expect(r.code).toBe(1);
    // `{"taskType":"videoInference","taskUUID"`: the key starts at column 30 as an editor shows it.
    expect(r.stdout).toContain(`::error file=${f},line=1,col=30,`);
  });
});

describe("a byte order mark anywhere else", () => {
  test("before a later line of JSON Lines (files joined together): exit 2, the error names it at its line", () => {
    const f = file("joined.jsonl", JSON.stringify(task()) + "\n" + BOM + JSON.stringify(task()) + "\n");
    const r = validate([f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelgen: ${f}:2:1: invalid JSON (a byte order mark, U+FEFF, where a value was expected; remove it)\n`);
  });
});
