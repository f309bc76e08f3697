// An error no check expected (here: standard output on a full disk, /dev/full) is one escaped line and exit 70 in
// both CLIs, modelgen and the generated package's validate bin; the stack trace only with --debug. A reader that
// goes away (`| head`) ends the run quietly with 141, as SIGPIPE would, instead of Node's stack trace for EPIPE.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers/generated.js";

const STACK = /^\s+at .+/m;
const work = mkdtempSync(path.join(tmpdir(), "modelgen-internal-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const task = { taskType: "imageInference", taskUUID: "5c3b2a8e-1d4f-4e6a-9b7c-0a1b2c3d4e5f", model: "alibaba:wan@2.7-image", positivePrompt: "x" };
const one = path.join(work, "task.json");
writeFileSync(one, JSON.stringify(task));
const many = path.join(work, "tasks.jsonl");
writeFileSync(many, `${JSON.stringify(task)}\n`.repeat(20_000));

const CLIS: { name: string; argv: (...rest: string[]) => string[] }[] = [
  { name: "modelgen validate", argv: (...rest) => [path.join(ROOT, "bin/modelgen.js"), "validate", "--registry", path.join(ROOT, "generated"), ...rest] },
  { name: "the package's validate bin", argv: (...rest) => [path.join(ROOT, "generated/_runtime/validate/bin.js"), "validate", ...rest] },
];

describe.skipIf(!existsSync("/dev/full"))("standard output on a full disk", () => {
  const run = (argv: string[]) => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, argv, { stdio: ["ignore", full, "pipe"], encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      return { code: r.status, stderr: r.stderr };
    } finally {
      closeSync(full);
    }
  };
  for (const cli of CLIS) {
    test(`${cli.name}: one line, exit 70, no stack trace`, () => {
      const r = run(cli.argv(one));
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.trimEnd().split("\n")).toEqual(["modelgen: unexpected error: Error: ENOSPC: no space left on device, write (--debug shows the stack trace)"]);
      expect(r.code).toBe(70);
    });
    test(`${cli.name} --debug: the stack trace too`, () => {
      const r = run(cli.argv(one, "--debug"));
      expect(r.stderr).toMatch(STACK);
      expect(r.stderr).toMatch(/^modelgen: unexpected error: Error: ENOSPC/m);
      expect(r.code).toBe(70);
    });
  }
  test("modelgen lint: the same line", () => {
    const r = run([path.join(ROOT, "bin/modelgen.js"), "lint", "--specs", path.join(ROOT, "specs/runware/alibaba-wan2-7-image.json")]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toMatch(/^modelgen: unexpected error: Error: ENOSPC: no space left on device, write \(--debug shows the stack trace\)\n$/);
    expect(r.code).toBe(70);
  });
});

describe("a reader that goes away", () => {
  for (const cli of CLIS) {
    test(`${cli.name}: quiet, exit 141`, async () => {
      const child = spawn(process.execPath, cli.argv(many), { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      // Read the first chunk, then close the pipe as `head -c 10` does.
      await new Promise<void>((resolve) => child.stdout.once("data", () => (child.stdout.destroy(), resolve())));
      const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
      expect(stderr).toBe("");
      expect(code).toBe(141);
    });
  }
});
