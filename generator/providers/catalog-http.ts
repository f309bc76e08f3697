// Reading a catalog over HTTP, the same way for every provider: bounded bodies, strict UTF-8 and JSON, a bounded
// back-off on 429 and 503 that honours Retry-After, and errors that name the URL but never the key.
import { CatalogError, redact, type CatalogRequest } from "./catalog.js";
import { isPlain } from "../json.js";
import type { JsonObject } from "../ir/types.js";

/** How long one request may take before it counts as unreachable. */
const REQUEST_TIMEOUT_MS = 60_000;

export interface Answer {
  readonly status: number;
  readonly text: string;
}

/** The wait a Retry-After header asks for (seconds or an HTTP date), or null when it has none we can read. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const t = header.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  // An HTTP date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would also take "-1".
  const date = /^[A-Za-z]{3}, /.test(t) ? Date.parse(t) : NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const where = (url: URL): string => `${url.origin}${url.pathname}`;

/** The body, read up to `maxBytes` (a longer one is an error, whatever Content-Length said), decoded as UTF-8. */
async function readBody(res: Response, url: URL, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new CatalogError(`${where(url)}: the answer is ${declared} bytes; the limit is ${maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new CatalogError(`${where(url)}: the answer is over ${maxBytes} bytes, the limit`);
      }
      chunks.push(value);
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new CatalogError(`${where(url)}: the answer is not UTF-8 text`);
  }
}

/** A short, single-line, key-free excerpt of what a server said, for an error message. */
function excerpt(text: string, key: string | undefined): string {
  const one = redact(text, key).replace(/\s+/g, " ").trim();
  return one.length > 200 ? `${one.slice(0, 200)}…` : one;
}

/**
 * GET `url`: the answer when its status is 2xx or one of `accept` (such as 404), after at most `maxRetries` waits
 * on 429/503. Anything else (another status, a network failure, a timeout, a body over the limit) is a
 * CatalogError.
 */
export async function get(url: URL, request: CatalogRequest, { headers = {}, accept = [] }: { headers?: Record<string, string>; accept?: readonly number[] } = {}): Promise<Answer> {
  const { limits, key } = request;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      // With a key on board, a redirect is not followed: the key would go to whatever host it names.
      res = await request.fetch(url, { headers: { accept: "application/json", ...headers }, redirect: key ? "error" : "follow", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
      const code = cause instanceof Error && "code" in cause && typeof cause.code === "string" ? cause.code : cause instanceof Error ? cause.message : String(cause);
      const why = e instanceof Error && e.name === "TimeoutError" ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : code;
      throw new CatalogError(`cannot reach ${where(url)} (${redact(why, key)})`);
    }
    if (res.status === 429 || res.status === 503) {
      const asked = retryAfterMs(res.headers.get("retry-after"));
      await res.body?.cancel();
      if (attempt >= limits.maxRetries) throw new CatalogError(`${where(url)}: still answering ${res.status} after ${limits.maxRetries} retries; try again later`);
      if (asked !== null && asked > limits.maxRetryAfterMs)
        throw new CatalogError(`${where(url)}: answered ${res.status} asking to wait ${Math.ceil(asked / 1000)} s (Retry-After); the limit is ${limits.maxRetryAfterMs / 1000} s, try again later`);
      await request.sleep(asked ?? Math.min(limits.maxRetryAfterMs, 1000 * 2 ** attempt));
      continue;
    }
    const text = await readBody(res, url, limits.maxAnswerBytes);
    if (res.ok || accept.includes(res.status)) return { status: res.status, text };
    throw new CatalogError(`${where(url)}: answered ${res.status}${text.trim() ? `: ${excerpt(text, key)}` : ""}`);
  }
}

/** The answer's text as a JSON object, or a CatalogError naming the URL and what it is instead. */
export function jsonObject(text: string, url: URL): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CatalogError(`${where(url)}: the answer is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isPlain(value)) throw new CatalogError(`${where(url)}: the answer is not a JSON object`);
  return value as JsonObject;
}

/** `base` (a provider's host, maybe with a path) joined with `rel`, and the query. */
export function catalogUrl(base: string, rel: string, query: readonly (readonly [string, string])[] = []): URL {
  let url: URL;
  try {
    url = new URL(rel.replace(/^\//, ""), base.endsWith("/") ? base : `${base}/`);
  } catch {
    throw new CatalogError(`--base-url ${JSON.stringify(base)} is not a URL`);
  }
  for (const [k, v] of query) url.searchParams.append(k, v);
  return url;
}
