// Run the real CLI (bin entry) in a child process, as a user or CI would.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./generated.js";

export function runCli(args: string[], { input, cwd = ROOT, env }: { input?: string; cwd?: string; env?: Readonly<Record<string, string>> } = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/modelgen.js"), ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let sharedCache: string | undefined;
/**
 * One generation cache for the calls of a test file that are not about the cache (the package tests generate the
 * same specs in several temporary projects): `runCli(["generate"], { cwd, env: sharedCacheEnv() })`. The cache is
 * keyed by content, so sharing it changes no output, only the time.
 */
export function sharedCacheEnv(): Readonly<Record<string, string>> {
  if (!sharedCache) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-test-cache-"));
    sharedCache = dir;
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return { MODELGEN_CACHE_DIR: sharedCache };
}
