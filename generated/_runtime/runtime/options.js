// Client options as the caller writes them, and the complete settings the runtime works with.
import { ModelgenError } from "./errors.js";
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRY = { max: 3, baseMs: 1_000, capMs: 30_000 };
export const DEFAULT_POLL = { firstDelayMs: 1_000, factor: 1.5, maxDelayMs: 10_000, budgetMs: 20 * 60_000 };
function invalid(message) {
  return new ModelgenError({ code: "invalidOptions", message, retryable: false });
}
function count(name, value, fallback, min = 0) {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min)
    throw invalid(`${name} must be a finite number >= ${min}`);
  return value;
}
export function resolveOptions(options, defaultBaseUrl) {
  if (options === null || typeof options !== "object") throw invalid("options must be an object");
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new ModelgenError({
      code: "missingApiKey",
      message: "options.apiKey must be a non-empty string",
      retryable: false,
    });
  }
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
    apiKey: options.apiKey,
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
