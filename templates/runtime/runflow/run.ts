// A Runflow run and its lifecycle: queued → dispatching → running → succeeded | failed |
// cancelled (also spelt canceled).

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

export type SucceededRun<TOutput> = RunflowRun<TOutput> & { status: "succeeded"; output: TOutput };

/** What a generated per-model module supplies about its Runflow endpoint. */
export interface RunflowBinding {
  modelId: string;
  /** e.g. "/v1/models/alibaba/wan/v2.7/text-to-video/runs" */
  runPath: string;
  /** Validates the whole request body `{input, callback_url?, metadata?}`. */
  validateRequest(body: unknown): ValidationIssue[];
}

export function isRunflowRun(value: unknown): value is RunflowRun {
  return typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string" && typeof (value as { status?: unknown }).status === "string";
}

function failureText(run: RunflowRun): string | undefined {
  for (const key of ["error", "error_message", "failure_reason", "message"]) {
    const value = run[key];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string") {
      return (value as { message: string }).message;
    }
  }
  return undefined;
}

/** The run's final verdict: its value when succeeded, an error when failed or cancelled, undefined while running. */
export function settleRun<TOutput>(run: RunflowRun<TOutput>, redact: Redactor): SucceededRun<TOutput> | ModelgenError | undefined {
  switch (run.status) {
    case "succeeded":
      return run as SucceededRun<TOutput>;
    case "failed":
      return new ModelgenError(
        redact({ code: "runFailed", message: `Run ${run.id} failed${failureText(run) ? `: ${failureText(run)}` : ""}`, runId: run.id, retryable: false, details: run }),
      );
    case "cancelled":
    case "canceled":
      return new ModelgenError(redact({ code: "runCancelled", message: `Run ${run.id} was cancelled`, runId: run.id, retryable: false, details: run }));
    default:
      return undefined;
  }
}
