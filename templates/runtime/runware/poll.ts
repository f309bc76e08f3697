// Async delivery: ask `getResponse` for one task at a growing interval until it has
// numberResults successes, reports an error, or the polling budget runs out.

import { pollDelay } from "../backoff.js";
import { ModelgenError, isModelgenError, withErrorFields } from "../errors.js";
import type { Limiter } from "../limit.js";
import { errorItemsFor, dataItemsFor, httpError, itemState, readRunwareAnswer, runwareError } from "./answer.js";
import type { RunwareContext, RunwareProgress } from "./context.js";

export interface PollTaskOptions<TResult> {
  numberResults?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RunwareProgress<TResult>) => void;
}

type PollStep<TResult> = { done: true; results: TResult[] } | { done: false; results: TResult[]; progress?: number };

/** One getResponse exchange. Throws task errors; transient failures come back as retryable errors. */
async function pollOnce<TResult>(ctx: RunwareContext, taskUUID: string, numberResults: number, deadline: number, signal?: AbortSignal): Promise<PollStep<TResult>> {
  const response = await ctx.transport.send({
    method: "POST",
    url: ctx.options.baseUrl,
    body: [{ taskType: "getResponse", taskUUID }],
    signal,
    deadline,
    idempotent: true,
  });
  const answer = readRunwareAnswer(response.body);
  const ok = response.status >= 200 && response.status < 300;
  if (!answer) {
    if (!ok) throw httpError(response.status, response.text, ctx.redact, taskUUID, response.retryAfterMs);
    throw new ModelgenError({ code: "invalidResponse", message: "getResponse answer is not a JSON object", status: response.status, taskUUID });
  }
  const errorItem = errorItemsFor(answer, taskUUID)[0];
  const context = { redact: ctx.redact, status: response.status, taskUUID, taskLevel: ok, retryAfterMs: response.retryAfterMs };
  if (errorItem) throw runwareError(errorItem, context);
  if (!ok) throw httpError(response.status, response.text, ctx.redact, taskUUID, response.retryAfterMs);

  const items = dataItemsFor(answer, taskUUID);
  const results = items.filter((i) => itemState(i) === "success") as TResult[];
  if (results.length >= numberResults) return { done: true, results };
  const figures = items.map((i) => i.progress).filter((p): p is number => typeof p === "number" && Number.isFinite(p));
  return figures.length > 0 ? { done: false, results, progress: Math.max(...figures) } : { done: false, results };
}

export async function pollTask<TResult>(ctx: RunwareContext, taskUUID: string, options: PollTaskOptions<TResult> = {}, limit?: Limiter): Promise<TResult[]> {
  const { now, poll } = ctx.options;
  const numberResults = options.numberResults ?? 1;
  const deadline = now() + poll.budgetMs;
  let results: TResult[] = [];
  let lastTransient: ModelgenError | undefined;

  for (let n = 0; ; n++) {
    const wait = Math.min(pollDelay(n, poll), deadline - now());
    if (wait >= 0) await ctx.sleep(wait, options.signal);
    if (deadline - now() <= 0) {
      throw new ModelgenError({
        code: "pollTimeout",
        message: `Task ${taskUUID} did not finish within the polling budget of ${poll.budgetMs} ms (${results.length}/${numberResults} results)`,
        taskUUID,
        retryable: false,
        cause: lastTransient,
      });
    }
    let step: PollStep<TResult>;
    try {
      const run = (): Promise<PollStep<TResult>> => pollOnce<TResult>(ctx, taskUUID, numberResults, deadline, options.signal);
      step = await (limit ? limit(run) : run());
    } catch (error) {
      // The task keeps running server-side; a passing outage must not lose its result.
      if (isModelgenError(error) && error.retryable && error.code !== "aborted") {
        lastTransient = error;
        continue;
      }
      throw isModelgenError(error) && error.taskUUID === undefined ? withErrorFields(error, { taskUUID }) : error;
    }
    lastTransient = undefined;
    // Answers are cumulative; never let a shorter (reordered or stale) answer shrink the set.
    if (step.results.length >= results.length) results = step.results;
    const report: RunwareProgress<TResult> = { taskUUID, status: step.done ? "success" : "processing", results: [...results] };
    if (!step.done && step.progress !== undefined) report.progress = step.progress;
    options.onProgress?.(report);
    if (step.done) return results;
  }
}
