import { type RawBody } from "../raw-body.js";
import { type WebhookHeaders } from "../webhooks.js";
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
export declare const RUNFLOW_SIGNATURE_HEADER = "Runflow-Signature";
/** True when `signatureHex` is the hex HMAC-SHA256 of exactly `rawBody` under `secret` (constant-time). */
export declare function verifyRunflowSignature(
  rawBody: RawBody,
  signatureHex: string | null | undefined,
  secret: string,
): Promise<boolean>;
/** Verifies the signature over the raw body, then parses; rejects with `invalidSignature` or `invalidPayload`. */
export declare function parseRunflowWebhook<TOutput>(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
): Promise<CallbackPayload<TOutput>>;
/** A Runflow callback from a Fetch API Request: the signature is checked over the raw bytes, then parsed. */
export declare function handleRunflowWebhook<TOutput>(
  request: Request,
  options: {
    secret: string;
  },
): Promise<CallbackPayload<TOutput>>;
