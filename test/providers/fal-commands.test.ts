// `modelgen diff` and `modelgen validate` on fal specs, as on the others: a narrowed fal Input is a breaking change
// with a witness, and fal payloads (no `model` field) are validated with --model <endpoint id>.
import { describe, expect, test } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { diffSpecs } from "../../generator/diff/command.js";
import { runCli } from "../helpers/cli.js";
import { ROOT } from "../helpers/generated.js";

const KLING_REL = "fal-ai/kling-video/v2.5-turbo/pro/text-to-video.json";
const KLING = path.join(ROOT, "specs/fal", KLING_REL);
const ID = "fal-ai/kling-video/v2.5-turbo/pro/text-to-video";

describe("fal specs in diff and validate", () => {
  test("diff: the same fal spec is unchanged; a removed aspect ratio is breaking, with a witness", async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), "modelgen-fal-diff-base-"));
    const head = mkdtempSync(path.join(os.tmpdir(), "modelgen-fal-diff-head-"));
    for (const d of [base, head]) mkdirSync(path.dirname(path.join(d, KLING_REL)), { recursive: true });
    cpSync(KLING, path.join(base, KLING_REL));
    const doc = JSON.parse(readFileSync(KLING, "utf8"));
    const input = doc.components.schemas.KlingVideoV25TurboProTextToVideoInput;
    expect(input.properties.aspect_ratio.enum).toEqual(["16:9", "9:16", "1:1"]);
    input.properties.aspect_ratio.enum = ["16:9", "9:16"];
    writeFileSync(path.join(head, KLING_REL), JSON.stringify(doc, null, 2));

    const same = await diffSpecs({ base, specs: [base] });
    expect(same.models).toEqual([expect.objectContaining({ modelId: ID, status: "unchanged", changes: [] })]);

    const report = await diffSpecs({ base, specs: [head] });
    const [model] = report.models;
    expect(model).toMatchObject({ modelId: ID, status: "changed" });
    const breaking = model!.changes.filter((c) => c.breaking);
    expect(breaking).toEqual([expect.objectContaining({ path: "/aspect_ratio", witness: expect.objectContaining({ aspect_ratio: "1:1" }) })]);
  });

  test("validate --model <endpoint id>: a good fal input passes, a bad one names the property", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-fal-validate-"));
    const file = path.join(dir, "inputs.jsonl");
    writeFileSync(file, [JSON.stringify({ prompt: "a fox", duration: "5" }), JSON.stringify({ prompt: "a fox", duration: "7" })].join("\n") + "\n");
    const r = runCli(["validate", file, "--model", ID, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { results: { index: number; model: string; path: string; message: string }[]; valid: number; invalid: number };
    expect(report).toMatchObject({ valid: 1, invalid: 1 });
    expect(report.results).toEqual([expect.objectContaining({ index: 1, model: ID, path: "/duration", message: 'duration must be one of "5", "10" (got "7")' })]);
  });
});
