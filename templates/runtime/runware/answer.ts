// Reading Runware answers: `{data}`, `{errors}`, both (a batch where some tasks failed), and
// the older `{error: {...}}` and `{errors: [{errorId, errorMessage}]}` shapes.

import { ModelgenError } from "../errors.js";
import type { Redactor } from "../redact.js";
import { isRetryableStatus } from "../transport.js";

export type Json = Record<string, unknown>;

export interface RunwareAnswer {
  data: Json[];
  errors: Json[];
}

/** Task state of one item. "pending" is the older name of "processing"; unknown states are still running. */
export type ItemState = "success" | "processing" | "error";

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readRunwareAnswer(body: unknown): RunwareAnswer | undefined {
  if (!isObject(body)) return undefined;
  const data = Array.isArray(body.data) ? body.data.filter(isObject) : [];
  const errors = Array.isArray(body.errors) ? body.errors.filter(isObject) : isObject(body.error) ? [body.error] : [];
  return { data, errors };
}

export function itemState(item: Json): ItemState {
  if (item.status === "error" || isObject(item.error)) return "error";
  if (item.status === "success") return "success";
  if (item.status !== undefined) return "processing";
  // Sync answers and webhooks carry finished results without a status; a bare ack has only the ids.
  return Object.keys(item).some((k) => k !== "taskType" && k !== "taskUUID") ? "success" : "processing";
}

function parameterOf(value: unknown): string | string[] | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  return undefined;
}

export interface ErrorContext {
  redact: Redactor;
  status?: number;
  /** Used when the item does not name its task. */
  taskUUID?: string;
  /** Task-level errors (inside a 200) are final; request-level ones follow the HTTP status. */
  taskLevel?: boolean;
  /** Retry-After of an answer the transport gave up retrying. */
  retryAfterMs?: number;
}

export function errorCode(item: Json): string {
  const inner = isObject(item.error) ? item.error : item;
  if (typeof inner.code === "string") return inner.code;
  return inner.errorId !== undefined ? String(inner.errorId) : "unknownError";
}

/** One ModelgenError from an error item, a data item in state error, or a legacy item. */
export function runwareError(item: Json, ctx: ErrorContext): ModelgenError {
  const inner = isObject(item.error) ? item.error : item;
  const code = errorCode(item);
  const text = typeof inner.message === "string" ? inner.message : typeof inner.errorMessage === "string" ? inner.errorMessage : undefined;
  const taskUUID = typeof item.taskUUID === "string" ? item.taskUUID : typeof inner.taskUUID === "string" ? inner.taskUUID : ctx.taskUUID;
  const status = ctx.status;
  const message = text ?? `Runware answered with error ${code}${status !== undefined ? ` (HTTP ${status})` : ""}`;
  // Every field can echo what the server was sent: redact them all (code and ids included).
  return new ModelgenError(
    ctx.redact({
      code,
      message,
      parameter: parameterOf(inner.parameter),
      taskUUID,
      status,
      retryable: !ctx.taskLevel && status !== undefined && isRetryableStatus(status),
      retryAfterMs: ctx.retryAfterMs,
      details: item,
    }),
  );
}

/** For a non-2xx answer with no usable error item (empty body, HTML from a proxy, ...). */
export function httpError(status: number, text: string, redact: Redactor, taskUUID?: string, retryAfterMs?: number): ModelgenError {
  // Redact, then cut: a cut first could leave part of the key past the end of the redacted text.
  const snippet = redact(text.trim()).slice(0, 200);
  return new ModelgenError({
    code: "httpError",
    message: `HTTP ${status}${snippet ? `: ${snippet}` : " with an empty body"}`,
    status,
    taskUUID: redact(taskUUID),
    retryable: isRetryableStatus(status),
    retryAfterMs,
  });
}

/** Error items that concern `taskUUID`: those naming it, and those naming no task at all. */
export function errorItemsFor(answer: RunwareAnswer, taskUUID: string): Json[] {
  const named = (item: Json): unknown => item.taskUUID ?? (isObject(item.error) ? item.error.taskUUID : undefined);
  return [
    ...answer.errors.filter((e) => named(e) === taskUUID || named(e) === undefined),
    ...answer.data.filter((d) => d.taskUUID === taskUUID && itemState(d) === "error"),
  ];
}

export function dataItemsFor(answer: RunwareAnswer, taskUUID: string): Json[] {
  return answer.data.filter((d) => d.taskUUID === taskUUID);
}
