// Output names that some file system cannot hold (issue 24): a spec becomes the folder <out>/<name>/, so Windows
// device names (with any extension, in any case), parts ending in a dot or a space, and bidirectional controls are
// refused before anything is generated (exit 2, one line naming the file). A space is accepted, and the generated
// README's link to that model's page encodes it (a Markdown link target ends at a space). Through the real CLI
// entry (cli-driver.mjs runs many argument lists in one process).
import { describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { runwareSpec } from "../helpers/spec-factory.js";

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-names-"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runDriver(argLists: readonly string[][]): Promise<Run[]> {
  const jobs = path.join(work, `jobs-${argLists.length}-${Math.random().toString(36).slice(2)}.json`);
  const results = `${jobs}.results`;
  writeFileSync(jobs, JSON.stringify(argLists.map((args) => ({ args }))));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, "test/hostile/cli-driver.mjs"), jobs, results], { cwd: ROOT, timeout: 300_000, env: { ...process.env, NO_COLOR: "1", MODELGEN_CACHE_DIR: path.join(work, "cache") } }, (error, _o, stderr) => {
      if (error) reject(new Error(`cli-driver failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(readFileSync(results, "utf8")) as Run[]);
    });
  });
}

let cases = 0;
/** A specs folder holding one spec at `rel`; returns the folder. */
function specsWith(rel: string): string {
  const dir = path.join(work, `case-${cases++}`, "specs");
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), JSON.stringify(runwareSpec({ properties: { prompt: { type: "string" } } }, { model: `test:names@${cases}` })));
  return dir;
}

const REFUSED: readonly [string, RegExp][] = [
  ["nul.json", /Windows device name/],
  ["con.json", /Windows device name/],
  ["CON.yaml", /Windows device name/],
  ["Aux.tar.json", /Windows device name/],
  ["prn.openapi.json", /Windows device name/],
  ["com1.json", /Windows device name/],
  ["LPT9.json", /Windows device name/],
  ["com\u00b9.json", /Windows device name/],
  ["conin$.json", /Windows device name/],
  ["nul/model.json", /Windows device name/],
  ["runware/Con.v2/model.json", /Windows device name/],
  ["model..json", /ending in a space or a dot/],
  ["model .json", /ending in a space or a dot/],
  ["evil\u202egnp.json", /invisible character U\+202E/],
  ["a\u2066b.json", /invisible character U\+2066/],
  ["\u200fmodel.json", /invisible character U\+200F/],
  ["m\u200e.json", /invisible character U\+200E/],
  ["m\u061c.json", /invisible character U\+061C/],
];

describe("names some file system cannot hold are refused before anything is written", () => {
  test("device names, trailing dots and spaces, bidi controls: exit 2, one line naming the file, nothing written", async () => {
    const specs = REFUSED.map(([rel]) => specsWith(rel));
    const outs = specs.map((s) => path.join(path.dirname(s), "out"));
    const runs = await runDriver(specs.map((s, i) => ["generate", "--specs", s, "--out", outs[i]!]));
    runs.forEach((r, i) => {
      const [rel, words] = REFUSED[i]!;
      expect(r.code, `${rel}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split("\n"), rel).toHaveLength(1);
      expect(r.stderr, rel).toMatch(words);
      // The file is named, with any invisible character shown as an escape.
      expect(r.stderr, rel).toContain(rel.split("/")[0]!.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).replace(/\.(json|yaml)$/, ""));
      expect(r.stderr, rel).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(existsSync(outs[i]!), rel).toBe(false);
    });
  });

  test("names that only look like device names are accepted: console, nul-model, com10, lpt", async () => {
    const names = ["console.json", "nul-model.json", "com10.json", "lpt.json", "auxiliary.json"];
    const specs = names.map((rel) => specsWith(rel));
    const runs = await runDriver(specs.map((s) => ["lint", "--specs", s]));
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(names.map(() => [0, ""]));
  });
});

describe("a space in a name", () => {
  test("is generated, and the README's link to the model's page encodes it (it is a link, not text)", async () => {
    const specs = specsWith("my model (beta).json");
    const out = path.join(path.dirname(specs), "out");
    const [r] = await runDriver([["generate", "--specs", specs, "--out", out]]);
    expect(r!.code, r!.stderr).toBe(0);
    expect(existsSync(path.join(out, "my model (beta)/README.md"))).toBe(true);
    const readme = readFileSync(path.join(out, "README.md"), "utf8");
    const link = /\[my model \\?\(beta\\?\)\]\(([^)\s]*)\)/.exec(readme);
    expect(link?.[1]).toBe("./my%20model%20%28beta%29/README.md");
    // The target, decoded, is the page that was written.
    expect(existsSync(path.join(out, decodeURIComponent(link![1]!)))).toBe(true);
  });
});
