// `modelgen version` rewrites CHANGELOG.md and package.json in the output: a symbolic link there is refused in one
// line, never followed. It read the link's target and wrote its text into the package's CHANGELOG.md (which the
// package publishes): a link to a private file put that file in the package.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli, sharedCacheEnv } from "../helpers/cli.js";
import { ROOT } from "../helpers/generated.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-version-links-"));
const SPEC = "specs/runware/alibaba-wan2-7-image.json";
const PRIVATE = "token=npm_private_0123456789\n";
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(path.join(dir, "specs/runware"), { recursive: true });
  cpSync(path.join(ROOT, SPEC), path.join(dir, SPEC));
  expect(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }).code).toBe(0);
  cpSync(path.join(dir, "generated"), path.join(dir, "published"), { recursive: true });
  const doc = JSON.parse(readFileSync(path.join(dir, SPEC), "utf8"));
  doc.info.description = `${doc.info.description ?? ""} Reworded.`;
  writeFileSync(path.join(dir, SPEC), JSON.stringify(doc, null, 2));
  expect(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }).code).toBe(0);
  writeFileSync(path.join(dir, "private.txt"), PRIVATE);
});

test.each(["CHANGELOG.md", "package.json"])("%s as a link to a private file: one line, exit 2, the file not read", (name) => {
  const file = path.join(dir, "generated", name);
  const kept = `${file}.kept`;
  try {
    renameSync(file, kept);
  } catch {
    // CHANGELOG.md is not there before the first version
  }
  symlinkSync(path.join(dir, "private.txt"), file);
  try {
    const r = runCli(["version", "--base", "published"], { cwd: dir });
    expect(r.stderr).toBe(`modelgen: ${path.join("generated", name)}: is a symbolic link; version rewrites it in place and follows no link (its target would be copied into the package): put the file generate wrote there\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(dir, "private.txt"), "utf8")).toBe(PRIVATE);
  } finally {
    rmSync(file);
    try {
      renameSync(kept, file);
    } catch {
      // nothing was there
    }
  }
});

test("with plain files the version and the changelog are written", () => {
  const r = runCli(["version", "--base", "published"], { cwd: dir });
  expect(r.stdout).toMatch(/^0\.0\.0 → 0\.0\.1 \(patch/);
  expect(readFileSync(path.join(dir, "generated/CHANGELOG.md"), "utf8")).not.toContain("npm_private");
});
