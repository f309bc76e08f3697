// What `generate` shows at catalog size: a progress line on a terminal (drawn in place, cleared at the end), none
// when the output is not a terminal, and a summary that counts models instead of listing them (--verbose lists).
import { describe, expect, test } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { progress, summaryLine } from "../../generator/progress.js";
import { ROOT } from "../helpers/generated.js";
import { runCli } from "../helpers/cli.js";

/** A stream that records what is written, terminal or not. */
const fakeStream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { isTTY, writes, write: (s: string) => writes.push(s) };
};
const CLEAR = "\r\u001b[2K";

describe("progress line", () => {
  test("on a terminal: specs done of the total and the elapsed time, redrawn at most every 100 ms, cleared at the end", () => {
    const stream = fakeStream(true);
    let now = 1000;
    const bar = progress(stream, 10, { now: () => now });
    bar.update(0);
    now += 50;
    bar.update(1); // within 100 ms of the last draw: skipped
    now += 60;
    bar.update(2);
    now += 2000;
    bar.update(10); // the last spec is always drawn
    bar.end();
    expect(stream.writes).toEqual([`${CLEAR}generating: 0/10 specs, 0.0 s`, `${CLEAR}generating: 2/10 specs, 0.1 s`, `${CLEAR}generating: 10/10 specs, 2.1 s`, CLEAR]);
  });

  test("not a terminal: writes nothing at all", () => {
    const stream = fakeStream(false);
    const bar = progress(stream, 3, { now: () => 0 });
    for (let i = 0; i <= 3; i++) bar.update(i);
    bar.end();
    expect(stream.writes).toEqual([]);
  });

  test("a run with nothing drawn clears nothing", () => {
    const stream = fakeStream(true);
    progress(stream, 0).end();
    expect(stream.writes).toEqual([]);
  });

  test("the summary counts models", () => {
    expect(summaryLine("gen", 300, { generated: 1, fromCache: 299, unchanged: 299 })).toBe("generated 300 models into gen: 1 generated, 299 from cache, 299 unchanged");
    expect(summaryLine("gen", 1, { generated: 1, fromCache: 0, unchanged: 0 })).toBe("generated 1 model into gen: 1 generated, 0 from cache, 0 unchanged");
  });
});

describe("modelgen generate's output through the real CLI (stdout and stderr are pipes here, not a terminal)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-progress-"));
  const specs = path.join(dir, "specs");
  mkdirSync(specs);
  for (const name of ["alibaba-wan2-6", "alibaba-wan2-7-image"]) cpSync(path.join(ROOT, "specs/runware", `${name}.json`), path.join(specs, `${name}.json`));
  const out = path.join(dir, "out");
  const env = { cwd: dir };

  test("first run: counts, no ids, no progress lines; second run: all from the cache and unchanged; --verbose lists each id", () => {
    const first = runCli(["generate", "--specs", specs, "--out", out], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`generated 2 models into ${out}: 2 generated, 0 from cache, 0 unchanged\n`);
    expect(first.stderr).not.toMatch(/generating|\r|\u001b/);
    expect(readdirSync(out)).toContain("alibaba-wan2-6");

    const second = runCli(["generate", "--specs", specs, "--out", out], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(`generated 2 models into ${out}: 0 generated, 2 from cache, 2 unchanged\n`);
    expect(second.stderr).not.toMatch(/generating|\r|\u001b/);

    const verbose = runCli(["generate", "--specs", specs, "--out", out, "--no-cache", "--verbose"], env);
    expect(verbose.code, verbose.stderr).toBe(0);
    expect(verbose.stdout).toBe(`generated 2 models into ${out}: 2 generated, 0 from cache, 2 unchanged\n  alibaba:wan@2.6 (generated, unchanged)\n  alibaba:wan@2.7-image (generated, unchanged)\n`);
  });
});
