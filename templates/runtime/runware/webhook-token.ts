// Runware signs no webhook. What authenticates one is a secret token in the webhook URL's query,
// which only Runware (told the URL over TLS) and the receiver know: made here, checked in constant time.

import { ModelgenError } from "../errors.js";

/** The query parameter that carries the token. */
export const WEBHOOK_TOKEN_PARAM = "token";
/** Shortest token accepted: anything shorter is guessable, or a mistake (an unset variable). */
export const MIN_WEBHOOK_TOKEN_LENGTH = 16;

const encoder = new TextEncoder();

function checkToken(token: unknown): asserts token is string {
  if (typeof token !== "string" || token.length < MIN_WEBHOOK_TOKEN_LENGTH) {
    const got = typeof token === "string" ? `${token.length} characters` : typeof token;
    throw new ModelgenError({ code: "invalidOptions", message: `the webhook token must be a string of at least ${MIN_WEBHOOK_TOKEN_LENGTH} characters (got ${got})`, retryable: false });
  }
}

/** 32 random bytes, base64url (43 characters). */
export function createWebhookToken(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `baseUrl` with `?token=…` set: a new random token unless one is given. Pass `url` as the task's `webhookURL`. */
export function createWebhookUrl(baseUrl: string | URL, token: string = createWebhookToken()): { url: string; token: string } {
  checkToken(token);
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new ModelgenError({ code: "invalidOptions", message: "the webhook base URL is not an absolute URL", retryable: false });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ModelgenError({ code: "invalidOptions", message: `the webhook URL must be http(s), not ${url.protocol}`, retryable: false });
  }
  url.searchParams.set(WEBHOOK_TOKEN_PARAM, token);
  return { url: url.href, token };
}

/** Equal texts, in time that depends only on the expected one's length (the given one's length leaks nothing). */
function sameText(given: string, expected: string): boolean {
  const a = encoder.encode(given);
  const b = encoder.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.length === 0 ? 0 : (a[i % a.length] as number)) ^ (b[i] as number);
  return diff === 0;
}

/**
 * True when the request URL (absolute, or a path with a query as Node's `req.url`) carries `token`.
 * Throws `invalidOptions` for a missing or short expected token, so an unset variable never passes.
 */
export function checkWebhookToken(requestUrl: string | URL, token: string): boolean {
  checkToken(token);
  let given: string | null;
  try {
    given = new URL(String(requestUrl), "http://localhost").searchParams.get(WEBHOOK_TOKEN_PARAM);
  } catch {
    return false;
  }
  return given !== null && sameText(given, token);
}
