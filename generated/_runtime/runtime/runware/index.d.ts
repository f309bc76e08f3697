export { createRunwareClient, RUNWARE_BASE_URL } from "./client.js";
export type {
  RunwareBatchItem,
  RunwareBatchOptions,
  RunwareClient,
  RunwareRunOptions,
  RunwareSubmitOptions,
} from "./client.js";
export type { DeliveryMethod, RunwareBinding } from "./task.js";
export type { RunwareProgress } from "./context.js";
export type { PollTaskOptions } from "./poll.js";
export { parseRunwareWebhook, handleRunwareWebhook } from "./webhook.js";
export type { RunwareWebhook, RunwareWebhookOptions } from "./webhook.js";
export {
  createWebhookToken,
  createWebhookUrl,
  checkWebhookToken,
  WEBHOOK_TOKEN_PARAM,
  MIN_WEBHOOK_TOKEN_LENGTH,
} from "./webhook-token.js";
export type { RunwareModel } from "./model.js";
export type { RunwareResult, RunwareImageResult, RunwareVideoResult, RunwareAudioResult } from "./result.js";
