// Retry-After against the fake Runware server: the client never retries sooner than the
// server asks (delta-seconds or HTTP date), and gives up rather than wait beyond capMs.
// Only lower bounds on elapsed time are asserted. Kept apart from the other fault tests
// because these wait for real seconds and can run in parallel with them.

import { afterEach, describe, expect, it } from "vitest";
import { createRunwareClient } from "../../templates/runtime/index.js";
import { fastOptions, startFakeRunware, wanTask, wanVideoBinding, type FakeRunware } from "../helpers/fake-runware.js";

const KEY = "rw-test-key-retry-after";
type Video = { taskUUID: string; videoUUID: string };

const servers: FakeRunware[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
async function fake(): Promise<FakeRunware> {
  const s = await startFakeRunware({ apiKey: KEY });
  servers.push(s);
  return s;
}
function submits(server: FakeRunware): number {
  return server.requests.filter((r) => r.kind === "submit").length;
}

describe("runware: Retry-After", () => {
  it("waits at least the delta-seconds the server asks for", async () => {
    const server = await fake();
    server.inject({ kind: "429", on: "submit", retryAfter: "1" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { retries: { max: 2, baseMs: 5, capMs: 2000 } }));
    const started = performance.now();
    await client.submit(wanTask());
    expect(performance.now() - started).toBeGreaterThanOrEqual(995);
    expect(submits(server)).toBe(2);
  });

  it("waits until an HTTP-date Retry-After", async () => {
    const server = await fake();
    const until = Math.ceil((Date.now() + 300) / 1000) * 1000; // whole second: exact in IMF-fixdate
    server.inject({ kind: "503", on: "submit", retryAfter: new Date(until).toUTCString() });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY, { retries: { max: 2, baseMs: 5, capMs: 3000 } }));
    await client.submit(wanTask());
    expect(submits(server)).toBe(2);
    const retriedAt = server.requests[1]?.at ?? 0;
    expect(retriedAt).toBeGreaterThanOrEqual(until - 5);
  });

  it("does not retry sooner than asked: a Retry-After beyond capMs ends the retries, reported on the error", async () => {
    const server = await fake();
    server.inject({ kind: "429", on: "submit", retryAfter: "120" });
    const client = createRunwareClient<Record<string, unknown>, Video>(wanVideoBinding(), fastOptions(server.url, KEY));
    await expect(client.run(wanTask())).rejects.toMatchObject({ code: "rateLimitExceeded", status: 429, retryable: true, retryAfterMs: 120_000 });
    expect(submits(server)).toBe(1);
  });
});
