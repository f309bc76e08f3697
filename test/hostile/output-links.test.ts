// The output folder is the user's too (issue 24): links they put in it stay links (a link to a private folder is
// never replaced by a copy of what it points at, so that folder cannot end up in a published package), a dangling
// link or a loop is kept as it is, an --out inside --specs works on every run, and two generates into a place
// whose parent does not exist yet exclude each other like any two generates. Through the real bin.
import { describe, expect, test } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-outlinks-"));
const SPEC = path.join(ROOT, "specs/runware/alibaba-wan2-6.json");
let n = 0;

/** A case folder with specs/ holding one real spec; generate runs with it as the working folder (its own cache). */
function makeCase(): { dir: string; specs: string } {
  const dir = path.join(work, `case-${n++}`);
  const specs = path.join(dir, "specs");
  mkdirSync(specs, { recursive: true });
  cpSync(SPEC, path.join(specs, "alibaba-wan2-6.json"));
  return { dir, specs };
}

function generate(dir: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/modelgen.js"), "generate", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const expectOk = (r: { code: number | null; stderr: string }) => expect(r.code, r.stderr).toBe(0);
const isLink = (p: string) => lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink() === true;

describe("a user's links in the output folder", () => {
  test("a link to a private folder outside, and one to a folder inside: both stay links, nothing is copied", () => {
    const { dir } = makeCase();
    const priv = path.join(dir, "private");
    mkdirSync(priv);
    writeFileSync(path.join(priv, ".env"), "NPM_TOKEN=secret\n");
    expectOk(generate(dir, ["--out", "out"]));
    symlinkSync("../private", path.join(dir, "out/private"));
    symlinkSync("alibaba-wan2-6", path.join(dir, "out/wan-alias"));
    for (let run = 0; run < 2; run++) expectOk(generate(dir, ["--out", "out"]));
    expect(isLink(path.join(dir, "out/private"))).toBe(true);
    expect(readlinkSync(path.join(dir, "out/private"))).toBe("../private");
    expect(isLink(path.join(dir, "out/wan-alias"))).toBe(true);
    expect(readlinkSync(path.join(dir, "out/wan-alias"))).toBe("alibaba-wan2-6");
    // The target is as it was, and no copy of it sits anywhere in the output.
    expect(readdirSync(priv)).toEqual([".env"]);
    expect(readFileSync(path.join(priv, ".env"), "utf8")).toBe("NPM_TOKEN=secret\n");
    const copies = spawnSync("find", [path.join(dir, "out"), "-name", ".env"], { encoding: "utf8" }).stdout.trim();
    expect(copies).toBe("");
  });

  test("a dangling link and a loop of links are kept as they are (no crash, exit 0)", () => {
    const { dir } = makeCase();
    expectOk(generate(dir, ["--out", "out"]));
    symlinkSync("nowhere", path.join(dir, "out/dangling"));
    symlinkSync("loop-b", path.join(dir, "out/loop-a"));
    symlinkSync("loop-a", path.join(dir, "out/loop-b"));
    const r = generate(dir, ["--out", "out"]);
    expectOk(r);
    expect(r.stderr).not.toMatch(/\n\s+at |ENOENT|ELOOP/);
    expect(["dangling", "loop-a", "loop-b"].map((f) => [isLink(path.join(dir, "out", f)), readlinkSync(path.join(dir, "out", f))])).toEqual([
      [true, "nowhere"],
      [true, "loop-b"],
      [true, "loop-a"],
    ]);
    // --check reads through none of them either.
    expect(generate(dir, ["--out", "out", "--check"]).code).toBe(0);
  });

  test("a user's link where the output needs a folder: one line, exit 2, the link and the output as they were", () => {
    const { dir } = makeCase();
    expectOk(generate(dir, ["--out", "out"]));
    const elsewhere = path.join(dir, "elsewhere");
    mkdirSync(elsewhere);
    cpSync(path.join(dir, "out/alibaba-wan2-6"), path.join(dir, "moved"), { recursive: true });
    spawnSync("rm", ["-r", path.join(dir, "out/alibaba-wan2-6")]);
    symlinkSync(elsewhere, path.join(dir, "out/alibaba-wan2-6"));
    const r = generate(dir, ["--out", "out"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^modelgen: out\/alibaba-wan2-6: a symbolic link where the output needs a folder of that name/);
    expect(isLink(path.join(dir, "out/alibaba-wan2-6"))).toBe(true);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe("where --out is", () => {
  test("--out inside --specs works on every run, not only the first", () => {
    const { dir } = makeCase();
    for (let run = 0; run < 3; run++) {
      const r = generate(dir, ["--specs", "specs", "--out", "specs/gen"]);
      expect(r.code, `run ${run}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe(`generated 1 model into specs/gen: ${run === 0 ? "1 generated, 0 from cache, 0 unchanged" : "0 generated, 1 from cache, 1 unchanged"}\n`);
    }
    expect(generate(dir, ["--specs", "specs", "--out", "specs/gen", "--check"]).code).toBe(0);
  });

  test("two generates into an --out whose parent does not exist yet: the first writes, the second is refused", async () => {
    const { dir, specs } = makeCase();
    // Three real specs more, so that the first run lasts long enough to be overlapped on a busy machine.
    for (const f of readdirSync(path.join(ROOT, "test/fixtures/real-specs")).filter((f) => f.endsWith(".json")).slice(0, 3)) cpSync(path.join(ROOT, "test/fixtures/real-specs", f), path.join(specs, f));
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(ROOT, "bin/modelgen.js"), "generate", "--no-cache", "--out", "new/parent/out"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
        child.on("exit", (code) => resolve({ code, stderr }));
      });
    // The second starts once the first holds the lock (or has ended): it must be refused, not run and overwrite.
    let firstDone = false;
    const first = run().finally(() => (firstDone = true));
    const lock = path.join(dir, "new/parent/out.modelgen-lock");
    for (let t = 0; !firstDone && !existsSync(lock) && t < 3000; t++) await new Promise((r) => setTimeout(r, 10));
    expect(firstDone, "the first generate ended before the second could start").toBe(false);
    const second = await run();
    const overlapped = !firstDone;
    expect((await first).code).toBe(0);
    expect(second.code, second.stderr).toBe(2);
    expect(overlapped, "the second generate was refused while the first ran").toBe(true);
    expect(second.stderr).toMatch(/another generate is running/);
    expect(existsSync(path.join(dir, "new/parent/out/alibaba-wan2-6/index.js"))).toBe(true);
    expect(readdirSync(path.join(dir, "new/parent"))).toEqual(["out"]);
  }, 180_000);

  test("a generate that fails leaves no parent folder it made for --out", () => {
    const { dir, specs } = makeCase();
    writeFileSync(path.join(specs, "broken.json"), "{");
    const r = generate(dir, ["--out", "fresh/deeper/out"]);
    expect(r.code).toBe(2);
    expect(existsSync(path.join(dir, "fresh"))).toBe(false);
  });
});

describe("the output's manifest is read, not trusted (generated/ is committed: a pull request can edit it)", () => {
  test("entries that leave the output folder are not the generator's: nothing outside is moved or removed", () => {
    const { dir, specs } = makeCase();
    expectOk(generate(dir, ["--out", "out"]));
    mkdirSync(path.join(dir, "keep"));
    writeFileSync(path.join(dir, "keep/victim.txt"), "mine\n");
    const manifestFile = path.join(dir, "out/.modelgen-manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { files: string[] };
    const crafted = ["../keep/victim.txt", "../keep", "alibaba-wan2-6/../../keep/victim.txt", "/etc/hostname", "a\\..\\..\\keep\\victim.txt", ""];
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, files: [...manifest.files, ...crafted] }));
    // A second spec: this run writes and removes (its own files), so the manifest's list of what it owns is used.
    cpSync(path.join(ROOT, "specs/runware/alibaba-wan2-7.json"), path.join(specs, "alibaba-wan2-7.json"));
    expectOk(generate(dir, ["--out", "out"]));
    expect(readFileSync(path.join(dir, "keep/victim.txt"), "utf8")).toBe("mine\n");
    expect(readdirSync(path.join(dir, "keep"))).toEqual(["victim.txt"]);
    expect(existsSync(path.join(dir, "out/alibaba-wan2-7/index.js"))).toBe(true);
    const after = JSON.parse(readFileSync(manifestFile, "utf8")) as { files: string[] };
    expect(after.files.filter((f) => crafted.includes(f))).toEqual([]);
  });
});
