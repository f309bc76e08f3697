import { ModelgenError } from "./errors.js";
export type RawBody = string | Uint8Array;
/** Throws a TypeError naming what it got unless `value` is a string, Uint8Array or Buffer. */
export declare function assertRawBody(value: unknown): asserts value is RawBody;
export declare function invalidPayload(message: string): ModelgenError;
/** The body's JSON value; `invalidPayload` when it is not UTF-8 JSON. */
export declare function parseRawJson(raw: RawBody): unknown;
/** Throws a TypeError unless `request` is a Fetch API Request (or one like it: Node's, undici's, a framework's). */
export declare function assertRequest(request: unknown): asserts request is Request;
/** The raw bytes of a Fetch API Request's body (read once, here, so nothing parses it before the check). */
export declare function readRequestBody(request: Request): Promise<Uint8Array>;
