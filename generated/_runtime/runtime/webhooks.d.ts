import { ModelgenError } from "./errors.js";
import type { RunwareBinding } from "./runware-task.js";
export interface CallbackPayload<TOutput> {
  event: "run.completed" | "run.failed" | "run.cancelled" | (string & {});
  run_id: string;
  status: "succeeded" | "failed" | "cancelled" | "canceled" | (string & {});
  output: TOutput | null;
  duration_ms: number | null;
  created_at: string | null;
  completed_at: string | null;
  metadata: Record<string, unknown> | null;
  [field: string]: unknown;
}
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;
export declare const RUNFLOW_SIGNATURE_HEADER = "Runflow-Signature";
/** Splits a Runware webhook body into finished results and task errors (items still running are skipped). */
export declare function parseRunwareWebhook<TResult>(
  body: unknown,
  binding?: Pick<RunwareBinding, "taskType">,
): {
  results: TResult[];
  errors: ModelgenError[];
};
/** True when `signatureHex` is the hex HMAC-SHA256 of exactly `rawBody` under `secret` (constant-time). */
export declare function verifyRunflowSignature(
  rawBody: string | Uint8Array,
  signatureHex: string | null | undefined,
  secret: string,
): Promise<boolean>;
/** Verifies the signature over the raw body, then parses; rejects with `invalidSignature` or `invalidPayload`. */
export declare function parseRunflowWebhook<TOutput>(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
): Promise<CallbackPayload<TOutput>>;
