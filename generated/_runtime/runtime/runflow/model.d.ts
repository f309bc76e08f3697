import { type ModelValidator } from "../../validation/model.js";
/** A Runflow model: `{ modelId, runPath }`; its validator checks the whole request body. */
export declare function runflowModel(
  checks: ModelValidator,
  model: {
    modelId: string;
    runPath: string;
  },
): {
  createClient: (options: unknown) => Record<string, (...args: unknown[]) => Promise<unknown>>;
  /** Verifies `Runflow-Signature` over the raw body (string, Uint8Array or Buffer), then parses the callback. */
  parseWebhook(
    rawBody: unknown,
    headers: unknown,
    secret: unknown,
  ): Promise<import("./webhook.js").CallbackPayload<unknown>>;
  /** The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check. */
  handleWebhook(request: unknown, options: unknown): Promise<import("./webhook.js").CallbackPayload<unknown>>;
  isTask(value: unknown): boolean;
  validateTask(value: unknown): import("../errors.js").ValidationIssue[];
  taskSchema: import("../../validation/standard.js").StandardSchemaV1;
};
