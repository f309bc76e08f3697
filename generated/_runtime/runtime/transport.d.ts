import type { ResolvedOptions } from "./options.js";
import type { Redactor } from "./redact.js";
export interface HttpRequest {
  method: "GET" | "POST" | "PUT";
  url: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Clock time (options.now) after which no attempt starts and no retry wait reaches. */
  deadline?: number;
  /**
   * Safe to repeat. When false, a failure after the request may have reached the server
   * (timeout, reset, unreadable answer, other 5xx) is not retried; only 429 and 503, which
   * say the server did nothing, are.
   */
  idempotent: boolean;
}
export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was empty or not JSON (only possible for non-2xx). */
  body: unknown;
  text: string;
  attempts: number;
  /** Retry-After of a retryable answer that was returned because retrying was not allowed. */
  retryAfterMs?: number;
}
export interface Transport {
  /**
   * Resolves with any 2xx JSON answer and with non-2xx answers (for the caller to turn into
   * API errors); rejects with a ModelgenError for timeouts, network errors and unreadable
   * 2xx answers once retries are used up, and with `aborted` when the signal fires.
   */
  send(request: HttpRequest): Promise<HttpResponse>;
}
/** Transient by HTTP semantics: request timeout, rate limit, server-side failures. */
export declare function isRetryableStatus(status: number): boolean;
/** How the API key goes in the Authorization header: `Bearer <key>` (Runware, Runflow) or `Key <key>` (fal). */
export type AuthScheme = "Bearer" | "Key";
export declare function createTransport(options: ResolvedOptions, redact: Redactor, scheme?: AuthScheme): Transport;
