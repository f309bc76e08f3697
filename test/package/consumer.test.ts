// The package as a consumer gets it: `npm pack`, installed from the tarball into an empty project with no network
// and no other package; imported from plain Node; type-checked under nodenext and bundler; and its own `validate`
// run through npx on valid and invalid payloads, giving what `modelgen validate` gives.
import { beforeAll, describe, expect, test } from "vitest";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "../helpers/generated.js";
import { runCli, sharedCacheEnv } from "../helpers/cli.js";
import { typeCheck } from "../helpers/tsc.js";

const NAME = "@acme/video-models";
const OFFLINE = { ...process.env, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", NO_COLOR: "1" };
const WAN = "alibaba:wan@2.7";
const task = (extra: Record<string, unknown> = {}) => ({ model: WAN, taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", positivePrompt: "a lighthouse", ...extra });

let app: string;
let pkgDir: string;

beforeAll(() => {
  const project = mkdtempSync(path.join(os.tmpdir(), "modelgen-producer-"));
  cpSync(path.join(ROOT, "specs"), path.join(project, "specs"), { recursive: true });
  writeFileSync(path.join(project, "modelgen.config.json"), JSON.stringify({ name: NAME, license: "MIT", private: false }));
  const gen = runCli(["generate"], { cwd: project, env: sharedCacheEnv() });
  expect(gen.code, gen.stderr).toBe(0);
  const dest = mkdtempSync(path.join(os.tmpdir(), "modelgen-tgz-"));
  const [info] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: path.join(project, "generated"), encoding: "utf8", env: OFFLINE })) as { filename: string }[];
  app = mkdtempSync(path.join(os.tmpdir(), "modelgen-app-"));
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", path.join(dest, info!.filename)], { cwd: app, encoding: "utf8", env: OFFLINE });
  pkgDir = path.join(app, "node_modules", NAME);
  mkdirSync(path.join(app, "payloads/more"), { recursive: true });
  writeFileSync(path.join(app, "payloads/good.json"), JSON.stringify(task({ width: 1280, height: 720 }), null, 2));
  writeFileSync(path.join(app, "payloads/more/bad.json"), JSON.stringify(task({ width: 1280, height: 1280, duration: 99 }), null, 2));
  writeFileSync(path.join(app, "payloads/more/lines.jsonl"), `${JSON.stringify(task())}\n${JSON.stringify({ ...task(), model: "alibaba:wan@2.8" })}\n`);
}, 180_000);

