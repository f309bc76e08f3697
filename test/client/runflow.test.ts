// The Runflow client against the fake Runflow server: create + poll to each terminal status,
// validation, which failures of the non-idempotent POST are retried (only 429/503), GET
// retries, budgets, aborts, and signed callbacks received on a real endpoint.

import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createRunflowClient, ModelgenError, parseRunflowWebhook, type ClientOptions, type RunflowRun } from "../../templates/runtime/index.js";
import { startFakeRunflow, startHookReceiver, wanRunflowBinding, type FakeRunflow, type HookReceiver, type RunflowFault } from "../helpers/fake-runflow.js";

const KEY = "rf-test-key-93bd01";
const SECRET = "whsec-test-0a1b2c";
type Output = { outputs: Array<{ url: string; type: string }>; seed: number };

const stoppers: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(stoppers.splice(0).map((s) => s.stop()));
});
async function fake(): Promise<FakeRunflow> {
  const s = await startFakeRunflow({ apiKey: KEY, callbackSecret: SECRET });
  stoppers.push(s);
  return s;
}
async function receiver(): Promise<HookReceiver> {
  const r = await startHookReceiver();
  stoppers.push(r);
  return r;
}
function options(baseUrl: string, overrides: Partial<ClientOptions> = {}): ClientOptions {
  return { apiKey: KEY, baseUrl, timeoutMs: 5000, retries: { max: 3, baseMs: 2, capMs: 20 }, poll: { firstDelayMs: 2, factor: 1.5, maxDelayMs: 10, budgetMs: 3000 }, ...overrides };
}
const input = (prompt = "Aerial drone shot of a coral reef", extra: Record<string, unknown> = {}) => ({ prompt, duration: 5, resolution: "1080p", ...extra });

describe("runflow: lifecycle", () => {
  it("creates the run with {input, callback_url, metadata} and polls it to succeeded", async () => {
    const server = await fake();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url));
    const seen: string[] = [];
    const run = await client.run(input(), { metadata: { job: 7 }, callbackUrl: "http://127.0.0.1:9/hook", onProgress: (r: RunflowRun<Output>) => seen.push(r.status) });

    expect(run.status).toBe("succeeded");
    expect(run.output.outputs[0]?.url).toMatch(/^https:/);
    expect(seen).toEqual(["dispatching", "running", "succeeded"]);
    const [stored] = [...server.runs.values()];
    expect(stored).toMatchObject({ id: run.id, metadata: { job: 7 }, callbackUrl: "http://127.0.0.1:9/hook", input: input() });
    expect(server.authorizations.every((a) => a === `Bearer ${KEY}`)).toBe(true);
    expect(server.createRequests).toBe(1);
  });

  it.each([
    ["[fail]", "runFailed", /rejected the prompt/],
    ["[cancel]", "runCancelled", /cancelled/],
    ["[canceled]", "runCancelled", /cancelled/],
  ])("a run ending %s rejects with %s", async (marker, code, message) => {
    const server = await fake();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url));
    const error = (await client.run(input(`${marker} a reef`)).catch((e: unknown) => e)) as ModelgenError;
    expect(error).toBeInstanceOf(ModelgenError);
    expect(error).toMatchObject({ code, retryable: false });
    expect(error.message).toMatch(message);
    expect(server.runs.has(error.runId ?? "")).toBe(true);
  });

  it("create(), get() and wait() separately", async () => {
    const server = await fake();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url));
    const created = await client.create(input());
    expect(created.status).toBe("queued");
    expect((await client.get(created.id)).status).toBe("dispatching");
    await expect(client.wait(created.id)).resolves.toMatchObject({ id: created.id, status: "succeeded" });
    await expect(client.get("run_missing")).rejects.toMatchObject({ code: "not_found", status: 404, retryable: false });
  });

  it("accepts a baseUrl that already ends in /v1", async () => {
    const server = await fake();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(`${server.url}/v1`));
    await expect(client.run(input())).resolves.toMatchObject({ status: "succeeded" });
  });

  it("validation blocks a bad request before sending", async () => {
    const server = await fake();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url));
    const error = (await client.run(input("x", { duration: 20 })).catch((e: unknown) => e)) as ModelgenError;
    expect(error).toMatchObject({ code: "invalidTask", issues: [{ path: "/input/duration" }] });
    expect(server.createRequests).toBe(0);
    await expect(client.create(input("x", { duration: 20 }), { validate: false })).rejects.toMatchObject({ code: "validation_error", status: 422, retryable: false });
    expect(server.createRequests).toBe(1);
  });

  it("ends with pollTimeout when the budget runs out", async () => {
    const server = await fake();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url, { poll: { firstDelayMs: 5, maxDelayMs: 10, budgetMs: 100 } }));
    const started = performance.now();
    const error = (await client.run(input("[never] a reef")).catch((e: unknown) => e)) as ModelgenError;
    expect(error).toMatchObject({ code: "pollTimeout", retryable: false });
    expect(server.runs.has(error.runId ?? "")).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("stops on abort while waiting between polls, with no request after it", async () => {
    const server = await fake();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url, { poll: { firstDelayMs: 40, factor: 1, maxDelayMs: 40 } }));
    const controller = new AbortController();
    const pending = client.run(input("[never] again"), { signal: controller.signal });
    while (server.getRequests < 1) await new Promise((r) => setTimeout(r, 1));
    controller.abort(); // right after a GET arrived: the client is waiting out the 40 ms pause
    await expect(pending).rejects.toMatchObject({ code: "aborted", retryable: false });
    await new Promise((r) => setTimeout(r, 100));
    expect(server.getRequests).toBe(1);
  });
});

