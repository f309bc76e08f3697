// Runflow (api.runflow.io): POST a run ({ input, callback_url? }), then poll GET /v1/runs/{id} or receive the
// signed run-completed callback. The model id is `info.x-model-id`. The runtime is templates/runtime/runflow/.
import { code, literal, tsLiteral } from "../../emit/code.js";
import { SpecError } from "../../errors.js";
import { isPlain } from "../../json.js";
import { infoOf, modelConst, serversText, valueAt } from "../shared.js";
import type { JsonObject, LoadedSpec, SchemaObject } from "../../ir/types.js";
import type { Provider } from "../provider.js";

function idOf(doc: JsonObject, task: SchemaObject): unknown {
  const declared = infoOf(doc)["x-model-id"];
  return declared ? declared : (modelConst(task) ?? declared);
}

export const runflow: Provider = {
  name: "runflow",
  signs: "runflow (servers on runflow, or info.x-provider: runflow)",
  recognise: (doc) => {
    const declared = infoOf(doc)["x-provider"];
    return declared !== undefined ? declared === "runflow" : serversText(doc).includes("runflow");
  },
  meta: (spec: LoadedSpec, task: SchemaObject) => {
    const modelId = idOf(spec.doc, task);
    if (typeof modelId !== "string")
      throw new SpecError(spec.file, `${spec.taskSourcePointer}/properties/model`, "expected the task's `model` to be a const (the model id), or `info.x-model-id`");
    return { modelId, clientFilled: [] };
  },
  modelId: (spec) => {
    const id = idOf(spec.doc, spec.taskSchema);
    return typeof id === "string" ? id : undefined;
  },
  responses: (doc, clean) => ({
    errorResponse: { label: "error response", schema: clean(valueAt(doc, ["components", "schemas", "ErrorResponse"])) },
    output: { label: "run output", schema: clean(valueAt(doc, ["components", "schemas", "Output"])) },
    callbackPayload: { label: "run-completed callback", schema: clean(valueAt(doc, ["webhooks", "runCompleted", "post", "requestBody", "content", "application/json", "schema"])) },
  }),
  module: {
    model: "runflowModel",
    functions: ["createClient", "parseWebhook", "handleWebhook"],
    modelIdDoc: "The model id (the request's `model`).",
    modelType: "RunflowModel",
    // The callback's payload: the spec's own when it declares one, else the runtime's over the run's output.
    modelTypeArgs: (ir, runtimeImport) =>
      `Task, TaskInput["input"], RunflowOutput, ${isPlain(ir.responses.callbackPayload?.schema) ? "CallbackPayload" : `import(${literal(runtimeImport).text}).CallbackPayload<RunflowOutput>`}`,
    binding: (meta) => code`{ modelId, runPath: ${meta.operation.path} }`,
    responseTypes: async (ir, schemaType) =>
      [
        await schemaType("RunflowOutput", ir.responses.output?.schema ?? null),
        await schemaType("ErrorResponse", ir.responses.errorResponse?.schema ?? null),
        await schemaType("CallbackPayload", ir.responses.callbackPayload?.schema ?? null),
      ].join("\n"),
  },
  readme: {
    delivery: () => "runs: create, then poll or callback",
    inputName: "body",
    snippetInput: (_ir, payload) => payload,
    snippet: (specifier, input) => [
      `import { createClient, type TaskInput } from "${specifier}";`,
      "",
      `const client = createClient({ apiKey: process.env.RUNFLOW_API_KEY! });`,
      `const body: TaskInput = ${tsLiteral(input, 24)};`,
      `const run = await client.run(body.input);`,
      `console.log(run.output);`,
    ],
  },
};
