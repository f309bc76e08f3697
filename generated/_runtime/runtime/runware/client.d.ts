import { ModelgenError } from "../errors.js";
import { type ClientOptions } from "../options.js";
import type { RunwareProgress } from "./context.js";
import { type PollTaskOptions } from "./poll.js";
import { type RunwareBinding } from "./task.js";
export declare const RUNWARE_BASE_URL = "https://api.runware.ai/v1";
export interface RunwareSubmitOptions {
  signal?: AbortSignal;
  /** Validate against the model's schema before sending (default true). */
  validate?: boolean;
}
export interface RunwareRunOptions<TResult> extends RunwareSubmitOptions {
  onProgress?: (progress: RunwareProgress<TResult>) => void;
}
export interface RunwareBatchOptions<TResult> extends RunwareRunOptions<TResult> {
  /** Most getResponse requests in flight at once (default 16). */
  concurrency?: number;
}
export type RunwareBatchItem<TResult> =
  | {
      ok: true;
      taskUUID: string;
      results: TResult[];
    }
  | {
      ok: false;
      taskUUID: string;
      error: ModelgenError;
    };
export interface RunwareClient<TInput, TResult> {
  /** Every result of the task (numberResults of them). */
  run(input: TInput, opts?: RunwareRunOptions<TResult>): Promise<TResult[]>;
  /** Sends the task; sync answers carry `results`. */
  submit(
    input: TInput,
    opts?: RunwareSubmitOptions,
  ): Promise<{
    taskUUID: string;
    results?: TResult[];
  }>;
  poll(taskUUID: string, opts?: PollTaskOptions<TResult>): Promise<TResult[]>;
  /** One outcome per input, in input order; rejects only when aborted. */
  runBatch(inputs: TInput[], opts?: RunwareBatchOptions<TResult>): Promise<RunwareBatchItem<TResult>[]>;
}
export declare function createRunwareClient<TInput, TResult>(
  binding: RunwareBinding,
  options: ClientOptions,
): RunwareClient<TInput, TResult>;
