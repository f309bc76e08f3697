// A fal model module's functions (templates/validation/model.ts has the ones every model shares). Bundled into
// the validation runtime, which a model module imports at once; the client runtime loads on first use.
import { lazyClient, runtime, taskChecks, type ModelValidator, type Options, type Runtime } from "../../validation/model.js";

/** A fal model: `{ modelId }` (the endpoint id). */
export function falModel(checks: ModelValidator, model: { modelId: string }) {
  const task = taskChecks(checks);
  const binding = { ...model, validateTask: task.validateTask };
  return {
    ...task,
    createClient: lazyClient((r, options) => r.createFalClient(binding, options as Options<Runtime["createFalClient"]>), ["run", "submit", "status", "result", "cancel"]),
    /** Verifies fal's Ed25519 signature over the raw body (string, Uint8Array or Buffer) and its headers, then parses the webhook. */
    async parseWebhook(rawBody: unknown, headers: unknown, options?: unknown) {
      return (await runtime()).parseFalWebhook(rawBody as string, headers as Parameters<Runtime["parseFalWebhook"]>[1], options as Parameters<Runtime["parseFalWebhook"]>[2]);
    },
    /** The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check. */
    async handleWebhook(request: unknown, options?: unknown) {
      return (await runtime()).handleFalWebhook(request as Request, options as Options<Runtime["handleFalWebhook"]>);
    },
  };
}
