// `modelgen diff --base` reads untrusted input (issue 24): a pull request's base ref in CI, or a folder someone
// made. Through the real bin as a child process, with git repositories crafted in a temporary folder: tree entries
// named `..` (git accepts them), names that are not UTF-8, a 300 MB blob, a symbolic link in the base, --specs
// outside the repository, an empty --base, and SIGINT/SIGTERM mid-run. Nothing may be written outside the
// temporary folder, each refusal is one line with exit 2, and the temporary folder never outlives the run.
import { describe, expect, test } from "vitest";
import { execFile, execFileSync, spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unsafeTreeName } from "../../generator/diff/sides.js";
import { ROOT } from "../helpers/generated.js";
import { runwareSpec } from "../helpers/spec-factory.js";

const REAL = path.join(ROOT, "test/fixtures/real-specs");
const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-diffbase-"));
const SECRET = "npm_FAKE_SECRET_diffbase_41";

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A case folder: `repo/` (a git repository) and `tmp/` (the child's TMPDIR, so its temporary folders are seen). */
let cases = 0;
function makeCase(): { dir: string; repo: string; tmp: string; g: (...args: string[]) => string; gIn: (input: string | Buffer, ...args: string[]) => string } {
  const dir = path.join(work, `case-${cases++}`);
  const repo = path.join(dir, "repo");
  const tmp = path.join(dir, "tmp");
  mkdirSync(repo, { recursive: true });
  mkdirSync(tmp);
  const g = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" }).toString().trim();
  const gIn = (input: string | Buffer, ...args: string[]) => execFileSync("git", args, { cwd: repo, input, stdio: "pipe" }).toString().trim();
  g("init", "-q");
  g("config", "user.email", "t@example.com");
  g("config", "user.name", "t");
  g("config", "commit.gpgsign", "false");
  return { dir, repo, tmp, g, gIn };
}

function runBin(args: readonly string[], cwd: string, tmp: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "bin/modelgen.js"), ...args], { cwd, timeout: 120_000, env: { ...process.env, NO_COLOR: "1", TMPDIR: tmp } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, signal: error?.signal ?? null, stdout, stderr });
    });
  });
}

/** Every path under `dir` (files and folders), relative, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      out.push(path.relative(dir, p));
      if (statSync(p, { throwIfNoEntry: false })?.isDirectory() && !name.startsWith(".git")) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** One line on stderr, exit 2, no stack trace. */
function expectRefusal(r: Run, ...words: RegExp[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |fatal:|Error:/);
  for (const w of words) expect(r.stderr).toMatch(w);
}

const spec = JSON.stringify(runwareSpec({ properties: { prompt: { type: "string" } } }, { model: "test:base@1" }), null, 2);

/** A blob, then trees built bottom-up from `[mode, type, object, name]` entries (git mktree takes any name). */
function mktree(gIn: (input: string, ...args: string[]) => string, entries: readonly (readonly [string, string, string, string])[]): string {
  return gIn(entries.map(([mode, type, obj, name]) => `${mode} ${type} ${obj}\t${name}\n`).join(""), "mktree");
}

