import { type ModelValidator, type TaskFunctions } from "../../validation/model.js";
import type { ClientOptions } from "../options.js";
import type { WebhookHeaders } from "../webhooks.js";
import type { FalClient } from "./types.js";
import type { FalWebhook, FalWebhookOptions } from "./webhook.js";
/**
 * What a fal model module exports besides its data and types, typed with the module's Task, TaskInput and Output:
 * its index.d.ts declares each export as a member of this (`ModelFunctions["createClient"]`, …), so the words below
 * are what an editor shows at each call, written once for every model.
 */
export interface FalModel<Task, TaskInput, Output> extends TaskFunctions<Task> {
  /**
   * A client for this model: `run(input)` queues the input, follows its status and resolves with the result.
   * Throws a TypeError at once when options.apiKey is missing or shorter than 8 characters.
   */
  createClient(options: ClientOptions): FalClient<TaskInput, Output>;
  /**
   * Verifies a fal webhook and parses it: `X-Fal-Webhook-Signature` must be an Ed25519 signature, by a key of fal's
   * JWKS (fetched and kept at most 24 hours, or given in `options`), over the request id, user id, timestamp (at most
   * 5 minutes away) and the SHA-256 of exactly these bytes. Pass the raw body (string, Uint8Array or Buffer), before
   * any JSON parsing. `payload` is this model's Output when `status` is OK. Handlers must be idempotent on
   * `request_id`: fal retries. Rejects with a ModelgenError (`invalidSignature`, `invalidPayload`).
   */
  parseWebhook(
    rawBody: string | Uint8Array,
    headers: WebhookHeaders,
    options?: FalWebhookOptions,
  ): Promise<FalWebhook<Output>>;
  /** `parseWebhook` from a Fetch API Request (Next.js route handlers, Hono, Cloudflare Workers, Deno): reads the raw body itself. */
  handleWebhook(request: Request, options?: FalWebhookOptions): Promise<FalWebhook<Output>>;
}
/** A fal model: `{ modelId }` (the endpoint id). */
export declare function falModel(
  checks: ModelValidator,
  model: {
    modelId: string;
  },
): {
  createClient: (options: unknown) => Record<string, (...args: unknown[]) => Promise<unknown>>;
  /** Verifies fal's Ed25519 signature over the raw body (string, Uint8Array or Buffer) and its headers, then parses the webhook. */
  parseWebhook(rawBody: unknown, headers: unknown, options?: unknown): Promise<FalWebhook<unknown>>;
  /** The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check. */
  handleWebhook(request: unknown, options?: unknown): Promise<FalWebhook<unknown>>;
  isTask(value: unknown): boolean;
  validateTask(value: unknown): import("../errors.js").ValidationIssue[];
  taskSchema: import("../../validation/standard.js").StandardSchemaV1;
};
