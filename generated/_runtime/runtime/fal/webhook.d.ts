import { type RawBody } from "../raw-body.js";
import { type WebhookHeaders } from "../webhooks.js";
import { type FalKeyOptions } from "./jwks.js";
/** A delivery's timestamp may be this far from the receiver's clock, either way. */
export declare const FAL_WEBHOOK_TOLERANCE_SECONDS = 300;
export declare const FAL_WEBHOOK_HEADERS: {
  readonly requestId: "X-Fal-Webhook-Request-Id";
  readonly userId: "X-Fal-Webhook-User-Id";
  readonly timestamp: "X-Fal-Webhook-Timestamp";
  readonly signature: "X-Fal-Webhook-Signature";
};
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
  | (FalWebhookCommon & {
      status: "OK";
      payload: TOutput | null;
      error?: undefined;
    })
  | (FalWebhookCommon & {
      status: "ERROR";
      payload: unknown;
      error: string;
    });
/**
 * Verifies a fal webhook over its raw body (string, Uint8Array or Buffer; anything else is a TypeError),
 * then parses it. Rejects with `invalidSignature` (unsigned, altered, unknown key, timestamp over 5 minutes
 * away) or `invalidPayload` (not the documented shape). When fal's JWKS cannot be fetched it rejects with a
 * retryable error (`networkError` / `invalidResponse`): answer 5xx and fal delivers again.
 */
export declare function parseFalWebhook<TOutput>(
  rawBody: RawBody,
  headers: WebhookHeaders,
  options?: FalWebhookOptions,
): Promise<FalWebhook<TOutput>>;
/** A fal webhook from a Fetch API Request: the raw body is read here and verified before it is parsed. */
export declare function handleFalWebhook<TOutput>(
  request: Request,
  options?: FalWebhookOptions,
): Promise<FalWebhook<TOutput>>;
export {};
