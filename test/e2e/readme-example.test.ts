// The README's usage example runs, as written, in plain Node against local fake Runware, Runflow and fal servers:
// a Wan 2.7 video task (async, with progress), a Wan 2.7 Image task (sync), the Runflow model and fal's Kling 2.5
// Turbo Pro through the fake fal queue (queued with a position, in progress, completed, result fetched).
import { afterAll, beforeAll, expect, test } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO, readmeExample, startExampleServers } from "../helpers/readme-example.js";

let servers: Awaited<ReturnType<typeof startExampleServers>>;
beforeAll(async () => {
  servers = await startExampleServers();
});
afterAll(() => servers.stop());

test("README example: video with progress, image sync, Runflow run, fal queue run, and the validation message", async () => {
  const file = path.join(REPO, "test/.out/readme-example.mjs");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, readmeExample());
  const child = spawn(process.execPath, [file], { env: { ...process.env, ...servers.env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on("close", resolve));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const lines = stdout.trim().split("\n");
  expect(lines.filter((l) => / processing \d+%$/.test(l)).length).toBeGreaterThanOrEqual(1);
  expect(lines).toContainEqual(expect.stringMatching(/^video [0-9a-f-]{36}: success/));
  expect(lines).toContainEqual(expect.stringMatching(/^video: https:\/\/vm\.example\/[0-9a-f-]{36}\.mp4$/));
  expect(lines).toContain('[{"path":"/width","message":"inputs.frameImages cannot be combined with width/height"}]');
  expect(lines).toContainEqual(expect.stringMatching(/^image: https:\/\/im\.example\/[0-9a-f-]{36}\.jpg$/));
  expect(lines).toContain("runflow: succeeded 1 output(s)");
  // What reached the servers: one video and one image task, each submitted once; one run created.
  const submitted = [...servers.runware.tasks.values()].map((t) => t.task.model).sort();
  expect(submitted).toEqual(["alibaba:wan@2.7", "alibaba:wan@2.7-image"]);
  expect([...servers.runware.submitsPerTask.values()]).toEqual([1, 1]);
  expect(servers.runflow.createRequests).toBe(1);
  // fal: queued with its position, then in progress, then the result of the one request submitted.
  const [falRequest, ...others] = [...servers.fal.queued.values()];
  expect(others).toEqual([]);
  expect(servers.fal.submits).toBe(1);
  expect(falRequest!.input).toEqual({ prompt: "A paper boat drifting down a rainy street", duration: "5", aspect_ratio: "16:9" });
  expect(lines).toContain(`fal ${falRequest!.id}: IN_QUEUE #1`);
  expect(lines).toContainEqual(`fal ${falRequest!.id}: IN_PROGRESS`);
  expect(lines).toContain(`fal: ${falRequest!.id} https://v3.fal.media/files/${falRequest!.id}.mp4`);
  expect(new Set(servers.fal.authorizations)).toEqual(new Set(["Key test-key"]));
});
