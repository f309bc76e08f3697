// Wait times: exponential backoff with jitter between retries, Retry-After (RFC 9110 §10.2.3),
// and the growing interval between polls.

import type { PollOptions, RetryOptions } from "./options.js";

/** Up to this share of each backoff step is randomly taken off, so clients spread out. */
export const JITTER = 0.3;

/** Wait before retry number `retry` (0 = first retry): base·2^retry, capped, minus up to 30% jitter. */
export function backoffDelay(retry: number, options: Required<RetryOptions>, random: () => number): number {
  const exponential = Math.min(options.capMs, options.baseMs * 2 ** retry);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(exponential * (1 - JITTER * r));
}

/** Retry-After as ms from `now`: delta-seconds or an HTTP date; undefined when absent or malformed. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[A-Za-z]{3}/.test(text)) return undefined; // an HTTP date names its month
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Interval before poll number `n` (0 = first): firstDelay·factor^n, capped at maxDelay. */
export function pollDelay(n: number, options: Required<PollOptions>): number {
  return Math.round(Math.min(options.maxDelayMs, options.firstDelayMs * options.factor ** n));
}
