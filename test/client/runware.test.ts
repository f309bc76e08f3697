// The Runware client against the fake Runware server: request shape, validation, polling,
// sync delivery, task errors, error shapes, budgets, aborts and key redaction.

import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createRunwareClient, isUuid, type RunwareBinding, type RunwareProgress } from "../../templates/runtime/index.js";
import { fastOptions, useFakeRunware, wanTask, wanVideoBinding } from "../helpers/fake-runware.js";
import { rejection } from "../helpers/rejection.js";

const KEY = "rw-test-key-4f1d9c2e7a";
type Video = { taskUUID: string; videoUUID: string; videoURL: string; status?: string };

const fake = useFakeRunware(KEY, afterEach);

describe("runware: request shape and polling", () => {
  it("sends the key as a Bearer header and fills taskType, model, a v4 taskUUID and deliveryMethod", async () => {
    const server = await fake();
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const results = await client.run(wanTask());

    expect(results).toHaveLength(1);
    expect(server.requests.length).toBeGreaterThan(1);
    for (const r of server.requests) expect(r.authorization).toBe(`Bearer ${KEY}`);
    const [task] = [...server.tasks.values()];
    expect(task?.task).toMatchObject({ taskType: "videoInference", model: "alibaba:wan@2.7", deliveryMethod: "async", width: 1280, height: 720 });
    expect(isUuid(task?.taskUUID)).toBe(true);
    expect(task?.taskUUID.charAt(14)).toBe("4");
    expect(results[0]).toMatchObject({ taskUUID: task?.taskUUID, status: "success" });
    expect(results[0]?.videoURL).toMatch(/^https:\/\//);
    expect(server.requests.filter((r) => r.kind === "submit")).toHaveLength(1);
    expect(server.requests.slice(1).every((r) => r.kind === "poll")).toBe(true);
  });

  it("keeps a taskUUID given in the input", async () => {
    const server = await fake();
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const taskUUID = crypto.randomUUID();
    const results = await client.run(wanTask("A red kite", { taskUUID }));
    expect(results[0]?.taskUUID).toBe(taskUUID);
    expect([...server.tasks.keys()]).toEqual([taskUUID]);
  });

  it("polls cumulative answers until numberResults successes, reporting progress as results grow", async () => {
    const server = await fake({ plan: () => ({ stepsPerResult: 2 }) });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const reports: RunwareProgress<Video>[] = [];
    const results = await client.run(wanTask("Three variations", { numberResults: 3 }), { onProgress: (p) => reports.push(p) });

    expect(results).toHaveLength(3);
    expect(new Set(results.map((r) => r.videoUUID)).size).toBe(3);
    const counts = reports.map((p) => p.results.length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts)).toEqual(new Set([0, 1, 2, 3]));
    expect(reports.some((p) => typeof p.progress === "number" && p.progress > 0)).toBe(true);
    expect(reports.slice(0, -1).every((p) => p.status === "processing")).toBe(true);
    expect(reports.at(-1)).toMatchObject({ status: "success", taskUUID: results[0]?.taskUUID });
    expect(server.requests.filter((r) => r.kind === "poll")).toHaveLength(6);
  });

  it.each(["pending", "queued", "somethingNew"])("treats status %s as still running", async (word) => {
    const server = await fake({ plan: () => ({ processingStatus: word }) });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    await expect(client.run(wanTask())).resolves.toHaveLength(1);
  });

  it("submit() acknowledges and poll() collects separately", async () => {
    const server = await fake();
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const ack = await client.submit(wanTask("Two", { numberResults: 2 }));
    expect(ack.results).toBeUndefined();
    expect(server.tasks.has(ack.taskUUID)).toBe(true);
    const results = await client.poll(ack.taskUUID, { numberResults: 2 });
    expect(results.map((r) => r.taskUUID)).toEqual([ack.taskUUID, ack.taskUUID]);
  });
});

