// fal (queue.fal.run): one OpenAPI 3.0 document per endpoint id, as fal publishes them ("Queue OpenAPI for <id>").
// The task is the `POST /{endpoint id}` request body (the model's Input), the result the answer of
// `GET /{endpoint id}/requests/{request_id}` (its Output); the model id is the endpoint id,
// `info.x-fal-metadata.endpointId`. The runtime is templates/runtime/fal/ (the queue client and signed webhooks).
import { code, tsLiteral } from "../../emit/code.js";
import { SpecError } from "../../errors.js";
import { isPlain } from "../../json.js";
import { infoOf, serversText, valueAt } from "../shared.js";
import { orderProperties } from "./order.js";
import { falCatalog } from "./catalog.js";
import { FAL_SHARED } from "./shared.js";
import type { JsonObject } from "../../ir/types.js";
import type { Provider } from "../provider.js";

/** The endpoint id fal's metadata gives, e.g. "fal-ai/kling-video/v2.5-turbo/pro/text-to-video". */
function endpointId(doc: JsonObject): string | undefined {
  const meta = infoOf(doc)["x-fal-metadata"];
  const id = isPlain(meta) ? meta.endpointId : undefined;
  return typeof id === "string" && id !== "" ? id : undefined;
}

export const fal: Provider = {
  name: "fal",
  catalog: falCatalog,
  sharedFields: FAL_SHARED,
  signs: "fal (servers on queue.fal.run and info.x-fal-metadata.endpointId)",
  recognise: (doc) => /queue\.fal\.run/.test(serversText(doc)) && endpointId(doc) !== undefined,
  taskPath: (doc) => {
    const id = endpointId(doc);
    return id === undefined ? undefined : `/${id}`;
  },
  readSchema: orderProperties,
  meta: (spec) => {
    const modelId = endpointId(spec.doc);
    if (modelId === undefined) throw new SpecError(spec.file, "/info/x-fal-metadata/endpointId", "expected fal's endpoint id (a non-empty string), the model id");
    return { modelId, clientFilled: [] };
  },
  modelId: (spec) => endpointId(spec.doc),
  responses: (doc, clean) => {
    const id = endpointId(doc);
    const result = id === undefined ? undefined : valueAt(doc, ["paths", `/${id}/requests/{request_id}`, "get", "responses", "200", "content", "application/json", "schema"]);
    return { output: { label: "result", schema: clean(result) } };
  },
  module: {
    model: "falModel",
    functions: ["createClient", "parseWebhook", "handleWebhook"],
    modelIdDoc: "The endpoint id: the path the input is POSTed to on fal's queue.",
    modelType: "FalModel",
    modelTypeArgs: () => "Task, TaskInput, Output",
    binding: () => code`{ modelId }`,
    responseTypes: async (ir, schemaType) => schemaType("Output", ir.responses.output?.schema ?? null),
  },
  readme: {
    delivery: () => "queue: submit, then follow the status or receive a webhook",
    inputName: "input",
    snippetInput: (_ir, payload) => payload,
    snippet: (specifier, input) => [
      `import { createClient, type TaskInput } from "${specifier}";`,
      "",
      `const client = createClient({ apiKey: process.env.FAL_KEY! });`,
      `const input: TaskInput = ${tsLiteral(input, 25)};`,
      `const result = await client.run(input);`,
      `console.log(result.data);`,
    ],
  },
};
