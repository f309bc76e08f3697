// A fal module's webhook surface as index.d.ts declares it: `parseWebhook(rawBody, headers, options)` and
// `handleWebhook(request, options)`, typed with the model's Output; the functions are the runtime's
// (templates/runtime/fal/model.ts: Ed25519 over request id, user id, timestamp and the body's SHA-256, keys from
// fal's JWKS or given). Pure: names in, declarations out.
//
// Both are async and load the client runtime with import() on first use, as createClient does: a module imported
// only to validate never loads it.
import { Code, code, docComment, literal, name } from "../../emit/code.js";

export interface FalWebhookEmit {
  /** Import path of the client runtime from the module, e.g. "../../_runtime/runtime/index.js". */
  runtimeImport: string;
  /** The module's output type, e.g. "Output". */
  outputType: string;
}

/** A runtime type, referenced inline (`import("…").Name`) so it can never collide with the module's own names. */
const runtimeType = (input: FalWebhookEmit, typeName: string): Code => code`import(${literal(input.runtimeImport)}).${name(typeName)}`;

function webhookDts(input: FalWebhookEmit): string {
  const raw = "rawBody: string | Uint8Array";
  const payload = code`${runtimeType(input, "FalWebhook")}<${name(input.outputType)}>`;
  const options = runtimeType(input, "FalWebhookOptions");
  return code`
${docComment([
  "Verifies a fal webhook and parses it: `X-Fal-Webhook-Signature` must be an Ed25519 signature, by a key of fal's",
  "JWKS (fetched and kept at most 24 hours, or given in `options`), over the request id, user id, timestamp (at most",
  "5 minutes away) and the SHA-256 of exactly these bytes. Pass the raw body (string, Uint8Array or Buffer), before",
  "any JSON parsing. `payload` is this model's Output when `status` is OK. Handlers must be idempotent on",
  "`request_id`: fal retries. Rejects with a ModelgenError (`invalidSignature`, `invalidPayload`).",
])}export declare function parseWebhook(${new Code(raw)}, headers: ${runtimeType(input, "WebhookHeaders")}, options?: ${options}): Promise<${payload}>;
${docComment(["`parseWebhook` from a Fetch API Request (Next.js route handlers, Hono, Cloudflare Workers, Deno): reads the raw body itself."])}export declare function handleWebhook(request: Request, options?: ${options}): Promise<${payload}>;
`.text;
}

/** The declarations, for index.d.ts (the functions themselves are the runtime's: templates/runtime/fal/model.ts). */
export const falWebhook = (input: FalWebhookEmit): string => webhookDts(input);
