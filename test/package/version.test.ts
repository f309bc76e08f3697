// `modelgen version`: semantic versioning by proof, on a temporary copy of a project whose package is at 1.2.0.
// Each step regenerates, then compares with the previous package as installed (a copy of the output, which carries
// its specs in _specs/): a width/height pair removed → 2.0.0 with the witness in CHANGELOG.md, an enum value
// added → 2.1.0, a description reworded → 2.1.1.
import { describe, expect, test } from "vitest";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { runCli, sharedCacheEnv } from "../helpers/cli.js";
import { bumpOf, nextVersion } from "../../generator/version/bump.js";

const SPEC = "specs/runware/alibaba-wan2-7.json";
const OVERLAY = "specs/runware/alibaba-wan2-7.overlay.yaml";

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-version-"));
  mkdirSync(path.join(dir, "specs/runware"), { recursive: true });
  for (const f of [SPEC, OVERLAY]) cpSync(path.join(ROOT, f), path.join(dir, f));
  return dir;
}

const ok = (r: { code: number | null; stdout: string; stderr: string }) => {
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

/** Generate, keep a copy of the output as "the published package", apply `edit`, generate, then `version --base` that copy. */
function release(dir: string, edit: () => void): string {
  const published = path.join(dir, `published-${Math.random().toString(36).slice(2)}`);
  cpSync(path.join(dir, "generated"), published, { recursive: true });
  edit();
  ok(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }));
  return ok(runCli(["version", "--base", published], { cwd: dir }));
}

const editJson = (dir: string, file: string, fn: (doc: any) => void) => {
  const doc = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  fn(doc);
  writeFileSync(path.join(dir, file), JSON.stringify(doc, null, 2));
};
const version = (dir: string) => JSON.parse(readFileSync(path.join(dir, "generated/package.json"), "utf8")).version as string;

describe("a package at 1.2.0", () => {
  test("a pair removed → 2.0.0 with its witness; an enum value added → 2.1.0; a description reworded → 2.1.1", () => {
    const dir = project();
    ok(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }));
    expect(existsSync(path.join(dir, "generated/_specs/runware/alibaba-wan2-7.json"))).toBe(true);
    const pkgFile = path.join(dir, "generated/package.json");
    writeFileSync(pkgFile, readFileSync(pkgFile, "utf8").replace('"version": "0.0.0"', '"version": "1.2.0"'));
    expect(version(dir)).toBe("1.2.0");

    // The size pairs live in the overlay (it wraps the spec's bare size oneOf): drop 720×1280.
    const removed = release(dir, () => {
      const overlay = readFileSync(path.join(dir, OVERLAY), "utf8");
      const lines = overlay.split("\n");
      const at = lines.findIndex((l) => l.includes('title: "720p (9:16)"'));
      expect(at).toBeGreaterThan(0);
      lines.splice(at, 2);
      writeFileSync(path.join(dir, OVERLAY), lines.join("\n"));
    });
    expect(removed).toBe("1.2.0 → 2.0.0 (major: 1 breaking change, 0 added, 0 removed, 1 changed, 0 reworded)\n");
    expect(version(dir)).toBe("2.0.0");
    const changelog = readFileSync(path.join(dir, "generated/CHANGELOG.md"), "utf8");
    expect(changelog).toMatch(/^# Changelog\n\n## 2\.0\.0\n/);
    expect(changelog).toContain("**breaking** `combination-removed`");
    // The witness: a task with the removed pair, which the old validator accepted.
    const witness = JSON.parse(/```json\n([\s\S]*?)\n\s*```/.exec(changelog)![1]!.replace(/^ {2}/gm, "")) as Record<string, unknown>;
    expect({ width: witness.width, height: witness.height }).toEqual({ width: 720, height: 1280 });
    // generate keeps the version and the changelog.
    ok(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }));
    expect(version(dir)).toBe("2.0.0");
    expect(readFileSync(path.join(dir, "generated/CHANGELOG.md"), "utf8")).toBe(changelog);

    const added = release(dir, () => editJson(dir, SPEC, (d) => d.components.schemas.RequestBody.items.properties.outputFormat.enum.push("MKV")));
    expect(added).toBe("2.0.0 → 2.1.0 (minor: 0 breaking changes, 0 added, 0 removed, 1 changed, 0 reworded)\n");
    expect(version(dir)).toBe("2.1.0");

    const reworded = release(dir, () => editJson(dir, SPEC, (d) => (d.info.description = "Wan 2.7, in other words.")));
    expect(reworded).toBe("2.1.0 → 2.1.1 (patch: 0 breaking changes, 0 added, 0 removed, 0 changed, 1 reworded)\n");
    expect(version(dir)).toBe("2.1.1");
    const log = readFileSync(path.join(dir, "generated/CHANGELOG.md"), "utf8");
    expect([...log.matchAll(/^## (\S+)$/gm)].map((m) => m[1])).toEqual(["2.1.1", "2.1.0", "2.0.0"]);
    expect(runCli(["generate", "--check"], { cwd: dir, env: sharedCacheEnv() }).code).toBe(0);

    // Nothing changed since: the version stays, no entry is added.
    const same = release(dir, () => undefined);
    expect(same).toBe("2.1.1 → 2.1.1 (nothing changed: 0 breaking changes, 0 added, 0 removed, 0 changed, 0 reworded)\n");
    expect(readFileSync(path.join(dir, "generated/CHANGELOG.md"), "utf8")).toBe(log);
  }, 240_000);
});

