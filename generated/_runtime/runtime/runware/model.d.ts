import { type ModelValidator } from "../../validation/model.js";
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
  parseWebhook(rawBody: unknown, options: unknown): Promise<import("./webhook.js").RunwareWebhook<unknown>>;
  /** The same from a Fetch API Request: checks the URL's token (`{ token }`), then reads and parses the raw body; `{ unverified: true }` skips the check, no options is refused. */
  handleWebhook(request: unknown, options: unknown): Promise<import("./webhook.js").RunwareWebhook<unknown>>;
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
