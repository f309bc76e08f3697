#!/usr/bin/env node
// Build the generator for Node 20, which cannot run .ts files: every generator/ and templates/ source is
// transpiled (types stripped, one file in, one file out, imports untouched) into dist/. Type checking is
// `tsc -p tsconfig.json`'s job, not the build's. `npm ci` runs this through `prepare`; dist/ is never committed.
import { build } from "esbuild";
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sources = (dir) =>
  readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") && !name.endsWith(".test.ts") ? [rel] : [];
  });

// Stale transpiled files would run: start from empty folders (dist/runtime.json stays, checked by its hash).
for (const dir of ["generator", "templates"]) rmSync(path.join(root, "dist", dir), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: [...sources("generator"), ...sources("templates")],
  outdir: "dist",
  outbase: ".",
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});

// The runtime every generated/_runtime/ ships: compiled once here, not on every uncached generate.
const { buildRuntime } = await import(new URL("../dist/generator/runtime.js", import.meta.url).href);
await buildRuntime();
