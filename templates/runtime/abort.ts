// Cancellation: the caller's AbortSignal stops waits and requests at once and is never retried.

import { ModelgenError } from "./errors.js";

export function abortedError(signal: AbortSignal | undefined): ModelgenError {
  return new ModelgenError({
    code: "aborted",
    message: "The operation was aborted by the caller",
    retryable: false,
    cause: signal?.reason,
  });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal);
}

/** setTimeout as a promise that rejects with an `aborted` error when `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export type Sleeper = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Uses an injected sleeper if given, and still guarantees the abort contract. */
export function makeSleeper(injected: Sleeper | undefined): Sleeper {
  if (!injected) return sleep;
  return async (ms, signal) => {
    throwIfAborted(signal);
    await injected(ms, signal);
    throwIfAborted(signal);
  };
}
