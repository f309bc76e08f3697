// Cancellation: the caller's AbortSignal stops waits and requests at once and is never retried.
import { ModelgenError } from "./errors.js";
export function abortedError(signal) {
  return new ModelgenError({
    code: "aborted",
    message: "The operation was aborted by the caller",
    retryable: false,
    cause: signal?.reason,
  });
}
export function throwIfAborted(signal) {
  if (signal?.aborted) throw abortedError(signal);
}
/** setTimeout as a promise that rejects with an `aborted` error when `signal` fires. */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
/** Uses an injected sleeper if given, and still guarantees the abort contract. */
export function makeSleeper(injected) {
  if (!injected) return sleep;
  return async (ms, signal) => {
    throwIfAborted(signal);
    await injected(ms, signal);
    throwIfAborted(signal);
  };
}
