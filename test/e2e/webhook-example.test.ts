// Receiving results by webhook through a generated module, as a user does: the README's example blocks run as
// written (imports from "modelgen-models/…") in plain Node against fake Runware and Runflow servers that POST the
// callbacks to them; parseWebhook / handleWebhook imported by name from plain Node; and their types under tsc.
// specs/ is generated into a temporary folder (the Runflow model is not among the fixture specs).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { generate } from "../../generator/pipeline.js";
import { writeOutput } from "../../generator/write/write.js";
import { ROOT } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";
import { startFakeRunflow } from "../helpers/fake-runflow.js";
import { startFakeRunware } from "../helpers/fake-runware.js";

const KEY = "wh-example-key-51c3";
const SECRET = "whsec-example-0b7e";
const TOKEN = "rw-hook-token-8d0f3a61c2e94b57";
const RUNFLOW = "modelgen-models/runflow/alibaba-wan-v2-7-text-to-video";

let work: string;
let generated: string;
let app: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "modelgen-webhooks-"));
  generated = path.join(work, "generated");
  const result = await generate({ specs: [path.join(ROOT, "specs")] });
  writeOutput(generated, result.files);
  app = path.join(work, "app");
  mkdirSync(path.join(app, "node_modules"), { recursive: true });
  symlinkSync(generated, path.join(app, "node_modules", "modelgen-models"), "dir");
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ type: "module", private: true }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The n-th ```js block under "## Receive results by webhook", as written. */
function readmeBlock(n: number): string {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("## Receive results by webhook");
  expect(start).toBeGreaterThan(0);
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const block = [...section.matchAll(/```js\n([\s\S]*?)```/g)][n];
  if (!block?.[1]) throw new Error(`README.md has no ${n + 1}th js block under ## Receive results by webhook`);
  return block[1];
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sign = (raw: string) => createHmac("sha256", SECRET).update(raw).digest("hex");

