// The runtime's public surface, imported by every generated model module.
export { ModelgenError, isModelgenError } from "./errors.js";
export { isRetryableStatus } from "./transport.js";
export { backoffDelay, parseRetryAfter, pollDelay } from "./backoff.js";
export { uuidV4, isUuid } from "./uuid.js";
export { hmacSha256Hex, timingSafeEqual } from "./hmac.js";
export { createRunwareClient, RUNWARE_BASE_URL } from "./runware.js";
export { createRunflowClient, RUNFLOW_BASE_URL } from "./runflow.js";
export {
  parseRunwareWebhook,
  parseRunflowWebhook,
  verifyRunflowSignature,
  RUNFLOW_SIGNATURE_HEADER,
} from "./webhooks.js";
