// Writes proportional to the change: when one spec changes, generate writes only the files that differ (that
// model's folder, and the registry when it changes), never touches a user's files or links, removes a removed
// model's files, and a patch killed midway is rolled back by the next run, from its journal.
import { describe, expect, test } from "vitest";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ROOT, listFiles } from "../helpers/generated.js";
import { runCli } from "../helpers/cli.js";
import { recoverInterrupted, withManifest, writeOutput } from "../../generator/write/write.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "modelgen-patch-"));
/** Every file under a folder with its inode: a file written again (renamed in) gets a new one. */
const inodes = (dir: string) => new Map(listFiles(dir).map((f) => [f, lstatSync(path.join(dir, f)).ino]));

describe("generate after one spec changed", () => {
  const dir = tmp();
  const specs = path.join(dir, "specs");
  mkdirSync(specs);
  const names = ["alibaba-wan2-6", "alibaba-wan2-7-image"];
  for (const name of names) cpSync(path.join(ROOT, "specs/runware", `${name}.json`), path.join(specs, `${name}.json`));
  const out = path.join(dir, "out");
  const env = { cwd: dir };

  test("writes only the files that differ, keeps a user's file and link, and counts the model as the only one generated", () => {
    expect(runCli(["generate", "--specs", specs, "--out", out], env).code).toBe(0);
    writeFileSync(path.join(out, "alibaba-wan2-6", "NOTES.md"), "mine");
    symlinkSync(path.join(dir, "specs"), path.join(out, "my-specs"));
    const before = inodes(out);
    const texts = new Map(listFiles(out).map((f) => [f, lstatSync(path.join(out, f)).isFile() ? readFileSync(path.join(out, f), "utf8") : null]));

    const file = path.join(specs, "alibaba-wan2-6.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    doc.info.description = `${doc.info.description ?? ""} Edited for the test.`;
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = runCli(["generate", "--specs", specs, "--out", out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`generated 2 models into ${out}: 1 generated, 1 from cache, 1 unchanged\n`);

    const after = inodes(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const rewritten = [...after].filter(([f, ino]) => before.get(f) !== ino).map(([f]) => f);
    const differ = [...after.keys()].filter((f) => texts.get(f) !== null && readFileSync(path.join(out, f), "utf8") !== texts.get(f));
    // Exactly the files whose text changed were written, and they are the edited model's.
    expect(rewritten.sort()).toEqual(differ.sort());
    expect(rewritten.length).toBeGreaterThan(0);
    // The model's folder, and the copy of its spec the package carries for `modelgen version` (_specs/).
    expect(rewritten.filter((f) => !f.startsWith("alibaba-wan2-6/") && f !== "_specs/alibaba-wan2-6.json")).toEqual([]);
    expect(readFileSync(path.join(out, "alibaba-wan2-6", "NOTES.md"), "utf8")).toBe("mine");
    expect(readlinkSync(path.join(out, "my-specs"))).toBe(path.join(dir, "specs"));
    expect(readdirNames(dir)).toEqual(["out", "specs", ".modelgen-cache"].sort());
  });

  test("nothing changed: nothing is written", () => {
    const before = inodes(out);
    const r = runCli(["generate", "--specs", specs, "--out", out], env);
    expect(r.stdout).toBe(`generated 2 models into ${out}: 0 generated, 2 from cache, 2 unchanged\n`);
    expect(inodes(out)).toEqual(before);
  });

  test("a removed spec: its files go, its folder too unless a user's file is in it; the registry is rewritten", () => {
    rmSync(path.join(specs, "alibaba-wan2-6.json"));
    const r = runCli(["generate", "--specs", specs, "--out", out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(path.join(out, "alibaba-wan2-6"))).toEqual(["NOTES.md"]);
    expect(readFileSync(path.join(out, "index.js"), "utf8")).not.toContain("alibaba:wan@2.6");
    rmSync(path.join(specs, "alibaba-wan2-7-image.json"));
    cpSync(path.join(ROOT, "specs/runware/alibaba-wan2-6.json"), path.join(specs, "alibaba-wan2-6.json"));
    expect(runCli(["generate", "--specs", specs, "--out", out], env).code).toBe(0);
    expect(existsSync(path.join(out, "alibaba-wan2-7-image"))).toBe(false);
    expect(listFiles(path.join(out, "alibaba-wan2-6")).sort()).toEqual(["NOTES.md", "README.md", "index.d.ts", "index.js", "validator.js"]);
  });
});

const readdirNames = (dir: string) => listFiles(dir).map((f) => f.split("/")[0]!).filter((v, i, a) => a.indexOf(v) === i).sort();

describe("a patch that was killed midway", () => {
  test("the next run puts back every file it had moved aside and removes the ones it had added", () => {
    const dir = tmp();
    const out = path.join(dir, "gen");
    writeOutput(out, withManifest({ "a/index.js": "old a", "b/index.js": "old b", "index.js": "old registry" }));
    // A dead pid: a child that has exited. Its patch had replaced a/index.js and added c/index.js, then died.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    const old = path.join(dir, `gen.modelgen-old-${dead}`);
    const tmpDir = path.join(dir, `gen.modelgen-tmp-${dead}`);
    mkdirSync(path.join(old, "a"), { recursive: true });
    mkdirSync(path.join(tmpDir, "index.js").replace(/index\.js$/, ""), { recursive: true });
    writeFileSync(path.join(tmpDir, "index.js"), "new registry, not yet moved in");
    cpSync(path.join(out, "a/index.js"), path.join(old, "a/index.js"));
    writeFileSync(path.join(out, "a/index.js"), "new a");
    mkdirSync(path.join(out, "c"));
    writeFileSync(path.join(out, "c/index.js"), "new c");
    writeFileSync(path.join(dir, `gen.modelgen-journal-${dead}`), JSON.stringify({ written: ["a/index.js", "c/index.js", "index.js"], removed: [] }));

    recoverInterrupted(out);
    expect(readFileSync(path.join(out, "a/index.js"), "utf8")).toBe("old a");
    expect(readFileSync(path.join(out, "b/index.js"), "utf8")).toBe("old b");
    expect(readFileSync(path.join(out, "index.js"), "utf8")).toBe("old registry");
    expect(existsSync(path.join(out, "c/index.js"))).toBe(false);
    expect(readdirNames(dir)).toEqual(["gen"]);
    expect(statSync(out).isDirectory()).toBe(true);
  });

  test("a user's folder where the output needs a file is refused before anything moves", () => {
    const dir = tmp();
    const out = path.join(dir, "gen");
    writeOutput(out, withManifest({ "a/index.js": "a" }));
    mkdirSync(path.join(out, "b", "index.js"), { recursive: true });
    writeFileSync(path.join(out, "b", "index.js", "mine.txt"), "mine");
    expect(() => writeOutput(out, withManifest({ "a/index.js": "a2", "b/index.js": "b" }))).toThrow(/a folder where the output needs a file/);
    expect(readFileSync(path.join(out, "a/index.js"), "utf8")).toBe("a");
    expect(readFileSync(path.join(out, "b/index.js/mine.txt"), "utf8")).toBe("mine");
  });
});
