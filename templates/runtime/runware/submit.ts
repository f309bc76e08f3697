// Sending tasks: one POST with the array of tasks, then one outcome per task. A retried POST
// that answers conflictTaskUUID for a task proves an earlier attempt was accepted.

import type { ModelgenError } from "../errors.js";
import { dataItemsFor, errorCode, errorItemsFor, httpError, itemState, readRunwareAnswer, runwareError, type RunwareAnswer } from "./answer.js";
import type { RunwareContext } from "./context.js";
import type { PreparedTask } from "./task.js";
import type { HttpResponse } from "../transport.js";

export type SubmitOutcome<TResult> =
  /** Accepted. `results` is set when a sync answer carried them. */
  | { accepted: true; task: PreparedTask; results?: TResult[] }
  | { accepted: false; task: PreparedTask; error: ModelgenError };

export const CONFLICT_TASK_UUID = "conflictTaskUUID";

function outcomeFor<TResult>(
  ctx: RunwareContext,
  task: PreparedTask,
  answer: RunwareAnswer,
  response: HttpResponse,
): SubmitOutcome<TResult> {
  const { status, text, retryAfterMs } = response;
  const retried = response.attempts > 1;
  const ok = status >= 200 && status < 300;
  const errors = errorItemsFor(answer, task.taskUUID);
  // Only a repeated POST can collide with itself; a conflict on the first attempt is a reused UUID.
  if (retried && errors.some((e) => errorCode(e) === CONFLICT_TASK_UUID)) return { accepted: true, task };
  const first = errors[0];
  if (first) return { accepted: false, task, error: runwareError(first, { redact: ctx.redact, status, taskUUID: task.taskUUID, taskLevel: ok, retryAfterMs }) };
  if (!ok) return { accepted: false, task, error: httpError(status, text, ctx.redact, task.taskUUID, retryAfterMs) };

  const items = dataItemsFor(answer, task.taskUUID);
  if (task.delivery === "sync") {
    const results = items.filter((i) => itemState(i) === "success") as TResult[];
    if (results.length > 0) return { accepted: true, task, results };
  }
  // An async ack, or an answer that does not mention the task: getResponse will tell.
  return { accepted: true, task };
}

/**
 * Sends all `tasks` in one request. Rejects only when the whole exchange failed (timeout,
 * network, unreadable answer, abort); per-task API errors come back as outcomes.
 */
export async function submitTasks<TResult>(ctx: RunwareContext, tasks: PreparedTask[], signal?: AbortSignal): Promise<SubmitOutcome<TResult>[]> {
  if (tasks.length === 0) return [];
  const response = await ctx.transport.send({
    method: "POST",
    url: ctx.options.baseUrl,
    body: tasks.map((t) => t.task),
    signal,
    idempotent: true, // the taskUUIDs make a repeated POST detectable (conflictTaskUUID)
  });
  const answer = readRunwareAnswer(response.body) ?? { data: [], errors: [] };
  return tasks.map((task) => outcomeFor<TResult>(ctx, task, answer, response));
}
