import { ModelgenError } from "../errors.js";
import type { Redactor } from "../redact.js";
/** One line of the runner's log, as the status answer lists them with `?logs=1`. */
export interface FalLog {
  message: string;
  level?: string;
  source?: string;
  timestamp?: string;
  [field: string]: unknown;
}
/** A status answer (GET …/status), and the submit answer (which has the same shape). */
export interface FalQueueStatus {
  /** "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED"; any other value is treated as still running. */
  status: "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED" | (string & {});
  request_id: string;
  response_url?: string;
  status_url?: string;
  cancel_url?: string;
  /** Requests ahead of this one (IN_QUEUE only). */
  queue_position?: number;
  logs?: FalLog[] | null;
  metrics?: Record<string, unknown>;
  /** Set on COMPLETED when the run failed. */
  error?: string | null;
  error_type?: string | null;
  [field: string]: unknown;
}
/** What submit answers: the request id and the three URLs to follow. */
export interface FalSubmitted extends FalQueueStatus {
  response_url: string;
  status_url: string;
  cancel_url: string;
}
/** What `run` reports after every status poll. */
export interface FalProgress {
  requestId: string;
  status: FalQueueStatus["status"];
  /** Requests ahead of this one, while IN_QUEUE. */
  queuePosition?: number;
  /** The runner's logs as this status answer lists them (fal lists all logs so far; empty when there are none). */
  logs: FalLog[];
}
/** A finished request's output, as `run` and `result` give it. */
export interface FalResult<TOutput> {
  requestId: string;
  data: TOutput;
}
/** The answer as a status, or undefined when it has no request_id and status strings. */
export declare function asQueueStatus(value: unknown): FalQueueStatus | undefined;
/** The submit answer, which must name its request and the URLs to follow. */
export declare function asSubmitted(value: unknown): FalSubmitted | undefined;
export declare function progressOf(status: FalQueueStatus): FalProgress;
/**
 * The request's verdict from a status: "done" when COMPLETED without error, a `requestFailed` error
 * when COMPLETED with one, undefined while it runs.
 */
export declare function settleStatus(status: FalQueueStatus, redact: Redactor): "done" | ModelgenError | undefined;
