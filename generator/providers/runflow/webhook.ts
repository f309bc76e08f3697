// A Runflow module's webhook surface as index.d.ts declares it: `parseWebhook` and `handleWebhook`, typed with the
// model's callback payload; the functions are the runtime's (templates/runtime/runflow/model.ts). Pure: names in,
// declarations out.
//
// Both are async and load the client runtime with import() on first use, as createClient does. Runflow's HMAC
// check is WebCrypto (async) and handleWebhook reads a body stream anyway; a second, synchronous runtime entry
// would carry its own copy of ModelgenError, so `instanceof` / isModelgenError would fail across the two.
import { Code, code, docComment, literal, name } from "../../emit/code.js";

export interface RunflowWebhookEmit {
  /** Import path of the client runtime from the module, e.g. "../../_runtime/runtime/index.js". */
  runtimeImport: string;
  /** The module's run output type, e.g. "RunflowOutput". */
  outputType: string;
  /** The module's callback payload type when its spec declares one (else the runtime's, over `outputType`). */
  callbackType?: string | undefined;
}

/** A runtime type, referenced inline (`import("…").Name`) so it can never collide with the module's own names. */
const runtimeType = (input: RunflowWebhookEmit, typeName: string): Code => code`import(${literal(input.runtimeImport)}).${name(typeName)}`;

/** The text to append to the module's index.d.ts (after `createClient`). */
function webhookDts(input: RunflowWebhookEmit): string {
  const raw = "rawBody: string | Uint8Array";
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

/** The declarations, for index.d.ts (the functions themselves are the runtime's: templates/runtime/runflow/model.ts). */
export const runflowWebhook = (input: RunflowWebhookEmit): string => webhookDts(input);
