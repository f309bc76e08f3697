// `modelgen generate` as a user runs it: --check, --help, layout of outputs, exit codes, never clobbering.
import { describe, expect, test } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ROOT, listFiles } from "../helpers/generated.js";
import { runCli } from "../helpers/cli.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "modelgen-cli-"));

describe("modelgen generate", () => {
  test("--check on the committed generated/ reports no drift (exit 0)", () => {
    const r = runCli(["generate", "--check"]);
    expect(r.stdout).toBe("generated is up to date (10 models)\n");
    expect(r.code).toBe(0);
  });

  test("--check names each file that would change, and writes nothing (exit 1)", () => {
    const out = path.join(tmp(), "gen");
    cpSync(path.join(ROOT, "generated"), out, { recursive: true });
    const file = path.join(out, "runware/alibaba-wan2-6/index.js");
    writeFileSync(file, "// edited by hand\n");
    const r = runCli(["generate", "--check", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path.join(out, "runware/alibaba-wan2-6/index.js")} (changed)`);
    expect(readFileSync(file, "utf8")).toBe("// edited by hand\n");
  });

  test("a single spec file is its own root: it lands in <out>/<name>/ (a trailing .openapi is dropped)", () => {
    const dir = tmp();
    cpSync(path.join(ROOT, "specs/runware/alibaba-wan2-6.json"), path.join(dir, "wan.openapi.json"));
    const out = path.join(dir, "out");
    const r = runCli(["generate", "--specs", path.join(dir, "wan.openapi.json"), "--out", out]);
    expect(r.code).toBe(0);
    expect(listFiles(path.join(out, "wan"))).toEqual(["README.md", "index.d.ts", "index.js", "validator.js"]);
  });

  test("refuses to write into a folder it did not make, leaving it as it was (exit 2)", () => {
    const out = path.join(tmp(), "mine");
    mkdirSync(out);
    writeFileSync(path.join(out, "notes.txt"), "my notes");
    const r = runCli(["generate", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write/);
    expect(listFiles(out)).toEqual(["notes.txt"]);
  });

  test("keeps a user's own files in a folder it made", () => {
    const out = path.join(tmp(), "gen");
    expect(runCli(["generate", "--out", out]).code).toBe(0);
    writeFileSync(path.join(out, "NOTES.md"), "mine");
    expect(runCli(["generate", "--out", out]).code).toBe(0);
    expect(readFileSync(path.join(out, "NOTES.md"), "utf8")).toBe("mine");
  });

  test("--help for every command (exit 0); unknown commands and options are usage errors (exit 2)", () => {
    for (const cmd of [["--help"], ["generate", "--help"], ["lint", "--help"], ["validate", "--help"]]) {
      const r = runCli(cmd);
      expect(r.code, cmd.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/Usage: modelgen/);
    }
    for (const cmd of [["frobnicate"], ["generate", "--nope"], []]) {
      const r = runCli(cmd);
      expect(r.code, cmd.join(" ")).toBe(2);
    }
  });

  test("a missing spec path is bad input: exit 2, one line, no stack trace, nothing written", () => {
    const out = path.join(tmp(), "gen");
    const r = runCli(["generate", "--specs", "no/such/dir", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("modelgen: no/such/dir: no such file or directory\n");
    expect(existsSync(out)).toBe(false);
  });
});

describe("a generate that was killed", () => {
  test("its temporary folder is removed, and an output moved aside is put back, by the next run", async () => {
    const { recoverInterrupted } = await import("../../generator/write/write.js");
    const dir = tmp();
    const out = path.join(dir, "gen");
    // A dead pid: a child that has exited.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    mkdirSync(path.join(dir, `gen.modelgen-tmp-${dead}`));
    writeFileSync(path.join(dir, `gen.modelgen-tmp-${dead}`, "half.js"), "half-written");
    mkdirSync(path.join(dir, `gen.modelgen-old-${dead}`));
    writeFileSync(path.join(dir, `gen.modelgen-old-${dead}`, "index.js"), "the previous output");
    recoverInterrupted(out);
    expect(listFiles(dir)).toEqual(["gen/index.js"]);
    expect(readFileSync(path.join(out, "index.js"), "utf8")).toBe("the previous output");
  });
});

test("an unknown keyword in a rule (a typo) is an error at its place, not silently ignored", () => {
  const dir = tmp();
  const spec = JSON.parse(readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-6.json"), "utf8"));
  spec.components.schemas.RequestBody.items.allOf[0].requird = ["width"];
  writeFileSync(path.join(dir, "typo.json"), JSON.stringify(spec, null, 2));
  const r = runCli(["generate", "--specs", path.join(dir, "typo.json"), "--out", path.join(dir, "out")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`modelgen: ${path.join(dir, "typo.json")}:/components/schemas/RequestBody/items/allOf/0/requird: unknown keyword "requird": not JSON Schema 2020-12 or OpenAPI; a rule that depends on it would be silently ignored (a typo?)\n`);
  expect(existsSync(path.join(dir, "out"))).toBe(false);
});

test("a first write stages each model as its spec is done: when a later spec is broken, nothing is left, in the folder or beside it", () => {
  const dir = tmp();
  const specs = path.join(dir, "specs");
  mkdirSync(specs);
  cpSync(path.join(ROOT, "specs/runware/alibaba-wan2-6.json"), path.join(specs, "a-good.json"));
  const spec = JSON.parse(readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-6.json"), "utf8"));
  spec.components.schemas.RequestBody.items.allOf[0].requird = ["width"];
  writeFileSync(path.join(specs, "z-typo.json"), JSON.stringify(spec));
  const out = path.join(dir, "out");
  const r = runCli(["generate", "--specs", specs, "--out", out, "--no-cache", "--debug"]);
  expect(r.code).toBe(2);
  // The good spec was done (and staged) before the broken one failed.
  expect(r.stderr).toContain(`modelgen: format ${path.join(specs, "a-good.json")}`);
  expect(r.stderr).toMatch(/z-typo\.json:.*unknown keyword "requird"/);
  expect(existsSync(out)).toBe(false);
  expect(listFiles(dir)).toEqual(["specs/a-good.json", "specs/z-typo.json"]);
});

test("the incremental cache serves unchanged specs and regenerates a changed one", () => {
  const dir = tmp();
  const specs = path.join(dir, "specs");
  mkdirSync(specs);
  for (const f of ["alibaba-wan2-6.json", "alibaba-wan2-7-image.json"]) cpSync(path.join(ROOT, "specs/runware", f), path.join(specs, f));
  const run = () => runCli(["generate", "--debug", "--specs", specs, "--out", path.join(dir, "out")], { cwd: dir });
  expect(run().stderr).toContain("cache .modelgen-cache: 0 hits, 3 misses"); // two specs and the formatted registry (the runtime is built at install)
  const spec = JSON.parse(readFileSync(path.join(specs, "alibaba-wan2-6.json"), "utf8"));
  spec.info.title = "Wan 2.6, retitled";
  writeFileSync(path.join(specs, "alibaba-wan2-6.json"), JSON.stringify(spec, null, 2));
  const second = run();
  expect(second.stderr).toContain("cache .modelgen-cache: 1 hits, 2 misses"); // the retitled spec, and the registry that lists its title
  expect(readFileSync(path.join(dir, "out/alibaba-wan2-6/index.js"), "utf8")).toContain('export const title = "Wan 2.6, retitled";');
  // An edit the registry does not show (the description) leaves its formatted text to the cache.
  spec.info.description = "Edited again.";
  writeFileSync(path.join(specs, "alibaba-wan2-6.json"), JSON.stringify(spec, null, 2));
  expect(run().stderr).toContain("cache .modelgen-cache: 2 hits, 1 misses");
});

test("an error that names a file with control characters shows them as escapes, for every command", () => {
  const name = "nope\u001b[2J\u202e.json";
  for (const command of ["generate", "lint"]) {
    const r = runCli([command, "--specs", name]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelgen: nope\\x1b[2J\\u202e.json: no such file or directory\n`);
  }
});
