import type { ValidationIssue } from "../validation/issues.js";
export type { ValidationIssue };
/** Codes the runtime itself assigns; API error codes (e.g. `invalidApiKey`) pass through unchanged. */
export type RuntimeErrorCode =
  | "invalidTask"
  | "invalidOptions"
  | "timeout"
  | "networkError"
  | "aborted"
  | "invalidResponse"
  | "httpError"
  | "pollTimeout"
  | "runFailed"
  | "runCancelled"
  | "requestFailed"
  | "invalidInput"
  | "invalidSignature"
  | "invalidToken"
  | "invalidPayload";
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
export declare class ModelgenError extends Error {
  readonly name = "ModelgenError";
  /** The API's error code, or one of {@link RuntimeErrorCode}. */
  readonly code: string;
  readonly parameter?: string | string[];
  readonly taskUUID?: string;
  /** Runflow run id, when the error concerns a run. */
  readonly runId?: string;
  /** fal request id, when the error concerns a queued request. */
  readonly requestId?: string;
  /** HTTP status of the answer that carried the error, if any. */
  readonly status?: number;
  /** True when repeating the same call may succeed (transient failure, nothing harmful in flight). */
  readonly retryable: boolean;
  /** Server-requested wait (Retry-After) that exceeded the client's backoff cap. */
  readonly retryAfterMs?: number;
  readonly issues?: ValidationIssue[];
  /** The raw error item from the API, with the API key redacted. */
  readonly details?: unknown;
  constructor(init: ModelgenErrorInit);
  toJSON(): Record<string, unknown>;
}
export declare function isModelgenError(value: unknown): value is ModelgenError;
/** Copy of `error` with some fields replaced (errors are immutable). */
export declare function withErrorFields(error: ModelgenError, patch: Partial<ModelgenErrorInit>): ModelgenError;
export declare function invalidRequestError(issues: ValidationIssue[], what: string, taskUUID?: string): ModelgenError;
