import type { Limiter } from "../limit.js";
import type { RunwareContext, RunwareProgress } from "./context.js";
export interface PollTaskOptions<TResult> {
  numberResults?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RunwareProgress<TResult>) => void;
}
export declare function pollTask<TResult>(
  ctx: RunwareContext,
  taskUUID: string,
  options?: PollTaskOptions<TResult>,
  limit?: Limiter,
): Promise<TResult[]>;
