// A folder that exists but refuses new entries with ENOENT (/proc on Linux): Node's recursive mkdirSync loops there
// forever at full CPU. --out, the cache folder and pull's --specs are made one folder at a time instead, so such a
// place is one line (or, for the cache, only a cache that cannot be written).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { makeFolders } from "../../generator/paths.js";
import { ROOT } from "../helpers/generated.js";

const work = mkdtempSync(path.join(tmpdir(), "modelgen-pseudo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const spec = path.join(ROOT, "specs/runware/alibaba-wan2-7-image.json");
// A hang fails the test instead of stalling the suite.
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/modelgen.js"), ...args], { cwd: work, encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status, stderr: r.stderr, timedOut: r.error !== undefined };
};

describe.skipIf(!existsSync("/proc/self"))("a folder under /proc", () => {
  test("generate --out /proc/<new>/<new>: one line, exit 2", () => {
    const r = run(["generate", "--specs", spec, "--out", "/proc/modelgen-probe/out", "--no-cache"]);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe("modelgen: /proc/modelgen-probe/out: cannot create the folder for --out (ENOENT)\n");
    expect(r.code).toBe(2);
  });

  test("MODELGEN_CACHE_DIR under /proc: generate runs without a cache", () => {
    const r = run(["generate", "--specs", spec, "--out", path.join(work, "out")], { MODELGEN_CACHE_DIR: "/proc/modelgen-probe/cache" });
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  test("makeFolders throws where mkdirSync({ recursive }) would loop, and otherwise returns what it returns", () => {
    expect(() => makeFolders("/proc/modelgen-probe/a/b")).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(makeFolders(path.join(work, "x/y/z"))).toBe(path.join(work, "x"));
    expect(existsSync(path.join(work, "x/y/z"))).toBe(true);
    expect(makeFolders(path.join(work, "x/y"))).toBeUndefined();
  });
});
