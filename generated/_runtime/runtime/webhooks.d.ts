import { ModelgenError } from "./errors.js";
import { type RawBody } from "./raw-body.js";
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
/** A Runware webhook: the finished results it carries, and its task errors (failed tasks, foreign items). */
export interface RunwareWebhook<TResult> {
  data: TResult[];
  errors: ModelgenError[];
}
/**
 * How a Runware webhook is trusted. Runware signs nothing, so the URL's token is the only check: `{ url, token }`
 * (the request's URL, absolute or a path with its query as Node's `req.url`, and the token from
 * `createWebhookUrl`). `{ unverified: true }` accepts any caller, for a route already authenticated some other
 * way; it must be said, since no options at all is refused (`invalidOptions`), never taken as "no check".
 */
export type RunwareWebhookOptions = {
  /** Only items of this task type are results; others become `invalidPayload` errors. */
  taskType?: string;
} & (
  | {
      url: string | URL;
      token: string;
      unverified?: false;
    }
  | {
      unverified: true;
      url?: undefined;
      token?: undefined;
    }
);
/**
 * Parses a Runware webhook from its raw body: finished results in `data`, failed tasks in `errors` (items still
 * running are skipped). The URL's token is checked first (`{ url, token }`), unless `{ unverified: true }` says
 * the caller is trusted some other way; without either it is refused (`invalidOptions`).
 */
export declare function parseRunwareWebhook<TResult>(
  rawBody: RawBody,
  options: RunwareWebhookOptions,
): RunwareWebhook<TResult>;
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
/** A Runware webhook from a Fetch API Request: the URL's token is checked (`invalidToken`) before the body is read. */
export declare function handleRunwareWebhook<TResult>(
  request: Request,
  options: {
    token: string;
    taskType?: string;
  },
): Promise<RunwareWebhook<TResult>>;
/** A Runflow callback from a Fetch API Request: the signature is checked over the raw bytes, then parsed. */
export declare function handleRunflowWebhook<TOutput>(
  request: Request,
  options: {
    secret: string;
  },
): Promise<CallbackPayload<TOutput>>;
