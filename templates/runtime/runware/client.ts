// The Runware client a generated model module exposes: run (submit, then poll or take the
// sync results), submit, poll, and runBatch (one POST, then every task to its own end).

import { makeSleeper } from "../abort.js";
import { ModelgenError, invalidRequestError, isModelgenError, withErrorFields } from "../errors.js";
import { createLimiter } from "../limit.js";
import { resolveOptions, type ClientOptions } from "../options.js";
import { createRedactor } from "../redact.js";
import type { RunwareContext, RunwareProgress } from "./context.js";
import { pollTask, type PollTaskOptions } from "./poll.js";
import { submitTasks } from "./submit.js";
import { prepareTask, type PreparedTask, type RunwareBinding } from "./task.js";
import { createTransport } from "../transport.js";
import { uuidV4 } from "../uuid.js";

export const RUNWARE_BASE_URL = "https://api.runware.ai/v1";

export interface RunwareSubmitOptions {
  signal?: AbortSignal;
  /** Validate against the model's schema before sending (default true). */
  validate?: boolean;
}

export interface RunwareRunOptions<TResult> extends RunwareSubmitOptions {
  onProgress?: (progress: RunwareProgress<TResult>) => void;
}

export interface RunwareBatchOptions<TResult> extends RunwareRunOptions<TResult> {
  /** Most getResponse requests in flight at once (default 16). */
  concurrency?: number;
}

export type RunwareBatchItem<TResult> =
  | { ok: true; taskUUID: string; results: TResult[] }
  | { ok: false; taskUUID: string; error: ModelgenError };

export interface RunwareClient<TInput, TResult> {
  /** Every result of the task (numberResults of them). */
  run(input: TInput, opts?: RunwareRunOptions<TResult>): Promise<TResult[]>;
  /** Sends the task; sync answers carry `results`. */
  submit(input: TInput, opts?: RunwareSubmitOptions): Promise<{ taskUUID: string; results?: TResult[] }>;
  poll(taskUUID: string, opts?: PollTaskOptions<TResult>): Promise<TResult[]>;
  /** One outcome per input, in input order; rejects only when aborted. */
  runBatch(inputs: TInput[], opts?: RunwareBatchOptions<TResult>): Promise<RunwareBatchItem<TResult>[]>;
}

function checkBinding(binding: RunwareBinding): void {
  const broken =
    typeof binding?.modelId !== "string" ||
    typeof binding.taskType !== "string" ||
    typeof binding.validateTask !== "function" ||
    !Array.isArray(binding.deliveryMethods) ||
    !binding.deliveryMethods.includes(binding.defaultDelivery);
  if (broken) throw new ModelgenError({ code: "invalidOptions", message: "invalid Runware binding", retryable: false });
}

function withTask(error: unknown, taskUUID: string): unknown {
  return isModelgenError(error) && error.taskUUID === undefined ? withErrorFields(error, { taskUUID }) : error;
}

export function createRunwareClient<TInput, TResult>(binding: RunwareBinding, options: ClientOptions): RunwareClient<TInput, TResult> {
  checkBinding(binding);
  const resolved = resolveOptions(options, RUNWARE_BASE_URL);
  const redact = createRedactor([resolved.apiKey]);
  const ctx: RunwareContext = { binding, options: resolved, transport: createTransport(resolved, redact), redact, sleep: makeSleeper(resolved.sleep) };

  async function submitOne(task: PreparedTask, signal?: AbortSignal): Promise<TResult[] | undefined> {
    let outcome;
    try {
      [outcome] = await submitTasks<TResult>(ctx, [task], signal);
    } catch (error) {
      throw withTask(error, task.taskUUID);
    }
    if (!outcome) throw new ModelgenError({ code: "invalidResponse", message: "no outcome for the task", taskUUID: task.taskUUID });
    if (!outcome.accepted) throw outcome.error;
    return outcome.results;
  }

  async function finish(task: PreparedTask, results: TResult[] | undefined, opts: RunwareRunOptions<TResult>, limit?: ReturnType<typeof createLimiter>): Promise<TResult[]> {
    if (results) {
      opts.onProgress?.({ taskUUID: task.taskUUID, status: "success", results: [...results] });
      return results;
    }
    const pollOptions: PollTaskOptions<TResult> = { numberResults: task.numberResults };
    if (opts.signal) pollOptions.signal = opts.signal;
    if (opts.onProgress) pollOptions.onProgress = opts.onProgress;
    return pollTask<TResult>(ctx, task.taskUUID, pollOptions, limit);
  }

  return {
    async run(input, opts = {}) {
      const task = prepareTask(binding, input, opts.validate !== false);
      return finish(task, await submitOne(task, opts.signal), opts);
    },

    async submit(input, opts = {}) {
      const task = prepareTask(binding, input, opts.validate !== false);
      const results = await submitOne(task, opts.signal);
      return results ? { taskUUID: task.taskUUID, results } : { taskUUID: task.taskUUID };
    },

    poll(taskUUID, opts = {}) {
      return pollTask<TResult>(ctx, taskUUID, opts);
    },

    async runBatch(inputs, opts = {}) {
      const limit = createLimiter(opts.concurrency ?? 16);
      const items: Array<RunwareBatchItem<TResult> | PreparedTask> = [];
      const seen = new Set<string>();
      for (const input of inputs) {
        try {
          const task = prepareTask(binding, input, opts.validate !== false);
          if (seen.has(task.taskUUID)) {
            throw invalidRequestError([{ path: "/taskUUID", message: "is used twice in this batch" }], `Runware task ${task.taskUUID}`, task.taskUUID);
          }
          seen.add(task.taskUUID);
          items.push(task);
        } catch (error) {
          if (!isModelgenError(error)) throw error;
          items.push({ ok: false, taskUUID: error.taskUUID ?? uuidV4(), error });
        }
      }
      const tasks = items.filter((i): i is PreparedTask => "task" in i);
      let outcomes;
      try {
        outcomes = await submitTasks<TResult>(ctx, tasks, opts.signal);
      } catch (error) {
        if (!isModelgenError(error) || error.code === "aborted") throw error;
        outcomes = tasks.map((task) => ({ accepted: false as const, task, error: withErrorFields(error, { taskUUID: task.taskUUID }) }));
      }
      const settled = new Map<PreparedTask, Promise<RunwareBatchItem<TResult>>>();
      for (const outcome of outcomes) {
        const { task } = outcome;
        if (!outcome.accepted) {
          settled.set(task, Promise.resolve({ ok: false, taskUUID: task.taskUUID, error: outcome.error }));
          continue;
        }
        const done = finish(task, outcome.results, opts, limit).then(
          (results): RunwareBatchItem<TResult> => ({ ok: true, taskUUID: task.taskUUID, results }),
          (error: unknown): RunwareBatchItem<TResult> => {
            if (!isModelgenError(error) || error.code === "aborted") throw error;
            return { ok: false, taskUUID: task.taskUUID, error };
          },
        );
        settled.set(task, done);
      }
      // submitTasks answers every task it was given, so each prepared task has an entry.
      return Promise.all(items.map((i) => ("task" in i ? (settled.get(i) as Promise<RunwareBatchItem<TResult>>) : i)));
    },
  };
}
