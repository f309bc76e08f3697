import { type ClientOptions } from "../options.js";
import { type RunflowBinding, type RunflowRun, type SucceededRun } from "./run.js";
export declare const RUNFLOW_BASE_URL = "https://api.runflow.io";
export interface RunflowCreateOptions {
  callbackUrl?: string;
  metadata?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Validate against the model's schema before sending (default true). */
  validate?: boolean;
}
export interface RunflowWaitOptions<TOutput> {
  signal?: AbortSignal;
  /** Called with the run after every poll. */
  onProgress?: (run: RunflowRun<TOutput>) => void;
}
export type RunflowRunOptions<TOutput> = RunflowCreateOptions & RunflowWaitOptions<TOutput>;
export interface RunflowClient<TInput, TOutput> {
  /** Creates the run and waits for it; rejects with runFailed / runCancelled / pollTimeout. */
  run(input: TInput, opts?: RunflowRunOptions<TOutput>): Promise<SucceededRun<TOutput>>;
  create(input: TInput, opts?: RunflowCreateOptions): Promise<RunflowRun<TOutput>>;
  get(
    id: string,
    opts?: {
      signal?: AbortSignal;
    },
  ): Promise<RunflowRun<TOutput>>;
  wait(id: string, opts?: RunflowWaitOptions<TOutput>): Promise<SucceededRun<TOutput>>;
}
export declare function createRunflowClient<TInput, TOutput>(
  binding: RunflowBinding,
  options: ClientOptions,
): RunflowClient<TInput, TOutput>;
