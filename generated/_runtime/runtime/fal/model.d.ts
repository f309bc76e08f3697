import { type ModelValidator } from "../../validation/model.js";
/** A fal model: `{ modelId }` (the endpoint id). */
export declare function falModel(
  checks: ModelValidator,
  model: {
    modelId: string;
  },
): {
  createClient: (options: unknown) => Record<string, (...args: unknown[]) => Promise<unknown>>;
  /** Verifies fal's Ed25519 signature over the raw body (string, Uint8Array or Buffer) and its headers, then parses the webhook. */
  parseWebhook(
    rawBody: unknown,
    headers: unknown,
    options?: unknown,
  ): Promise<import("./webhook.js").FalWebhook<unknown>>;
  /** The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check. */
  handleWebhook(request: unknown, options?: unknown): Promise<import("./webhook.js").FalWebhook<unknown>>;
  isTask(value: unknown): boolean;
  validateTask(value: unknown): import("../errors.js").ValidationIssue[];
  taskSchema: import("../../validation/standard.js").StandardSchemaV1;
};
