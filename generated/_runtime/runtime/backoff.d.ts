import type { PollOptions, RetryOptions } from "./options.js";
/** Up to this share of each backoff step is randomly taken off, so clients spread out. */
export declare const JITTER = 0.3;
/** Wait before retry number `retry` (0 = first retry): base·2^retry, capped, minus up to 30% jitter. */
export declare function backoffDelay(retry: number, options: Required<RetryOptions>, random: () => number): number;
/** Retry-After as ms from `now`: delta-seconds or an HTTP date; undefined when absent or malformed. */
export declare function parseRetryAfter(value: string | null | undefined, now: number): number | undefined;
/** Interval before poll number `n` (0 = first): firstDelay·factor^n, capped at maxDelay. */
export declare function pollDelay(n: number, options: Required<PollOptions>): number;
