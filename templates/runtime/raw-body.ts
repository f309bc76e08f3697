// A webhook body as received: the exact bytes (or their text). A signature covers those bytes, so a
// body that was parsed, re-serialised or handed over as some other kind of buffer cannot be checked.

import { ModelgenError } from "./errors.js";

export type RawBody = string | Uint8Array;

const decoder = new TextDecoder("utf-8", { fatal: true });

function isUint8Array(value: unknown): value is Uint8Array {
  // Buffer is a Uint8Array; the tag also recognises one made in another realm (a vm context, a worker).
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === "[object Uint8Array]";
}

/** What a value is, in words, for an error message (never the value itself: it may hold secrets). */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
  if (value instanceof ArrayBuffer || Object.prototype.toString.call(value) === "[object ArrayBuffer]") return "an ArrayBuffer (wrap it: new Uint8Array(buffer))";
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (Array.isArray(value)) return "an array (parsed JSON?)";
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name && name !== "Object" ? `a ${name}` : "an object (parsed JSON?)";
}

/** Throws a TypeError naming what it got unless `value` is a string, Uint8Array or Buffer. */
export function assertRawBody(value: unknown): asserts value is RawBody {
  if (typeof value === "string" || isUint8Array(value)) return;
  throw new TypeError(`the webhook body must be the raw request body as a string, Uint8Array or Buffer, before any JSON parsing; got ${kindOf(value)}`);
}

export function invalidPayload(message: string): ModelgenError {
  return new ModelgenError({ code: "invalidPayload", message, retryable: false });
}

/** The body's JSON value; `invalidPayload` when it is not UTF-8 JSON. */
export function parseRawJson(raw: RawBody): unknown {
  let text: string;
  try {
    text = typeof raw === "string" ? raw : decoder.decode(raw);
  } catch {
    throw invalidPayload("webhook body is not UTF-8 text");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidPayload("webhook body is not JSON");
  }
}

/** Throws a TypeError unless `request` is a Fetch API Request (or one like it: Node's, undici's, a framework's). */
export function assertRequest(request: unknown): asserts request is Request {
  if (typeof request !== "object" || request === null || typeof (request as Partial<Request>).arrayBuffer !== "function" || typeof (request as Partial<Request>).url !== "string") {
    throw new TypeError(`handleWebhook takes a Fetch API Request, got ${kindOf(request)}`);
  }
}

/**
 * The most of a Request's body `handleWebhook` reads (64 MiB: a Runware result with base64 images fits). The body
 * is read before a signature can be checked, so anyone who can reach the route could otherwise make the receiver
 * hold any amount in memory. A declared Content-Length over it is refused before reading; a streamed body as soon
 * as it passes it (the rest is cancelled). `parseWebhook` takes a body the caller read, under the caller's limit.
 */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024 * 1024;

function tooLarge(): ModelgenError {
  return invalidPayload(`webhook body is over ${MAX_WEBHOOK_BODY_BYTES / 1024 / 1024} MiB; not read further`);
}

/** The raw bytes of a Fetch API Request's body (read once, here, so nothing parses it before the check), at most `maxBytes`. */
export async function readRequestBody(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<Uint8Array> {
  assertRequest(request);
  if (request.bodyUsed) throw new TypeError("the request's body was already read: call handleWebhook before anything else reads it");
  const declared = typeof request.headers?.get === "function" ? request.headers.get("content-length") : null;
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge();
  const body = request.body;
  // A Request-like object without a stream (some frameworks' own): read whole, then measured.
  if (body === null || typeof body?.getReader !== "function") {
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.length > maxBytes) throw tooLarge();
    return bytes;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
