export {
  ModelgenError,
  isModelgenError,
  type ModelgenErrorInit,
  type RuntimeErrorCode,
  type ValidationIssue,
} from "./errors.js";
export type { ClientOptions, PollOptions, RetryOptions } from "./options.js";
export type { Forbidden } from "./forbidden.js";
export { isRetryableStatus } from "./transport.js";
export { backoffDelay, parseRetryAfter, pollDelay } from "./backoff.js";
export { uuidV4, isUuid } from "./uuid.js";
export { hmacSha256Hex, timingSafeEqual } from "./hmac.js";
export * from "./runware/index.js";
export * from "./runflow/index.js";
export * from "./fal/index.js";
export type { WebhookHeaders } from "./webhooks.js";
export type { RawBody } from "./raw-body.js";
