import { ModelgenError } from "../errors.js";
import type { Redactor } from "../redact.js";
export type Json = Record<string, unknown>;
export interface RunwareAnswer {
  data: Json[];
  errors: Json[];
}
/** Task state of one item. "pending" is the older name of "processing"; unknown states are still running. */
export type ItemState = "success" | "processing" | "error";
export declare function readRunwareAnswer(body: unknown): RunwareAnswer | undefined;
export declare function itemState(item: Json): ItemState;
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
export declare function errorCode(item: Json): string;
/** One ModelgenError from an error item, a data item in state error, or a legacy item. */
export declare function runwareError(item: Json, ctx: ErrorContext): ModelgenError;
/** For a non-2xx answer with no usable error item (empty body, HTML from a proxy, ...). */
export declare function httpError(
  status: number,
  text: string,
  redact: Redactor,
  taskUUID?: string,
  retryAfterMs?: number,
): ModelgenError;
/** Error items that concern `taskUUID`: those naming it, and those naming no task at all. */
export declare function errorItemsFor(answer: RunwareAnswer, taskUUID: string): Json[];
export declare function dataItemsFor(answer: RunwareAnswer, taskUUID: string): Json[];
