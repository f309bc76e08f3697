import { ModelgenError, type ValidationIssue } from "../errors.js";
import type { Redactor } from "../redact.js";
import type { HttpResponse } from "../transport.js";
/** pydantic's loc as a JSON Pointer into the request body: a leading "body" is where the input starts. */
export declare function locToPointer(loc: unknown): string;
/** The 422 `detail` list as issues; a string detail is one issue about the whole input. */
export declare function detailIssues(detail: unknown): ValidationIssue[];
export interface FalErrorContext {
  redact: Redactor;
  retryable: boolean;
  requestId?: string;
  /** Appended to the message, e.g. "; it may have been queued, so it was not repeated". */
  note?: string;
}
/** A non-2xx answer: `invalidInput` with issues for a 422 detail list, else `httpError` with fal's words. */
export declare function falApiError(response: HttpResponse, context: FalErrorContext): ModelgenError;
