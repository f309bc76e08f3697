// The generated package as a product: modelgen.config.json sets its name, description, license, repository and
// private; its package.json has files, exports and types; `generate` keeps its version; and the tarball that
// `npm pack` makes passes publint and arethetypeswrong (both read the tarball, offline).
import { beforeAll, describe, expect, test } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { runCli, sharedCacheEnv } from "../helpers/cli.js";

const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const OFFLINE = { ...process.env, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

/** A project with the repository's specs and `config` as modelgen.config.json (none when undefined). */
function project(config?: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-pkg-"));
  cpSync(path.join(ROOT, "specs"), path.join(dir, "specs"), { recursive: true });
  if (config !== undefined) writeFileSync(path.join(dir, "modelgen.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

/** `npm pack` of a folder into another; the tarball's path and the files npm put in it. */
function pack(dir: string): { tarball: string; files: string[] } {
  const dest = mkdtempSync(path.join(os.tmpdir(), "modelgen-tgz-"));
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: dir, encoding: "utf8", env: OFFLINE });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error("npm pack said nothing");
  return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path).sort() };
}

const CONFIG = { name: "@acme/video-models", description: "Acme's video models", license: "MIT", repository: { type: "git", url: "git+https://example.com/acme/models.git" }, private: false };

describe("a configured package", () => {
  let dir: string;
  let manifest: Record<string, any>;
  beforeAll(() => {
    dir = project(CONFIG);
    const r = runCli(["generate"], { cwd: dir, env: sharedCacheEnv() });
    expect(r.code, r.stderr).toBe(0); // lint warnings (the fal specs have some) go to stderr
    manifest = JSON.parse(readFileSync(path.join(dir, "generated/package.json"), "utf8"));
  }, 120_000);

  test("package.json carries the config, files, exports and types", () => {
    expect(manifest).toMatchObject({ name: CONFIG.name, description: CONFIG.description, license: "MIT", repository: CONFIG.repository, version: "0.0.0", type: "module", types: "./index.d.ts" });
    expect(manifest.private).toBeUndefined();
    expect(manifest.files).toEqual(expect.arrayContaining(["index.js", "index.d.ts", "README.md", "CHANGELOG.md", "_runtime", "_specs", "runware", "runflow"]));
    expect(manifest.exports["."]).toEqual({ types: "./index.d.ts", default: "./index.js" });
    expect(manifest.exports["./runware/alibaba-wan2-7"]).toEqual({ types: "./runware/alibaba-wan2-7/index.d.ts", default: "./runware/alibaba-wan2-7/index.js" });
  });

  test("the README is the package's: its name, and each model's page imports from it", () => {
    const readme = readFileSync(path.join(dir, "generated/README.md"), "utf8");
    expect(readme).toMatch(/^# @(&#8203;)?acme\/video-models$/m); // an @scope is no @mention
    expect(readme).toContain('import { loadModel } from "@acme/video-models"');
    expect(readme).toContain("`alibaba:wan@2.7`");
    expect(readFileSync(path.join(dir, "generated/runware/alibaba-wan2-7/README.md"), "utf8")).toContain("@acme/video-models/runware/alibaba-wan2-7");
  });

  test("the tarball holds the package and nothing of the generator's", () => {
    const { files } = pack(path.join(dir, "generated"));
    expect(files).toContain("package.json");
    expect(files).toContain("README.md");
    expect(files).toContain("index.js");
    expect(files).toContain("_runtime/validation/index.js");
    expect(files).toContain("runware/alibaba-wan2-7/index.d.ts");
    expect(files).toContain("runware/alibaba-wan2-7/README.md");
    expect(files).toContain("_specs/runware/alibaba-wan2-7.json"); // what the next `modelgen version` compares with
    expect(files).not.toContain(".modelgen-manifest.json");
  });

  test("publint and arethetypeswrong pass on the packed tarball", () => {
    const { tarball } = pack(path.join(dir, "generated"));
    const lint = spawnSync(bin("publint"), ["run", tarball, "--strict"], { encoding: "utf8", env: OFFLINE });
    expect(lint.stdout + lint.stderr).toContain("All good!");
    expect(lint.status).toBe(0);
    // ESM only, by design: the one kind attw may report is that require() from CommonJS cannot load it.
    const attw = spawnSync(bin("attw"), [tarball, "--profile", "esm-only", "--format", "json"], { encoding: "utf8", env: OFFLINE });
    expect(attw.status, attw.stderr).toBe(0);
    const report = JSON.parse(attw.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems: Record<string, { resolutionKind: string }[]> };
    expect(Object.keys(report.analysis.entrypoints)).toEqual(expect.arrayContaining([".", "./runware/alibaba-wan2-7"]));
    for (const [kind, list] of Object.entries(report.problems)) {
      expect(kind).toBe("CJSResolvesToESM");
      for (const p of list) expect(p.resolutionKind).toBe("node16-cjs");
    }
  });

  test("publint and attw do catch a broken package (the checks above can fail)", () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), "modelgen-broken-"));
    cpSync(path.join(dir, "generated"), broken, { recursive: true });
    rmSync(path.join(broken, "runware/alibaba-wan2-7/index.d.ts")); // an export whose types are not there
    const { tarball } = pack(broken);
    expect(spawnSync(bin("publint"), ["run", tarball, "--strict"], { encoding: "utf8", env: OFFLINE }).status).not.toBe(0);
    expect(spawnSync(bin("attw"), [tarball, "--profile", "esm-only", "--format", "json"], { encoding: "utf8", env: OFFLINE }).status).not.toBe(0);
  });

  test("generate keeps the version that is there", () => {
    const file = path.join(dir, "generated/package.json");
    writeFileSync(file, JSON.stringify({ ...manifest, version: "1.2.0" }, null, 2) + "\n");
    expect(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).version).toBe("1.2.0");
    const check = runCli(["generate", "--check"], { cwd: dir, env: sharedCacheEnv() });
    expect(check.stdout).toContain("up to date");
    expect(check.code).toBe(0);
  }, 60_000);
});