const npx = (args: string[]) => {
  const r = spawnSync("npx", ["--offline", NAME, ...args], { cwd: app, encoding: "utf8", env: OFFLINE });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("installed from the tarball alone", () => {
  test("node_modules holds the package and nothing else; it declares no dependencies", () => {
    expect(readdirSync(path.join(app, "node_modules")).filter((n) => !n.startsWith(".")).sort()).toEqual(["@acme"]);
    expect(readdirSync(path.join(app, "node_modules/@acme"))).toEqual(["video-models"]);
    const manifest = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ "video-models": "./_runtime/validate/bin.js" });
  });

  test("no shipped module imports a package: only relative paths and node: built-ins (no Ajv at run time)", () => {
    const files = readdirSync(pkgDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(path.join(pkgDir, f), "utf8");
      for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm)) {
        const spec = m[1] ?? m[2]!;
        expect(spec.startsWith(".") || spec.startsWith("node:"), `${f} imports ${spec}`).toBe(true);
      }
    }
  });

  test("imported by name from plain Node: the registry and a model", () => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", `import { loadModel, modelIds } from "${NAME}";
import { validateTask } from "${NAME}/runware/alibaba-wan2-7";
const m = await loadModel("${WAN}");
console.log(JSON.stringify({ n: modelIds.length, same: m.validateTask === validateTask, issues: validateTask(${JSON.stringify(task({ width: 1280, height: 1280 }))}).map((i) => i.path) }));`], { cwd: app, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ n: readdirSync(path.join(pkgDir, "_specs"), { recursive: true }).filter((f) => /\.(json|ya?ml)$/.test(String(f))).length, same: true, issues: ["/width"] });
  });

  test.each([
    ["nodenext", { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }],
    ["bundler", { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
  ])("a consumer file type-checks under %s, and a wrong task does not", (_, resolution) => {
    const consumer = path.join(app, "consumer.ts");
    const diagnostics = typeCheck([], {
      [consumer]: `import { loadModel, type ModelId } from "${NAME}";
import { validateTask, type TaskInput } from "${NAME}/runware/alibaba-wan2-7";
const id: ModelId = "${WAN}";
export const good: TaskInput = { positivePrompt: "a lighthouse", width: 1280, height: 720 };
// @ts-expect-error: 1280×1280 is no allowed pair
export const bad: TaskInput = { positivePrompt: "a lighthouse", width: 1280, height: 1280 };
export async function check(): Promise<number> {
  const model = await loadModel(id);
  const issues: readonly { path: string; message: string }[] = model.validateTask(good);
  return issues.length + validateTask(bad).length;
}
`,
    }, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, skipLibCheck: false, types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], ...resolution });
    expect(diagnostics).toEqual([]);
  });
});

describe("npx <package> validate", () => {
  test("valid files: exit 0", () => {
    const r = npx(["validate", "payloads/good.json"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`✓ payloads/good.json ${WAN}\n1 valid, 0 invalid\n`);
    expect(r.code).toBe(0);
  });

  test("invalid ones: exit 1, annotations with file and line; the same output as modelgen validate", () => {
    const r = npx(["validate", "payloads/**/*.{json,jsonl}", "--format", "github"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=payloads\/more\/bad\.json,line=6,col=3,title=modelgen%3A alibaba%3Awan@2\.7::\/width: width\/height 1280×1280 is not an allowed combination/));
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=payloads\/more\/bad\.json,line=\d+,col=3,.*::\/duration: /));
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=payloads\/more\/lines\.jsonl,line=2,col=2,.*::\/model: unknown model "alibaba:wan@2\.8"; the closest known ids: alibaba:wan@2\.6, alibaba:wan@2\.7/));
    expect(lines.at(-1)).toBe("1 valid, 3 invalid");
    for (const format of ["github", "json", "text"]) {
      const args = ["payloads/**/*.{json,jsonl}", "--format", format];
      const ours = npx(["validate", ...args]);
      const theirs = runCli(["validate", "--registry", pkgDir, ...args], { cwd: app });
      expect({ code: ours.code, stdout: ours.stdout, stderr: ours.stderr }, format).toEqual({ code: theirs.code, stdout: theirs.stdout, stderr: theirs.stderr });
    }
  });

  test("bad input and bad usage: exit 2, one line", () => {
    writeFileSync(path.join(app, "broken.json"), '{"model": "x",, }');
    for (const [args, words] of [
      [["validate", "broken.json"], "broken.json:1:15: invalid JSON (expected a property name in double quotes)"],
      [["validate", "nope/*.json"], "nope/*.json: the pattern matches no file"],
      [["validate", "payloads/good.json", "--format", "xml"], "--format must be text, json or github"],
      [["validate"], "validate needs at least one file"],
      [["check"], 'unknown command "check"'],
    ] as const) {
      const r = npx([...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toContain(words);
    }
  });

  test("only the models the payloads name are loaded", () => {
    // A copy of the installed package whose model modules announce themselves on stderr when they run.
    const copy = path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-lazy-bin-")), "pkg");
    cpSync(pkgDir, copy, { recursive: true });
    const announce = ["runware/alibaba-wan2-6", "runware/alibaba-wan2-7", "runware/alibaba-wan2-7-image", "runflow/alibaba-wan-v2-7-text-to-video"];
    for (const m of announce) appendFileSync(path.join(copy, m, "index.js"), `\nprocess.stderr.write("loaded ${m}\\n");\n`);
    const r = spawnSync(process.execPath, [path.join(copy, "_runtime/validate/bin.js"), "validate", "payloads/good.json", "payloads/more/lines.jsonl"], { cwd: app, encoding: "utf8" });
    expect(r.stderr).toBe("loaded runware/alibaba-wan2-7\n");
    expect(r.status).toBe(1);
  });
});