describe("a git ref whose tree names leave the folder", () => {
  test("specs/../../../PWNED.txt and specs/../../../victim.sh (an existing executable): exit 2, nothing written outside", async () => {
    const { dir, repo, tmp, g, gIn } = makeCase();
    mkdirSync(path.join(repo, "specs"));
    writeFileSync(path.join(repo, "specs/m.json"), spec);
    // An executable beside it, which the crafted ref aims at too (old code overwrote it and kept it executable).
    const victim = path.join(dir, "victim.sh");
    writeFileSync(victim, "#!/bin/sh\necho original\n");
    chmodSync(victim, 0o755);
    const specBlob = gIn(spec, "hash-object", "-w", "--stdin");
    const pwned = gIn("pwned\n", "hash-object", "-w", "--stdin");
    const evil = gIn("#!/bin/sh\necho pwned\n", "hash-object", "-w", "--stdin");
    // From <tmp>/modelgen-diff-X/specs, three `..` reach the case folder: specs/../../../{PWNED.txt,victim.sh}.
    let t = mktree(gIn, [["100644", "blob", pwned, "PWNED.txt"], ["100755", "blob", evil, "victim.sh"]]);
    for (let i = 0; i < 2; i++) t = mktree(gIn, [["040000", "tree", t, ".."]]);
    const specsTree = mktree(gIn, [["040000", "tree", t, ".."], ["100644", "blob", specBlob, "m.json"]]);
    const c1 = gIn("crafted\n", "commit-tree", mktree(gIn, [["040000", "tree", specsTree, "specs"]]));
    expect(g("ls-tree", "-r", "--name-only", c1).split("\n")).toEqual(["specs/../../../PWNED.txt", "specs/../../../victim.sh", "specs/m.json"]);
    const before = tree(dir);
    const r = await runBin(["diff", "--base", c1, "--specs", "specs"], repo, tmp);
    expectRefusal(r, /specs\/\.\.\/\.\.\/\.\.\/PWNED\.txt/, /unsafe/, /"\.\."/);
    expect(existsSync(path.join(dir, "PWNED.txt"))).toBe(false);
    expect(existsSync(path.join(work, "PWNED.txt"))).toBe(false);
    expect(readFileSync(victim, "utf8")).toBe("#!/bin/sh\necho original\n");
    expect(tree(dir)).toEqual(before);
    expect(readdirSync(tmp)).toEqual([]);
  });

  test("a name that is not UTF-8: exit 2 naming it; unsafe names in general", async () => {
    const { repo, tmp, gIn } = makeCase();
    mkdirSync(path.join(repo, "specs"));
    writeFileSync(path.join(repo, "specs/m.json"), spec);
    const specBlob = gIn(spec, "hash-object", "-w", "--stdin");
    const specs = gIn(Buffer.concat([Buffer.from(`100644 blob ${specBlob}\t`), Buffer.from([0x6d, 0xff, 0x2e, 0x6a, 0x73, 0x6f, 0x6e]), Buffer.from("\n")]), "mktree");
    const c = gIn("crafted\n", "commit-tree", mktree(gIn, [["040000", "tree", specs, "specs"]]));
    const r = await runBin(["diff", "--base", c, "--specs", "specs"], repo, tmp);
    expectRefusal(r, /not UTF-8/);
    expect(readdirSync(tmp)).toEqual([]);
    // The rule itself, for the names git itself would not make.
    const cases: [string, string | null][] = [
      ["specs/a.json", null],
      ["", "empty"],
      ["/etc/passwd", "absolute"],
      ["specs//a.json", 'it has a part named ""'],
      ["specs/./a.json", 'it has a part named "."'],
      ["specs/../a.json", 'it has a part named ".."'],
      ["..", 'it has a part named ".."'],
      ["specs\\..\\a.json", "it holds a backslash or NUL"],
    ];
    expect(cases.map(([n]) => unsafeTreeName(Buffer.from(n)))).toEqual(cases.map(([, why]) => why));
  });

  test("a symbolic link in the ref named like a spec is refused; any other is skipped; none is written or followed", async () => {
    const { repo, tmp, g } = makeCase();
    mkdirSync(path.join(repo, "specs"));
    writeFileSync(path.join(repo, "specs/m.json"), spec);
    symlinkSync("/etc/passwd", path.join(repo, "specs/link.json"));
    g("add", ".");
    g("commit", "-qm", "specs");
    rmSync(path.join(repo, "specs/link.json"));
    const r = await runBin(["diff", "--base", "HEAD", "--specs", "specs"], repo, tmp);
    expectRefusal(r, /HEAD:specs\/link\.json/, /symbolic link/);
    expect(r.stdout).toBe("");
    expect(readdirSync(tmp)).toEqual([]);
    // A link that is no spec (a README, notes) is skipped on the base side, as the specs folder's walk skips it.
    g("rm", "-q", "--cached", "specs/link.json");
    symlinkSync("/etc/hostname", path.join(repo, "specs/NOTES.md"));
    g("add", ".");
    g("commit", "-qm", "notes");
    const notes = await runBin(["diff", "--base", "HEAD", "--specs", "specs", "--format", "json"], repo, tmp);
    expect(notes.code, notes.stderr).toBe(0);
    expect((JSON.parse(notes.stdout) as { models: { status: string }[] }).models.map((m) => m.status)).toEqual(["unchanged"]);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe("limits and bad arguments", () => {
  test("a 300 MB blob at the base ref: exit 2 with the size and the limit (not ENOBUFS), nothing left behind", async () => {
    const { repo, tmp, g } = makeCase();
    mkdirSync(path.join(repo, "specs"));
    writeFileSync(path.join(repo, "specs/m.json"), spec);
    // A sparse file of zeros: git compresses it to a few hundred KB.
    const big = path.join(repo, "specs/big.json");
    writeFileSync(big, "");
    truncateSync(big, 300 * 1024 * 1024);
    g("add", ".");
    g("commit", "-qm", "big");
    writeFileSync(big, "{}");
    const r = await runBin(["diff", "--base", "HEAD", "--specs", "specs"], repo, tmp);
    expectRefusal(r, /HEAD:specs\/big\.json/, /300\.0 MB; the limit is 10 MB/);
    expect(r.stderr).not.toMatch(/ENOBUFS/);
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);

  test('--base "" is bad input, not the working folder', async () => {
    const { repo, tmp } = makeCase();
    mkdirSync(path.join(repo, "specs"));
    writeFileSync(path.join(repo, "specs/m.json"), spec);
    const r = await runBin(["diff", "--base", "", "--specs", "specs"], repo, tmp);
    expectRefusal(r, /--base/, /empty/);
    expect(r.stdout).toBe("");
  });

  test("--specs outside the repository: one line, no git stack trace", async () => {
    const { dir, repo, tmp, g } = makeCase();
    mkdirSync(path.join(repo, "specs"));
    writeFileSync(path.join(repo, "specs/m.json"), spec);
    g("add", ".");
    g("commit", "-qm", "specs");
    const elsewhere = path.join(dir, "elsewhere");
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, "m.json"), spec);
    const r = await runBin(["diff", "--base", "HEAD", "--specs", elsewhere], repo, tmp);
    expectRefusal(r, /elsewhere/, /outside the git repository/);
    expect(readdirSync(tmp)).toEqual([]);
  });

  test("a ref that starts with '-' is not passed to git as an option", async () => {
    const { repo, tmp, g } = makeCase();
    mkdirSync(path.join(repo, "specs"));
    writeFileSync(path.join(repo, "specs/m.json"), spec);
    g("add", ".");
    g("commit", "-qm", "specs");
    const r = await runBin(["diff", "--base=--output=x", "--specs", "specs"], repo, tmp);
    expectRefusal(r, /cannot start with '-'/);
    expect(existsSync(path.join(repo, "x"))).toBe(false);
  });
});

describe("a folder base", () => {
  test("diff --specs <file> with a base whose file of that name links outside it: refused, the outside file is not shown", async () => {
    const { dir, tmp } = makeCase();
    const outside = path.join(dir, "outside");
    const base = path.join(dir, "base");
    const head = path.join(dir, "head");
    for (const d of [outside, base, head]) mkdirSync(d);
    writeFileSync(path.join(outside, "secret.json"), JSON.stringify(runwareSpec({ properties: { prompt: { type: "string", description: SECRET } } }, { model: SECRET })));
    symlinkSync(path.join(outside, "secret.json"), path.join(base, "m.json"));
    writeFileSync(path.join(head, "m.json"), spec);
    const r = await runBin(["diff", "--base", base, "--specs", path.join(head, "m.json"), "--format", "json"], dir, tmp);
    expectRefusal(r, /base\/m\.json/, /symbolic link/, /outside the base folder/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    // A link that stays inside the base is read as before.
    const inside = path.join(dir, "base2");
    mkdirSync(inside);
    writeFileSync(path.join(inside, "real.json"), spec);
    symlinkSync(path.join(inside, "real.json"), path.join(inside, "m.json"));
    const ok = await runBin(["diff", "--base", inside, "--specs", path.join(head, "m.json"), "--format", "json"], dir, tmp);
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as { models: { status: string }[] }).models.map((m) => m.status)).toEqual(["unchanged"]);
  });
});

describe("signals", () => {
  // A base with every real spec, a head where each one changed: long enough to be interrupted mid-run.
  function longCase() {
    const c = makeCase();
    mkdirSync(path.join(c.repo, "specs"));
    for (const f of readdirSync(REAL).filter((n) => n.endsWith(".json"))) cpSync(path.join(REAL, f), path.join(c.repo, "specs", f));
    c.g("add", ".");
    c.g("commit", "-qm", "specs");
    for (const f of readdirSync(path.join(c.repo, "specs"))) {
      const doc = JSON.parse(readFileSync(path.join(c.repo, "specs", f), "utf8")) as { info: { description?: string }; components: unknown };
      doc.info.description = "edited";
      const text = JSON.stringify(doc).replace(/"maximum":\s*(\d+)/, (_m, n: string) => `"maximum":${Number(n) - 1}`);
      writeFileSync(path.join(c.repo, "specs", f), text);
    }
    return c;
  }

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    test(`${signal} while the base is read: the temporary folder is removed`, async () => {
      const { repo, tmp } = longCase();
      const child = spawn(process.execPath, [path.join(ROOT, "bin/modelgen.js"), "diff", "--base", "HEAD", "--specs", "specs"], { cwd: repo, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
      let finished = false;
      void exited.then(() => (finished = true));
      // Wait until the temporary folder holds the base's files, then interrupt.
      const started = Date.now();
      while (!finished && Date.now() - started < 60_000) {
        const [folder] = readdirSync(tmp);
        if (folder !== undefined && existsSync(path.join(tmp, folder, "specs"))) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(finished, "the diff ended before it could be interrupted").toBe(false);
      expect(readdirSync(tmp)).toHaveLength(1);
      child.kill(signal);
      const end = await exited;
      expect(end.code, stderr).toBe(signal === "SIGINT" ? 130 : 143);
      expect(readdirSync(tmp)).toEqual([]);
    }, 90_000);
  }
});
