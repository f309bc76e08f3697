// Generate the fixture specs once per test run into a temporary folder; tests read it through inject().
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { generate } from "../../generator/pipeline.js";
import { writeOutput } from "../../generator/write/write.js";

let dir: string | undefined;

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  // The CLI tests run the built generator (bin/modelgen.js → dist/): build it from the sources under test.
  execFileSync(process.execPath, [path.join(root, "bin/build.js")], { stdio: "inherit" });
  dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-fixtures-"));
  const out = path.join(dir, "out");
  const result = await generate({ specs: [path.join(root, "test/fixtures/specs"), path.join(root, "test/fixtures/real-specs")] });
  writeOutput(out, result.files);
  project.provide("fixturesOut", out);
  return () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
