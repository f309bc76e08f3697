// Property test: 60 fal runs, 8 at a time, while the fake queue meets faults drawn from a PRNG with a fixed seed
// (which run meets which fault depends on arrival order). Properties: every run ends once, in its output or in an
// error of the kinds its faults explain; no input is ever queued twice (a submit is never repeated once a request
// may exist); every request that was queued is accounted for by a run's result or error.

import { afterEach, expect, it } from "vitest";
import { createFalClient, isModelgenError, type FalResult, type ModelgenError } from "../../templates/runtime/index.js";
import { createLimiter } from "../../templates/runtime/limit.js";
import { mulberry32 } from "../helpers/fake-runware.js";
import { klingBinding, startFakeFal, type FakeFal, type FalFault } from "../helpers/fake-fal.js";

const SEED = 0xfa1_2026;
const RUNS = 60;
const FAULTS = 50;
const KEY = "fal-soak-key-0001";
type Output = { video: { url: string } };

let server: FakeFal | undefined;
afterEach(async () => {
  await server?.stop();
});

function drawFaults(random: () => number): FalFault[] {
  const menu: FalFault[] = [
    { kind: "429", on: "submit" },
    { kind: "503", on: "submit" },
    { kind: "500", on: "submit" },
    { kind: "reset", on: "submit", phase: "after" },
    { kind: "not-json", on: "submit", phase: "after" },
    { kind: "500", on: "status" },
    { kind: "reset", on: "status" },
    { kind: "not-json", on: "status", phase: "after" },
    { kind: "502", on: "result" },
    { kind: "reset", on: "result" },
  ];
  return Array.from({ length: FAULTS }, () => menu[Math.floor(random() * menu.length)] as FalFault);
}

it(`${RUNS} runs through random faults: each ends once, no input is queued twice, no request is lost`, async () => {
  const random = mulberry32(SEED);
  server = await startFakeFal({ apiKey: KEY });
  const faults = drawFaults(random);
  server.inject(...faults);
  const client = createFalClient<Record<string, unknown>, Output>(klingBinding(), {
    apiKey: KEY,
    baseUrl: server.url,
    timeoutMs: 2000,
    // Enough retries that no run can meet more 429s, 503s or read faults in a row than it may repeat.
    retries: { max: 20, baseMs: 1, capMs: 5 },
    poll: { firstDelayMs: 1, factor: 1.5, maxDelayMs: 5, budgetMs: 10_000 },
  });
  const prompts = Array.from({ length: RUNS }, (_, i) => `soak run #${i}${random() < 0.15 ? " [fail]" : ""}`);
  const limit = createLimiter(8);
  const outcomes = await Promise.all(
    prompts.map((prompt) =>
      limit(async (): Promise<FalResult<Output> | ModelgenError> => {
        try {
          return await client.run({ prompt });
        } catch (error) {
          if (isModelgenError(error)) return error;
          throw error;
        }
      }),
    ),
  );

  // Faults really met runs: all of them were consumed.
  expect(server.faultsLeft()).toBe(0);
  expect(outcomes).toHaveLength(RUNS);

  // No input queued twice.
  const queuedByPrompt = new Map<string, number>();
  for (const r of server.queued.values()) queuedByPrompt.set(String(r.input.prompt), (queuedByPrompt.get(String(r.input.prompt)) ?? 0) + 1);
  expect([...queuedByPrompt.values()].every((n) => n === 1)).toBe(true);

  let succeeded = 0;
  let failedRuns = 0;
  let ambiguous = 0;
  let refused = 0;
  outcomes.forEach((outcome, i) => {
    const prompt = prompts[i] as string;
    if (!isModelgenError(outcome)) {
      succeeded++;
      expect(server?.queued.get(outcome.requestId)?.input.prompt).toBe(prompt);
      expect(prompt).not.toContain("[fail]");
      expect(outcome.data.video.url).toContain(outcome.requestId);
    } else if (outcome.code === "requestFailed") {
      failedRuns++;
      expect(prompt).toContain("[fail]");
      expect(server?.queued.get(outcome.requestId ?? "")?.input.prompt).toBe(prompt);
    } else if (outcome.code === "httpError" && outcome.status === 500) {
      // A 500 to the submit is not repeated; the fake queued nothing on it.
      refused++;
      expect(outcome.retryable).toBe(false);
      expect(queuedByPrompt.has(prompt)).toBe(false);
    } else {
      // A reset or an unreadable answer after the fake queued the request: it exists, and was not submitted again.
      ambiguous++;
      expect(["networkError", "invalidResponse"]).toContain(outcome.code);
      expect(outcome.message).toMatch(/may have been processed, so it was not repeated/);
      expect(queuedByPrompt.get(prompt)).toBe(1);
    }
  });
  expect(succeeded + failedRuns + ambiguous + refused).toBe(RUNS);
  expect(server.queued.size).toBe(succeeded + failedRuns + ambiguous);
  // The draw above puts each kind of outcome in play (the counts are fixed by the seed, not by timing).
  expect(succeeded).toBeGreaterThan(RUNS / 2);
  expect(failedRuns).toBeGreaterThan(0);
  expect(ambiguous + refused).toBe(faults.filter((f) => f.on === "submit" && f.kind !== "429" && f.kind !== "503").length);
});
