import { ModelgenError } from "./errors.js";
export type RawBody = string | Uint8Array;
/** Throws a TypeError naming what it got unless `value` is a string, Uint8Array or Buffer. */
export declare function assertRawBody(value: unknown): asserts value is RawBody;
export declare function invalidPayload(message: string): ModelgenError;
/** The body's JSON value; `invalidPayload` when it is not UTF-8 JSON. */
export declare function parseRawJson(raw: RawBody): unknown;
/** Throws a TypeError unless `request` is a Fetch API Request (or one like it: Node's, undici's, a framework's). */
export declare function assertRequest(request: unknown): asserts request is Request;
/**
 * The most of a Request's body `handleWebhook` reads (64 MiB: a Runware result with base64 images fits). The body
 * is read before a signature can be checked, so anyone who can reach the route could otherwise make the receiver
 * hold any amount in memory. A declared Content-Length over it is refused before reading; a streamed body as soon
 * as it passes it (the rest is cancelled). `parseWebhook` takes a body the caller read, under the caller's limit.
 */
export declare const MAX_WEBHOOK_BODY_BYTES: number;
/** The raw bytes of a Fetch API Request's body (read once, here, so nothing parses it before the check), at most `maxBytes`. */
export declare function readRequestBody(request: Request, maxBytes?: number): Promise<Uint8Array>;
