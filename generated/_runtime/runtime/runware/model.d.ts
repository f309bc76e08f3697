import { type ModelValidator, type TaskFunctions } from "../../validation/model.js";
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
  parseWebhook(
    rawBody: string | Uint8Array,
    options:
      | {
          url: string | URL;
          token: string;
        }
      | {
          unverified: true;
        },
  ): Promise<RunwareWebhook<Result>>;
  /** `parseWebhook` from a Fetch API Request: checks the token in the Request's URL (`invalidToken`) before it reads the body; `{ unverified: true }` skips the check, no options is refused (`invalidOptions`). */
  handleWebhook(
    request: Request,
    options:
      | {
          token: string;
        }
      | {
          unverified: true;
        },
  ): Promise<RunwareWebhook<Result>>;
  /** `baseUrl` with `?token=…` (a new random token unless one is given): use `url` as the task's `webhookURL`, keep `token`. */
  createWebhookUrl(
    baseUrl: string | URL,
    token?: string,
  ): Promise<{
    url: string;
    token: string;
  }>;
}
/** A Runware model: `{ modelId, taskType, deliveryMethods, defaultDelivery }` (taskType null: webhooks check none). */
export declare function runwareModel(
  checks: ModelValidator,
  model: {
    modelId: string;
    taskType: string | null;
    deliveryMethods: string[];
    defaultDelivery: string;
  },
): {
  createClient: (options: unknown) => Record<string, (...args: unknown[]) => Promise<unknown>>;
  /** Parses a webhook Runware POSTed for this model, from the raw body, after checking the URL's token (`{ url, token }`); `{ unverified: true }` skips the check, no options is refused. */
  parseWebhook(rawBody: unknown, options: unknown): Promise<RunwareWebhook<unknown>>;
  /** The same from a Fetch API Request: checks the URL's token (`{ token }`), then reads and parses the raw body; `{ unverified: true }` skips the check, no options is refused. */
  handleWebhook(request: unknown, options: unknown): Promise<RunwareWebhook<unknown>>;
  /** `baseUrl` with a random token (or `token`) in its query: the task's `webhookURL`. Keep the token to check callbacks. */
  createWebhookUrl(
    baseUrl: unknown,
    token?: unknown,
  ): Promise<{
    url: string;
    token: string;
  }>;
  isTask(value: unknown): boolean;
  validateTask(value: unknown): import("../errors.js").ValidationIssue[];
  taskSchema: import("../../validation/standard.js").StandardSchemaV1;
};
