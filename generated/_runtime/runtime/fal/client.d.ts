import { type ClientOptions } from "../options.js";
import type { FalBinding, FalClient } from "./types.js";
export declare const FAL_QUEUE_BASE_URL = "https://queue.fal.run";
export declare function createFalClient<TInput, TOutput>(
  binding: FalBinding,
  options: ClientOptions,
): FalClient<TInput, TOutput>;
