// Runware (api.runware.ai): one POST of an array of tasks, each with taskType, taskUUID and model; results come
// back in the answer (sync) or by polling getResponse (async), or by webhook. The runtime is
// templates/runtime/runware/.
import { code, tsLiteral } from "../../emit/code.js";
import { SpecError } from "../../errors.js";
import { isPlain } from "../../json.js";
import { infoOf, modelConst, serversText, valueAt } from "../shared.js";
import { runwareCatalog } from "./catalog.js";
import { RUNWARE_FIELDS } from "./fields.js";
import type { Json } from "../../ir/types.js";
import type { Provider } from "../provider.js";

/** Properties Runware's client fills in when a task leaves them out. */
const CLIENT_FILLED = ["taskType", "taskUUID", "model"];

/**
 * The Result item type: the runtime's (templates/runtime/runware/result.ts), with the fields Runware documents for
 * every task and the media fields its task type names.
 */
function resultType(taskType: string | null): string {
  const media = /image/i.test(taskType ?? "") ? "Image" : /video/i.test(taskType ?? "") ? "Video" : /audio/i.test(taskType ?? "") ? "Audio" : "";
  return `Runware${media}Result`;
}

export const runware: Provider = {
  name: "runware",
  catalog: runwareCatalog,
  sharedFields: RUNWARE_FIELDS,
  signs: "runware (servers on api.runware.ai, or no servers at all)",
  recognise: (doc) => {
    const declared = infoOf(doc)["x-provider"];
    if (declared !== undefined) return declared === "runware";
    return doc.servers === undefined || /runware\.ai/.test(serversText(doc));
  },
  meta: (spec, task) => {
    const modelId = modelConst(task) ?? infoOf(spec.doc)["x-model-id"];
    if (typeof modelId !== "string")
      throw new SpecError(spec.file, `${spec.taskSourcePointer}/properties/model`, "expected the task's `model` to be a const (the model id), or `info.x-model-id`");
    return { modelId, clientFilled: CLIENT_FILLED.filter((k) => k in (task.properties ?? {})) };
  },
  modelId: (spec) => {
    const id = modelConst(spec.taskSchema) ?? infoOf(spec.doc)["x-model-id"];
    return typeof id === "string" ? id : undefined;
  },
  responses: (doc, clean) => ({
    responseBody: { label: "response", schema: clean(valueAt(doc, ["components", "schemas", "ResponseBody"])) },
    errorResponse: { label: "error response", schema: clean(valueAt(doc, ["components", "schemas", "ErrorResponse"])) },
  }),
  module: {
    model: "runwareModel",
    functions: ["createClient", "parseWebhook", "handleWebhook", "createWebhookUrl"],
    modelIdDoc: "The model id (the request's `model`).",
    modelType: "RunwareModel",
    modelTypeArgs: () => "Task, TaskInput, Result",
    binding: (meta) =>
      code`{ modelId, taskType: ${meta.taskType}, deliveryMethods: ${meta.deliveryMethods.length ? meta.deliveryMethods : ["async"]}, defaultDelivery: ${meta.defaultDelivery ?? "async"} }`,
    responseTypes: async (ir, schemaType) =>
      [await schemaType("ResponseBody", ir.responses.responseBody?.schema ?? null), await schemaType("ErrorResponse", ir.responses.errorResponse?.schema ?? null)].join("\n"),
    runtimeTypes: (ir) => [{ name: resultType(ir.meta.taskType), as: "Result" }],
  },
  readme: {
    delivery: (meta, inline) => meta.deliveryMethods.map((d) => `${inline(d)}${d === meta.defaultDelivery ? " (default)" : ""}`).join(", ") || "not stated",
    inputName: "task",
    snippetInput: (ir, payload) => (isPlain(payload) ? (Object.fromEntries(Object.entries(payload).filter(([k]) => !ir.meta.clientFilled.includes(k))) as Json) : payload),
    snippet: (specifier, input) => [
      `import { createClient, type TaskInput } from "${specifier}";`,
      "",
      `const client = createClient({ apiKey: process.env.RUNWARE_API_KEY! });`,
      `const task: TaskInput = ${tsLiteral(input, 24)};`,
      `const results = await client.run(task);`,
      `console.log(results);`,
    ],
  },
};
