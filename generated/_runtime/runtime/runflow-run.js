// A Runflow run and its lifecycle: queued → dispatching → running → succeeded | failed |
// cancelled (also spelt canceled).
import { ModelgenError } from "./errors.js";
export function isRunflowRun(value) {
  return (
    typeof value === "object" && value !== null && typeof value.id === "string" && typeof value.status === "string"
  );
}
function failureText(run) {
  for (const key of ["error", "error_message", "failure_reason", "message"]) {
    const value = run[key];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "object" && value !== null && typeof value.message === "string") {
      return value.message;
    }
  }
  return undefined;
}
/** The run's final verdict: its value when succeeded, an error when failed or cancelled, undefined while running. */
export function settleRun(run, redact) {
  switch (run.status) {
    case "succeeded":
      return run;
    case "failed":
      return new ModelgenError({
        code: "runFailed",
        message: redact(`Run ${run.id} failed${failureText(run) ? `: ${failureText(run)}` : ""}`),
        runId: run.id,
        retryable: false,
        details: redact(run),
      });
    case "cancelled":
    case "canceled":
      return new ModelgenError({
        code: "runCancelled",
        message: `Run ${run.id} was cancelled`,
        runId: run.id,
        retryable: false,
        details: redact(run),
      });
    default:
      return undefined;
  }
}
