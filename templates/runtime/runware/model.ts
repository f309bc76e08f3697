// A Runware model module's functions (templates/validation/model.ts has the ones every model shares). Bundled into
// the validation runtime, which a model module imports at once; the client runtime loads on first use.
import { lazyClient, runtime, taskChecks, type ModelValidator, type Options, type Runtime } from "../../validation/model.js";

/** A Runware model: `{ modelId, taskType, deliveryMethods, defaultDelivery }` (taskType null: webhooks check none). */
export function runwareModel(checks: ModelValidator, model: { modelId: string; taskType: string | null; deliveryMethods: string[]; defaultDelivery: string }) {
  const task = taskChecks(checks);
  const binding = { ...model, validateTask: task.validateTask };
  const taskType = model.taskType === null ? undefined : model.taskType;
  return {
    ...task,
    createClient: lazyClient((r, options) => r.createRunwareClient(binding as Parameters<Runtime["createRunwareClient"]>[0], options as Options<Runtime["createRunwareClient"]>), ["run", "submit", "poll", "runBatch"]),
    // Spread first, so a caller's options can never replace the model's task type.
    /** Parses a webhook Runware POSTed for this model, from the raw body, after checking the URL's token (`{ url, token }`); `{ unverified: true }` skips the check, no options is refused. */
    async parseWebhook(rawBody: unknown, options: unknown) {
      return (await runtime()).parseRunwareWebhook(rawBody as string, { ...(options as object), taskType } as Options<Runtime["parseRunwareWebhook"]>);
    },
    /** The same from a Fetch API Request: checks the URL's token (`{ token }`), then reads and parses the raw body; `{ unverified: true }` skips the check, no options is refused. */
    async handleWebhook(request: unknown, options: unknown) {
      return (await runtime()).handleRunwareWebhook(request as Request, { ...(options as object), taskType } as Options<Runtime["handleRunwareWebhook"]>);
    },
    /** `baseUrl` with a random token (or `token`) in its query: the task's `webhookURL`. Keep the token to check callbacks. */
    async createWebhookUrl(baseUrl: unknown, token?: unknown) {
      return (await runtime()).createWebhookUrl(baseUrl as string, token as string | undefined);
    },
  };
}
