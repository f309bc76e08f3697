// One HTTP exchange with a JSON API: the API key in Authorization (Bearer, or fal's Key), a timeout
// per attempt (response body included) and retries of transient failures with capped, jittered exponential backoff.

import { abortedError, makeSleeper, throwIfAborted } from "./abort.js";
import { backoffDelay, parseRetryAfter } from "./backoff.js";
import { ModelgenError } from "./errors.js";
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

type Failure =
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "network"; detail: string }
  | { kind: "invalidJson"; status: number }
  | { kind: "status"; response: HttpResponse; retryAfterMs: number | undefined };

type Outcome = { ok: true; response: HttpResponse } | { ok: false; failure: Failure };

/** Transient by HTTP semantics: request timeout, rate limit, server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Answers that mean the request was refused before anything happened. */
const REFUSED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message} (${typeof code === "string" ? `${code}: ` : ""}${cause.message})`;
  }
  return error.message;
}

/** How the API key goes in the Authorization header: `Bearer <key>` (Runware, Runflow) or `Key <key>` (fal). */
export type AuthScheme = "Bearer" | "Key";

export function createTransport(options: ResolvedOptions, redact: Redactor, scheme: AuthScheme = "Bearer"): Transport {
  const sleep = makeSleeper(options.sleep);

  async function attempt(request: HttpRequest, timeoutMs: number, attempts: number): Promise<Outcome> {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = (): void => controller.abort(request.signal?.reason);
    request.signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const headers: Record<string, string> = { Authorization: `${scheme} ${options.apiKey}`, Accept: "application/json" };
    if (request.body !== undefined) headers["Content-Type"] = "application/json";
    try {
      const res = await options.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        // A redirect is an answer, not followed: the key and the task would go to whatever host it names (a
        // fetch that keeps Authorization across origins sends the key there; Node's own drops it but sends the body).
        redirect: "manual",
      });
      const text = await res.text();
      let body: unknown;
      let parsed = false;
      if (text.trim() !== "") {
        try {
          body = JSON.parse(text);
          parsed = true;
        } catch {
          body = undefined;
        }
      }
      const response: HttpResponse = { status: res.status, headers: res.headers, body, text, attempts };
      if (res.status >= 200 && res.status < 300) {
        return parsed ? { ok: true, response } : { ok: false, failure: { kind: "invalidJson", status: res.status } };
      }
      if (isRetryableStatus(res.status)) {
        const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), options.now());
        return { ok: false, failure: { kind: "status", response, retryAfterMs } };
      }
      return { ok: true, response };
    } catch (error) {
      if (request.signal?.aborted) throw abortedError(request.signal);
      if (timedOut) return { ok: false, failure: { kind: "timeout", timeoutMs } };
      return { ok: false, failure: { kind: "network", detail: describeThrown(error) } };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
    }
  }

  function giveUp(request: HttpRequest, failure: Failure, attempts: number, retryAfterMs: number | undefined): HttpResponse {
    if (failure.kind === "status") {
      const response = { ...failure.response, attempts };
      if (retryAfterMs !== undefined) response.retryAfterMs = retryAfterMs;
      return response;
    }
    const where = `${request.method} ${request.url}`;
    const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
    const ambiguous = request.idempotent ? "" : "; it may have been processed, so it was not repeated";
    const init =
      failure.kind === "timeout"
        ? { code: "timeout", message: `${where} timed out after ${failure.timeoutMs} ms (${tries})${ambiguous}` }
        : failure.kind === "network"
          ? { code: "networkError", message: `${where} failed: ${failure.detail} (${tries})${ambiguous}` }
          : { code: "invalidResponse", message: `${where} answered HTTP ${failure.status} with a body that is not JSON (${tries})${ambiguous}`, status: failure.status };
    throw new ModelgenError({ ...init, message: redact(init.message), retryable: request.idempotent });
  }

  async function send(request: HttpRequest): Promise<HttpResponse> {
    for (let attempts = 1; ; attempts++) {
      throwIfAborted(request.signal);
      const left = request.deadline === undefined ? Infinity : request.deadline - options.now();
      if (left <= 0) {
        throw new ModelgenError({ code: "timeout", message: `${request.method} ${request.url}: no time left in the budget`, retryable: true });
      }
      const outcome = await attempt(request, Math.min(options.timeoutMs, left), attempts);
      if (outcome.ok) return outcome.response;

      const failure = outcome.failure;
      const retriesUsed = attempts - 1;
      const refused = failure.kind === "status" && REFUSED_STATUSES.has(failure.response.status);
      const retryAfterMs = failure.kind === "status" ? failure.retryAfterMs : undefined;
      let wait = backoffDelay(retriesUsed, options.retry, options.random);
      if (retryAfterMs !== undefined) wait = Math.max(wait, retryAfterMs);
      const mayRetry =
        retriesUsed < options.retry.max &&
        (request.idempotent || refused) &&
        wait <= options.retry.capMs &&
        (request.deadline === undefined || options.now() + wait < request.deadline);
      if (!mayRetry) return giveUp(request, failure, attempts, retryAfterMs);
      await sleep(wait, request.signal);
    }
  }

  return { send };
}
