import { ModelgenError, type ValidationIssue } from "../errors.js";
import type { Redactor } from "../redact.js";
export type RunflowStatus = "queued" | "dispatching" | "running" | "succeeded" | "failed" | "cancelled" | "canceled";
export interface RunflowRun<TOutput = unknown> {
  id: string;
  /** One of {@link RunflowStatus}; other values are treated as still running. */
  status: RunflowStatus | (string & {});
  output?: TOutput | null;
  metadata?: Record<string, unknown> | null;
  [field: string]: unknown;
}
export type SucceededRun<TOutput> = RunflowRun<TOutput> & {
  status: "succeeded";
  output: TOutput;
};
/** What a generated per-model module supplies about its Runflow endpoint. */
export interface RunflowBinding {
  modelId: string;
  /** e.g. "/v1/models/alibaba/wan/v2.7/text-to-video/runs" */
  runPath: string;
  /** Validates the whole request body `{input, callback_url?, metadata?}`. */
  validateRequest(body: unknown): ValidationIssue[];
}
export declare function isRunflowRun(value: unknown): value is RunflowRun;
/** The run's final verdict: its value when succeeded, an error when failed or cancelled, undefined while running. */
export declare function settleRun<TOutput>(
  run: RunflowRun<TOutput>,
  redact: Redactor,
): SucceededRun<TOutput> | ModelgenError | undefined;