describe("runware: validation", () => {
  it("never sends an invalid task: invalidTask with JSON Pointer issues, and the server sees nothing", async () => {
    const server = await fake();
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const error = await rejection(client.run(wanTask("Bad size", { width: 1000, height: 720, sparkle: true })));
    expect(error.code).toBe("invalidTask");
    expect(error.retryable).toBe(false);
    expect(isUuid(error.taskUUID)).toBe(true);
    expect(error.issues?.map((i) => i.path)).toContain("/sparkle");
    expect(error.issues?.every((i) => i.path === "" || i.path.startsWith("/"))).toBe(true);
    await expect(client.submit(wanTask("x".repeat(5001)))).rejects.toMatchObject({ code: "invalidTask" });
    expect(await client.runBatch([wanTask("Bad", { duration: 99 })])).toMatchObject([{ ok: false, error: { code: "invalidTask" } }]);
    expect(server.requests).toHaveLength(0);
  });

  it("validate:false sends it; the API's 400 comes back with code, parameter, status and is not retried", async () => {
    const server = await fake();
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const error = await rejection(client.run(wanTask("Bad size", { duration: 99 }), { validate: false }));
    expect(error).toMatchObject({ code: "invalidDuration", parameter: "duration", status: 400, retryable: false });
    expect(isUuid(error.taskUUID)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects a non-object input without sending", async () => {
    const server = await fake();
    const client = createRunwareClient<unknown, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    await expect(client.run("not a task")).rejects.toMatchObject({ code: "invalidTask", issues: [{ path: "" }] });
    expect(server.requests).toHaveLength(0);
  });
});

describe("runware: task and API errors", () => {
  it.each(["item", "errors"] as const)("an error in a poll answer (%s style) ends the task with that error, unretried", async (failStyle) => {
    const server = await fake({ plan: () => ({ failAfter: 2, failStyle, failWith: { code: "providerContentPolicyViolation", message: "refused" } }) });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const error = await rejection(client.run(wanTask()));
    expect(error).toMatchObject({ code: "providerContentPolicyViolation", message: "refused", retryable: false });
    expect(server.tasks.has(error.taskUUID ?? "")).toBe(true);
    expect(server.requests.filter((r) => r.kind === "poll")).toHaveLength(2);
    expect(server.submitsPerTask.get(error.taskUUID ?? "")).toBe(1);
  });

  it.each([
    ["{error: {...}}", 400, { error: { code: "invalidModel", message: "no such model", parameter: "model" } }, { code: "invalidModel", parameter: "model" }],
    ["legacy {errorId, errorMessage}", 400, { errors: [{ errorId: 19, errorMessage: "legacy failure" }] }, { code: "19", message: "legacy failure" }],
    ["parameter as an array", 400, { errors: [{ code: "incompatibleParameters", message: "pick one", parameter: ["width", "resolution"] }] }, { parameter: ["width", "resolution"] }],
    ["402 insufficientCredits", 402, { errors: [{ code: "insufficientCredits", message: "top up" }] }, { code: "insufficientCredits", status: 402 }],
    ["403 without a body", 403, undefined, { code: "httpError", status: 403 }],
  ])("reads %s and does not retry it", async (_name, status, body, expected) => {
    const server = await fake();
    server.inject({ kind: "custom", on: "submit", status, body });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const error = await rejection(client.run(wanTask()));
    expect(error).toMatchObject({ retryable: false, ...expected });
    expect(server.requests).toHaveLength(1);
  });

  it("never puts the API key in an error, even when the server echoes it (401, not retried)", async () => {
    const server = await fake();
    const wrongKey = "rw-live-SECRET-0123456789abcdef";
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, wrongKey));
    const error = await rejection(client.run(wanTask()));
    expect(error).toMatchObject({ code: "invalidApiKey", status: 401, retryable: false });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.authorization).toBe(`Bearer ${wrongKey}`);
    for (const text of [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(wrongKey);
    }
    expect(error.message).toContain("[redacted]");
  });

  it("keeps the key out of transport errors too", async () => {
    const server = await fake();
    server.inject({ kind: "reset", on: "submit" }, { kind: "reset", on: "submit" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { retries: { max: 1, baseMs: 1, capMs: 5 } }));
    const error = await rejection(client.run(wanTask()));
    expect(error).toMatchObject({ code: "networkError", retryable: true });
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(KEY);
  });
});

