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
export declare const DEFAULT_TIMEOUT_MS = 60000;
export declare const DEFAULT_RETRY: Required<RetryOptions>;
export declare const DEFAULT_POLL: Required<PollOptions>;
export declare function resolveOptions(options: ClientOptions, defaultBaseUrl: string): ResolvedOptions;
