import { type ModelValidator, type TaskFunctions } from "../../validation/model.js";
import type { ClientOptions } from "../options.js";
import type { WebhookHeaders } from "../webhooks.js";
import type { RunflowClient } from "./client.js";
/**
 * What a Runflow model module exports besides its data and types, typed with the module's Task (the request body),
 * the client's input (the body's `input`), the run's Output and the callback's payload: its index.d.ts declares each
 * export as a member of this (`ModelFunctions["createClient"]`, …), so the words below are what an editor shows at
 * each call, written once for every model.
 */
export interface RunflowModel<Task, Input, Output, Payload> extends TaskFunctions<Task> {
  /**
   * A client for this model: `run(input)` creates a run and waits for its output. Throws a TypeError at once when
   * options.apiKey is missing or shorter than 8 characters.
   */
  createClient(options: ClientOptions): RunflowClient<Input, Output>;
  /**
   * Verifies a Runflow callback and parses it: `Runflow-Signature` must be the HMAC-SHA256 of exactly these bytes under
   * your account's callback secret. Pass the raw body (string, Uint8Array or Buffer), before any JSON parsing.
   * Rejects with a ModelgenError (`invalidSignature`, `invalidPayload`), or a TypeError for a body of another kind.
   */
  parseWebhook(rawBody: string | Uint8Array, headers: WebhookHeaders, secret: string): Promise<Payload>;
  /** `parseWebhook` from a Fetch API Request (Next.js route handlers, Hono, Cloudflare Workers, Deno): reads the raw body itself. */
  handleWebhook(
    request: Request,
    options: {
      secret: string;
    },
  ): Promise<Payload>;
}
/** A Runflow model: `{ modelId, runPath }`; its validator checks the whole request body. */
export declare function runflowModel(
  checks: ModelValidator,
  model: {
    modelId: string;
    runPath: string;
  },
): {
  createClient: (options: unknown) => Record<string, (...args: unknown[]) => Promise<unknown>>;
  /** Verifies `Runflow-Signature` over the raw body (string, Uint8Array or Buffer), then parses the callback. */
  parseWebhook(
    rawBody: unknown,
    headers: unknown,
    secret: unknown,
  ): Promise<import("./webhook.js").CallbackPayload<unknown>>;
  /** The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check. */
  handleWebhook(request: unknown, options: unknown): Promise<import("./webhook.js").CallbackPayload<unknown>>;
  isTask(value: unknown): boolean;
  validateTask(value: unknown): import("../errors.js").ValidationIssue[];
  taskSchema: import("../../validation/standard.js").StandardSchemaV1;
};
