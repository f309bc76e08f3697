// A glob given to validate (modelgen's, and the package's bin: one implementation) matches regular files only: a
// repository's link to /dev/zero, a named pipe that no one writes, or /proc/*/fd/* would otherwise be read forever
// (the run never ended). A file named on its own is still read whatever it is (`validate <(…)`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers/generated.js";

const work = mkdtempSync(path.join(tmpdir(), "modelgen-glob-special-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const task = { taskType: "imageInference", taskUUID: "5c3b2a8e-1d4f-4e6a-9b7c-0a1b2c3d4e5f", model: "alibaba:wan@2.7-image", positivePrompt: "x", width: 1024, height: 1024 };

describe.skipIf(process.platform === "win32" || !existsSync("/dev/zero"))("validate's glob", () => {
  const payloads = path.join(work, "payloads");
  mkdirSync(payloads);
  writeFileSync(path.join(payloads, "a.json"), JSON.stringify(task));
  symlinkSync("/dev/zero", path.join(payloads, "b.json"));
  const fifo = spawnSync("mkfifo", [path.join(payloads, "c.json")]);
  const run = (bin: string[]) => {
    const r = spawnSync(process.execPath, [...bin, "payloads/*.json"], { cwd: work, encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
  };
  test.each([
    ["modelgen validate", [path.join(ROOT, "bin/modelgen.js"), "validate", "--registry", path.join(ROOT, "generated")]],
    ["the package's bin", [path.join(ROOT, "generated/_runtime/validate/bin.js"), "validate"]],
  ])("%s: matches the regular file only, and ends", (_, bin) => {
    expect(fifo.status, "mkfifo").toBe(0);
    const r = run(bin);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("✓ payloads/a.json alibaba:wan@2.7-image\n1 valid, 0 invalid\n");
    expect(r.code).toBe(0);
  });
});
