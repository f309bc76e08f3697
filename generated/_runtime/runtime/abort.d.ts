import { ModelgenError } from "./errors.js";
export declare function abortedError(signal: AbortSignal | undefined): ModelgenError;
export declare function throwIfAborted(signal: AbortSignal | undefined): void;
/** setTimeout as a promise that rejects with an `aborted` error when `signal` fires. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
export type Sleeper = (ms: number, signal?: AbortSignal) => Promise<void>;
/** Uses an injected sleeper if given, and still guarantees the abort contract. */
export declare function makeSleeper(injected: Sleeper | undefined): Sleeper;
