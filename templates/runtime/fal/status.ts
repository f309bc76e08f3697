// A fal queue request and its lifecycle: IN_QUEUE (with queue_position) → IN_PROGRESS (with logs
// when asked) → COMPLETED, which carries `error` (and `error_type`) when the run failed.

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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The answer as a status, or undefined when it has no request_id and status strings. */
export function asQueueStatus(value: unknown): FalQueueStatus | undefined {
  if (!isObject(value) || typeof value.request_id !== "string" || value.request_id === "" || typeof value.status !== "string") return undefined;
  return value as FalQueueStatus;
}

/** The submit answer, which must name its request and the URLs to follow. */
export function asSubmitted(value: unknown): FalSubmitted | undefined {
  const status = asQueueStatus(value);
  if (!status) return undefined;
  for (const key of ["response_url", "status_url", "cancel_url"] as const) if (typeof status[key] !== "string") return undefined;
  return status as FalSubmitted;
}

export function progressOf(status: FalQueueStatus): FalProgress {
  const progress: FalProgress = {
    requestId: status.request_id,
    status: status.status,
    logs: Array.isArray(status.logs) ? status.logs.filter((log): log is FalLog => isObject(log) && typeof log.message === "string") : [],
  };
  if (typeof status.queue_position === "number") progress.queuePosition = status.queue_position;
  return progress;
}

function errorText(error: unknown): string | undefined {
  if (typeof error === "string" && error !== "") return error;
  if (isObject(error) && typeof error.message === "string") return error.message;
  return undefined;
}

/**
 * The request's verdict from a status: "done" when COMPLETED without error, a `requestFailed` error
 * when COMPLETED with one, undefined while it runs.
 */
export function settleStatus(status: FalQueueStatus, redact: Redactor): "done" | ModelgenError | undefined {
  if (status.status !== "COMPLETED") return undefined;
  if (status.error === undefined || status.error === null || status.error === "") return "done";
  const text = errorText(status.error) ?? "no message";
  const kind = typeof status.error_type === "string" && status.error_type !== "" ? ` (${status.error_type})` : "";
  return new ModelgenError(
    redact({ code: "requestFailed", message: `fal request ${status.request_id} failed${kind}: ${text}`, requestId: status.request_id, retryable: false, details: status }),
  );
}
