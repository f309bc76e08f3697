#!/usr/bin/env node
// Startup to first verdict of the generated package's own `validate` (its bin, as `npx <package> validate` runs
// it), against `node -e` importing one model module: the target is at most 1.5x. Both run from an app whose
// node_modules holds the package (a link to generated/), interleaved, median wall time of each.
// Usage: node bench/validate-startup.js [--runs 30]   (after `npm run generate`)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { runs: { type: "string" } } });
const runs = Number(values.runs ?? 30);
const pkg = JSON.parse(readFileSync(path.join(ROOT, "generated/package.json"), "utf8"));
const app = mkdtempSync(path.join(os.tmpdir(), "modelgen-startup-"));
mkdirSync(path.join(app, "node_modules", ...pkg.name.split("/").slice(0, -1)), { recursive: true });
symlinkSync(path.join(ROOT, "generated"), path.join(app, "node_modules", pkg.name), "dir");
writeFileSync(path.join(app, "package.json"), JSON.stringify({ type: "module", private: true }));
const task = { model: "alibaba:wan@2.7", taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", positivePrompt: "a lighthouse", width: 1280, height: 720 };
writeFileSync(path.join(app, "task.json"), JSON.stringify(task));
const bin = path.join(app, "node_modules", pkg.name, "_runtime/validate/bin.js");
const commands = {
  import: [process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(`${pkg.name}/runware/alibaba-wan2-7`)})`]],
  validate: [process.execPath, [bin, "validate", "task.json"]],
};
const times = { import: [], validate: [] };
for (let i = 0; i < runs; i++)
  for (const [name, [cmd, args]] of Object.entries(commands)) {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: app, encoding: "utf8" });
    times[name].push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}${r.stdout}`);
  }
rmSync(app, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [a, b] = [median(times.import), median(times.validate)];
console.log(`node -e import one model: ${a.toFixed(1)} ms; validate one task (the package's bin): ${b.toFixed(1)} ms; ratio ${(b / a).toFixed(2)}x (target <= 1.5x), ${runs} interleaved runs each`);
