// Transport faults against the fake Runware server: what is retried (timeouts, resets, 408,
// 429, 5xx, unreadable 200s), how long the client waits (Retry-After), what is not retried,
// the conflictTaskUUID path after an ambiguous submit, and partial batch failure.

import { afterEach, describe, expect, it } from "vitest";
import { createRunwareClient, ModelgenError } from "../../templates/runtime/index.js";
import { fastOptions, useFakeRunware, wanTask, wanVideoBinding, type FakeRunware, type Fault } from "../helpers/fake-runware.js";

const KEY = "rw-test-key-faults";
type Video = { taskUUID: string; videoUUID: string };

const fake = useFakeRunware(KEY, afterEach);
/** Short only where a hang must time out; generous elsewhere so a loaded machine is no fault. */
function timeoutFor(kind: Fault["kind"]): number {
  return kind === "hang" ? 250 : 5000;
}
function submits(server: FakeRunware): number {
  return server.requests.filter((r) => r.kind === "submit").length;
}

const TRANSIENT: Array<[string, Fault]> = [
  ["429 without Retry-After", { kind: "429" }],
  ["429 with Retry-After: 0", { kind: "429", retryAfter: "0" }],
  ["503", { kind: "503" }],
  ["503 with a past HTTP-date Retry-After", { kind: "503", retryAfter: new Date(Date.now() - 60_000).toUTCString() }],
  ["504", { kind: "504" }],
  ["500 with an empty body", { kind: "500-empty" }],
  ["200 that is not JSON", { kind: "not-json" }],
  ["connection reset", { kind: "reset" }],
  ["a hang past the timeout", { kind: "hang" }],
  ["408", { kind: "custom", status: 408, body: { errors: [{ code: "requestTimeout", message: "slow" }] } }],
];

describe("runware: transient faults are retried", () => {
  it.each(TRANSIENT)("submit: %s", async (_name, fault) => {
    const server = await fake();
    server.inject({ ...fault, on: "submit" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { timeoutMs: timeoutFor(fault.kind) }));
    const results = await client.run(wanTask());
    expect(results).toHaveLength(1);
    expect(submits(server)).toBe(2);
    expect(server.requests[0]?.fault).toBe(fault.kind);
    expect(server.tasks.size).toBe(1);
    expect(server.doubleSubmits).toBe(0);
  });

  it.each(TRANSIENT)("poll: %s", async (_name, fault) => {
    const server = await fake();
    server.inject({ ...fault, on: "poll" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { timeoutMs: timeoutFor(fault.kind) }));
    await expect(client.run(wanTask())).resolves.toHaveLength(1);
    expect(server.requests.some((r) => r.kind === "poll" && r.fault === fault.kind)).toBe(true);
    expect(submits(server)).toBe(1);
  });

  it("gives up after retries.max with a retryable error carrying the API's code", async () => {
    const server = await fake();
    server.inject(...Array.from({ length: 4 }, (): Fault => ({ kind: "503", on: "submit" })));
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { retries: { max: 3, baseMs: 1, capMs: 10 } }));
    await expect(client.run(wanTask())).rejects.toMatchObject({ code: "serviceUnavailable", status: 503, retryable: true });
    expect(submits(server)).toBe(4);
  });

  it("retries: 0 turns retrying off", async () => {
    const server = await fake();
    server.inject({ kind: "reset", on: "submit" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { retries: 0 }));
    await expect(client.run(wanTask())).rejects.toMatchObject({ code: "networkError" });
    expect(submits(server)).toBe(1);
  });

  it("keeps polling through an outage longer than one request's retries", async () => {
    const server = await fake();
    server.inject(...Array.from({ length: 5 }, (): Fault => ({ kind: "503", on: "poll" })));
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { retries: { max: 1, baseMs: 1, capMs: 5 } }));
    await expect(client.run(wanTask())).resolves.toHaveLength(1);
  });

  it("uses the injected random source for jitter and sleep for the waits", async () => {
    const server = await fake();
    server.inject({ kind: "503", on: "submit" }, { kind: "503", on: "submit" });
    const waits: number[] = [];
    const client = createRunwareClient<Record<string, unknown>, Video>(
      wanVideoBinding(),
      fastOptions(server.url, KEY, {
        retries: { max: 3, baseMs: 100, capMs: 1000 },
        random: () => 1,
        sleep: async (ms) => {
          waits.push(ms);
        },
      }),
    );
    await client.submit(wanTask());
    expect(waits).toEqual([70, 140]); // base·2^n minus the full 30% jitter
  });
});

