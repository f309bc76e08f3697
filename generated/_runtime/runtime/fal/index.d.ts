export { createFalClient, FAL_QUEUE_BASE_URL } from "./client.js";
export type { FalBinding, FalCancelled, FalClient, FalRequestRef, FalRunOptions, FalSubmitOptions } from "./types.js";
export type { FalLog, FalProgress, FalQueueStatus, FalResult, FalSubmitted } from "./status.js";
export { parseFalWebhook, handleFalWebhook, FAL_WEBHOOK_HEADERS, FAL_WEBHOOK_TOLERANCE_SECONDS } from "./webhook.js";
export type { FalWebhook, FalWebhookOptions } from "./webhook.js";
export { FAL_JWKS_URL } from "./jwks.js";
export type { FalJwk } from "./ed25519.js";
export type { FalModel } from "./model.js";
