// Runflow's client and callbacks: what templates/runtime/index.ts exports of them.
export { createRunflowClient, RUNFLOW_BASE_URL } from "./client.js";
export type { RunflowClient, RunflowCreateOptions, RunflowRunOptions, RunflowWaitOptions } from "./client.js";
export type { RunflowBinding, RunflowRun, RunflowStatus, SucceededRun } from "./run.js";
export { parseRunflowWebhook, verifyRunflowSignature, handleRunflowWebhook, RUNFLOW_SIGNATURE_HEADER } from "./webhook.js";
export type { CallbackPayload } from "./webhook.js";
// The type of what a model module exports (its functions are bundled into the validation runtime, not here).
export type { RunflowModel } from "./model.js";
