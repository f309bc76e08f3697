// Broken specs through the real CLI (`modelgen generate`): exit code 2, one message that names the file, the place
// and what was expected, no stack trace (unless --debug), and the output folder as it was: not created when it did
// not exist, byte for byte the same when a previous good run had filled it. A few cases spawn
// `node bin/modelgen.js` each; the rest run the same entry point in cli-driver.mjs, several per process (loading
// the generator costs ~1 s of CPU per process).
import { afterAll, describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { ROOT, listFiles } from "../helpers/generated.js";
import { generate } from "../../generator/pipeline.js";
import { writeOutput } from "../../generator/write/write.js";
import { pool } from "../conformance/generate-all.js";
import { BROKEN, BROKEN_DIR, VALID_DIR, type BrokenCase } from "./cases.js";

const CLI = path.join(ROOT, "bin/modelgen.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 60_000, env: CLI_ENV }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString("base64")]));

/** Keys of a JSON Pointer. */
const pointerKeys = (p: string) => (p === "" || p === "/" ? [] : p.split("/").slice(1).map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~")));

/** Whether a JSON Pointer names something in the document as written (no $ref followed). */
function resolves(file: string, pointer: string): boolean | "unparsable" {
  let doc: unknown;
  try {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    doc = /\.ya?ml$/.test(file) ? YAML.parse(text) : JSON.parse(text);
  } catch {
    return "unparsable";
  }
  let node = doc;
  for (const k of pointerKeys(pointer)) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, k)) return false;
    node = (node as Record<string, unknown>)[k];
  }
  return true;
}

interface Parsed {
  named: boolean;
  line?: number;
  column?: number;
  pointer?: string;
  words: string;
}

/** `<file>:<line>:<col>[ (<pointer>)]: <words>` or `<file>:<pointer>: <words>` or `<file>: <words>`. */
function parseMessage(message: string, file: string): Parsed {
  if (!message.startsWith(`${file}:`)) return { named: message.includes(path.basename(file)), words: message };
  const rest = message.slice(file.length + 1);
  const lc = /^(\d+):(\d+)(?: \((\/[^)]*)\))?: ([\s\S]*)$/.exec(rest);
  if (lc) return { named: true, line: Number(lc[1]), column: Number(lc[2]), pointer: lc[3], words: lc[4]! };
  const ptr = /^(\/\S*): ([\s\S]*)$/.exec(rest);
  if (ptr) return { named: true, pointer: ptr[1], words: ptr[2]! };
  return { named: true, words: rest.replace(/^ /, "") };
}

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-broken-"));
/** The CLI runs share a cache of their own (the good run below fills it with the compiled templates). */
const CACHE = path.join(work, "cache");
const CLI_ENV = { ...process.env, NO_COLOR: "1", MODELGEN_CACHE_DIR: CACHE };
// A previous good run, as `generate` leaves it.
const good = path.join(work, "good");
writeOutput(good, (await generate({ specs: [path.join(ROOT, VALID_DIR, "keyword-names.json")], cacheDir: CACHE })).files);
const goodFiles = snapshot(good);

interface Outcome {
  c: BrokenCase;
  run: Run;
  /** "fresh": --out did not exist; "existing": --out held the good run. */
  out: { kind: "fresh" | "existing"; dir: string };
  /** Run as its own `node bin/modelgen.js` process (else in cli-driver.mjs, several runs per process). */
  spawned: boolean;
}

/** The cases that spawn the real bin, one of each kind of failure: a parse error, a $ref error, an overlay error. */
const SPAWNED = new Set(["invalid-json-missing-comma.json", "unresolvable-ref.json", "overlay-no-match.json"]);