describe("package.json#modelgen, and the defaults", () => {
  test("the modelgen field of the project's package.json", () => {
    const dir = project();
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", modelgen: { name: "my-models", private: false } }));
    expect(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }).code).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(dir, "generated/package.json"), "utf8"));
    expect(pkg.name).toBe("my-models");
    expect(pkg.private).toBeUndefined();
  }, 60_000);

  test("no config: modelgen-models, private, 0.0.0", () => {
    const dir = project();
    expect(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "generated/package.json"), "utf8"))).toMatchObject({ name: "modelgen-models", private: true, version: "0.0.0" });
  }, 60_000);
});

describe("a bad config is bad input: one line, file and place, exit 2, nothing written", () => {
  const cases: [string, unknown, string][] = [
    ["a name npm refuses", { name: "Acme Models" }, "modelgen.config.json:/name: \"Acme Models\" is not a valid npm package name"],
    ["an unknown field", { name: "a", version: "1.0.0" }, "modelgen.config.json:/version: unknown field"],
    ["private not a boolean", { private: "no" }, "modelgen.config.json:/private: expected true or false"],
    ["a repository without a url", { repository: { type: "git" } }, "modelgen.config.json:/repository/url: expected a non-empty string"],
    ["not an object", [1], "modelgen.config.json:/: expected an object"],
    ["not JSON", "{ name: x }", "modelgen.config.json:1:3: invalid JSON"],
  ];
  for (const [what, config, message] of cases)
    test(what, () => {
      const dir = project(config);
      const r = runCli(["generate"], { cwd: dir, env: sharedCacheEnv() });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(message);
      expect(existsSync(path.join(dir, "generated"))).toBe(false);
    });

  test("both modelgen.config.json and package.json#modelgen", () => {
    const dir = project({ name: "a" });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ modelgen: { name: "b" } }));
    const r = runCli(["generate"], { cwd: dir, env: sharedCacheEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("modelgen.config.json: package.json has a \"modelgen\" field too");
  });

  test("a generated package.json whose version is not semver", () => {
    const dir = project();
    expect(runCli(["generate"], { cwd: dir, env: sharedCacheEnv() }).code).toBe(0);
    const file = path.join(dir, "generated/package.json");
    writeFileSync(file, JSON.stringify({ name: "modelgen-models", version: "banana" }));
    const r = runCli(["generate"], { cwd: dir, env: sharedCacheEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('package.json:/version: expected a semver version (such as 1.2.0), not "banana"');
  }, 60_000);
});
