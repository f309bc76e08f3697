// Runflow's callbacks: POSTed once per terminal run, signed with `Runflow-Signature` = hex HMAC-SHA256 of the raw
// body under the callback secret. Read from the raw body only (raw-body.ts); `handleRunflowWebhook` reads it from a
// Fetch API Request.

import { ModelgenError } from "../errors.js";
import { hexToBytes, hmacSha256, timingSafeEqual } from "../hmac.js";
import { assertRawBody, invalidPayload, parseRawJson, readRequestBody, type RawBody } from "../raw-body.js";
import { headerValue, type WebhookHeaders } from "../webhooks.js";

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

export const RUNFLOW_SIGNATURE_HEADER = "Runflow-Signature";

/** True when `signatureHex` is the hex HMAC-SHA256 of exactly `rawBody` under `secret` (constant-time). */
export async function verifyRunflowSignature(rawBody: RawBody, signatureHex: string | null | undefined, secret: string): Promise<boolean> {
  assertRawBody(rawBody);
  if (typeof signatureHex !== "string" || typeof secret !== "string" || secret === "") return false;
  const given = hexToBytes(signatureHex.trim());
  if (!given) return false;
  return timingSafeEqual(given, await hmacSha256(secret, rawBody));
}

/** Verifies the signature over the raw body, then parses; rejects with `invalidSignature` or `invalidPayload`. */
export async function parseRunflowWebhook<TOutput>(rawBody: RawBody, headers: WebhookHeaders, secret: string): Promise<CallbackPayload<TOutput>> {
  assertRawBody(rawBody);
  if (typeof secret !== "string" || secret === "") {
    throw new ModelgenError({ code: "invalidOptions", message: "the Runflow callback secret must be a non-empty string", retryable: false });
  }
  if (!(await verifyRunflowSignature(rawBody, headerValue(headers, RUNFLOW_SIGNATURE_HEADER), secret))) {
    throw new ModelgenError({ code: "invalidSignature", message: "Runflow-Signature is missing or does not match the body", retryable: false });
  }
  const payload = parseRawJson(rawBody) as Partial<CallbackPayload<TOutput>> | null;
  if (typeof payload !== "object" || payload === null || typeof payload.run_id !== "string" || typeof payload.status !== "string" || typeof payload.event !== "string") {
    throw invalidPayload("Runflow callback lacks event, run_id or status");
  }
  return {
    ...payload,
    output: payload.output ?? null,
    duration_ms: payload.duration_ms ?? null,
    created_at: payload.created_at ?? null,
    completed_at: payload.completed_at ?? null,
    metadata: payload.metadata ?? null,
  } as CallbackPayload<TOutput>;
}

/** A Runflow callback from a Fetch API Request: the signature is checked over the raw bytes, then parsed. */
export async function handleRunflowWebhook<TOutput>(request: Request, options: { secret: string }): Promise<CallbackPayload<TOutput>> {
  if (typeof options !== "object" || options === null) {
    throw new ModelgenError({ code: "invalidOptions", message: "handleWebhook needs options.secret, the account's callback secret", retryable: false });
  }
  const raw = await readRequestBody(request);
  return parseRunflowWebhook<TOutput>(raw, request.headers, options.secret);
}
