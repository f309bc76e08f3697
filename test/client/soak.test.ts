// Property/soak test: 200 tasks through run() and runBatch() while the fake server injects
// faults at random from a PRNG with a fixed seed (the same fault sequence every run; which
// request meets which fault depends on arrival order). Property: every task ends in exactly
// one result set or one error, matching what the server did with it; none is lost, none is
// accepted twice, none is submitted again once the client has begun polling it.

import { afterEach, expect, it } from "vitest";
import { createRunwareClient, type ModelgenError } from "../../templates/runtime/index.js";
import { createLimiter } from "../../templates/runtime/limit.js";
import { fastOptions, mulberry32, startFakeRunware, wanTask, wanVideoBinding, type FakeRunware, type TaskPlan } from "../helpers/fake-runware.js";

const SEED = 0x5eed_2025;
const TASKS = 200;
const KEY = "rw-soak-key";

type Kind = "ok" | "reject" | "fail" | "invalid";
interface Case {
  index: number;
  kind: Kind;
  prompt: string;
  numberResults: number;
  input: Record<string, unknown>;
}
type Video = { taskUUID: string; videoUUID: string };
type Outcome = { index: number; ok: true; taskUUID: string; results: Video[] } | { index: number; ok: false; taskUUID: string; error: ModelgenError };

/** The plan travels in the prompt, so the server needs no side channel. */
function planFromPrompt(task: Record<string, unknown>): TaskPlan {
  const prompt = String(task.positivePrompt);
  const steps = Number(/steps=(\d)/.exec(prompt)?.[1] ?? 2);
  const plan: TaskPlan = { stepsPerResult: steps, processingStatus: prompt.includes("[pending]") ? "pending" : "processing" };
  if (prompt.includes("[reject]")) plan.reject = { code: "invalidPositivePrompt", message: "refused at submit", parameter: "positivePrompt" };
  // Fails on the poll that would bring the last result, after any earlier ones.
  const last = steps * (typeof task.numberResults === "number" ? task.numberResults : 1);
  if (prompt.includes("[fail]")) Object.assign(plan, { failAfter: last, failStyle: prompt.includes("[style=errors]") ? "errors" : "item" });
  return plan;
}

function makeCases(random: () => number): Case[] {
  return Array.from({ length: TASKS }, (_, index) => {
    const r = random();
    const kind: Kind = r < 0.7 ? "ok" : r < 0.8 ? "reject" : r < 0.9 ? "fail" : "invalid";
    const numberResults = 1 + Math.floor(random() * 3);
    const tags = [`steps=${1 + Math.floor(random() * 2)}`, random() < 0.3 ? "[pending]" : "", kind === "reject" ? "[reject]" : "", kind === "fail" ? "[fail]" : "", random() < 0.5 ? "[style=errors]" : ""];
    const prompt = `soak task #${index} ${tags.join(" ")}`;
    const extra: Record<string, unknown> = { numberResults };
    if (kind === "invalid") extra.width = 1000; // no size pair in the spec has it
    if (random() < 0.5) extra.taskUUID = crypto.randomUUID();
    return { index, kind, prompt, numberResults, input: wanTask(prompt, extra) };
  });
}

/** What the client put on the wire, in order: a pass-through wrapper around the real fetch. */
interface Sent {
  kind: "submit" | "poll";
  taskUUIDs: string[];
}
function tracingFetch(sent: Sent[]): typeof fetch {
  return (input, init) => {
    const tasks = JSON.parse(String(init?.body ?? "[]")) as Array<{ taskType: string; taskUUID: string }>;
    sent.push({ kind: tasks.every((t) => t.taskType === "getResponse") ? "poll" : "submit", taskUUIDs: tasks.map((t) => t.taskUUID) });
    return fetch(input, init);
  };
}

let server: FakeRunware | undefined;
afterEach(async () => {
  await server?.stop();
});

