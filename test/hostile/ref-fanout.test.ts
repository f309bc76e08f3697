// `$ref` fan-out (issue 24): N small schemas, each referring twice to the next, make a 2 KB spec that inlines to
// 2^N copies. The inlined size is counted before anything is inlined, each $ref target once, within a budget
// (MAX_INLINED_VALUES): the refusal costs a number of steps in proportion to the file, not to 2^N, and every real
// spec stays far inside the budget. Speed is asserted through the work counters (steps), never the clock.
import { describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SpecError } from "../../generator/errors.js";
import { readDocument } from "../../generator/load/read.js";
import { MAX_INLINED_VALUES, inlinedSize, refFiles, refRoot } from "../../generator/load/refs.js";
import { checkInternalRefs, findSpecFiles } from "../../generator/load/spec.js";
import { ROOT } from "../helpers/generated.js";

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-fanout-"));

/** A Runware-shaped spec whose task property `p` is S0, and S_i = { a: S_{i+1}, b: S_{i+1} } (in `where`). */
function fanOut(n: number, where: "local" | "external" = "local"): { dir: string; file: string } {
  const dir = path.join(work, `${where}-${n}`);
  mkdirSync(path.join(dir, "_shared"), { recursive: true });
  const chain: Record<string, unknown> = {};
  const prefix = where === "local" ? "#/components/schemas" : "#/schemas";
  for (let i = 0; i < n; i++)
    chain[`S${i}`] = i === n - 1 ? { type: "string" } : { type: "object", properties: { a: { $ref: `${prefix}/S${i + 1}` }, b: { $ref: `${prefix}/S${i + 1}` } } };
  const p = where === "local" ? { $ref: "#/components/schemas/S0" } : { $ref: "_shared/chain.json#/schemas/S0" };
  if (where === "external") writeFileSync(path.join(dir, "_shared/chain.json"), JSON.stringify({ schemas: chain }, null, 1));
  const task = { type: "object", properties: { taskType: { const: "videoInference" }, taskUUID: { type: "string" }, model: { const: "test:fan@1" }, p }, required: ["taskType", "taskUUID", "model"] };
  const spec = {
    openapi: "3.1.0",
    info: { title: "fan", version: "1" },
    paths: { "/": { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/RequestBody" } } } }, responses: { "200": { description: "ok" } } } } },
    components: { schemas: { RequestBody: { type: "array", items: task }, ...(where === "local" ? chain : {}) } },
  };
  const file = path.join(dir, "fan.json");
  writeFileSync(file, JSON.stringify(spec, null, 1));
  return { dir, file };
}

/** Values in a parsed file (what a walk of it costs at most once). */
const valuesIn = (v: unknown): number => (v !== null && typeof v === "object" ? 1 + Object.values(v).reduce<number>((n, c) => n + valuesIn(c), 0) : 1);

function measure(file: string, dir: string): { size: number | SpecError; steps: number; internal: number; fileValues: number } {
  const doc = readDocument(file);
  const files = refFiles(file, doc.value, doc, refRoot({ file, root: dir }));
  const fileValues = [doc, ...files.values()].reduce((n, d) => n + valuesIn(d.value), 0);
  const internal = { steps: 0 };
  checkInternalRefs(file, doc.value, doc, internal);
  const stats = { steps: 0 };
  try {
    return { size: inlinedSize(file, doc.value, doc, files, MAX_INLINED_VALUES, stats), steps: stats.steps, internal: internal.steps, fileValues };
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    return { size: e, steps: stats.steps, internal: internal.steps, fileValues };
  }
}

describe("the inlined size is counted once per $ref target, within a budget", () => {
  test.each([["local"], ["external"]] as const)("%s chains: small ones are counted exactly, large ones refused after a few steps", (where) => {
    const rows = [6, 8, 11, 12, 16, 22, 40, 150].map((n) => {
      const { file, dir } = fanOut(n, where);
      return { n, ...measure(file, dir) };
    });
    for (const r of rows) {
      // Each value of the files is visited at most once (the memo), wherever the budget runs out.
      expect(r.steps, `N=${r.n}`).toBeLessThanOrEqual(r.fileValues);
      expect(r.internal, `N=${r.n}`).toBeLessThanOrEqual(r.fileValues);
    }
    const accepted = rows.filter((r) => typeof r.size === "number");
    const refused = rows.filter((r) => r.size instanceof SpecError);
    // Local chains are counted twice (in components/schemas and where the task refers to them); an external
    // fragment file only where it is referred to.
    expect(accepted.map((r) => r.n)).toEqual(where === "local" ? [6, 8, 11] : [6, 8, 11, 12]);
    expect(refused.map((r) => r.n)).toEqual(where === "local" ? [12, 16, 22, 40, 150] : [16, 22, 40, 150]);
    // The count grows as 2^N (each schema holds two copies of the next).
    const [six, eight] = accepted.map((r) => r.size as number);
    expect(eight!).toBeGreaterThan(3.5 * six!);
    for (const r of refused) {
      const e = r.size as SpecError;
      // N=150 reaches the depth limit (200 levels and $ref hops) before the size budget.
      if (r.n === 150) expect(e.expected).toMatch(/^nested more than 200 levels deep/);
      else expect(e.expected).toMatch(new RegExp(`^more than ${MAX_INLINED_VALUES} values once its \\$refs are inlined \\(/\\S* alone holds \\d+\\)`));
      expect(e.file).toMatch(where === "local" ? /fan\.json$/ : /(fan|chain)\.json$/);
      expect(e.where).toMatch(/^\d+:\d+ \(\/[^)]*\)$/);
    }
  });

  test("a chain of $refs longer than the depth limit is refused by depth, not by the stack", () => {
    const { file, dir } = fanOut(400);
    const doc = readDocument(file);
    // One $ref per level instead of two: the size stays small, the depth does not.
    const schemas = (doc.value as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }).components.schemas;
    for (const s of Object.values(schemas)) if (s.properties && "b" in s.properties) delete s.properties.b;
    const stats = { steps: 0 };
    expect(() => inlinedSize(file, doc.value, doc, refFiles(file, doc.value, doc, refRoot({ file, root: dir })), MAX_INLINED_VALUES, stats)).toThrow(/nested more than 200 levels deep/);
    expect(() => checkInternalRefs(file, doc.value, doc)).toThrow(/more than 200 \$refs in a chain/);
    expect(stats.steps).toBeLessThan(valuesIn(doc.value));
  });

  test("every real spec (fixtures, /work/shared/real-specs with fal/, specs/) is far inside the budget", () => {
    const roots = ["test/fixtures/specs", "test/fixtures/real-specs", "specs", "/work/shared/real-specs"].map((r) => path.resolve(ROOT, r)).filter((r) => existsSync(r));
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = path.join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(json|ya?ml)$/.test(name) && !/\.overlay\./.test(name) && !name.startsWith("_")) files.push(p);
      }
    };
    roots.forEach(walk);
    let largest = 0;
    for (const f of files) {
      const doc = readDocument(f);
      largest = Math.max(largest, inlinedSize(f, doc.value, doc, refFiles(f, doc.value, doc, path.dirname(f))));
    }
    expect(files.length).toBeGreaterThanOrEqual(existsSync("/work/shared/real-specs/fal") ? 250 : 15);
    expect(largest).toBeGreaterThan(1000);
    expect(largest * 10).toBeLessThan(MAX_INLINED_VALUES);
  });
});

