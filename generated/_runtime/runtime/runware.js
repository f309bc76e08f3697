// The Runware client a generated model module exposes: run (submit, then poll or take the
// sync results), submit, poll, and runBatch (one POST, then every task to its own end).
import { makeSleeper } from "./abort.js";
import { ModelgenError, invalidRequestError, isModelgenError, withErrorFields } from "./errors.js";
import { createLimiter } from "./limit.js";
import { resolveOptions } from "./options.js";
import { createRedactor } from "./redact.js";
import { pollTask } from "./runware-poll.js";
import { submitTasks } from "./runware-submit.js";
import { prepareTask } from "./runware-task.js";
import { createTransport } from "./transport.js";
import { uuidV4 } from "./uuid.js";
export const RUNWARE_BASE_URL = "https://api.runware.ai/v1";
function checkBinding(binding) {
  const broken =
    typeof binding?.modelId !== "string" ||
    typeof binding.taskType !== "string" ||
    typeof binding.validateTask !== "function" ||
    !Array.isArray(binding.deliveryMethods) ||
    !binding.deliveryMethods.includes(binding.defaultDelivery);
  if (broken) throw new ModelgenError({ code: "invalidOptions", message: "invalid Runware binding", retryable: false });
}
function withTask(error, taskUUID) {
  return isModelgenError(error) && error.taskUUID === undefined ? withErrorFields(error, { taskUUID }) : error;
}
export function createRunwareClient(binding, options) {
  checkBinding(binding);
  const resolved = resolveOptions(options, RUNWARE_BASE_URL);
  const redact = createRedactor([resolved.apiKey]);
  const ctx = {
    binding,
    options: resolved,
    transport: createTransport(resolved, redact),
    redact,
    sleep: makeSleeper(resolved.sleep),
  };
  async function submitOne(task, signal) {
    let outcome;
    try {
      [outcome] = await submitTasks(ctx, [task], signal);
    } catch (error) {
      throw withTask(error, task.taskUUID);
    }
    if (!outcome)
      throw new ModelgenError({ code: "invalidResponse", message: "no outcome for the task", taskUUID: task.taskUUID });
    if (!outcome.accepted) throw outcome.error;
    return outcome.results;
  }
  async function finish(task, results, opts, limit) {
    if (results) {
      opts.onProgress?.({ taskUUID: task.taskUUID, status: "success", results: [...results] });
      return results;
    }
    const pollOptions = { numberResults: task.numberResults };
    if (opts.signal) pollOptions.signal = opts.signal;
    if (opts.onProgress) pollOptions.onProgress = opts.onProgress;
    return pollTask(ctx, task.taskUUID, pollOptions, limit);
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
      return pollTask(ctx, taskUUID, opts);
    },
    async runBatch(inputs, opts = {}) {
      const limit = createLimiter(opts.concurrency ?? 16);
      const items = [];
      const seen = new Set();
      for (const input of inputs) {
        try {
          const task = prepareTask(binding, input, opts.validate !== false);
          if (seen.has(task.taskUUID)) {
            throw invalidRequestError(
              [{ path: "/taskUUID", message: "is used twice in this batch" }],
              `Runware task ${task.taskUUID}`,
              task.taskUUID,
            );
          }
          seen.add(task.taskUUID);
          items.push(task);
        } catch (error) {
          if (!isModelgenError(error)) throw error;
          items.push({ ok: false, taskUUID: error.taskUUID ?? uuidV4(), error });
        }
      }
      const tasks = items.filter((i) => "task" in i);
      let outcomes;
      try {
        outcomes = await submitTasks(ctx, tasks, opts.signal);
      } catch (error) {
        if (!isModelgenError(error) || error.code === "aborted") throw error;
        outcomes = tasks.map((task) => ({
          accepted: false,
          task,
          error: withErrorFields(error, { taskUUID: task.taskUUID }),
        }));
      }
      const settled = new Map();
      for (const outcome of outcomes) {
        const { task } = outcome;
        if (!outcome.accepted) {
          settled.set(task, Promise.resolve({ ok: false, taskUUID: task.taskUUID, error: outcome.error }));
          continue;
        }
        const done = finish(task, outcome.results, opts, limit).then(
          (results) => ({ ok: true, taskUUID: task.taskUUID, results }),
          (error) => {
            if (!isModelgenError(error) || error.code === "aborted") throw error;
            return { ok: false, taskUUID: task.taskUUID, error };
          },
        );
        settled.set(task, done);
      }
      // submitTasks answers every task it was given, so each prepared task has an entry.
      return Promise.all(items.map((i) => ("task" in i ? settled.get(i) : i)));
    },
  };
}