describe("runflow: the create POST is not idempotent", () => {
  it("retries 429 and 503, which created nothing", async () => {
    const server = await fake();
    server.inject({ kind: "429", on: "create", retryAfter: "0" }, { kind: "503", on: "create" });
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url));
    await expect(client.run(input())).resolves.toMatchObject({ status: "succeeded" });
    expect(server.createRequests).toBe(3);
    expect(server.runs.size).toBe(1);
  });

  it.each<[RunflowFault["kind"], string]>([
    ["reset", "networkError"],
    ["hang", "timeout"],
    ["not-json", "invalidResponse"],
    ["500", "httpError"],
  ])("after the run was created, %s is not retried (%s, retryable false)", async (kind, code) => {
    const server = await fake();
    server.inject({ kind, on: "create", phase: "after" });
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url, { timeoutMs: kind === "hang" ? 250 : 5000 }));
    const error = (await client.run(input()).catch((e: unknown) => e)) as ModelgenError;
    expect(error).toBeInstanceOf(ModelgenError);
    expect(error).toMatchObject({ code, retryable: false });
    expect(server.createRequests).toBe(1);
    expect(server.runs.size).toBe(1);
  });

  it("retries of GETs: reset, 500, hang, 503, not-json", async () => {
    const server = await fake();
    server.inject(
      { kind: "reset", on: "get" },
      { kind: "500", on: "get" },
      { kind: "hang", on: "get" },
      { kind: "503", on: "get", retryAfter: "0" },
      { kind: "not-json", on: "get", phase: "after" },
    );
    const created = await createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url)).create(input());
    // A short timeout for the hang; safe here because GETs are retried.
    const poller = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url, { timeoutMs: 250, retries: { max: 6, baseMs: 1, capMs: 5 } }));
    await expect(poller.wait(created.id)).resolves.toMatchObject({ status: "succeeded" });
    expect(server.runs.size).toBe(1);
    expect(server.createRequests).toBe(1);
  });

  it("401 is not retried and the key stays out of the error", async () => {
    const server = await fake();
    const wrong = "rf-live-SECRET-abcdef0123";
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), { ...options(server.url), apiKey: wrong });
    const error = (await client.run(input()).catch((e: unknown) => e)) as ModelgenError;
    expect(error).toMatchObject({ code: "unauthorized", status: 401, retryable: false });
    expect(server.createRequests + server.getRequests).toBe(0); // counted only after auth; one request arrived
    expect(server.authorizations).toEqual([`Bearer ${wrong}`]);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(wrong);
  });
});

describe("runflow: callbacks", () => {
  it("the callback the server POSTs verifies and parses; a tampered copy is refused", async () => {
    const server = await fake();
    const hooks = await receiver();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url));
    const run = await client.run(input(), { callbackUrl: `${hooks.url}/runflow`, metadata: { order: "A-1" } });
    const [hook] = await hooks.waitFor(1);
    if (!hook) throw new Error("no callback");

    const payload = await parseRunflowWebhook<Output>(hook.raw, hook.headers as Record<string, string>, SECRET);
    expect(payload).toMatchObject({ event: "run.completed", run_id: run.id, status: "succeeded", metadata: { order: "A-1" }, duration_ms: 4321 });
    expect(payload.output?.outputs[0]?.url).toBe(run.output.outputs[0]?.url);
    expect(typeof hook.headers["runflow-request-id"]).toBe("string");

    const headers = new Headers({ "Runflow-Signature": String(hook.headers["runflow-signature"]) });
    await expect(parseRunflowWebhook(hook.raw.toString("utf8"), headers, SECRET)).resolves.toMatchObject({ run_id: run.id });
    const tampered = hook.raw.toString("utf8").replace("succeeded", "failed");
    await expect(parseRunflowWebhook(tampered, headers, SECRET)).rejects.toMatchObject({ code: "invalidSignature" });
    await expect(parseRunflowWebhook(hook.raw, headers, "other-secret")).rejects.toMatchObject({ code: "invalidSignature" });
  });

  it("a failed run's callback carries run.failed", async () => {
    const server = await fake();
    const hooks = await receiver();
    const client = createRunflowClient<Record<string, unknown>, Output>(wanRunflowBinding(), options(server.url));
    await client.run(input("[fail] a reef"), { callbackUrl: `${hooks.url}/cb` }).catch(() => undefined);
    const [hook] = await hooks.waitFor(1);
    const payload = await parseRunflowWebhook(hook?.raw ?? "", (hook?.headers ?? {}) as Record<string, string>, SECRET);
    expect(payload).toMatchObject({ event: "run.failed", status: "failed", output: null });
  });
});
