// A Runware module's webhook surface: `parseWebhook`, `handleWebhook` and `createWebhookUrl`, typed with the
// model's Result, thin wrappers over the runtime's Runware webhooks. Pure: names in, { js, dts } text out; spec
// strings (the task type) enter only as escaped literals.
//
// Every function is async and loads the client runtime with import() on first use, as createClient does: a
// module imported only to validate never loads it. The token check is not exported on its own: an async boolean
// is easy to use without `await`, which always passes; it runs inside parseWebhook / handleWebhook.
import { Code, code, docComment, literal, name } from "../../emit/code.js";

export interface RunwareWebhookEmit {
  /** Import path of the client runtime from the module, e.g. "../../_runtime/runtime/index.js". */
  runtimeImport: string;
  /** The model's task type: webhook items of another type become errors, not results (null: no check). */
  taskType: string | null;
  /** The module's result item type, e.g. "Result". */
  resultType: string;
}

/** The text to append to the module's index.js (after `createClient`). */
function webhookJs(input: RunwareWebhookEmit): string {
  const runtime = literal(input.runtimeImport);
  // Spread first, so a caller's options can never replace the model's task type.
  const taskType = input.taskType === null ? new Code("undefined") : literal(input.taskType);
  return code`
${docComment(["Parses a webhook Runware POSTed for this model, from the raw body, after checking the URL's token (`{ url, token }`); `{ unverified: true }` skips the check, no options is refused."])}export async function parseWebhook(rawBody, options) {
  return (await import(${runtime})).parseRunwareWebhook(rawBody, { ...options, taskType: ${taskType} });
}

${docComment(["The same from a Fetch API Request: checks the URL's token (`{ token }`), then reads and parses the raw body; `{ unverified: true }` skips the check, no options is refused."])}export async function handleWebhook(request, options) {
  return (await import(${runtime})).handleRunwareWebhook(request, { ...options, taskType: ${taskType} });
}

${docComment(["`baseUrl` with a random token (or `token`) in its query: the task's `webhookURL`. Keep the token to check callbacks."])}export async function createWebhookUrl(baseUrl, token) {
  return (await import(${runtime})).createWebhookUrl(baseUrl, token);
}
`.text;
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

/** Both texts at once. */
export function runwareWebhook(input: RunwareWebhookEmit): { js: string; dts: string } {
  return { js: webhookJs(input), dts: webhookDts(input) };
}
