// The fal queue client against the fake fal queue: submit → status (position, logs) → result, a failed run,
// cancel, fal's 422 as JSON Pointer issues, which failures of the submit are retried (only 429 and 503: a
// request may exist after anything else), retries of status/result, hostile URLs in the submit answer,
// aborts and the key's redaction.

import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createFalClient, FAL_QUEUE_BASE_URL, type ClientOptions, type FalProgress } from "../../templates/runtime/index.js";
import { startHookReceiver, type HookReceiver } from "../helpers/fake-runflow.js";
import { KLING_ENDPOINT, klingBinding, startFakeFal, type FakeFal, type FalFault } from "../helpers/fake-fal.js";
import { rejection } from "../helpers/rejection.js";

const KEY = "fal-test-key-5c1d9e";
type Output = { video: { url: string; content_type: string } };
type Input = Record<string, unknown>;

const stoppers: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(stoppers.splice(0).map((s) => s.stop()));
});
async function fake(extra: { urlOrigin?: string } = {}): Promise<FakeFal> {
  const s = await startFakeFal({ apiKey: KEY, ...extra });
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
function client(server: FakeFal, overrides: Partial<ClientOptions> = {}) {
  return createFalClient<Input, Output>(klingBinding(), options(server.url, overrides));
}
const input = (prompt = "A fox running through snow at dawn", extra: Input = {}): Input => ({ prompt, duration: "5", ...extra });

describe("fal: lifecycle", () => {
  it("submits with Authorization: Key, reports queue position then logs, and returns the output", async () => {
    const server = await fake();
    const seen: FalProgress[] = [];
    const result = await client(server).run(input(), { onProgress: (p) => seen.push(p) });

    expect(result.data.video.url).toMatch(/^https:\/\/v3\.fal\.media\/files\/.+\.mp4$/);
    expect(server.queued.has(result.requestId)).toBe(true);
    expect(seen.map((p) => p.status)).toEqual(["IN_QUEUE", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"]);
    expect(seen[0]).toEqual({ requestId: result.requestId, status: "IN_QUEUE", queuePosition: 1, logs: [] });
    expect(seen[1]?.logs.map((l) => l.message)).toEqual(["step 1: denoising"]);
    expect(seen[2]?.logs.map((l) => l.message)).toEqual(["step 1: denoising", "step 2: denoising"]);
    expect(server.authorizations.every((a) => a === `Key ${KEY}`)).toBe(true);
    expect(server.submits).toBe(1);
    // Submitted to the full endpoint id; status and result under owner/app, as the submit answer said.
    expect(server.requests[0]).toBe(`POST /${KLING_ENDPOINT}`);
    expect(server.requests.filter((r) => r.startsWith("GET")).every((r) => r.includes("/fal-ai/kling-video/requests/"))).toBe(true);
    expect(server.requests.filter((r) => r.endsWith("/status?logs=1"))).toHaveLength(4);
  });

  it("asks for logs only when onProgress or logs: true says so", async () => {
    const server = await fake();
    await client(server).run(input());
    expect(server.requests.filter((r) => r.includes("/status")).every((r) => !r.includes("logs"))).toBe(true);
  });

  it("submit(), status(), result() and cancel() separately, by the submit answer or by a bare request id", async () => {
    const server = await fake();
    const fal = client(server);
    const submitted = await fal.submit(input());
    expect(submitted).toMatchObject({ status: "IN_QUEUE", queue_position: 2, request_id: expect.any(String) });
    expect(submitted.status_url).toBe(`${server.url}/fal-ai/kling-video/requests/${submitted.request_id}/status`);

    expect(await fal.status(submitted)).toMatchObject({ status: "IN_QUEUE", queue_position: 1 });
    const inProgress = await fal.status(submitted.request_id, { logs: true });
    expect(inProgress).toMatchObject({ status: "IN_PROGRESS", logs: [{ message: "step 1: denoising" }] });
    const early = await rejection(fal.result(submitted));
    expect(early).toMatchObject({ code: "httpError", status: 400, requestId: submitted.request_id, retryable: false });
    expect(early.message).toContain("Request is still in progress");

    await fal.status(submitted);
    expect((await fal.status(submitted.request_id)).status).toBe("COMPLETED");
    const byId = await fal.result(submitted.request_id);
    expect(byId).toEqual(await fal.result(submitted));
    expect(byId.data.video.content_type).toBe("video/mp4");
    expect(await fal.cancel(submitted)).toEqual({ status: "ALREADY_COMPLETED", requestId: submitted.request_id });
  });

  it("cancel answers CANCELLATION_REQUESTED (202) while the request waits, and the request then ends failed", async () => {
    const server = await fake();
    const fal = client(server);
    const submitted = await fal.submit(input());
    expect(await fal.cancel(submitted.request_id)).toEqual({ status: "CANCELLATION_REQUESTED", requestId: submitted.request_id });
    expect(server.queued.get(submitted.request_id)?.cancelled).toBe(true);
    expect(server.requests).toContain(`PUT /fal-ai/kling-video/requests/${submitted.request_id}/cancel`);
    await expect(fal.status(submitted)).resolves.toMatchObject({ status: "COMPLETED", error: "Request was cancelled" });
    await expect(fal.cancel("no-such-request")).rejects.toMatchObject({ code: "httpError", status: 404, requestId: "no-such-request" });
  });

  it("COMPLETED with an error rejects with requestFailed naming the request and fal's error_type", async () => {
    const server = await fake();
    const error = await rejection(client(server).run(input("[fail] a fox")));
    expect(error).toMatchObject({ code: "requestFailed", retryable: false, details: { status: "COMPLETED", error_type: "runner_error" } });
    expect(error.message).toBe(`fal request ${error.requestId} failed (runner_error): The runner crashed while generating`);
    expect(server.queued.get(error.requestId ?? "")?.outcome).toBe("fail");
    // The failed output is never fetched.
    expect(server.requests.some((r) => r === `GET /fal-ai/kling-video/requests/${error.requestId}`)).toBe(false);
  });

  it("a request that never finishes ends with pollTimeout carrying its id", async () => {
    const server = await fake();
    const error = await rejection(client(server, { poll: { firstDelayMs: 5, maxDelayMs: 5, budgetMs: 150 } }).run(input("[never] a fox")));
    expect(error).toMatchObject({ code: "pollTimeout", retryable: false });
    expect(server.queued.has(error.requestId ?? "")).toBe(true);
  });

  it("webhookUrl goes out as ?fal_webhook=<url> (encoded), and a bad one is refused before sending", async () => {
    const server = await fake();
    const hook = "https://hooks.example.com/fal?token=a&b=c d";
    const submitted = await client(server).submit(input(), { webhookUrl: hook });
    expect(server.queued.get(submitted.request_id)?.webhookUrl).toBe(hook);
    expect(server.requests[0]).toBe(`POST /${KLING_ENDPOINT}?fal_webhook=${encodeURIComponent(hook).replace(/%20/g, "+")}`);
    await expect(client(server).submit(input(), { webhookUrl: "not a url" })).rejects.toMatchObject({ code: "invalidOptions" });
    await expect(client(server).submit(input(), { webhookUrl: "javascript:alert(1)" })).rejects.toMatchObject({ code: "invalidOptions" });
    expect(server.submits).toBe(1);
  });

  it("serves any endpoint id the fake is given, requests under its owner/app", async () => {
    const server = await startFakeFal({ apiKey: KEY, endpointId: "fal-ai/flux/dev", validate: () => [], output: (r) => ({ images: [{ url: `https://v3.fal.media/files/${r.id}.png` }] }) });
    stoppers.push(server);
    const flux = createFalClient<Input, { images: Array<{ url: string }> }>({ modelId: "fal-ai/flux/dev", validateTask: () => [] }, options(server.url));
    const result = await flux.run({ prompt: "a red fox" });
    expect(result.data.images[0]?.url).toBe(`https://v3.fal.media/files/${result.requestId}.png`);
    expect(server.requests[0]).toBe("POST /fal-ai/flux/dev");
    expect(server.requests.slice(1).every((r) => r.startsWith(`GET /fal-ai/flux/requests/${result.requestId}`))).toBe(true);
  });

  it("defaults to https://queue.fal.run", () => {
    expect(FAL_QUEUE_BASE_URL).toBe("https://queue.fal.run");
  });
});

describe("fal: validation", () => {
  it("the input is validated before anything is sent", async () => {
    const server = await fake();
    const error = await rejection(client(server).run({ duration: "7" }));
    expect(error).toMatchObject({ code: "invalidTask", retryable: false });
    expect(error.issues).toEqual([
      { path: "/prompt", message: "must be a string of at most 2500 characters" },
      { path: "/duration", message: 'must be "5" or "10"' },
    ]);
    expect(server.requests).toEqual([]);
  });

  it("fal's 422 detail list becomes invalidInput with JSON Pointer issues (validate: false lets it through)", async () => {
    const server = await fake();
    const error = await rejection(client(server).submit({ duration: "7", aspect_ratio: "4:3" }, { validate: false }));
    expect(error).toMatchObject({ code: "invalidInput", status: 422, retryable: false });
    expect(error.issues).toEqual([
      { path: "/prompt", message: "must be a string of at most 2500 characters" },
      { path: "/duration", message: 'must be "5" or "10"' },
      { path: "/aspect_ratio", message: "must be one of 16:9, 9:16, 1:1" },
    ]);
    expect(error.message).toMatch(/^fal refused the input \(HTTP 422\): \/prompt must be a string/);
    expect(server.submits).toBe(1);
    expect(server.queued.size).toBe(0);
  });

  it("refuses a binding with a malformed endpoint id", () => {
    for (const modelId of ["", "fal-ai", "fal-ai/../admin", "fal-ai/x?y=1", "fal-ai//x", 42]) {
      expect(() => createFalClient({ modelId: modelId as string, validateTask: () => [] }, { apiKey: KEY })).toThrow(/invalid fal endpoint id/);
    }
    expect(() => createFalClient({ modelId: KLING_ENDPOINT } as never, { apiKey: KEY })).toThrow(/invalid fal binding/);
  });
});

describe("fal: a submit is never repeated when a request may exist", () => {
  it.each([
    ["429", { kind: "429" }],
    ["503", { kind: "503" }],
  ] as Array<[string, FalFault]>)("retries the submit after %s (nothing was queued)", async (_name, fault) => {
    const server = await fake();
    server.inject({ ...fault, on: "submit" }, { ...fault, on: "submit" });
    const result = await client(server).run(input());
    expect(server.submits).toBe(3);
    expect(server.queued.size).toBe(1);
    expect(server.queued.has(result.requestId)).toBe(true);
  });

  it.each([
    ["500", { kind: "500" }, "httpError"],
    ["502", { kind: "502" }, "httpError"],
    ["504", { kind: "504" }, "httpError"],
    ["a reset after queueing", { kind: "reset", phase: "after" }, "networkError"],
    ["an unreadable 200 after queueing", { kind: "not-json", phase: "after" }, "invalidResponse"],
  ] as Array<[string, FalFault, string]>)("does not repeat the submit after %s", async (_name, fault, code) => {
    const server = await fake();
    server.inject({ ...fault, on: "submit" });
    const error = await rejection(client(server).run(input()));
    expect(error).toMatchObject({ code, retryable: false });
    expect(error.message).toMatch(/may have been (queued|processed), so it was not repeated/);
    expect(server.submits).toBe(1);
  });

  it("a submit that times out is not repeated either", async () => {
    const server = await fake();
    server.inject({ kind: "hang", on: "submit", phase: "after" });
    // Long enough for a loaded machine's server to have queued the request before the client gives up.
    const error = await rejection(client(server, { timeoutMs: 1000 }).submit(input()));
    expect(error).toMatchObject({ code: "timeout", retryable: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.submits).toBe(1);
    expect(server.queued.size).toBe(1);
  });

  it("429 that outlasts the retries rejects as retryable, with the request never queued", async () => {
    const server = await fake();
    server.inject(...Array.from({ length: 4 }, () => ({ kind: "429", on: "submit" }) as FalFault));
    const error = await rejection(client(server).submit(input()));
    expect(error).toMatchObject({ code: "httpError", status: 429, retryable: true });
    expect(error.message).toContain("Rate limit exceeded");
    expect(server.submits).toBe(4);
    expect(server.queued.size).toBe(0);
  });

  it("status and result are retried on 5xx, resets and unreadable answers", async () => {
    const server = await fake();
    server.inject({ kind: "500", on: "status" }, { kind: "reset", on: "status" }, { kind: "502", on: "result" }, { kind: "not-json", on: "result" });
    const result = await client(server).run(input());
    expect(result.data.video.url).toMatch(/^https:/);
    expect(server.submits).toBe(1);
  });
});

describe("fal: URLs from the answer", () => {
  it("refuses status/response/cancel URLs on another origin: the key is never sent there", async () => {
    const evil = await receiver();
    const server = await fake({ urlOrigin: evil.url });
    const error = await rejection(client(server).run(input()));
    expect(error).toMatchObject({ code: "invalidResponse", retryable: false });
    expect(error.message).toContain(`points to ${evil.url}, not to ${server.url}`);
    expect(evil.received).toEqual([]);
    expect(server.submits).toBe(1);

    // The same for an object handed to status/result/cancel.
    const fal = client(server);
    const hostile = { request_id: "r1", status_url: `${evil.url}/x/status`, response_url: `${evil.url}/x`, cancel_url: `${evil.url}/x/cancel` };
    await expect(fal.status(hostile)).rejects.toMatchObject({ code: "invalidResponse" });
    await expect(fal.result(hostile)).rejects.toMatchObject({ code: "invalidResponse" });
    await expect(fal.cancel(hostile)).rejects.toMatchObject({ code: "invalidResponse" });
    await expect(fal.status({ request_id: "r1", status_url: "file:///etc/passwd" })).rejects.toMatchObject({ code: "invalidResponse" });
    await expect(fal.status({ request_id: "r1", status_url: `${server.url.replace("http://", "http://user:pw@")}/x` })).rejects.toMatchObject({ code: "invalidResponse" });
    expect(evil.received).toEqual([]);
  });

  it("refuses a request reference without a request_id", async () => {
    const server = await fake();
    await expect(client(server).status({} as never)).rejects.toMatchObject({ code: "invalidOptions" });
    await expect(client(server).status("")).rejects.toMatchObject({ code: "invalidOptions" });
    expect(server.requests).toEqual([]);
  });
});

describe("fal: abort and redaction", () => {
  it("an abort while polling rejects with aborted, carrying the request id (the request goes on at fal)", async () => {
    const server = await fake();
    const controller = new AbortController();
    const run = client(server).run(input("[never] a fox"), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.status === "IN_PROGRESS") controller.abort(new Error("user left"));
      },
    });
    const error = await rejection(run);
    expect(error).toMatchObject({ code: "aborted", retryable: false });
    expect(server.queued.has(error.requestId ?? "")).toBe(true);
    const polls = server.requests.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.length).toBe(polls);
  });

  it("an already-aborted signal sends nothing; an abort during a hanging submit stops it at once", async () => {
    const server = await fake();
    await expect(client(server).run(input(), { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "aborted" });
    expect(server.requests).toEqual([]);

    server.inject({ kind: "hang", on: "submit" });
    const controller = new AbortController();
    const pending = client(server).submit(input(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ code: "aborted" });
  });

  it("the key never appears in an error, even when fal echoes it", async () => {
    const echo: typeof fetch = async (url) => {
      const text = String(url);
      if (text.endsWith("/status")) return new Response(JSON.stringify({ detail: `bad key ${KEY}`, [KEY]: { deep: [KEY] } }), { status: 403 });
      return new Response(JSON.stringify({ request_id: "r1", status: "IN_QUEUE", status_url: `https://queue.fal.run/fal-ai/kling-video/requests/r1/status`, response_url: "https://queue.fal.run/fal-ai/kling-video/requests/r1", cancel_url: "https://queue.fal.run/fal-ai/kling-video/requests/r1/cancel" }), { status: 200 });
    };
    const fal = createFalClient<Input, Output>(klingBinding(), { apiKey: ` ${KEY} `, fetch: echo, retries: 0, poll: { firstDelayMs: 1, maxDelayMs: 1, budgetMs: 1000 } });
    const error = await rejection(fal.run(input()));
    expect(error).toMatchObject({ code: "httpError", status: 403, requestId: "r1" });
    const shown = [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: Infinity })].join("\n");
    expect(shown).toContain("[redacted]");
    expect(shown).not.toContain(KEY);

    const failed: typeof fetch = async (url) =>
      String(url).endsWith("/status")
        ? new Response(JSON.stringify({ request_id: "r1", status: "COMPLETED", error: `runner saw ${KEY}` }), { status: 200 })
        : echo(url);
    const ended = await rejection(createFalClient<Input, Output>(klingBinding(), { apiKey: KEY, fetch: failed, retries: 0, poll: { firstDelayMs: 1, maxDelayMs: 1, budgetMs: 1000 } }).run(input()));
    expect(ended.code).toBe("requestFailed");
    expect(JSON.stringify(ended) + ended.message).not.toContain(KEY);
  });

  it("a short or missing key is refused when the client is made", () => {
    expect(() => createFalClient(klingBinding(), { apiKey: "" })).toThrow(/apiKey/);
    expect(() => createFalClient(klingBinding(), { apiKey: "short" })).toThrow(/not a real API key/);
  });
});
