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
