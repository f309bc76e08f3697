import type { ModelgenError } from "../errors.js";
import type { RunwareContext } from "./context.js";
import type { PreparedTask } from "./task.js";
export type SubmitOutcome<TResult> =
  /** Accepted. `results` is set when a sync answer carried them. */
  | {
      accepted: true;
      task: PreparedTask;
      results?: TResult[];
    }
  | {
      accepted: false;
      task: PreparedTask;
      error: ModelgenError;
    };
export declare const CONFLICT_TASK_UUID = "conflictTaskUUID";
/**
 * Sends all `tasks` in one request. Rejects only when the whole exchange failed (timeout,
 * network, unreadable answer, abort); per-task API errors come back as outcomes.
 */
export declare function submitTasks<TResult>(
  ctx: RunwareContext,
  tasks: PreparedTask[],
  signal?: AbortSignal,
): Promise<SubmitOutcome<TResult>[]>;
