export { createRunflowClient, RUNFLOW_BASE_URL } from "./client.js";
export type { RunflowClient, RunflowCreateOptions, RunflowRunOptions, RunflowWaitOptions } from "./client.js";
export type { RunflowBinding, RunflowRun, RunflowStatus, SucceededRun } from "./run.js";
export {
  parseRunflowWebhook,
  verifyRunflowSignature,
  handleRunflowWebhook,
  RUNFLOW_SIGNATURE_HEADER,
} from "./webhook.js";
export type { CallbackPayload } from "./webhook.js";
export type { RunflowModel } from "./model.js";
