// A Runflow model module's functions (templates/validation/model.ts has the ones every model shares). Bundled into
// the validation runtime, which a model module imports at once; the client runtime loads on first use.
import { lazyClient, runtime, taskChecks, type ModelValidator, type Options, type Runtime } from "../../validation/model.js";

/** A Runflow model: `{ modelId, runPath }`; its validator checks the whole request body. */
export function runflowModel(checks: ModelValidator, model: { modelId: string; runPath: string }) {
  const task = taskChecks(checks);
  const binding = { ...model, validateRequest: task.validateTask };
  return {
    ...task,
    createClient: lazyClient((r, options) => r.createRunflowClient(binding, options as Options<Runtime["createRunflowClient"]>), ["run", "create", "get", "wait"]),
    /** Verifies `Runflow-Signature` over the raw body (string, Uint8Array or Buffer), then parses the callback. */
    async parseWebhook(rawBody: unknown, headers: unknown, secret: unknown) {
      return (await runtime()).parseRunflowWebhook(rawBody as string, headers as Parameters<Runtime["parseRunflowWebhook"]>[1], secret as string);
    },
    /** The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check. */
    async handleWebhook(request: unknown, options: unknown) {
      return (await runtime()).handleRunflowWebhook(request as Request, options as Options<Runtime["handleRunflowWebhook"]>);
    },
  };
}
