// The one error type every client call rejects with, whatever went wrong: validation,
// transport, an API error answer, a failed task or run.

// One schema violation, as the generated validators report it (a type-only import: no code is shared).
import type { ValidationIssue } from "../validation/issues.js";
export type { ValidationIssue };

/** Codes the runtime itself assigns; API error codes (e.g. `invalidApiKey`) pass through unchanged. */
export type RuntimeErrorCode =
  | "invalidTask" // the request failed the model's schema; nothing was sent
  | "invalidOptions" // the client was misconfigured
  | "timeout" // a request timed out (after any retries)
  | "networkError" // connection refused/reset/... (after any retries)
  | "aborted" // the caller's AbortSignal fired
  | "invalidResponse" // the answer was not the JSON the protocol promises
  | "httpError" // a non-2xx answer without a usable error body
  | "pollTimeout" // the polling budget ran out before the task/run finished
  | "runFailed" // a Runflow run ended with status failed
  | "runCancelled" // a Runflow run ended with status cancelled/canceled
  | "requestFailed" // a fal request ended COMPLETED with an error
  | "invalidInput" // fal answered 422: the server refused the input (`issues` say where)
  | "invalidSignature" // a webhook's signature did not verify
  | "invalidToken" // a Runware webhook's URL token is missing or wrong
  | "invalidPayload"; // a webhook body was not the documented shape

export interface ModelgenErrorInit {
  code: string;
  message: string;
  parameter?: string | string[];
  taskUUID?: string;
  runId?: string;
  requestId?: string;
  status?: number;
  retryable?: boolean;
  retryAfterMs?: number;
  issues?: ValidationIssue[];
  details?: unknown;
  cause?: unknown;
}

export class ModelgenError extends Error {
  override readonly name = "ModelgenError";
  /** The API's error code, or one of {@link RuntimeErrorCode}. */
  readonly code: string;
  declare readonly parameter?: string | string[];
  declare readonly taskUUID?: string;
  /** Runflow run id, when the error concerns a run. */
  declare readonly runId?: string;
  /** fal request id, when the error concerns a queued request. */
  declare readonly requestId?: string;
  /** HTTP status of the answer that carried the error, if any. */
  declare readonly status?: number;
  /** True when repeating the same call may succeed (transient failure, nothing harmful in flight). */
  readonly retryable: boolean;
  /** Server-requested wait (Retry-After) that exceeded the client's backoff cap. */
  declare readonly retryAfterMs?: number;
  declare readonly issues?: ValidationIssue[];
  /** The raw error item from the API, with the API key redacted. */
  declare readonly details?: unknown;

  constructor(init: ModelgenErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    if (init.parameter !== undefined) this.parameter = init.parameter;
    if (init.taskUUID !== undefined) this.taskUUID = init.taskUUID;
    if (init.runId !== undefined) this.runId = init.runId;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.issues !== undefined) this.issues = init.issues;
    if (init.details !== undefined) this.details = init.details;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message, retryable: this.retryable };
    for (const key of ["parameter", "taskUUID", "runId", "requestId", "status", "retryAfterMs", "issues", "details"] as const) {
      if (this[key] !== undefined) out[key] = this[key];
    }
    return out;
  }
}

export function isModelgenError(value: unknown): value is ModelgenError {
  return value instanceof ModelgenError;
}

/** Copy of `error` with some fields replaced (errors are immutable). */
export function withErrorFields(error: ModelgenError, patch: Partial<ModelgenErrorInit>): ModelgenError {
  return new ModelgenError({
    code: error.code,
    message: error.message,
    parameter: error.parameter,
    taskUUID: error.taskUUID,
    runId: error.runId,
    requestId: error.requestId,
    status: error.status,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    issues: error.issues,
    details: error.details,
    cause: error.cause,
    ...patch,
  });
}

export function invalidRequestError(issues: ValidationIssue[], what: string, taskUUID?: string): ModelgenError {
  const shown = issues.slice(0, 3).map((i) => `${i.path || "/"} ${i.message}`).join("; ");
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return new ModelgenError({
    code: "invalidTask",
    message: `${what} failed validation, nothing was sent: ${shown}${more}`,
    issues,
    taskUUID,
    retryable: false,
  });
}