describe("through the real CLI", () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, [path.join(ROOT, "bin/modelgen.js"), ...args], { cwd: ROOT, timeout: 60_000, env: { ...process.env, NO_COLOR: "1", MODELGEN_CACHE_DIR: path.join(work, "cache") } }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
      ),
    );

  test.each([
    ["lint", 16, "local"],
    ["lint", 22, "local"],
    ["generate", 22, "local"],
    ["generate", 22, "external"],
  ] as const)("%s with N=%i (%s): exit 2, one line naming the file, the place and the budget; nothing written", async (command, n, where) => {
    const { dir } = fanOut(n, where);
    const out = path.join(work, `out-${command}-${n}-${where}`);
    const r = await run([command, "--specs", dir, ...(command === "generate" ? ["--out", out] : [])]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^modelgen: \\S*(fan|chain)\\.json:\\d+:\\d+ \\(/[^)]*\\): more than ${MAX_INLINED_VALUES} values once its \\$refs are inlined`));
    expect(r.stderr).not.toMatch(/RangeError|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});

// The spec entries findSpecFiles makes for a fan-out folder are the spec alone (`_shared` holds fragments).
test("the external chain's fragment file is not a spec", () => {
  const { dir } = fanOut(6, "external");
  expect(findSpecFiles([dir]).map((e) => path.basename(e.file))).toEqual(["fan.json"]);
});

describe("the refusal says which kind of large", () => {
  test("a spec large as written is told so, not that its $refs multiply; a fan-out still is", () => {
    const dir = path.join(work, "large-as-written");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "large.json");
    const { file: fanFile, dir: fanDir } = fanOut(16);
    const fan = JSON.parse(readFileSync(fanFile, "utf8"));
    // No $ref repeats: one extension key holds 60,000 strings (fal's x-fal-order-properties, say).
    fan.components.schemas.RequestBody.items["x-order"] = Array.from({ length: 60_000 }, (_, i) => `p${i}`);
    delete fan.components.schemas.RequestBody.items.properties.p;
    for (let i = 0; i < 16; i++) delete fan.components.schemas[`S${i}`];
    writeFileSync(file, JSON.stringify(fan));
    const large = measure(file, dir).size;
    expect(large).toBeInstanceOf(SpecError);
    expect((large as SpecError).message).toMatch(/more than 50000 values as written \(\/components\/schemas\/RequestBody\/items\/x-order\/0 alone holds 1\)/);
    expect((large as SpecError).message).not.toMatch(/\$ref/);
    const fanned = measure(fanFile, fanDir).size;
    expect((fanned as SpecError).message).toMatch(/once its \$refs are inlined .*\$refs that repeat at each level multiply/);
  });
});
