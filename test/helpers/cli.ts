// Run the real CLI (bin entry) in a child process, as a user or CI would.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./generated.js";

export function runCli(args: string[], { input, cwd = ROOT }: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/modelgen.js"), ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
