import type { ValidationIssue } from "../errors.js";
import type { FalProgress, FalQueueStatus, FalResult, FalSubmitted } from "./status.js";
/** What a generated per-model module supplies about its fal endpoint. */
export interface FalBinding {
  /** The endpoint id, e.g. "fal-ai/kling-video/v2.5-turbo/pro/text-to-video". */
  modelId: string;
  /** Validates the input (the request body). */
  validateTask(input: unknown): ValidationIssue[];
}
export interface FalSubmitOptions {
  /** fal POSTs the result there when the request finishes (sent as `?fal_webhook=<url>`). */
  webhookUrl?: string;
  signal?: AbortSignal;
  /** Validate the input against the model's schema before sending (default true). */
  validate?: boolean;
}
export interface FalRunOptions extends FalSubmitOptions {
  /** Called after every status poll with the queue position or the runner's logs. */
  onProgress?: (progress: FalProgress) => void;
  /** Ask for the runner's logs while polling (default: when onProgress is given). */
  logs?: boolean;
}
/** A request: its id (the endpoint's owner/app URLs are then built) or what submit answered (its URLs are followed). */
export type FalRequestRef = string | Pick<FalQueueStatus, "request_id" | "status_url" | "response_url" | "cancel_url">;
export interface FalCancelled {
  /** "CANCELLATION_REQUESTED" (202), or "ALREADY_COMPLETED" (fal's 400 when the request had finished). */
  status: "CANCELLATION_REQUESTED" | "ALREADY_COMPLETED" | (string & {});
  requestId: string;
}
export interface FalClient<TInput, TOutput> {
  /**
   * Submits, polls until COMPLETED and fetches the output. Rejects with `invalidTask` (nothing sent),
   * `invalidInput` (fal's 422), `requestFailed` (COMPLETED with an error), `pollTimeout` or `aborted`
   * (the request carries on at fal: its id is on the error; cancel it if needed).
   */
  run(input: TInput, opts?: FalRunOptions): Promise<FalResult<TOutput>>;
  /** Queues the input; answers with the request id and the URLs to follow. */
  submit(input: TInput, opts?: FalSubmitOptions): Promise<FalSubmitted>;
  status(
    request: FalRequestRef,
    opts?: {
      logs?: boolean;
      signal?: AbortSignal;
    },
  ): Promise<FalQueueStatus>;
  /** The output of a COMPLETED request (fal answers an error for one that failed or is not finished). */
  result(
    request: FalRequestRef,
    opts?: {
      signal?: AbortSignal;
    },
  ): Promise<FalResult<TOutput>>;
  cancel(
    request: FalRequestRef,
    opts?: {
      signal?: AbortSignal;
    },
  ): Promise<FalCancelled>;
}
