// Specs are untrusted input (issue 14): through the real CLI entry, a spec may not read a file outside the specs
// root through $ref (absolute, ../, file://, a symlink, a device or FIFO, a file too large, a text file), two specs
// may not share an output folder (also by case or Unicode normalization), names the output uses or that are unsafe
// are refused, spec folders with symlink loops or dangling links and odd --out values fail with a clear message,
// and a second generate into the same folder is refused while one runs. Every refusal: exit 2, one line naming the
// file, nothing written, no stack. Cases run in cli-driver.mjs, many per process; two spawn the real bin.
import { afterAll, describe, expect, test } from "vitest";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, listFiles } from "../helpers/generated.js";
import { runwareSpec } from "../helpers/spec-factory.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-untrusted-"));
const CACHE = path.join(work, "cache");
const ENV = { ...process.env, NO_COLOR: "1", MODELGEN_CACHE_DIR: CACHE };
const SECRET = "npm_FAKE_SECRET_7c1d0e";

/** Run several CLI argument lists in one process (see cli-driver.mjs). */
let batch = 0;
function runDriver(argLists: readonly string[][]): Promise<Run[]> {
  const jobs = path.join(work, `driver-${batch}.jobs.json`);
  const results = path.join(work, `driver-${batch++}.results.json`);
  writeFileSync(jobs, JSON.stringify(argLists.map((args) => ({ args }))));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, "test/hostile/cli-driver.mjs"), jobs, results], { cwd: ROOT, timeout: 300_000, env: ENV }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`cli-driver failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(readFileSync(results, "utf8")) as Run[]);
    });
  });
}

function runBin(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "bin/modelgen.js"), ...args], { cwd: ROOT, timeout: 120_000, env: ENV }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Write files (relative path → text or JSON value) under a new folder of `work`. */
let folders = 0;
function folder(files: Record<string, unknown> = {}): string {
  const dir = path.join(work, `case-${folders++}`);
  mkdirSync(dir, { recursive: true });
  for (const [rel, v] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), typeof v === "string" ? v : JSON.stringify(v, null, 2));
  }
  return dir;
}

/** A spec whose task has a property `p` that is `{ $ref: ref }`. */
const withRef = (ref: string, model = "test:ref@1") => runwareSpec({ properties: { p: { $ref: ref } } }, { model });
const plain = (model: string) => runwareSpec({ properties: { prompt: { type: "string" } } }, { model });

// A folder outside every specs root, with a secret in a schema, in a .env and in a JSON string.
const outside = folder({ "secret.json": { type: "string", description: SECRET }, ".env": `NPM_TOKEN=${SECRET}\n` });

interface Refusal {
  readonly name: string;
  readonly specs: string;
  /** The file the message starts with (default: the --specs argument). */
  readonly names?: string;
  readonly words: readonly RegExp[];
  /** The --out (default: a folder that does not exist yet). */
  readonly out?: string;
}

function refusal(name: string, files: Record<string, unknown>, spec: string, words: readonly RegExp[], extra: Partial<Refusal> = {}): Refusal {
  const dir = folder(files);
  return { name, specs: path.join(dir, spec), words, ...extra };
}

function specsDir(name: string, files: Record<string, unknown>, names: string, words: readonly RegExp[], setup?: (dir: string) => void): Refusal {
  const dir = folder(files);
  setup?.(dir);
  return { name, specs: dir, names: path.join(dir, names), words };
}

const deepJson = (n: number) => `{"openapi": "3.1.0", "info": ${"[".repeat(n)}${"]".repeat(n)}}`;

const REFUSALS: Refusal[] = [
  // ------------------------------------------------------------ $ref confinement (item 1)
  refusal("an absolute $ref outside the root", { "m.json": withRef(path.join(outside, "secret.json")) }, "m.json", [/outside the specs root/, /secret\.json/]),
  refusal("a ../ $ref out of the root", { "specs/m.json": withRef(`../../${path.basename(outside)}/secret.json`) }, "specs/m.json", [/outside the specs root/]),
  refusal("a file:// $ref outside the root", { "m.json": withRef(pathToFileURL(path.join(outside, "secret.json")).href) }, "m.json", [/outside the specs root/, /file:\/\//]),
  refusal("a $ref to a .env outside the root", { "m.json": withRef(`../${path.basename(outside)}/.env`) }, "m.json", [/outside the specs root/, /\.env/]),
  refusal("a $ref to a .env inside the root (not JSON or YAML)", { "m.json": withRef("./.env"), ".env": `NPM_TOKEN=${SECRET}\n` }, "m.json", [/\$ref "\.\/\.env"/, /not a JSON or YAML file/]),
  refusal("a $ref to a JSON file that holds a string, not a schema", { "m.json": withRef("./_shared/token.json"), "_shared/token.json": JSON.stringify(SECRET) }, "m.json", [/\$ref "\.\/_shared\/token\.json"/, /holds a string, not a schema/]),
  refusal("a $ref to /dev/zero", { "m.json": withRef("/dev/zero") }, "m.json", [/outside the specs root/]),
  refusal("a $ref to /proc/self/environ from info.description", { "m.json": { ...plain("test:env@1"), info: { title: "t", version: "1", description: { $ref: "/proc/self/environ" } } } }, "m.json", [/\/info\/description\/\$ref/, /outside the specs root/]),
  refusal("a $ref to a fragment that is not there", { "m.json": withRef("./_shared/a.json#/nope"), "_shared/a.json": { type: "string" } }, "m.json", [/nothing at #\/nope/]),
  refusal("a $ref to a file over 10 MB", { "m.json": withRef("./_shared/big.json"), "_shared/big.json": `{"type":"string","description":"${"x".repeat(10 * 1024 * 1024)}"}` }, "m.json", [/the limit is 10 MB/]),
  (() => {
    const r = refusal("a $ref through a symlink that leads outside", { "m.json": withRef("./_shared/link.json") }, "m.json", [/symbolic link to .*secret\.json, outside the specs root/]);
    mkdirSync(path.join(path.dirname(r.specs), "_shared"));
    symlinkSync(path.join(outside, "secret.json"), path.join(path.dirname(r.specs), "_shared/link.json"));
    return r;
  })(),
  (() => {
    const r = refusal("a $ref to a FIFO inside the root (would hang)", { "m.json": withRef("./_shared/fifo.json") }, "m.json", [/not a regular file \(a FIFO\)/]);
    mkdirSync(path.join(path.dirname(r.specs), "_shared"));
    execFileSync("mkfifo", [path.join(path.dirname(r.specs), "_shared/fifo.json")]);
    return r;
  })(),
  refusal("a $ref in a shared fragment that leads outside (named in the fragment)", { "m.json": withRef("./_shared/a.json"), "_shared/a.json": { $ref: "/etc/passwd" } }, "m.json", [/outside the specs root/], { names: "_shared/a.json" }),
  // ------------------------------------------------------------ output names (item 3)
  specsDir("p/m.json and p/m.yaml map to one folder", { "p/m.json": plain("test:a@1"), "p/m.yaml": JSON.stringify(plain("test:b@1")) }, "p/m.yaml", [/p\/m\.json and .*p\/m\.yaml both map to the output folder p\/m/]),
  specsDir("m.json and m.openapi.json map to one folder", { "m.json": plain("test:a@1"), "m.openapi.json": plain("test:b@1") }, "m.openapi.json", [/m\.json and .*m\.openapi\.json both map to the output folder m\b/]),
  specsDir("names that differ only in case", { "Model.json": plain("test:a@1"), "model.json": plain("test:b@1") }, "model.json", [/differ only in case/]),
  specsDir("folders that differ only in case", { "P/a.json": plain("test:a@1"), "p/b.json": plain("test:b@1") }, "p/b.json", [/output folders P and p/]),
  specsDir("names that differ only in Unicode normalization", { "caf\u00e9.json": plain("test:a@1"), "cafe\u0301.json": plain("test:b@1") }, "caf\u00e9.json", [/Unicode normalization/]),
  specsDir("index.js.json (the registry's file)", { "index.js.json": plain("test:a@1") }, "index.js.json", [/a name the output itself uses/]),
  specsDir("README.md.json", { "README.md.json": plain("test:a@1") }, "README.md.json", [/a name the output itself uses/]),
  specsDir("package.json.json", { "package.json.json": plain("test:a@1") }, "package.json.json", [/a name the output itself uses/]),
  specsDir("p/validator.js.json (a module's file)", { "p/validator.js.json": plain("test:a@1") }, "p/validator.js.json", [/a name the output itself uses/]),
  refusal("_runtime.json given alone", { "_runtime.json": plain("test:a@1") }, "_runtime.json", [/starts with \. or _/]),
  specsDir("a newline in a file name", { "a\nb.json": plain("test:a@1") }, "a\nb.json", [/control character/]),
  specsDir("an escape character in a file name", { "a\u001b[31mb.json": plain("test:a@1") }, "a\u001b[31mb.json", [/control character/]),
  specsDir("a # in a file name (an import path fragment)", { "a#b.json": plain("test:a@1") }, "a#b.json", [/the character #/]),
  specsDir("a name over 100 characters", { [`${"n".repeat(101)}.json`]: plain("test:a@1") }, `${"n".repeat(101)}.json`, [/101 characters long; the limit is 100/]),
  // ------------------------------------------------------------ the specs folder (10-smaller-defects)
  specsDir("a symlink loop in specs/", { "ok.json": plain("test:a@1") }, "loop.json", [/a loop of symbolic links/], (d) => symlinkSync("loop.json", path.join(d, "loop.json"))),
  specsDir("a folder symlink back up in specs/", { "p/ok.json": plain("test:a@1") }, "p/up", [/a symbolic link back to .*: a loop/], (d) => symlinkSync("..", path.join(d, "p/up"))),
  specsDir("a dangling symlink in specs/", { "ok.json": plain("test:a@1") }, "gone.json", [/a symbolic link to nothing-here\.json, which does not exist/], (d) => symlinkSync("nothing-here.json", path.join(d, "gone.json"))),
  specsDir("a spec symlinked from outside specs/", { "ok.json": plain("test:a@1") }, "leak.json", [/outside the specs folder/], (d) => symlinkSync(path.join(outside, "secret.json"), path.join(d, "leak.json"))),
  // ------------------------------------------------------------ depth and parse errors (item 7)
  refusal("JSON nested 5,000 deep", { "m.json": deepJson(5000) }, "m.json", [/nested more than 100 levels deep/]),
  refusal("JSON nested 101 deep", { "m.json": deepJson(101) }, "m.json", [/nested more than 100 levels deep/]),
  refusal("YAML nested 5,000 deep", { "m.yaml": `openapi: 3.1.0\ninfo: ${"[".repeat(5000)}${"]".repeat(5000)}\n` }, "m.yaml", [/nested (more than 100 levels|too deep)/]),
  refusal("a missing comma on line 7 of a multi-line file", { "m.json": `{\n  "openapi": "3.1.0",\n  "info": {\n    "title": "t",\n    "version": "1"\n  },\n  "paths": {} "x": 1\n}\n` }, "m.json", [/m\.json:7:\d+: invalid JSON/]),
];

// --out edge cases: each refused before any work, with nothing written.
const outFile = path.join(work, "out-is-a-file");
writeFileSync(outFile, "a user's file\n");
const danglingOut = path.join(work, "out-dangling");
symlinkSync(path.join(work, "no-such-folder"), danglingOut);
const okSpecs = folder({ "m.json": plain("test:ok@1") });
const OUT_REFUSALS: Refusal[] = [
  { name: "--out is a file", specs: okSpecs, out: outFile, names: outFile, words: [/--out is a file, not a folder/] },
  { name: "--out .", specs: okSpecs, out: ".", names: ".", words: [/--out is the working folder or a folder above it/] },
  { name: "--out .. (above the working folder)", specs: okSpecs, out: "..", names: "..", words: [/--out is the working folder or a folder above it/] },
  { name: "--out a dangling symlink", specs: okSpecs, out: danglingOut, names: danglingOut, words: [/symbolic link to .*no-such-folder, which does not exist/] },
];

const outFor = (i: number) => path.join(work, `out-${i}`);
const all = [...REFUSALS, ...OUT_REFUSALS];
const runs = await runDriver(all.map((r, i) => ["generate", "--specs", r.specs, "--out", r.out ?? outFor(i)]));

const STACK = /^\s+at .+/m;

describe("refused specs and --out values: exit 2, one line naming the file, nothing written", () => {
  all.forEach((r, i) => {
    test(r.name, () => {
      const run = runs[i]!;
      const report = `stderr:\n${run.stderr}`;
      const lines = run.stderr.split("\n").filter((l) => l && !l.startsWith("warning: "));
      expect.soft(run.code, report).toBe(2);
      expect.soft(run.stdout, "nothing on stdout").toBe("");
      expect.soft(lines, "exactly one line").toHaveLength(1);
      expect.soft(run.stderr, "no stack trace").not.toMatch(STACK);
      const named = r.names === undefined ? r.specs : path.isAbsolute(r.names) || r.names === "." || r.names === ".." ? r.names : path.join(path.dirname(r.specs), r.names);
      const message = lines[0]?.replace(/^modelgen: /, "") ?? "";
      const shown = /[\u0000-\u001f]/.test(named) ? JSON.stringify(named) : named;
      expect.soft(message.startsWith(`${shown}:`), `starts with ${shown}: ${message}`).toBe(true);
      for (const w of r.words) expect.soft(message, report).toMatch(w);
      expect.soft(run.stderr).not.toContain(SECRET);
      if (!r.out) expect.soft(existsSync(outFor(i)), "the output folder is not created").toBe(false);
    });
  });

  test("the secret is in no file the runs wrote (outputs, cache)", () => {
    const written = readdirSync(work).filter((f) => /^(out-|cache)/.test(f) && !f.startsWith("out-is-a-file") && !f.startsWith("out-dangling"));
    for (const f of written.filter((f) => lstatSync(path.join(work, f)).isDirectory())) for (const rel of listFiles(path.join(work, f))) expect(readFileSync(path.join(work, f, rel), "utf8"), `${f}/${rel}`).not.toContain(SECRET);
    expect(readFileSync(outFile, "utf8")).toBe("a user's file\n");
    expect(lstatSync(danglingOut).isSymbolicLink()).toBe(true);
  });
});

describe("shared fragments, the cache and the output folder", () => {
  const specs = folder({
    "m.json": withRef("./_shared/prompt.json", "test:shared@1"),
    "_shared/prompt.json": { $ref: "./inner.yaml" },
    "_shared/inner.yaml": "type: string\nmaxLength: 10\n",
    // Not specs: a file and a folder named like the shared runtime.
    "_runtime.json": plain("test:runtime@1"),
    "_runtime/validation.json": plain("test:runtime2@1"),
  });
  const out = path.join(work, "shared-out");
  const longOut = path.join(work, "l".repeat(240));
  const linkTarget = path.join(work, "link-target");
  const linkOut = path.join(work, "link-out");
  mkdirSync(linkTarget);
  symlinkSync(linkTarget, linkOut);

  test("a $ref to specs/_shared/… works; _runtime.json and _runtime/ are not specs", async () => {
    const [gen, check, long, linked] = await runDriver([
      ["generate", "--specs", specs, "--out", out],
      ["generate", "--specs", specs, "--out", out, "--check"],
      ["generate", "--specs", specs, "--out", longOut],
      ["generate", "--specs", specs, "--out", linkOut],
    ]);
    expect(gen!.code, gen!.stderr).toBe(0);
    expect(gen!.stdout).toMatch(/generated 1 model into .*: 1 generated, 0 from cache, 0 unchanged\n$/);
    expect(check!.code, check!.stdout).toBe(0);
    expect(readdirSync(out).sort()).toEqual([".modelgen-manifest.json", "README.md", "_runtime", "_specs", "index.d.ts", "index.js", "m", "package.json"]);
    const mod = (await import(pathToFileURL(path.join(out, "m/index.js")).href)) as { validateTask(t: unknown): { path: string }[] };
    const task = { taskType: "videoInference", taskUUID: "u", model: "test:shared@1", p: "12345678901" };
    expect(mod.validateTask(task).map((i) => i.path)).toEqual(["/p"]);
    // A 240-character --out works (the temporary names beside it are shortened), a symlinked --out is written through.
    expect(long!.code, long!.stderr).toBe(0);
    expect(existsSync(path.join(longOut, "m/index.js"))).toBe(true);
    expect(linked!.code, linked!.stderr).toBe(0);
    expect(lstatSync(linkOut).isSymbolicLink(), "the link stays").toBe(true);
    expect(existsSync(path.join(linkTarget, "m/index.js")), "the folder it points at gets the output").toBe(true);
    expect(readdirSync(work).filter((f) => /modelgen-(tmp|old|lock)/.test(f))).toEqual([]);
  });

  test("changing a file reached through two $refs: --check exits 1, generate picks it up", async () => {
    writeFileSync(path.join(specs, "_shared/inner.yaml"), "type: string\nmaxLength: 20\n");
    const [check, gen, again] = await runDriver([
      ["generate", "--specs", specs, "--out", out, "--check"],
      ["generate", "--specs", specs, "--out", out],
      ["generate", "--specs", specs, "--out", out, "--check"],
    ]);
    expect(check!.code, check!.stdout).toBe(1);
    expect(check!.stdout).toMatch(/m[\\/]validator\.js \(changed\)/);
    expect(gen!.code, gen!.stderr).toBe(0);
    expect(readFileSync(path.join(out, "m/validator.js"), "utf8")).toMatch(/\b20\b/);
    expect(again!.code, again!.stdout).toBe(0);
  });

  test("a second generate into the same folder is refused while one runs; a user's file is kept", async () => {
    writeFileSync(path.join(out, "NOTES.md"), "mine\n");
    // A lock held by a live process (this one): refused at once, nothing touched.
    const lock = `${out}.modelgen-lock`;
    writeFileSync(lock, `${process.pid}\n`);
    const before = listFiles(out).map((f) => [f, readFileSync(path.join(out, f), "utf8")]);
    const [locked] = await runDriver([["generate", "--specs", specs, "--out", out]]);
    expect(locked!.code).toBe(2);
    expect(locked!.stderr).toMatch(new RegExp(`^modelgen: ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: another generate is running \\(process ${process.pid}\\)`));
    expect(listFiles(out).map((f) => [f, readFileSync(path.join(out, f), "utf8")])).toEqual(before);
    // A lock left by a process that is gone is taken over.
    writeFileSync(lock, "2147483646\n");
    const [stale] = await runDriver([["generate", "--specs", specs, "--out", out]]);
    expect(stale!.code, stale!.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    // Two real processes at once: one writes, the other writes after it or is refused; the user's file stays.
    const both = await Promise.all([runBin(["generate", "--specs", specs, "--out", out]), runBin(["generate", "--specs", specs, "--out", out])]);
    for (const r of both) if (r.code !== 0) expect(r.stderr).toMatch(/another generate is running/);
    expect(both.some((r) => r.code === 0)).toBe(true);
    expect(readFileSync(path.join(out, "NOTES.md"), "utf8")).toBe("mine\n");
    expect(existsSync(lock)).toBe(false);
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));
