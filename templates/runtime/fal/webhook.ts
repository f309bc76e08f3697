// fal's webhooks: a POST `{request_id, gateway_request_id, status: "OK" | "ERROR", payload, error?,
// payload_error?}` signed with Ed25519 (ed25519.ts) by one of the keys in fal's JWKS (jwks.ts). The
// signature and its timestamp are checked over the raw body before anything parses it. fal retries a
// delivery up to 10 times over 2 hours: handlers must be idempotent on request_id.

import { ModelgenError } from "../errors.js";
import { hexToBytes } from "../hmac.js";
import { assertRawBody, assertRequest, invalidPayload, parseRawJson, readRequestBody, type RawBody } from "../raw-body.js";
import { headerValue, type WebhookHeaders } from "../webhooks.js";
import { falSignedMessage, verifyWithAny } from "./ed25519.js";
import { falKeys, type FalKeyOptions } from "./jwks.js";

/** A delivery's timestamp may be this far from the receiver's clock, either way. */
export const FAL_WEBHOOK_TOLERANCE_SECONDS = 300;

export const FAL_WEBHOOK_HEADERS = {
  requestId: "X-Fal-Webhook-Request-Id",
  userId: "X-Fal-Webhook-User-Id",
  timestamp: "X-Fal-Webhook-Timestamp",
  signature: "X-Fal-Webhook-Signature",
} as const;

export type FalWebhookOptions = FalKeyOptions;

interface FalWebhookCommon {
  /** The id the queue API knows the request by. */
  request_id: string;
  /** The last attempt's id (the same unless fal retried the request). */
  gateway_request_id: string;
  /** Set (payload null) when the result was not valid JSON. */
  payload_error?: string;
  [field: string]: unknown;
}

/** A verified fal webhook: the model's output when OK (null with payload_error), fal's error details when ERROR. */
export type FalWebhook<TOutput> =
  | (FalWebhookCommon & { status: "OK"; payload: TOutput | null; error?: undefined })
  | (FalWebhookCommon & { status: "ERROR"; payload: unknown; error: string });

function invalidSignature(message: string): ModelgenError {
  return new ModelgenError({ code: "invalidSignature", message, retryable: false });
}

/** The four signature headers, present and well-formed, and the timestamp within the window. */
function readSignatureHeaders(headers: WebhookHeaders, nowMs: number) {
  const values: Partial<Record<keyof typeof FAL_WEBHOOK_HEADERS, string>> = {};
  for (const [key, name] of Object.entries(FAL_WEBHOOK_HEADERS) as Array<[keyof typeof FAL_WEBHOOK_HEADERS, string]>) {
    const value = headerValue(headers, name)?.trim();
    if (value === undefined || value === "") throw invalidSignature(`${name} is missing: not a signed fal webhook`);
    values[key] = value;
  }
  const { requestId, userId, timestamp, signature } = values as Record<keyof typeof FAL_WEBHOOK_HEADERS, string>;
  if (!/^\d{1,12}$/.test(timestamp)) throw invalidSignature(`${FAL_WEBHOOK_HEADERS.timestamp} is not unix seconds`);
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (!(skew <= FAL_WEBHOOK_TOLERANCE_SECONDS)) {
    throw invalidSignature(`${FAL_WEBHOOK_HEADERS.timestamp} is ${Math.round(skew)} s from this clock (at most ${FAL_WEBHOOK_TOLERANCE_SECONDS} s): stale or replayed`);
  }
  const bytes = signature.length === 128 ? hexToBytes(signature) : undefined;
  if (!bytes) throw invalidSignature(`${FAL_WEBHOOK_HEADERS.signature} is not a 64-byte hex signature`);
  return { requestId, userId, timestamp, signature: bytes };
}

/** Verifies the delivery's Ed25519 signature against fal's keys; rejects with `invalidSignature`. */
async function verify(rawBody: RawBody, headers: WebhookHeaders, options: FalWebhookOptions): Promise<string> {
  const now = options.now ?? Date.now;
  const { requestId, userId, timestamp, signature } = readSignatureHeaders(headers, now());
  const message = await falSignedMessage(requestId, userId, timestamp, rawBody);
  const keys = await falKeys(options);
  if (keys && (await verifyWithAny(keys.keys, signature, message))) return requestId;
  // fal may have rotated its keys since they were fetched: one refetch (rate-limited in jwks.ts).
  const fresh = keys?.fetched ? await falKeys(options, true) : undefined;
  if (fresh && (await verifyWithAny(fresh.keys, signature, message))) return requestId;
  throw invalidSignature("the fal webhook's signature does not verify with fal's keys: not from fal, or altered");
}

function checkShape<TOutput>(body: unknown, signedRequestId: string): FalWebhook<TOutput> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidPayload("a fal webhook body is a JSON object");
  const b = body as Record<string, unknown>;
  if (typeof b.request_id !== "string") throw invalidPayload("fal webhook lacks request_id");
  if (b.request_id !== signedRequestId) throw invalidPayload(`fal webhook's request_id differs from ${FAL_WEBHOOK_HEADERS.requestId}`);
  if (b.status !== "OK" && b.status !== "ERROR") throw invalidPayload('fal webhook status is neither "OK" nor "ERROR"');
  if (b.gateway_request_id !== undefined && typeof b.gateway_request_id !== "string") throw invalidPayload("fal webhook gateway_request_id is not a string");
  if (b.error !== undefined && b.error !== null && typeof b.error !== "string") throw invalidPayload("fal webhook error is not a string");
  if (b.payload_error !== undefined && b.payload_error !== null && typeof b.payload_error !== "string") throw invalidPayload("fal webhook payload_error is not a string");
  const out: Record<string, unknown> = { ...b, gateway_request_id: b.gateway_request_id ?? b.request_id, payload: b.payload ?? null };
  if (b.status === "ERROR" && typeof b.error !== "string") out.error = "fal reported an error without a message";
  return out as FalWebhook<TOutput>;
}

/**
 * Verifies a fal webhook over its raw body (string, Uint8Array or Buffer; anything else is a TypeError),
 * then parses it. Rejects with `invalidSignature` (unsigned, altered, unknown key, timestamp over 5 minutes
 * away) or `invalidPayload` (not the documented shape). When fal's JWKS cannot be fetched it rejects with a
 * retryable error (`networkError` / `invalidResponse`): answer 5xx and fal delivers again.
 */
export async function parseFalWebhook<TOutput>(rawBody: RawBody, headers: WebhookHeaders, options: FalWebhookOptions = {}): Promise<FalWebhook<TOutput>> {
  assertRawBody(rawBody);
  if (typeof options !== "object" || options === null) throw new ModelgenError({ code: "invalidOptions", message: "parseFalWebhook's options must be an object", retryable: false });
  const requestId = await verify(rawBody, headers, options);
  return checkShape<TOutput>(parseRawJson(rawBody), requestId);
}

/** A fal webhook from a Fetch API Request: the raw body is read here and verified before it is parsed. */
export async function handleFalWebhook<TOutput>(request: Request, options: FalWebhookOptions = {}): Promise<FalWebhook<TOutput>> {
  assertRequest(request);
  const raw = await readRequestBody(request);
  return parseFalWebhook<TOutput>(raw, request.headers, options);
}