it(`${TASKS} tasks under random faults (seed ${SEED}): each ends exactly once, none lost or duplicated`, { timeout: 30_000 }, async () => {
  const random = mulberry32(SEED);
  const cases = makeCases(random);
  server = await startFakeRunware({
    apiKey: KEY,
    plan: planFromPrompt,
    // Hangs cost a timeout each, so they are rarer than the rest.
    chaos: { seed: SEED, rate: 0.15, kinds: [...(["429", "503", "504", "500-empty", "not-json", "reset"] as const).flatMap((k) => [k, k, k]), "hang"] },
  });
  const sent: Sent[] = [];
  const client = createRunwareClient<Record<string, unknown>, Video>(
    wanVideoBinding(),
    fastOptions(server.url, KEY, {
      fetch: tracingFetch(sent),
      // Client and server share one event loop: keep the request rate below what it can serve,
      // and the timeout far above a healthy answer's latency, so only injected hangs time out (1 s was not, once,
      // with the machine's two cores shared by twenty processes).
      timeoutMs: 2000,
      retries: { max: 8, baseMs: 2, capMs: 40 },
      poll: { firstDelayMs: 5, factor: 1.5, maxDelayMs: 40, budgetMs: 25_000 },
      random: mulberry32(SEED + 1),
    }),
  );

  // 60% one by one through run() (48 at a time), the rest through runBatch in groups of 10.
  const single = cases.filter((c) => c.index % 10 < 6);
  const batched = cases.filter((c) => c.index % 10 >= 6);
  const groups: Case[][] = [];
  for (let i = 0; i < batched.length; i += 10) groups.push(batched.slice(i, i + 10));

  const limit = createLimiter(48);
  const runOne = async (c: Case): Promise<Outcome[]> => {
    try {
      const results = await client.run(c.input);
      return [{ index: c.index, ok: true, taskUUID: results[0]?.taskUUID ?? "", results }];
    } catch (error) {
      const e = error as ModelgenError;
      return [{ index: c.index, ok: false, taskUUID: e.taskUUID ?? "", error: e }];
    }
  };
  const settled: Outcome[][] = await Promise.all([
    ...single.map((c) => limit(() => runOne(c))),
    ...groups.map(async (group): Promise<Outcome[]> => {
      const out = await client.runBatch(group.map((c) => c.input), { concurrency: 4 });
      return out.map((o, i) => ({ ...o, index: (group[i] as Case).index }));
    }),
  ]);
  const outcomes = settled.flat().sort((a, b) => a.index - b.index);
  const fake = server;

  // Exactly one outcome per task, each with its own taskUUID.
  expect(outcomes.map((o) => o.index)).toEqual(cases.map((c) => c.index));
  const uuids = outcomes.map((o) => o.taskUUID);
  expect(uuids.every((u) => u !== "")).toBe(true);
  expect(new Set(uuids).size).toBe(TASKS);

  const problems: string[] = [];
  for (const o of outcomes) {
    const c = cases[o.index] as Case;
    const given = c.input.taskUUID;
    if (given !== undefined && given !== o.taskUUID) problems.push(`#${c.index}: taskUUID changed`);
    const stored = fake.tasks.get(o.taskUUID);
    const submits = fake.submitsPerTask.get(o.taskUUID) ?? 0;
    const code = o.ok ? "ok" : o.error.code;
    const want = { ok: "ok", reject: "invalidPositivePrompt", fail: "providerContentPolicyViolation", invalid: "invalidTask" }[c.kind];
    if (code !== want) problems.push(`#${c.index} (${c.kind}): ended ${code}${o.ok ? "" : `: ${o.error.message}`}`);
    if (c.kind === "invalid" && submits !== 0) problems.push(`#${c.index}: invalid task was sent`);
    if ((c.kind === "ok" || c.kind === "fail") && stored?.task.positivePrompt !== c.prompt) problems.push(`#${c.index}: server holds no such task`);
    if (c.kind === "reject" && (stored || submits === 0)) problems.push(`#${c.index}: rejected task registered or never sent`);
    if (o.ok) {
      const serverIds = stored?.results.map((r) => r.videoUUID);
      if (o.results.length !== c.numberResults) problems.push(`#${c.index}: ${o.results.length}/${c.numberResults} results`);
      if (JSON.stringify(o.results.map((r) => r.videoUUID)) !== JSON.stringify(serverIds)) problems.push(`#${c.index}: results differ from the server's`);
      if (o.results.some((r) => r.taskUUID !== o.taskUUID)) problems.push(`#${c.index}: foreign result`);
    }
  }
  expect(problems).toEqual([]);

  // Nothing the server accepted is unaccounted for.
  const expectedOnServer = cases.filter((c) => c.kind === "ok" || c.kind === "fail").length;
  expect(fake.tasks.size).toBe(expectedOnServer);

  // No task was submitted again once the client had begun polling it (judged on what the
  // client sent: on a loaded machine an abandoned attempt can reach the server late), and the
  // server never saw more submits of a task than the client sent.
  const firstPoll = new Map<string, number>();
  const clientSubmits = new Map<string, number>();
  sent.forEach((s, i) => {
    for (const u of s.taskUUIDs) {
      if (s.kind === "poll" && !firstPoll.has(u)) firstPoll.set(u, i);
      if (s.kind === "submit") clientSubmits.set(u, (clientSubmits.get(u) ?? 0) + 1);
    }
  });
  const late = sent.flatMap((s, i) => (s.kind === "submit" ? s.taskUUIDs.filter((u) => (firstPoll.get(u) ?? Infinity) < i) : []));
  expect(late).toEqual([]);
  for (const [u, n] of fake.submitsPerTask) expect(n).toBeLessThanOrEqual(clientSubmits.get(u) ?? 0);

  // The faults really happened, including answers lost after the task was accepted.
  const faulted = fake.requests.filter((r) => r.fault !== undefined);
  expect(new Set(faulted.map((r) => r.fault))).toEqual(new Set(["429", "503", "504", "500-empty", "not-json", "reset", "hang"]));
  expect(faulted.length).toBeGreaterThan(fake.requests.length * 0.1);
  const resubmitted = [...fake.tasks.values()].filter((t) => (fake.submitsPerTask.get(t.taskUUID) ?? 0) > 1);
  expect(resubmitted.length).toBeGreaterThan(0);
});
