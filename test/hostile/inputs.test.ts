// How spec files are given and encoded (issue 24): the same folder or file given twice is one spec, not a
// collision of a file with itself; a UTF-8 byte order mark (Windows editors write one) is accepted in specs,
// overlays and $ref'd fragments, JSON and YAML; a UTF-16 file and a mark inside the text are refused with a
// message that names the mark. Through the real CLI entry (cli-driver.mjs, many argument lists in one process).
import { describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { runwareSpec } from "../helpers/spec-factory.js";

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-inputs-"));
const BOM = "\ufeff";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let batch = 0;
function runDriver(argLists: readonly string[][]): Promise<Run[]> {
  const jobs = path.join(work, `jobs-${batch++}.json`);
  writeFileSync(jobs, JSON.stringify(argLists.map((args) => ({ args }))));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, "test/hostile/cli-driver.mjs"), jobs, `${jobs}.results`], { cwd: work, timeout: 300_000, env: { ...process.env, NO_COLOR: "1", MODELGEN_CACHE_DIR: path.join(work, "cache") } }, (error, _o, stderr) => {
      if (error) reject(new Error(`cli-driver failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(readFileSync(`${jobs}.results`, "utf8")) as Run[]);
    });
  });
}

let cases = 0;
function folder(files: Record<string, string | Buffer>): string {
  const dir = path.join(work, `case-${cases++}`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const spec = (model: string, p: unknown = { type: "string" }) => JSON.stringify(runwareSpec({ properties: { p } }, { model }), null, 2);
const yaml = (model: string) => `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [taskType, taskUUID, model]
              properties:
                taskType: { const: videoInference }
                taskUUID: { type: string }
                model: { const: "${model}" }
      responses: { "200": { description: ok } }
`;

describe("a spec given twice is one spec", () => {
  test("--specs specs --specs specs, and a folder with a file in it: no collision of a file with itself", async () => {
    const dir = folder({ "specs/m.json": spec("test:twice@1"), "specs/n.json": spec("test:twice@2") });
    const specs = path.join(dir, "specs");
    const runs = await runDriver([
      ["lint", "--specs", specs, "--specs", specs],
      ["lint", "--specs", specs, "--specs", `${specs}/`, "--specs", path.join(specs, "m.json")],
      ["generate", "--specs", specs, "--specs", specs, "--out", path.join(dir, "out")],
    ]);
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, ""]);
    // Each model once.
    expect(runs[0]!.stdout.trim().split("\n")).toHaveLength(2);
    expect(runs[2]!.stdout).toMatch(/^generated 2 models into /);
  });

  test("two different files that map to one folder are still a collision", async () => {
    const dir = folder({ "specs/m.json": spec("test:c@1"), "specs/m.yaml": yaml("test:c@2") });
    const [r] = await runDriver([["generate", "--specs", path.join(dir, "specs"), "--out", path.join(dir, "out")]]);
    expect(r!.code).toBe(2);
    expect(r!.stderr).toMatch(/m\.json and .*m\.yaml both map to the output folder m/);
  });
});

describe("byte order marks", () => {
  test("a UTF-8 BOM is accepted at the start of a JSON spec, a YAML spec, an overlay and a $ref'd fragment", async () => {
    const overlay = 'overlay: 1.0.0\ninfo: { title: o, version: "1" }\nactions:\n  - target: "$.info"\n    update: { description: "from an overlay with a BOM" }\n';
    const dir = folder({
      "specs/a.json": BOM + spec("test:bom@1", { $ref: "_shared/p.json" }),
      "specs/a.overlay.yaml": BOM + overlay,
      "specs/_shared/p.json": BOM + JSON.stringify({ type: "string", enum: ["x", "y"] }),
      "specs/b.yaml": BOM + yaml("test:bom@2"),
    });
    const out = path.join(dir, "out");
    const runs = await runDriver([
      ["lint", "--specs", path.join(dir, "specs")],
      ["generate", "--specs", path.join(dir, "specs"), "--out", out],
    ]);
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, ""]);
    const types = readFileSync(path.join(out, "a/index.d.ts"), "utf8");
    expect(types).toMatch(/p\?: "x" \| "y"/);
    expect(readFileSync(path.join(out, "a/README.md"), "utf8")).toContain("from an overlay with a BOM");
  });

  test("a UTF-16 file, and a BOM inside the text: exit 2, one line that names the byte order mark", async () => {
    const text = spec("test:bom@3");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const inside = text.replace('"openapi"', `${BOM}"openapi"`);
    const dir = folder({ "u16/m.json": utf16, "mid/m.json": inside });
    const runs = await runDriver([
      ["lint", "--specs", path.join(dir, "u16")],
      ["lint", "--specs", path.join(dir, "mid")],
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2]);
    for (const r of runs) expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(runs[0]!.stderr).toMatch(/u16\/m\.json:1:1: the file starts with a UTF-16 byte order mark: it is not UTF-8; save it as UTF-8/);
    expect(runs[1]!.stderr).toMatch(/mid\/m\.json:2:3: invalid JSON \(a byte order mark, U\+FEFF, where/);
  });
});
