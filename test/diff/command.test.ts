// modelgen diff as a command, in process: statuses, a folder against itself, a git ref as the base, the JSON
// and Markdown shapes, exit codes and bad input. (The built CLI entry is wired by cli.ts.)
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { diffCommand, diffSpecs, DiffUsageError } from "../../generator/diff/command.js";
import { diffModels } from "../../generator/diff/models.js";
import { renderMarkdown, renderText } from "../../generator/diff/render.js";
import { SpecError } from "../../generator/errors.js";
import { buildIR } from "../../generator/ir/build.js";
import { loadSpec } from "../../generator/load/spec.js";
import { inProcessValidator, runtimeModules } from "../../generator/in-process.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import { REAL, basePair, readDoc, taskOf, type Doc } from "./helpers.js";

/** Run diffCommand, capturing what it prints and the exit code it sets. */
async function run(argv: string[]): Promise<{ out: string; code: number | undefined }> {
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await diffCommand(argv);
    return { out, code: process.exitCode === undefined ? undefined : Number(process.exitCode) };
  } finally {
    write.mockRestore();
    process.exitCode = before;
  }
}

describe("statuses and exit codes", () => {
  test("the ten real specs against themselves: all unchanged, exit 0, nothing reported", async () => {
    const t = performance.now();
    const { out, code } = await run(["--base", REAL, "--specs", REAL, "--format", "json"]);
    const ms = performance.now() - t;
    const report = JSON.parse(out) as { models: Doc[] };
    expect(code).toBe(0);
    expect(report.models).toHaveLength(10);
    expect(report.models.every((m) => m.status === "unchanged" && m.changes.length === 0)).toBe(true);
    expect(report.models[0]).toEqual({ modelId: "alibaba:wan@3.0", file: expect.stringMatching(/alibaba-wan3-0\.json$/), status: "unchanged", changes: [] });
    console.log(`diff of the 10 real specs against themselves: ${ms.toFixed(0)} ms`);
  });

  // Four specs in `npm test` (each costs two full builds and Ajv compiles); all ten under MODELGEN_LONG=1 (`npm run test:long`).
  const reorderedSpecs = readdirSync(REAL).filter((f) => f.endsWith(".json")).sort().slice(0, process.env.MODELGEN_LONG ? undefined : 4);
  test(`${reorderedSpecs.length} real specs with their rules and enum values reordered: the full comparison finds no change`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-test-"));
    const base = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-test-"));
    const reorder = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(reorder);
      if (node === null || typeof node !== "object") return;
      const o = node as Doc;
      if (Array.isArray(o.allOf)) o.allOf.reverse();
      if (Array.isArray(o.enum)) o.enum.reverse();
      Object.values(o).forEach(reorder);
    };
    for (const name of reorderedSpecs) {
      const doc = readDoc(path.join(REAL, name));
      writeFileSync(path.join(base, name), JSON.stringify(doc));
      reorder(taskOf(doc));
      doc.info.description = `${doc.info.description ?? ""} (edited)`;
      writeFileSync(path.join(dir, name), JSON.stringify(doc));
    }
    const t = performance.now();
    const report = await diffSpecs({ base, specs: [dir] });
    console.log(`full diff of ${reorderedSpecs.length} real specs (both sides built and compared): ${(performance.now() - t).toFixed(0)} ms`);
    expect(reorderedSpecs.length).toBeGreaterThanOrEqual(4);
    expect(report.models.map((m) => [m.file.split("/").pop(), m.status, m.changes])).toEqual(reorderedSpecs.map((f) => [f, "unchanged", []]));
  });

  test("added, removed, unchanged and changed specs, matched by relative path", async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-test-"));
    const head = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-test-"));
    for (const d of [base, head]) mkdirSync(path.join(d, "runware"));
    cpSync(path.join(REAL, "minimax-h3.json"), path.join(base, "runware/minimax-h3.json"));
    cpSync(path.join(REAL, "minimax-h3.json"), path.join(head, "runware/minimax-h3.json"));
    cpSync(path.join(REAL, "meta-muse-image.json"), path.join(base, "runware/meta-muse-image.json"));
    cpSync(path.join(REAL, "bfl-flux-video-upscale.json"), path.join(head, "runware/bfl-flux-video-upscale.json"));
    cpSync(path.join(REAL, "lightricks-ltx-2-3-fast.json"), path.join(base, "lightricks.json"));
    const changed = readDoc(path.join(REAL, "lightricks-ltx-2-3-fast.json"));
    taskOf(changed).properties.extra = { type: "boolean" };
    writeFileSync(path.join(head, "lightricks.json"), JSON.stringify(changed));
    const { out, code } = await run(["--base", base, "--specs", head, "--format", "json"]);
    expect(code).toBe(0);
    const models = (JSON.parse(out) as { models: Doc[] }).models;
    expect(models.map((m) => [path.basename(m.file), m.status, m.changes.length])).toEqual([
      ["lightricks.json", "changed", 1],
      ["bfl-flux-video-upscale.json", "added", 0],
      ["meta-muse-image.json", "removed", 0],
      ["minimax-h3.json", "unchanged", 0],
    ]);
    expect(models[2]?.modelId).toBe("meta:muse@image");
    expect(models[0]?.changes[0]).toEqual({ kind: "property-added", path: "/extra", message: expect.stringMatching(/^new optional property extra/), breaking: false, witness: expect.objectContaining({ extra: false }) });
  });

  test("a breaking change exits 1; text and markdown name it with its witness", async () => {
    const pair = basePair("alibaba-wan3-0.json", (doc) => {
      taskOf(doc).properties.outputQuality.maximum = 90;
    });
    const json = await run(["--base", pair.base, "--specs", pair.head, "--format", "json"]);
    expect(json.code).toBe(1);
    const [model] = (JSON.parse(json.out) as { models: Doc[] }).models;
    expect(Object.keys(model ?? {})).toEqual(["modelId", "file", "status", "changes"]);
    expect(Object.keys(model?.changes[0] ?? {})).toEqual(["kind", "path", "message", "breaking", "witness"]);
    const text = await run(["--base", pair.base, "--specs", pair.head]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^.*alibaba-wan3-0\.json \(alibaba:wan@3\.0\): changed, 1 change, 1 breaking\n {2}BREAKING bound-tightened \/outputQuality: outputQuality: maximum lowered from 99 to 90\n {11}old accepts, new rejects: \{.*"outputQuality":9\d/);
    expect(text.out).toMatch(/1 model: 1 changed, 0 added, 0 removed, 0 unchanged; 1 breaking change\n$/);
    const md = await run(["--base", pair.base, "--specs", pair.head, "--format", "markdown"]);
    expect(md.out).toContain("| **breaking** | `bound-tightened` | `/outputQuality` | outputQuality: maximum lowered from 99 to 90 |");
    expect(md.out).toMatch(/<details><summary>bound-tightened \/outputQuality: the old spec accepts, the new one rejects<\/summary>\n\n```json\n\{/);
  });

  test("bad input: usage errors and SpecErrors (exit 2 through cli.ts), nothing written", async () => {
    await expect(run(["--specs", REAL])).rejects.toThrow(DiffUsageError);
    await expect(run(["--base", REAL, "--format", "yaml"])).rejects.toThrow(/--format must be text, json or markdown/);
    await expect(run(["--base", REAL, "--bogus"])).rejects.toMatchObject({ code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" });
    await expect(run(["--base", "no-such-ref-or-folder", "--specs", REAL])).rejects.toThrow(SpecError);
    await expect(run(["--base", REAL, "--specs", "no/such/dir"])).rejects.toMatchObject({ exitCode: 2, message: "no/such/dir: no such file or directory" });
    const broken = writeSpecs({ "alibaba-wan3-0.json": '{"openapi": "3.1.0", "info": {' });
    await expect(run(["--base", REAL, "--specs", broken])).rejects.toBeInstanceOf(SpecError);
  });
});

describe("a git ref as the base", () => {
  let cwd: string;
  beforeEach(() => {
    cwd = process.cwd();
  });
  afterEach(() => {
    process.chdir(cwd);
  });

  test("--base HEAD reads the committed specs and overlays; the temporary folder is removed", async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-git-"));
    const g = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
    g("init", "-q");
    g("config", "user.email", "t@example.com");
    g("config", "user.name", "t");
    mkdirSync(path.join(repo, "specs/runware"), { recursive: true });
    cpSync(path.join(REAL, "alibaba-wan3-0.json"), path.join(repo, "specs/runware/alibaba-wan3-0.json"));
    cpSync(path.join(REAL, "minimax-h3.json"), path.join(repo, "specs/runware/minimax-h3.json"));
    // An overlay beside the spec, committed: it must be applied on the base side too.
    writeFileSync(path.join(repo, "specs/runware/minimax-h3.overlay.yaml"), 'overlay: 1.0.0\ninfo: { title: t, version: "1" }\nactions:\n  - target: "$.info"\n    update: { description: "patched" }\n');
    g("add", ".");
    g("commit", "-qm", "specs");
    const doc = readDoc(path.join(REAL, "alibaba-wan3-0.json"));
    taskOf(doc).properties.outputFormat.enum = ["MP4"];
    writeFileSync(path.join(repo, "specs/runware/alibaba-wan3-0.json"), JSON.stringify(doc));
    process.chdir(repo);
    const tmpBefore = readdirSync(os.tmpdir()).filter((f) => f.startsWith("modelgen-diff-") && !f.startsWith("modelgen-diff-git-") && !f.startsWith("modelgen-diff-test-"));
    const { out, code } = await run(["--base", "HEAD", "--format", "json"]);
    expect(code).toBe(1);
    const models = (JSON.parse(out) as { models: Doc[] }).models;
    expect(models.map((m) => [m.file, m.status])).toEqual([
      ["specs/runware/alibaba-wan3-0.json", "changed"],
      ["specs/runware/minimax-h3.json", "unchanged"],
    ]);
    expect(models[0]?.changes.map((c: Doc) => [c.kind, c.message.split(";")[0], c.breaking])).toEqual([
      ["enum-value-removed", 'outputFormat no longer accepts "MOV"', true],
      ["enum-value-removed", 'outputFormat no longer accepts "WEBM"', true],
    ]);
    const tmpAfter = readdirSync(os.tmpdir()).filter((f) => f.startsWith("modelgen-diff-") && !f.startsWith("modelgen-diff-git-") && !f.startsWith("modelgen-diff-test-"));
    expect(tmpAfter.filter((f) => !tmpBefore.includes(f) && existsSync(path.join(os.tmpdir(), f)))).toEqual([]);
    // A spec that is not in the ref is added.
    cpSync(path.join(REAL, "meta-muse-image.json"), path.join(repo, "specs/runware/meta-muse-image.json"));
    const again = JSON.parse((await run(["--base", "HEAD", "--format", "json"])).out) as { models: Doc[] };
    expect(again.models.map((m) => m.status)).toEqual(["changed", "added", "unchanged"]);
  });
});

describe("response types: direction reversed", () => {
  test("a removed required response field breaks consumers; an added one does not", async () => {
    const spec = (fields: Record<string, unknown>, required: string[]) => {
      const s = runwareSpec({ properties: { prompt: { type: "string" } } }) as Doc;
      s.components.schemas.ResponseBody = { type: "object", properties: { data: { type: "array", items: { type: "object", properties: fields, required } } }, required: ["data"] };
      return s;
    };
    const base = writeSpecs({ "m.json": spec({ taskUUID: { type: "string" }, videoURL: { type: "string" }, cost: { type: "number" } }, ["taskUUID"]) });
    const head = writeSpecs({ "m.json": spec({ taskUUID: { type: "string" }, seed: { type: "integer" } }, []) });
    const side = async (dir: string) => {
      const { formats, issuesModule } = await runtimeModules();
      const ir = buildIR(await loadSpec({ file: path.join(dir, "m.json"), root: dir }), { formats });
      return { ir, validator: inProcessValidator(ir, formats, issuesModule) };
    };
    const diff = diffModels(await side(base), await side(head));
    expect(diff.changes.map((c) => [c.kind, c.path, c.breaking])).toEqual([
      ["response-field-removed", "/data/0/cost", false],
      ["response-field-added", "/data/0/seed", false],
      ["response-field-removed", "/data/0/videoURL", false],
    ]);
    // The whole `data` item made optional-only: a response the new schema allows that the old one rejects.
    const head2 = writeSpecs({ "m.json": spec({ videoURL: { type: "string" } }, []) });
    const top = (fields: Record<string, unknown>, required: string[]) => {
      const s = runwareSpec({ properties: { prompt: { type: "string" } } }) as Doc;
      s.components.schemas.ResponseBody = { type: "object", properties: fields, required };
      return s;
    };
    const b3 = writeSpecs({ "m.json": top({ taskUUID: { type: "string" }, videoURL: { type: "string" } }, ["taskUUID", "videoURL"]) });
    const h3 = writeSpecs({ "m.json": top({ videoURL: { type: "string" } }, ["videoURL"]) });
    const d3 = diffModels(await side(b3), await side(h3));
    expect(d3.changes).toEqual([{ kind: "response-field-removed", path: "/taskUUID", message: "response field taskUUID was removed: consumers that read it break", breaking: true, witness: { videoURL: "a" } }]);
    expect(diffModels(await side(base), await side(head2)).changes.every((c) => !c.breaking)).toBe(true);
    expect(renderText({ models: [d3] })).toContain("BREAKING response-field-removed /taskUUID");
    expect(renderMarkdown({ models: [d3] })).toContain("| **breaking** | `response-field-removed` | `/taskUUID` |");
  });
});