describe("bad input: exit 2, one line", () => {
  test.each([
    [["version"], "version needs --base"],
    [["version", "--base", "no-such-ref"], "no-such-ref: --base must be a folder or a git ref"],
  ])("%j", (args, words) => {
    const dir = project();
    ok(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }));
    const r = runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(words);
  }, 60_000);

  test("a base package without _specs/, and no generated package", () => {
    const dir = project();
    mkdirSync(path.join(dir, "old"));
    writeFileSync(path.join(dir, "old/package.json"), JSON.stringify({ name: "modelgen-models", version: "1.0.0" }));
    let r = runCli(["version", "--base", "old"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("generated/package.json: no generated package here; run `modelgen generate` first");
    ok(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }));
    r = runCli(["version", "--base", "old"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("old: a package without _specs/");
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("a base package is untrusted input", () => {
  test("its _specs/ go through the loader's checks: a $ref out of it is refused, exit 2, nothing written", () => {
    const dir = project();
    ok(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }));
    const old = path.join(dir, "old");
    cpSync(path.join(dir, "generated"), old, { recursive: true });
    const spec = path.join(old, "_specs/runware/alibaba-wan2-7.json");
    const doc = JSON.parse(readFileSync(spec, "utf8"));
    doc.components.schemas.RequestBody = { $ref: "/etc/passwd" };
    writeFileSync(spec, JSON.stringify(doc));
    const before = readFileSync(path.join(dir, "generated/package.json"), "utf8");
    const r = runCli(["version", "--base", "old"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("old/_specs/runware/alibaba-wan2-7.json");
    expect(r.stderr).toContain("/etc/passwd");
    expect(readFileSync(path.join(dir, "generated/package.json"), "utf8")).toBe(before);
    expect(existsSync(path.join(dir, "generated/CHANGELOG.md"))).toBe(false);
  }, 60_000);
});

describe("the bump", () => {
  test.each([
    ["1.2.0", "major", "2.0.0"],
    ["1.2.3", "minor", "1.3.0"],
    ["1.2.3", "patch", "1.2.4"],
    ["1.2.3", "none", "1.2.3"],
    // 0.x, npm's convention: breaking → minor, anything else → patch.
    ["0.3.1", "major", "0.4.0"],
    ["0.3.1", "minor", "0.3.2"],
    ["0.3.1", "patch", "0.3.2"],
    // A pre-release becomes its release when that is the bump it needs.
    ["2.0.0-rc.1", "major", "2.0.0"],
    ["2.1.0-rc.1", "major", "3.0.0"],
    ["2.1.0-rc.1", "minor", "2.1.0"],
  ] as const)("%s + %s → %s", (from, bump, to) => {
    expect(nextVersion(from, bump)).toBe(to);
  });

  test("a removed model is breaking; an added one is minor; an unchanged but reworded one is patch", () => {
    const m = (status: "added" | "removed" | "changed" | "unchanged", extra = {}) => ({ modelId: "m", file: "f", status, changes: [], ...extra });
    expect(bumpOf({ models: [m("removed")] })).toBe("major");
    expect(bumpOf({ models: [m("added")] })).toBe("minor");
    expect(bumpOf({ models: [m("unchanged", { reworded: true })] })).toBe("patch");
    expect(bumpOf({ models: [m("unchanged")] })).toBe("none");
  });
});