/** Run several CLI argument lists in one process (see cli-driver.mjs). */
function runDriver(argLists: string[][], n: number): Promise<Run[]> {
  const jobs = path.join(work, `driver-${n}.jobs.json`);
  const results = path.join(work, `driver-${n}.results.json`);
  writeFileSync(jobs, JSON.stringify(argLists.map((args) => ({ args }))));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, "test/hostile/cli-driver.mjs"), jobs, results], { cwd: ROOT, timeout: 300_000, env: CLI_ENV }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`cli-driver failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(readFileSync(results, "utf8")) as Run[]);
    });
  });
}

// Every case runs once; alternate cases write to a folder that does not exist and to a copy of the good run.
const plan = BROKEN.map((c, i) => {
  const dir = path.join(work, `out-${i}`);
  const kind: "fresh" | "existing" = i % 2 === 0 ? "fresh" : "existing";
  if (kind === "existing") cpSync(good, dir, { recursive: true });
  return { c, args: ["generate", "--specs", path.join(BROKEN_DIR, c.file), "--out", dir], out: { kind, dir }, spawned: SPAWNED.has(c.file) };
});
const driven = plan.filter((p) => !p.spawned);
const half = Math.ceil(driven.length / 2);
const debugArgs = ["generate", "--specs", path.join(BROKEN_DIR, "unsupported-format.json"), "--out", path.join(work, "out-debug"), "--debug"];
const [spawnedRuns, drivenA, drivenB] = await Promise.all([
  pool([...plan.filter((p) => p.spawned).map((p) => p.args), debugArgs], 2, (args) => runCli(args)),
  runDriver(driven.slice(0, half).map((p) => p.args), 0),
  runDriver(driven.slice(half).map((p) => p.args), 1),
]);
const debugRun = spawnedRuns.pop()!;
const byArgs = new Map<string[], Run>([...plan.filter((p) => p.spawned).map((p, i) => [p.args, spawnedRuns[i]!] as const), ...driven.map((p, i) => [p.args, [...drivenA, ...drivenB][i]!] as const)]);
const outcomes: Outcome[] = plan.map((p) => ({ c: p.c, run: byArgs.get(p.args)!, out: p.out, spawned: p.spawned }));

const STACK = /^\s+at .+/m;
const JS_ERROR = /\b(?:Type|Reference|Range|Syntax)Error\b|\bSpecError\b|\[object Object\]|undefined\)/;

describe("the hostile corpus", () => {
  test("at least 30 fixture specs, every one in the table", () => {
    const files = (dir: string) => readdirSync(path.join(ROOT, dir)).filter((f) => !/\.overlay\./.test(f));
    const broken = files(BROKEN_DIR);
    expect(broken.length + files(VALID_DIR).length).toBeGreaterThanOrEqual(30);
    expect(broken.sort()).toEqual(BROKEN.map((c) => c.file).sort());
  });
});

describe("broken specs: `modelgen generate` fails with a clear error", () => {
  for (const { c, run, out, spawned } of outcomes) {
    test(`${c.file}: ${c.why}${spawned ? " (own process)" : ""}`, () => {
      const named = path.join(BROKEN_DIR, c.names ?? c.file);
      const lines = run.stderr.split("\n").filter((l) => l && !l.startsWith("warning: "));
      const message = lines.find((l) => l.startsWith("modelgen: "))?.slice("modelgen: ".length) ?? "";
      const where = parseMessage(message, named);
      const report = `stderr:\n${run.stderr}`;

      expect.soft(run.code, report).toBe(2);
      expect.soft(run.stdout, "nothing on stdout").toBe("");
      expect.soft(lines, "exactly one line: the message").toHaveLength(1);
      expect.soft(run.stderr, "no stack trace without --debug").not.toMatch(STACK);
      expect.soft(run.stderr, "no raw JavaScript error").not.toMatch(JS_ERROR);
      expect.soft(where.named, `the message starts with the file it is about (${named}): ${message}`).toBe(true);

      expect.soft(where.line !== undefined || where.pointer !== undefined, `the message gives a place (line:column or JSON Pointer): ${message}`).toBe(true);
      if (c.line !== undefined) expect.soft([c.line].flat(), `line of: ${message}`).toContain(where.line);
      if (c.column !== undefined) expect.soft(where.column, `column of: ${message}`).toBe(c.column);
      if (c.pointer !== undefined) expect.soft([c.pointer].flat(), `JSON Pointer of: ${message}`).toContain(where.pointer);
      if (where.pointer !== undefined) {
        const ok = resolves(path.join(BROKEN_DIR, c.names ?? c.file), where.pointer);
        if (ok !== "unparsable") expect.soft(ok, `the pointer ${where.pointer} names a place in ${named} as written`).toBe(true);
      }
      for (const w of c.words) expect.soft(where.words, `what was expected, in words`).toMatch(w);

      if (out.kind === "fresh") {
        expect.soft(existsSync(out.dir), "the output folder is not created").toBe(false);
      } else {
        expect.soft(snapshot(out.dir), "the previous good run is unchanged, byte for byte").toEqual(goodFiles);
      }
      const leftovers = readdirSync(work).filter((f) => f.startsWith(`${path.basename(out.dir)}.`));
      expect.soft(leftovers, "no temporary folders left beside the output").toEqual([]);
    });
  }

  test("--debug shows the stack trace (the default leaves it out on purpose)", () => {
    expect(debugRun.code).toBe(2);
    expect(debugRun.stderr).toMatch(STACK);
    expect(existsSync(path.join(work, "out-debug"))).toBe(false);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));
});
