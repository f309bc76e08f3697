// Emit a model module's webhook surface: `parseWebhook` and `handleWebhook` (+ `createWebhookUrl` for Runware),
// typed with the model's own result / callback types, thin wrappers over templates/runtime/webhooks.ts.
// Pure: names in, { js, dts } text out; spec strings (the task type) enter only as escaped literals.
//
// Every function is async and loads the client runtime with import() on first use, as createClient does: a
// module imported only to validate never loads it. Runflow's HMAC check is WebCrypto (async) and handleWebhook
// reads a body stream anyway; a second, synchronous runtime entry would carry its own copy of ModelgenError, so
// `instanceof` / isModelgenError would fail across the two. The token check is not exported on its own: an async
// boolean is easy to use without `await`, which always passes; it runs inside parseWebhook / handleWebhook.
import { Code, code, docComment, literal, name } from "./code.js";

export interface RunwareWebhookEmit {
  provider: "runware";
  /** Import path of the client runtime from the module, e.g. "../../_runtime/runtime/index.js". */
  runtimeImport: string;
  /** The model's task type: webhook items of another type become errors, not results (null: no check). */
  taskType: string | null;
  /** The module's result item type, e.g. "Result". */
  resultType: string;
}

export interface RunflowWebhookEmit {
  provider: "runflow";
  runtimeImport: string;
  /** The module's run output type, e.g. "RunflowOutput". */
  outputType: string;
  /** The module's callback payload type when its spec declares one (else the runtime's, over `outputType`). */
  callbackType?: string | undefined;
}

export type WebhookEmit = RunwareWebhookEmit | RunflowWebhookEmit;

/** The text to append to the module's index.js (after `createClient`). */
export function emitWebhookJs(input: WebhookEmit): string {
  const runtime = literal(input.runtimeImport);
  if (input.provider === "runflow") {
    return code`
${docComment(["Verifies `Runflow-Signature` over the raw body (string, Uint8Array or Buffer), then parses the callback."])}export async function parseWebhook(rawBody, headers, secret) {
  return (await import(${runtime})).parseRunflowWebhook(rawBody, headers, secret);
}

${docComment(["The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check."])}export async function handleWebhook(request, options) {
  return (await import(${runtime})).handleRunflowWebhook(request, options);
}
`.text;
  }
  // Spread first, so a caller's options can never replace the model's task type.
  const taskType = input.taskType === null ? new Code("undefined") : literal(input.taskType);
  return code`
${docComment(["Parses a webhook Runware POSTed for this model, from the raw body; with `{ url, token }`, checks the URL's token first."])}export async function parseWebhook(rawBody, options) {
  return (await import(${runtime})).parseRunwareWebhook(rawBody, { ...options, taskType: ${taskType} });
}

${docComment(["The same from a Fetch API Request: checks the URL's token, then reads and parses the raw body."])}export async function handleWebhook(request, options) {
  return (await import(${runtime})).handleRunwareWebhook(request, { ...options, taskType: ${taskType} });
}

${docComment(["`baseUrl` with a random token (or `token`) in its query: the task's `webhookURL`. Keep the token to check callbacks."])}export async function createWebhookUrl(baseUrl, token) {
  return (await import(${runtime})).createWebhookUrl(baseUrl, token);
}
`.text;
}

/** A runtime type, referenced inline (`import("…").Name`) so it can never collide with the module's own names. */
function runtimeType(input: WebhookEmit, typeName: string): Code {
  return code`import(${literal(input.runtimeImport)}).${name(typeName)}`;
}

/** The text to append to the module's index.d.ts (after `createClient`). */
export function emitWebhookDts(input: WebhookEmit): string {
  const raw = "rawBody: string | Uint8Array";
  if (input.provider === "runflow") {
    const payload = input.callbackType === undefined ? code`${runtimeType(input, "CallbackPayload")}<${name(input.outputType)}>` : name(input.callbackType);
    return code`
${docComment([
  "Verifies a Runflow callback and parses it: `Runflow-Signature` must be the HMAC-SHA256 of exactly these bytes under",
  "your account's callback secret. Pass the raw body (string, Uint8Array or Buffer), before any JSON parsing.",
  "Rejects with a ModelgenError (`invalidSignature`, `invalidPayload`), or a TypeError for a body of another kind.",
])}export declare function parseWebhook(${new Code(raw)}, headers: ${runtimeType(input, "WebhookHeaders")}, secret: string): Promise<${payload}>;
${docComment(["`parseWebhook` from a Fetch API Request (Next.js route handlers, Hono, Cloudflare Workers, Deno): reads the raw body itself."])}export declare function handleWebhook(request: Request, options: { secret: string }): Promise<${payload}>;
`.text;
  }
  const result = code`${runtimeType(input, "RunwareWebhook")}<${name(input.resultType)}>`;
  return code`
${docComment([
  "Parses a webhook Runware POSTed for this model: `data` holds the finished results, `errors` the failed tasks.",
  "Pass the raw body (string, Uint8Array or Buffer). Runware signs nothing: pass `{ url, token }` (the request's URL",
  "and the token from `createWebhookUrl`) to check the URL's token first, in constant time.",
  "Rejects with a ModelgenError (`invalidToken`, `invalidPayload`), or a TypeError for a body of another kind.",
])}export declare function parseWebhook(${new Code(raw)}, options?: { url: string | URL; token: string }): Promise<${result}>;
${docComment(["`parseWebhook` from a Fetch API Request: checks the URL's token (`invalidToken`) before it reads the body."])}export declare function handleWebhook(request: Request, options: { token: string }): Promise<${result}>;
${docComment(["`baseUrl` with `?token=…` (a new random token unless one is given): use `url` as the task's `webhookURL`, keep `token`."])}export declare function createWebhookUrl(baseUrl: string | URL, token?: string): Promise<{ url: string; token: string }>;
`.text;
}

/** Both texts at once. */
export function emitWebhook(input: WebhookEmit): { js: string; dts: string } {
  return { js: emitWebhookJs(input), dts: emitWebhookDts(input) };
}
