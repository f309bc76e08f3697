// The one error type every client call rejects with, whatever went wrong: validation,
// transport, an API error answer, a failed task or run.
export class ModelgenError extends Error {
  name = "ModelgenError";
  /** The API's error code, or one of {@link RuntimeErrorCode}. */
  code;
  /** True when repeating the same call may succeed (transient failure, nothing harmful in flight). */
  retryable;
  constructor(init) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    if (init.parameter !== undefined) this.parameter = init.parameter;
    if (init.taskUUID !== undefined) this.taskUUID = init.taskUUID;
    if (init.runId !== undefined) this.runId = init.runId;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.issues !== undefined) this.issues = init.issues;
    if (init.details !== undefined) this.details = init.details;
  }
  toJSON() {
    const out = { name: this.name, code: this.code, message: this.message, retryable: this.retryable };
    for (const key of ["parameter", "taskUUID", "runId", "status", "retryAfterMs", "issues", "details"]) {
      if (this[key] !== undefined) out[key] = this[key];
    }
    return out;
  }
}
export function isModelgenError(value) {
  return value instanceof ModelgenError;
}
/** Copy of `error` with some fields replaced (errors are immutable). */
export function withErrorFields(error, patch) {
  return new ModelgenError({
    code: error.code,
    message: error.message,
    parameter: error.parameter,
    taskUUID: error.taskUUID,
    runId: error.runId,
    status: error.status,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    issues: error.issues,
    details: error.details,
    cause: error.cause,
    ...patch,
  });
}
export function invalidRequestError(issues, what, taskUUID) {
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.path || "/"} ${i.message}`)
    .join("; ");
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return new ModelgenError({
    code: "invalidTask",
    message: `${what} failed validation, nothing was sent: ${shown}${more}`,
    issues,
    taskUUID,
    retryable: false,
  });
}
