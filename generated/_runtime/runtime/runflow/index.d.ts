export { createRunflowClient, RUNFLOW_BASE_URL } from "./client.js";
export type { RunflowClient, RunflowCreateOptions, RunflowRunOptions, RunflowWaitOptions } from "./client.js";
export type { RunflowBinding, RunflowRun, RunflowStatus, SucceededRun } from "./run.js";