describe("runware: sync delivery", () => {
  const imageBinding: RunwareBinding = {
    modelId: "alibaba:wan@2.7-image",
    taskType: "imageInference",
    deliveryMethods: ["sync", "async"],
    defaultDelivery: "sync",
    validateTask: (task) => (typeof (task as { positivePrompt?: unknown }).positivePrompt === "string" ? [] : [{ path: "/positivePrompt", message: "is required" }]),
  };
  type Image = { taskUUID: string; imageUUID: string; imageURL: string };

  it("takes the results from the submit answer, with no polling", async () => {
    const server = await fake({ mode: "sync", validateTask: () => [] });
    const client = createRunwareClient<Record<string, unknown>, Image>(imageBinding, fastOptions(server.url, KEY));
    const reports: unknown[] = [];
    const results = await client.run({ positivePrompt: "A teapot", numberResults: 2 }, { onProgress: (p) => reports.push(p) });
    expect(results).toHaveLength(2);
    expect(results[0]?.imageURL).toMatch(/^https:/);
    expect(server.requests).toHaveLength(1);
    expect([...server.tasks.values()][0]?.task).toMatchObject({ deliveryMethod: "sync", taskType: "imageInference" });
    expect(reports).toHaveLength(1);
    const direct = await client.submit({ positivePrompt: "A kettle" });
    expect(direct.results).toHaveLength(1);
  });

  it("after a lost sync answer, the retry's conflictTaskUUID leads to getResponse for the results", async () => {
    const server = await fake({ mode: "sync", validateTask: () => [] });
    server.inject({ kind: "reset", on: "submit", phase: "after" });
    const client = createRunwareClient<Record<string, unknown>, Image>(imageBinding, fastOptions(server.url, KEY));
    const results = await client.run({ positivePrompt: "A teapot" });
    expect(results).toHaveLength(1);
    expect(server.requests.map((r) => r.kind)).toEqual(["submit", "submit", "poll"]);
    expect(server.doubleSubmits).toBe(0);
  });
});

describe("runware: budget and abort", () => {
  it("ends with pollTimeout when the polling budget runs out", async () => {
    const server = await fake({ plan: () => ({ never: true }) });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { poll: { firstDelayMs: 5, factor: 1.5, maxDelayMs: 20, budgetMs: 150 } }));
    const started = performance.now();
    const error = await rejection(client.run(wanTask()));
    expect(error).toMatchObject({ code: "pollTimeout", retryable: false });
    expect(server.tasks.has(error.taskUUID ?? "")).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("an abort during a hanging request stops at once and is not retried", async () => {
    const server = await fake();
    server.inject({ kind: "hang", on: "poll" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { timeoutMs: 10_000 }));
    const controller = new AbortController();
    const pending = client.run(wanTask(), { signal: controller.signal });
    while (!server.requests.some((r) => r.fault === "hang")) await new Promise((r) => setTimeout(r, 2));
    const seen = server.requests.length;
    const started = performance.now();
    controller.abort(new Error("user gave up"));
    const error = await rejection(pending);
    expect(error).toMatchObject({ code: "aborted", retryable: false });
    expect(performance.now() - started).toBeLessThan(3000); // far below timeoutMs: not waited out
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(seen);
  });

  it("an abort while waiting between polls stops before the next poll", async () => {
    const server = await fake();
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { poll: { firstDelayMs: 300 } }));
    const controller = new AbortController();
    const pending = client.run(wanTask(), { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 2));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: "aborted" });
    expect(server.requests.map((r) => r.kind)).toEqual(["submit"]);
  });

  it("an already-aborted signal sends nothing", async () => {
    const server = await fake();
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    await expect(client.run(wanTask(), { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "aborted" });
    expect(server.requests).toHaveLength(0);
  });
});
