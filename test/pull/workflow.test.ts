// The README's scheduled job ("Keep specs up to date"), step by step with the same commands: pull, generate, then
// diff --format markdown against the specs as they were (a folder base here; the job uses origin/main). A narrowed
// upstream document shows up as a change in pull's report, then as a breaking change, with its witness, in diff.
import { afterAll, beforeAll, expect, test } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { fixtureModels, startFakeCatalog, type FakeCatalog } from "./fake-catalog.js";

function modelgen(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/modelgen.js"), ...args], { cwd, env: { ...process.env, NO_COLOR: "1", MODELGEN_CACHE_DIR: path.join(cwd, ".cache") } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let fake: FakeCatalog;
beforeAll(async () => {
  fake = await startFakeCatalog();
});
afterAll(() => fake.close());

test("runware: pull reports the narrowed document as changed, generate takes it (the overlay beside it still applied), diff --format markdown proves the break", async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-pull-job-"));
  mkdirSync(path.join(work, "specs/runware"), { recursive: true });
  cpSync(path.join(ROOT, "specs/runware/alibaba-wan2-6.json"), path.join(work, "specs/runware/alibaba-wan2-6.json"));
  // A local fix beside the upstream document: pull leaves it alone, and generate keeps applying it.
  writeFileSync(
    path.join(work, "specs/runware/alibaba-wan2-6.overlay.yaml"),
    "overlay: 1.0.0\ninfo: { title: local fix, version: 1.0.0 }\nactions:\n  - target: $.components.schemas.RequestBody.items.properties.duration\n    update: { description: Seconds of video (described by the overlay). }\n",
  );
  // What main holds before the job runs.
  cpSync(path.join(work, "specs"), path.join(work, "base"), { recursive: true });
  const upstream = JSON.parse(readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-6.json"), "utf8"));
  upstream.components.schemas.RequestBody.items.properties.duration.enum = [5, 10];
  fake.runware.set("alibaba-wan2-6", JSON.stringify(upstream));

  const pulled = await modelgen(["pull", "runware", "--base-url", fake.baseUrl], work);
  expect(pulled.stdout).toBe("pull runware: 0 added, 1 changed, 0 unchanged, 0 gone upstream, 0 skipped\n  changed   specs/runware/alibaba-wan2-6.json\n");
  expect(pulled.code).toBe(1);

  const generated = await modelgen(["generate"], work);
  expect(generated.stderr).toBe("");
  expect(generated.code).toBe(0);
  const dts = readFileSync(path.join(work, "generated/runware/alibaba-wan2-6/index.d.ts"), "utf8");
  expect(dts).toMatch(/duration\?: 5 \| 10;/);
  expect(dts).toContain("Overlays applied: specs/runware/alibaba-wan2-6.overlay.yaml.");
  expect(dts).toContain("Seconds of video (described by the overlay).");

  const diff = await modelgen(["diff", "--base", "base", "--format", "markdown"], work);
  expect(diff.stderr).toBe("");
  expect(diff.code).toBe(1);
  expect(diff.stdout).toContain("alibaba:wan@2.6");
  expect(diff.stdout).toMatch(/duration/);
  expect(diff.stdout).toMatch(/"duration": ?15/);

  // The next scheduled run finds nothing new: exit 0, and nothing for a pull request.
  const again = await modelgen(["pull", "runware", "--base-url", fake.baseUrl], work);
  expect(again.stdout).toBe("pull runware: 0 added, 0 changed, 1 unchanged, 0 gone upstream, 0 skipped\n");
  expect(again.code).toBe(0);
});

test("fal (the issue's done-when): pull --category text-to-video writes the documents, a second run changes nothing, a narrowed upstream document is a change in pull's report and then in diff", async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-pull-job-"));
  mkdirSync(path.join(work, "specs"));
  fake.fal = fixtureModels();
  const first = await modelgen(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], work);
  expect(first.code).toBe(1);
  expect(first.stdout).toMatch(/^pull fal: 3 added, 0 changed, 0 unchanged, 0 gone upstream, 1 skipped\n/);
  const second = await modelgen(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], work);
  expect(second.stdout).toMatch(/^pull fal: 0 added, 0 changed, 3 unchanged, 0 gone upstream, 1 skipped\n/);
  expect(second.code).toBe(0);
  cpSync(path.join(work, "specs"), path.join(work, "base"), { recursive: true });

  // Upstream, fal-ai/minimax/video-01 now takes prompts of at most 1000 characters (2000 before).
  const video01 = fake.fal.find((m) => m.endpoint_id === "fal-ai/minimax/video-01")!;
  const narrowed = JSON.parse(video01.openapi!);
  narrowed.components.schemas.MinimaxVideo01Input.properties.prompt.maxLength = 1000;
  video01.openapi = JSON.stringify(narrowed);
  const third = await modelgen(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], work);
  expect(third.stdout).toMatch(/^pull fal: 0 added, 1 changed, 2 unchanged, 0 gone upstream, 1 skipped\n {2}changed {3}specs\/fal\/fal-ai\/minimax\/video-01\.json\n/);
  expect(third.code).toBe(1);

  const generated = await modelgen(["generate"], work);
  expect(generated.code).toBe(0);
  expect(readFileSync(path.join(work, "generated/fal/fal-ai/minimax/video-01/index.d.ts"), "utf8")).toContain("fal-ai/minimax/video-01");

  const diff = await modelgen(["diff", "--base", "base", "--format", "markdown"], work);
  expect(diff.stderr).toBe("");
  expect(diff.code).toBe(1);
  expect(diff.stdout).toContain("fal-ai/minimax/video-01");
  expect(diff.stdout).toContain("| **breaking** | `bound-tightened` | `/prompt` | prompt: maxLength lowered from 2000 to 1000 |");
});
