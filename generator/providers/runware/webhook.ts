// A Runware module's webhook surface as index.d.ts declares it: `parseWebhook`, `handleWebhook` and
// `createWebhookUrl`, typed with the model's Result. The functions are the runtime's (templates/runtime/runware/
// model.ts binds them to the model's task type). Pure: names in, declarations out.
//
// Every function is async and loads the client runtime with import() on first use, as createClient does: a
// module imported only to validate never loads it. The token check is not exported on its own: an async boolean
// is easy to use without `await`, which always passes; it runs inside parseWebhook / handleWebhook.
import { Code, code, docComment, literal, name } from "../../emit/code.js";

export interface RunwareWebhookEmit {
  /** Import path of the client runtime from the module, e.g. "../../_runtime/runtime/index.js". */
  runtimeImport: string;
  /** The module's result item type, e.g. "Result". */
  resultType: string;
}

/** The text to append to the module's index.d.ts (after `createClient`). */
function webhookDts(input: RunwareWebhookEmit): string {
  const raw = "rawBody: string | Uint8Array";
  const result = code`import(${literal(input.runtimeImport)}).${name("RunwareWebhook")}<${name(input.resultType)}>`;
  return code`
${docComment([
  "Parses a webhook Runware POSTed for this model: `data` holds the finished results, `errors` the failed tasks.",
  "Pass the raw body (string, Uint8Array or Buffer). Runware signs nothing: pass `{ url, token }` (the request's URL",
  "and the token from `createWebhookUrl`) to check the URL's token first, in constant time, or `{ unverified: true }`",
  "to accept any caller (only behind authentication of your own). Without either it rejects with `invalidOptions`.",
  "Rejects with a ModelgenError (`invalidOptions`, `invalidToken`, `invalidPayload`), or a TypeError for a body of another kind.",
])}export declare function parseWebhook(${new Code(raw)}, options: { url: string | URL; token: string } | { unverified: true }): Promise<${result}>;
${docComment(["`parseWebhook` from a Fetch API Request: checks the token in the Request's URL (`invalidToken`) before it reads the body; `{ unverified: true }` skips the check, no options is refused (`invalidOptions`)."])}export declare function handleWebhook(request: Request, options: { token: string } | { unverified: true }): Promise<${result}>;
${docComment(["`baseUrl` with `?token=…` (a new random token unless one is given): use `url` as the task's `webhookURL`, keep `token`."])}export declare function createWebhookUrl(baseUrl: string | URL, token?: string): Promise<{ url: string; token: string }>;
`.text;
}

/** The declarations, for index.d.ts (the functions themselves are the runtime's: templates/runtime/runware/model.ts). */
export const runwareWebhook = (input: RunwareWebhookEmit): string => webhookDts(input);
