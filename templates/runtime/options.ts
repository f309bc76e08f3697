// Client options as the caller writes them, and the complete settings the runtime works with.

import { ModelgenError } from "./errors.js";
import { apiKeyProblem } from "../validation/api-key.js";

export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 disables retrying). */
  max?: number;
  /** First backoff step in ms, doubled per retry (default 1000). */
  baseMs?: number;
  /** Longest wait between attempts in ms (default 30000); a longer Retry-After ends the retries. */
  capMs?: number;
}

export interface PollOptions {
  /** Wait before the first poll (default 1000 ms). */
  firstDelayMs?: number;
  /** Growth of the wait between polls (default 1.5). */
  factor?: number;
  /** Longest wait between polls (default 10000 ms). */
  maxDelayMs?: number;
  /** Time allowed for the whole polling phase (default 20 minutes). */
  budgetMs?: number;
}

export interface ClientOptions {
  /** The provider's API key: surrounding spaces are trimmed; fewer than 8 characters is refused. */
  apiKey: string;
  /** Runware: the endpoint (default https://api.runware.ai/v1). Runflow: the origin (default https://api.runflow.io). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per-request timeout in ms, response body included (default 60000). */
  timeoutMs?: number;
  retries?: number | RetryOptions;
  poll?: PollOptions;
  /** Test seam: uniform [0, 1) source for backoff jitter (default Math.random). */
  random?: () => number;
  /** Test seam: the waits between attempts and polls; must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Test seam: clock in ms for budgets and Retry-After dates (default Date.now). */
  now?: () => number;
}

export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  poll: Required<PollOptions>;
  random: () => number;
  sleep: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  now: () => number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRY: Required<RetryOptions> = { max: 3, baseMs: 1_000, capMs: 30_000 };
export const DEFAULT_POLL: Required<PollOptions> = { firstDelayMs: 1_000, factor: 1.5, maxDelayMs: 10_000, budgetMs: 20 * 60_000 };

function invalid(message: string): ModelgenError {
  return new ModelgenError({ code: "invalidOptions", message, retryable: false });
}

function count(name: string, value: number | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) throw invalid(`${name} must be a finite number >= ${min}`);
  return value;
}

export function resolveOptions(options: ClientOptions, defaultBaseUrl: string): ResolvedOptions {
  if (options === null || typeof options !== "object") throw invalid("options must be an object");
  // Sent trimmed (fetch trims header values anyway), so redacted trimmed. A short "key" is a mistake, and
  // redacting it would mask ordinary text: refuse it here rather than send it.
  const problem = apiKeyProblem(options.apiKey);
  if (problem) throw new ModelgenError({ ...problem, retryable: false });
  const apiKey = (options.apiKey as string).trim();
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  try {
    new URL(baseUrl);
  } catch {
    throw invalid("options.baseUrl is not an absolute URL");
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw invalid("no fetch implementation: pass options.fetch");

  const r = typeof options.retries === "number" ? { max: options.retries } : (options.retries ?? {});
  const p = options.poll ?? {};
  return {
    apiKey,
    baseUrl,
    fetch: fetchImpl,
    timeoutMs: count("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS, 1),
    retry: {
      max: Math.floor(count("retries.max", r.max, DEFAULT_RETRY.max)),
      baseMs: count("retries.baseMs", r.baseMs, DEFAULT_RETRY.baseMs),
      capMs: count("retries.capMs", r.capMs, DEFAULT_RETRY.capMs),
    },
    poll: {
      firstDelayMs: count("poll.firstDelayMs", p.firstDelayMs, DEFAULT_POLL.firstDelayMs),
      factor: count("poll.factor", p.factor, DEFAULT_POLL.factor, 1),
      maxDelayMs: count("poll.maxDelayMs", p.maxDelayMs, DEFAULT_POLL.maxDelayMs),
      budgetMs: count("poll.budgetMs", p.budgetMs, DEFAULT_POLL.budgetMs, 1),
    },
    random: options.random ?? Math.random,
    sleep: options.sleep,
    now: options.now ?? Date.now,
  };
}
