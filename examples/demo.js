#!/usr/bin/env node
// `npm run demo`: the README's usage example, run against local fake Runware and Runflow servers (the same ones
// the tests use), printing progress as it goes. No network: everything stays on 127.0.0.1.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-demo-"));
try {
  // The fake servers are TypeScript test helpers: bundle them for plain Node, inside the checkout so that their
  // packages resolve and their paths (relative to test/) hold.
  const helpers = path.join(repo, "test/.out/demo-servers.mjs");
  await esbuild.build({ entryPoints: [path.join(repo, "test/helpers/readme-example.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile: helpers, logLevel: "error", absWorkingDir: repo });
  const { startExampleServers, readmeExample } = await import(pathToFileURL(helpers).href);
  const servers = await startExampleServers("demo-key");
  console.log(`fake Runware at ${servers.env.RUNWARE_BASE_URL}, fake Runflow at ${servers.env.RUNFLOW_BASE_URL}, fake fal queue at ${servers.env.FAL_BASE_URL}\n`);
  const example = path.join(dir, "example.mjs");
  writeFileSync(example, readmeExample());
  const code = await new Promise((resolve) => spawn(process.execPath, [example], { env: { ...process.env, ...servers.env }, stdio: "inherit" }).on("close", resolve));
  await servers.stop();
  process.exitCode = code ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