function runNode(file: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [file], { cwd: app, encoding: "utf8", env: { ...process.env, RUNFLOW_CALLBACK_SECRET: SECRET } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe("README: Receive results by webhook", () => {
  test("the Node server example receives, verifies and types one callback from each provider, and refuses forgeries", async () => {
    // Slow enough that the forged callbacks below arrive before the real ones (which end the example).
    const runware = await startFakeRunware({ apiKey: KEY, webhookStepMs: 800 });
    const runflow = await startFakeRunflow({ apiKey: KEY, callbackSecret: SECRET, stepMs: 300 });
    try {
      const port = await freePort();
      const publicUrl = `http://127.0.0.1:${port}`;
      const file = path.join(app, "webhook-example.mjs");
      writeFileSync(file, readmeBlock(0));
      const env = { ...process.env, PUBLIC_URL: publicUrl, RUNWARE_WEBHOOK_TOKEN: TOKEN, RUNFLOW_CALLBACK_SECRET: SECRET, RUNWARE_API_KEY: KEY, RUNWARE_BASE_URL: runware.url, RUNFLOW_API_KEY: KEY, RUNFLOW_BASE_URL: runflow.url };
      const child = spawn(process.execPath, [file], { cwd: app, env });
      let stdout = "";
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      const submitted = new Promise<void>((resolve) => {
        child.stdout.on("data", (d) => {
          stdout += d;
          if (stdout.includes("runflow run:")) resolve();
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      await Promise.race([submitted, exited]);

      // Forgeries: a Runware hook with a wrong token, a Runflow callback with a wrong signature.
      const forged = JSON.stringify({ data: [{ taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", videoURL: "https://evil.example/x.mp4" }] });
      const badToken = await fetch(`${publicUrl}/hooks/runware?token=${"x".repeat(TOKEN.length)}`, { method: "POST", body: forged });
      const callback = JSON.stringify({ event: "run.completed", run_id: "run_forged", status: "succeeded", output: null });
      const badSignature = await fetch(`${publicUrl}/hooks/runflow`, { method: "POST", body: callback, headers: { "Runflow-Signature": sign(`${callback} `) } });
      expect([badToken.status, badSignature.status]).toEqual([401, 401]);

      expect(await exited).toBe(0);
      expect(stderr).toBe("");
      const lines = stdout.trim().split("\n");
      const [task] = [...runware.tasks.values()];
      const [run] = [...runflow.runs.values()];
      expect(task?.task.webhookURL).toBe(`${publicUrl}/hooks/runware?token=${TOKEN}`);
      expect(run?.callbackUrl).toBe(`${publicUrl}/hooks/runflow`);
      expect(lines).toEqual(
        expect.arrayContaining([
          `runware task: ${task?.taskUUID}`,
          `runflow run: ${run?.id} queued`,
          "refused: invalidToken",
          "refused: invalidSignature",
          `runware webhook: ${String(task?.results[0]?.videoURL)}`,
          `runflow callback: succeeded https://cdn.example/${run?.id}.mp4`,
        ]),
      );
      expect(lines).toHaveLength(6);
      expect(runware.webhooksSent).toBe(1);
    } finally {
      await Promise.all([runware.stop(), runflow.stop()]);
    }
  });

  test("the Fetch API example answers 204 to a signed Request and 401 to a tampered one", () => {
    writeFileSync(path.join(app, "route.mjs"), readmeBlock(1));
    const body = JSON.stringify({ event: "run.completed", run_id: "run_fetch", status: "succeeded", output: { outputs: [{ url: "https://cdn.example/a.mp4" }] } });
    writeFileSync(
      path.join(app, "drive-route.mjs"),
      `import { POST } from "./route.mjs";
const request = (raw, signature) => new Request("https://hooks.example/hooks/runflow", { method: "POST", body: raw, headers: { "Runflow-Signature": signature } });
const ok = await POST(request(${JSON.stringify(body)}, ${JSON.stringify(sign(body))}));
const tampered = await POST(request(${JSON.stringify(body.replace("succeeded", "failed"))}, ${JSON.stringify(sign(body))}));
console.log(JSON.stringify([ok.status, tampered.status, await tampered.text()]));
`,
    );
    const r = runNode(path.join(app, "drive-route.mjs"));
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n")).toEqual(["runflow callback: run_fetch succeeded", JSON.stringify([204, 401, "invalidSignature"])]);
  });
});

describe("the generated modules' webhook surface, from plain Node", () => {
  test(`import { parseWebhook } from "${RUNFLOW}" verifies a signed callback and rejects a tampered one`, () => {
    const body = JSON.stringify({ event: "run.completed", run_id: "run_1", status: "succeeded", output: { outputs: [] } });
    writeFileSync(
      path.join(app, "runflow-parse.mjs"),
      `import { parseWebhook, handleWebhook } from "${RUNFLOW}";
const body = ${JSON.stringify(body)};
const headers = { "runflow-signature": ${JSON.stringify(sign(body))} };
const outcome = (p) => p.then((v) => ({ ok: v.run_id }), (e) => ({ name: e.name, code: e.code }));
console.log(JSON.stringify([
  await outcome(parseWebhook(body, headers, process.env.RUNFLOW_CALLBACK_SECRET)),
  await outcome(parseWebhook(Buffer.from(body), headers, process.env.RUNFLOW_CALLBACK_SECRET)),
  await outcome(parseWebhook(body.replace("run_1", "run_2"), headers, process.env.RUNFLOW_CALLBACK_SECRET)),
  await outcome(parseWebhook(body, headers, "another-secret")),
  await outcome(parseWebhook(new TextEncoder().encode(body).buffer, headers, process.env.RUNFLOW_CALLBACK_SECRET)),
  await outcome(parseWebhook(JSON.parse(body), headers, process.env.RUNFLOW_CALLBACK_SECRET)),
  await outcome(handleWebhook(new Request("https://hooks.example/runflow", { method: "POST", body, headers }), { secret: process.env.RUNFLOW_CALLBACK_SECRET })),
]));
`,
    );
    const r = runNode(path.join(app, "runflow-parse.mjs"));
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([
      { ok: "run_1" },
      { ok: "run_1" },
      { name: "ModelgenError", code: "invalidSignature" },
      { name: "ModelgenError", code: "invalidSignature" },
      { name: "TypeError" },
      { name: "TypeError" },
      { ok: "run_1" },
    ]);
  });

  test("a Runware module's parseWebhook / handleWebhook / createWebhookUrl, token checked", () => {
    const item = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", videoUUID: "9b2d1445-99ad-40ca-9adc-2dc6786df569", videoURL: "https://vm.example/v.mp4", seed: 7 };
    writeFileSync(
      path.join(app, "runware-parse.mjs"),
      `import { parseWebhook, handleWebhook, createWebhookUrl } from "modelgen-models/runware/alibaba-wan2-7";
const body = ${JSON.stringify(JSON.stringify({ data: [item] }))};
const image = ${JSON.stringify(JSON.stringify({ data: [{ ...item, taskType: "imageInference" }] }))};
const made = await createWebhookUrl("https://hooks.example/runware?app=1");
const given = await createWebhookUrl("https://hooks.example/runware", ${JSON.stringify(TOKEN)});
const outcome = (p) => p.then((v) => ({ data: v.data.map((r) => r.videoURL), errors: v.errors.map((e) => e.code) }), (e) => ({ name: e.name, code: e.code }));
const request = (url) => new Request(url, { method: "POST", body });
console.log(JSON.stringify({
  made: [new URL(made.url).searchParams.get("app"), new URL(made.url).searchParams.get("token") === made.token, made.token.length],
  given: given.url,
  results: [
    await outcome(parseWebhook(body)),
    await outcome(parseWebhook(body, { unverified: true })),
    await outcome(parseWebhook(Buffer.from(body), { url: "/runware?token=${TOKEN}", token: ${JSON.stringify(TOKEN)} })),
    await outcome(parseWebhook(body, { url: "/runware?token=wrong", token: ${JSON.stringify(TOKEN)} })),
    await outcome(parseWebhook(image, { unverified: true })),
    await outcome(parseWebhook("{\\"data\\": 1}", { unverified: true })),
    await outcome(parseWebhook({ data: [] }, { unverified: true })),
    await outcome(handleWebhook(request(given.url), { token: ${JSON.stringify(TOKEN)} })),
    await outcome(handleWebhook(request("https://hooks.example/runware"), { token: ${JSON.stringify(TOKEN)} })),
  ],
}));
`,
    );
    const r = runNode(path.join(app, "runware-parse.mjs"));
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      made: ["1", true, 43],
      given: `https://hooks.example/runware?token=${TOKEN}`,
      results: [
        // Runware signs nothing: no options is refused, never taken as "no check".
        { name: "ModelgenError", code: "invalidOptions" },
        { data: [item.videoURL], errors: [] },
        { data: [item.videoURL], errors: [] },
        { name: "ModelgenError", code: "invalidToken" },
        { data: [], errors: ["invalidPayload"] },
        { name: "ModelgenError", code: "invalidPayload" },
        { name: "TypeError" },
        { data: [item.videoURL], errors: [] },
        { name: "ModelgenError", code: "invalidToken" },
      ],
    });
  });

  test("importing a module to validate does not load the client runtime; the first webhook call does", () => {
    const log = path.join(work, "runtime-loads.log");
    writeFileSync(
      path.join(app, "log-loads.mjs"),
      `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.includes("/_runtime/runtime/")) appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}
`,
    );
    writeFileSync(
      path.join(app, "lazy.mjs"),
      `import { register } from "node:module";
import { existsSync } from "node:fs";
register("./log-loads.mjs", import.meta.url);
const wan = await import("modelgen-models/runware/alibaba-wan2-7");
wan.validateTask({});
const before = existsSync(${JSON.stringify(log)});
await wan.parseWebhook(JSON.stringify({ data: [{ taskType: "videoInference", taskUUID: "t", videoURL: "u" }] }), { unverified: true });
console.log(JSON.stringify({ before, after: existsSync(${JSON.stringify(log)}) }));
`,
    );
    const r = runNode(path.join(app, "lazy.mjs"));
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ before: false, after: true });
  });
});

describe("types", () => {
  test("parseWebhook is typed with the model's Result (Runware) and CallbackPayload (Runflow)", () => {
    const check = path.join(generated, "webhook-types-check.ts");
    const diagnostics = typeCheck([], {
      [check]: `import * as wan from "./runware/alibaba-wan2-7/index.js";
import * as runflow from "./runflow/alibaba-wan-v2-7-text-to-video/index.js";
export async function check(raw: Uint8Array, request: Request): Promise<void> {
  const hook = await wan.parseWebhook(raw, { url: "/hooks?token=abc", token: "abc" });
  const results: wan.Result[] = hook.data;
  const url: string | undefined = hook.data[0]?.videoURL;
  const codes: string[] = hook.errors.map((e) => e.code);
  // @ts-expect-error videoURL is a string, not a number
  const wrong: number | undefined = hook.data[0]?.videoURL;
  const fromRequest: wan.Result[] = (await wan.handleWebhook(request, { token: "abc" })).data;
  const made: { url: string; token: string } = await wan.createWebhookUrl("https://hooks.example/runware");
  // @ts-expect-error an ArrayBuffer is not a raw body
  await wan.parseWebhook(new ArrayBuffer(8), { unverified: true });
  // @ts-expect-error Runware signs nothing: the token check, or the explicit opt-out, must be chosen
  await wan.parseWebhook(raw);
  // @ts-expect-error unverified is true or absent
  await wan.parseWebhook(raw, { unverified: false });
  const unchecked: wan.Result[] = (await wan.parseWebhook(raw, { unverified: true })).data;
  // @ts-expect-error handleWebhook needs the token
  await wan.handleWebhook(request, {});

  const callback = await runflow.parseWebhook(raw, { "runflow-signature": "00" }, "secret");
  const payload: runflow.CallbackPayload = callback;
  const status: "succeeded" | "failed" | "cancelled" | "canceled" = callback.status;
  const first: string | undefined = callback.output?.outputs[0]?.url;
  const viaRequest: runflow.CallbackPayload = await runflow.handleWebhook(request, { secret: "secret" });
  // @ts-expect-error the secret is required
  await runflow.parseWebhook(raw, {});
  // @ts-expect-error a parsed object is not a raw body
  await runflow.parseWebhook({ run_id: "r" }, {}, "secret");
  void [results, url, codes, wrong, fromRequest, made, unchecked, payload, status, first, viaRequest];
}
`,
    });
    expect(diagnostics.map((d) => `${path.relative(generated, d.file)}:${d.line}: ${d.message}`)).toEqual([]);
  });
});
