export {
  ModelgenError,
  isModelgenError,
  type ModelgenErrorInit,
  type RuntimeErrorCode,
  type ValidationIssue,
} from "./errors.js";
export type { ClientOptions, PollOptions, RetryOptions } from "./options.js";
export { isRetryableStatus } from "./transport.js";
export { backoffDelay, parseRetryAfter, pollDelay } from "./backoff.js";
export { uuidV4, isUuid } from "./uuid.js";
export { hmacSha256Hex, timingSafeEqual } from "./hmac.js";
export { createRunwareClient, RUNWARE_BASE_URL } from "./runware.js";
export type {
  RunwareBatchItem,
  RunwareBatchOptions,
  RunwareClient,
  RunwareRunOptions,
  RunwareSubmitOptions,
} from "./runware.js";
export type { DeliveryMethod, RunwareBinding } from "./runware-task.js";
export type { RunwareProgress } from "./runware-context.js";
export type { PollTaskOptions } from "./runware-poll.js";
export { createRunflowClient, RUNFLOW_BASE_URL } from "./runflow.js";
export type { RunflowClient, RunflowCreateOptions, RunflowRunOptions, RunflowWaitOptions } from "./runflow.js";
export type { RunflowBinding, RunflowRun, RunflowStatus, SucceededRun } from "./runflow-run.js";
export {
  parseRunwareWebhook,
  parseRunflowWebhook,
  verifyRunflowSignature,
  handleRunwareWebhook,
  handleRunflowWebhook,
  RUNFLOW_SIGNATURE_HEADER,
} from "./webhooks.js";
export type { CallbackPayload, RunwareWebhook, RunwareWebhookOptions, WebhookHeaders } from "./webhooks.js";
export type { RawBody } from "./raw-body.js";
export {
  createWebhookToken,
  createWebhookUrl,
  checkWebhookToken,
  WEBHOOK_TOKEN_PARAM,
  MIN_WEBHOOK_TOKEN_LENGTH,
} from "./webhook-token.js";
export * from "./fal/index.js";
