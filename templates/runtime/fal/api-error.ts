// A fal error answer as a ModelgenError. fal's bodies are FastAPI's: `{detail: "text"}` or, on 422,
// pydantic's `{detail: [{loc: ["body", "prompt"], msg, type}]}`, whose places become JSON Pointers
// into the input ("/prompt").

import { ModelgenError, type ValidationIssue } from "../errors.js";
import type { Redactor } from "../redact.js";
import type { HttpResponse } from "../transport.js";
import { escapeToken } from "../../validation/pointer.js";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}


/** pydantic's loc as a JSON Pointer into the request body: a leading "body" is where the input starts. */
export function locToPointer(loc: unknown): string {
  if (!Array.isArray(loc)) return "";
  const parts = loc.filter((p): p is string | number => typeof p === "string" || typeof p === "number");
  const inBody = parts[0] === "body" ? parts.slice(1) : parts;
  return inBody.map((p) => `/${escapeToken(p)}`).join("");
}

/** The 422 `detail` list as issues; a string detail is one issue about the whole input. */
export function detailIssues(detail: unknown): ValidationIssue[] {
  if (typeof detail === "string") return [{ path: "", message: detail }];
  if (!Array.isArray(detail)) return [];
  return detail.filter(isObject).map((item) => ({
    path: locToPointer(item.loc),
    message: typeof item.msg === "string" ? item.msg : typeof item.message === "string" ? item.message : "is invalid",
  }));
}

function detailText(body: Record<string, unknown>): string | undefined {
  if (typeof body.detail === "string" && body.detail !== "") return body.detail;
  if (typeof body.message === "string" && body.message !== "") return body.message;
  if (isObject(body.error) && typeof body.error.message === "string") return body.error.message;
  return undefined;
}

export interface FalErrorContext {
  redact: Redactor;
  retryable: boolean;
  requestId?: string;
  /** Appended to the message, e.g. "; it may have been queued, so it was not repeated". */
  note?: string;
}

/** A non-2xx answer: `invalidInput` with issues for a 422 detail list, else `httpError` with fal's words. */
export function falApiError(response: HttpResponse, context: FalErrorContext): ModelgenError {
  const { redact } = context;
  const body = isObject(response.body) ? response.body : {};
  const note = context.note ?? "";
  if (response.status === 422 && body.detail !== undefined) {
    const issues = detailIssues(body.detail);
    const shown = issues.slice(0, 3).map((i) => `${i.path || "/"} ${i.message}`).join("; ");
    const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
    return new ModelgenError(
      redact({ code: "invalidInput", message: `fal refused the input (HTTP 422): ${shown}${more}`, status: 422, requestId: context.requestId, retryable: false, issues, details: body }),
    );
  }
  // Redact, then cut: a cut first could leave part of the key past the end of the redacted text.
  const snippet = redact(response.text.trim()).slice(0, 200);
  const text = detailText(body);
  const words = text === undefined ? undefined : redact(text).slice(0, 300);
  const message = `HTTP ${response.status}${words !== undefined ? `: ${words}` : snippet ? `: ${snippet}` : " with an empty body"}${note}`;
  return new ModelgenError(
    redact({
      code: "httpError",
      message,
      status: response.status,
      requestId: context.requestId,
      retryable: context.retryable,
      retryAfterMs: response.retryAfterMs,
      details: isObject(response.body) ? response.body : undefined,
    }),
  );
}
