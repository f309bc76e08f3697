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
export * from "./runware/index.js";
export * from "./runflow/index.js";
export * from "./fal/index.js";
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
