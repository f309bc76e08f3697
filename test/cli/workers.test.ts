// generate's worker threads (pipeline.ts's WorkerPool): from four specs to generate, specs are dealt one at a time
// to whichever worker is free and the registry is formatted in one of them. What comes out must not depend on who
// generated what: the same files as the single-thread path, in any order of completion; a broken spec in a worker
// stops the run with its one line (exit 2, nothing written), or is skipped and named with --skip-broken.
import { afterAll, describe, expect, test } from "vitest";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate, generateSpecs, type ModelRecord } from "../../generator/pipeline.js";
import { findSpecFiles } from "../../generator/load/spec.js";
import { formatFiles } from "../../generator/format/prettier.js";
import { emitRegistry } from "../../generator/emit/registry.js";
import { emitIndexReadme } from "../../generator/emit/readme.js";
import { DEFAULT_PACKAGE } from "../../generator/package/config.js";
import { runCli } from "../helpers/cli.js";
import { ROOT } from "../helpers/generated.js";

const CATALOG = path.join(ROOT, "test/fixtures/fal-catalog/text-to-video/fal-ai");
const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Seven real fal documents (small, quick to generate), copied into a folder of their own. */
function specsFolder(): string {
  const dir = tempDir("modelgen-workers-");
  const docs = findSpecFiles([CATALOG])
    .map((e) => e.file)
    .filter((f) => JSON.parse(readFileSync(f, "utf8")).openapi !== undefined)
    .sort()
    .slice(0, 7);
  expect(docs).toHaveLength(7);
  for (const f of docs) {
    const to = path.join(dir, path.relative(CATALOG, f));
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(f, to);
  }
  return dir;
}

describe("generate in worker threads", () => {
  test("gives the files the single-thread path gives, and counts every spec done", async () => {
    const specs = specsFolder();
    const seen: number[] = [];
    const result = await generate({ specs: [specs], cacheDir: null, onProgress: (done, total) => seen.push(done * 100 + total) });
    expect(result.models).toHaveLength(7);
    expect(seen.at(-1)).toBe(707);
    expect(seen).toHaveLength(8); // 0 of 7 at the start, then one call per spec

    // The same specs one after another in this thread, the registry formatted here.
    const entries = findSpecFiles([specs]);
    const records = [...(await generateSpecs(entries, { overlays: [], limit: 64, debug: false, packageName: DEFAULT_PACKAGE.name })).values()] as ModelRecord[];
    const expected: Record<string, string> = {};
    for (const r of records) Object.assign(expected, r.files);
    Object.assign(expected, await formatFiles({ ...emitRegistry(records), "README.md": emitIndexReadme(records, DEFAULT_PACKAGE) }));
    for (const [rel, text] of Object.entries(expected)) expect(result.files[rel], rel).toBe(text);
    expect(Object.keys(expected).length).toBeGreaterThan(7 * 5);
  }, 240_000);

  test("a broken spec in a worker: exit 2, one line naming it, nothing written; --skip-broken names it and writes the rest", () => {
    const specs = specsFolder();
    writeFileSync(path.join(specs, "broken.json"), '{ "openapi": "3.0.0", ');
    const out = path.join(specs, "..", `${path.basename(specs)}-out`);
    temps.push(out);
    const r = runCli(["generate", "--specs", specs, "--out", out, "--no-cache"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("broken.json");
    expect(lines[0]).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);

    const skipped = runCli(["generate", "--specs", specs, "--out", out, "--no-cache", "--skip-broken"]);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr.split("\n").filter((l) => l.startsWith("skipped: "))).toEqual([expect.stringContaining("broken.json")]);
    expect(existsSync(path.join(out, "broken"))).toBe(false);
    // A folder per top entry of the documents (a folder, or a document's name), and none for the broken one.
    const folders = readdirSync(specs).filter((f) => f !== "broken.json").map((f) => f.replace(/\.json$/, ""));
    expect(readdirSync(out).filter((f) => !f.startsWith("_") && !f.includes(".")).sort()).toEqual(folders.sort());
    expect(skipped.stdout).toMatch(/7 generated/);
  }, 240_000);
});
