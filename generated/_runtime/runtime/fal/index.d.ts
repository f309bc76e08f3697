export { createFalClient, FAL_QUEUE_BASE_URL } from "./client.js";
export type { FalBinding, FalCancelled, FalClient, FalRequestRef, FalRunOptions, FalSubmitOptions } from "./client.js";
export type { FalLog, FalProgress, FalQueueStatus, FalResult, FalSubmitted } from "./status.js";
