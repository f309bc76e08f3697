// A Runware model module's functions (templates/validation/model.ts has the ones every model shares). Bundled into
// the validation runtime, which a model module imports at once; the client runtime loads on first use.
import { lazyClient, runtime, taskChecks, type ModelValidator, type Options, type Runtime, type TaskFunctions } from "../../validation/model.js";
import type { ClientOptions } from "../options.js";
import type { RunwareClient } from "./client.js";
import type { RunwareWebhook } from "./webhook.js";

/**
 * What a Runware model module exports besides its data and types, typed with the module's Task, TaskInput and
 * Result: its index.d.ts declares each export as a member of this (`ModelFunctions["createClient"]`, …), so the
 * words below are what an editor shows at each call, written once for every model.
 */
export interface RunwareModel<Task, TaskInput, Result> extends TaskFunctions<Task> {
  /**
   * A client for this model: `run(input)` submits a task and resolves with its results. Throws a TypeError at once
   * when options.apiKey is missing or shorter than 8 characters.
   */
  createClient(options: ClientOptions): RunwareClient<TaskInput, Result>;
  /**
   * Parses a webhook Runware POSTed for this model: `data` holds the finished results, `errors` the failed tasks.
   * Pass the raw body (string, Uint8Array or Buffer). Runware signs nothing: pass `{ url, token }` (the request's URL
   * and the token from `createWebhookUrl`) to check the URL's token first, in constant time, or `{ unverified: true }`
   * to accept any caller (only behind authentication of your own). Without either it rejects with `invalidOptions`.
   * Rejects with a ModelgenError (`invalidOptions`, `invalidToken`, `invalidPayload`), or a TypeError for a body of another kind.
   */
  parseWebhook(rawBody: string | Uint8Array, options: { url: string | URL; token: string } | { unverified: true }): Promise<RunwareWebhook<Result>>;
  /** `parseWebhook` from a Fetch API Request: checks the token in the Request's URL (`invalidToken`) before it reads the body; `{ unverified: true }` skips the check, no options is refused (`invalidOptions`). */
  handleWebhook(request: Request, options: { token: string } | { unverified: true }): Promise<RunwareWebhook<Result>>;
  /** `baseUrl` with `?token=…` (a new random token unless one is given): use `url` as the task's `webhookURL`, keep `token`. */
  createWebhookUrl(baseUrl: string | URL, token?: string): Promise<{ url: string; token: string }>;
}

/** A Runware model: `{ modelId, taskType, deliveryMethods, defaultDelivery }` (taskType null: webhooks check none). */
export function runwareModel(checks: ModelValidator, model: { modelId: string; taskType: string | null; deliveryMethods: string[]; defaultDelivery: string }) {
  const task = taskChecks(checks);
  const binding = { ...model, validateTask: task.validateTask };
  const taskType = model.taskType === null ? undefined : model.taskType;
  return {
    ...task,
    createClient: lazyClient((r, options) => r.createRunwareClient(binding as Parameters<Runtime["createRunwareClient"]>[0], options as Options<Runtime["createRunwareClient"]>), ["run", "submit", "poll", "runBatch"]),
    // Spread first, so a caller's options can never replace the model's task type.
    /** Parses a webhook Runware POSTed for this model, from the raw body, after checking the URL's token (`{ url, token }`); `{ unverified: true }` skips the check, no options is refused. */
    async parseWebhook(rawBody: unknown, options: unknown) {
      return (await runtime()).parseRunwareWebhook(rawBody as string, { ...(options as object), taskType } as Options<Runtime["parseRunwareWebhook"]>);
    },
    /** The same from a Fetch API Request: checks the URL's token (`{ token }`), then reads and parses the raw body; `{ unverified: true }` skips the check, no options is refused. */
    async handleWebhook(request: unknown, options: unknown) {
      return (await runtime()).handleRunwareWebhook(request as Request, { ...(options as object), taskType } as Options<Runtime["handleRunwareWebhook"]>);
    },
    /** `baseUrl` with a random token (or `token`) in its query: the task's `webhookURL`. Keep the token to check callbacks. */
    async createWebhookUrl(baseUrl: unknown, token?: unknown) {
      return (await runtime()).createWebhookUrl(baseUrl as string, token as string | undefined);
    },
  };
}