describe("runware: an ambiguous submit is not repeated once accepted", () => {
  it.each<Fault["kind"]>(["reset", "hang", "504", "500-empty", "not-json"])("accepted, then %s: the retry's conflictTaskUUID means go on polling", async (kind) => {
    const server = await fake();
    server.inject({ kind, on: "submit", phase: "after" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { timeoutMs: timeoutFor(kind) }));
    const results = await client.run(wanTask());
    expect(results).toHaveLength(1);
    const taskUUID = results[0]?.taskUUID ?? "";
    expect(server.submitsPerTask.get(taskUUID)).toBe(2); // the lost one and the conflicting retry
    expect(submits(server)).toBe(2);
    expect(server.tasks.size).toBe(1);
    expect(server.doubleSubmits).toBe(0);
    expect(server.requests.at(-1)?.kind).toBe("poll");
  });

  it("a conflict on the first attempt (a reused taskUUID) is an error", async () => {
    const server = await fake();
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const taskUUID = crypto.randomUUID();
    await client.submit(wanTask("first", { taskUUID }));
    const error = await client.submit(wanTask("second", { taskUUID })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelgenError);
    expect(error).toMatchObject({ code: "conflictTaskUUID", taskUUID, status: 400, retryable: false });
  });
});

describe("runware: runBatch", () => {
  it("one POST; partial failure at submit and during processing; others still succeed; order kept", async () => {
    const server = await fake({
      plan: (task) => {
        const prompt = String(task.positivePrompt);
        if (prompt.includes("[reject]")) return { reject: { code: "invalidPositivePrompt", message: "prompt refused", parameter: "positivePrompt" } };
        if (prompt.includes("[fail]")) return { failAfter: 2 };
        return { stepsPerResult: 2 };
      },
    });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const out = await client.runBatch([
      wanTask("ok one"),
      wanTask("[reject] this"),
      wanTask("invalid", { width: 1 }),
      wanTask("[fail] later"),
      wanTask("ok two", { numberResults: 2 }),
    ]);
    expect(out.map((o) => o.ok)).toEqual([true, false, false, false, true]);
    expect(out[1]).toMatchObject({ ok: false, error: { code: "invalidPositivePrompt", parameter: "positivePrompt", status: 200 } });
    expect(out[2]).toMatchObject({ ok: false, error: { code: "invalidTask" } });
    expect(out[3]).toMatchObject({ ok: false, error: { code: "providerContentPolicyViolation" } });
    expect(out[4]).toMatchObject({ ok: true });
    if (out[4]?.ok) expect(out[4].results).toHaveLength(2);
    for (const o of out) if (o.ok) expect(o.results.every((r) => r.taskUUID === o.taskUUID)).toBe(true);
    expect(submits(server)).toBe(1);
    expect(server.requests[0]?.taskUUIDs).toHaveLength(4); // the invalid one never left the client
    expect(server.submitsPerTask.has(out[2]?.taskUUID ?? "")).toBe(false);
  });

  it("a batch whose submit fails as a whole reports every task with that error", async () => {
    const server = await fake();
    server.inject({ kind: "custom", on: "submit", status: 401, body: { errors: [{ code: "invalidApiKey", message: "nope" }] } });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const out = await client.runBatch([wanTask("a"), wanTask("b")]);
    expect(out).toMatchObject([
      { ok: false, error: { code: "invalidApiKey", status: 401 } },
      { ok: false, error: { code: "invalidApiKey", status: 401 } },
    ]);
    expect(out[0]?.taskUUID).not.toBe(out[1]?.taskUUID);
  });

  it("a retried batch whose tasks all conflict is accepted as a whole", async () => {
    const server = await fake();
    server.inject({ kind: "reset", on: "submit", phase: "after" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const out = await client.runBatch([wanTask("a"), wanTask("b"), wanTask("c")]);
    expect(out.every((o) => o.ok)).toBe(true);
    expect([...server.submitsPerTask.values()]).toEqual([2, 2, 2]);
    expect(server.doubleSubmits).toBe(0);
  });

  it("aborting a batch rejects it", async () => {
    const server = await fake({ plan: () => ({ never: true }) });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(client.runBatch([wanTask("a"), wanTask("b")], { signal: controller.signal })).rejects.toMatchObject({ code: "aborted" });
  });
});
