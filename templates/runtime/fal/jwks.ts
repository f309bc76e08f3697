// The public keys fal signs webhooks with: given by the caller (options.keys, options.jwks: tests,
// air-gapped hosts), or fetched from fal's JWKS and kept at most 24 hours. A signature that no cached
// key verifies triggers one refetch (keys rotate), at most every 5 minutes, so forged deliveries cannot
// make the receiver hammer fal. A failed fetch is never cached.

import { ModelgenError } from "../errors.js";
import { importFalKey, type FalJwk } from "./ed25519.js";

/** fal's JWKS, on its REST host. */
export const FAL_JWKS_URL = "https://rest.fal.ai/.well-known/jwks.json";
export const MAX_KEY_AGE_MS = 24 * 60 * 60 * 1000;
export const MIN_REFRESH_MS = 5 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;
const MAX_JWKS_BYTES = 64 * 1024;
const MAX_KEYS = 16;

export interface FalKeyOptions {
  /** The public keys to trust, as JWKs (nothing is fetched). */
  keys?: readonly FalJwk[];
  /** A JWKS document `{keys: [...]}` as fal serves it, e.g. saved for an air-gapped host (nothing is fetched). */
  jwks?: { keys: readonly FalJwk[] };
  /** Where to fetch the JWKS when no keys are given (default FAL_JWKS_URL). */
  jwksUrl?: string;
  /** How long fetched keys are kept, at most (and by default) 24 hours. */
  maxKeyAgeMs?: number;
  fetch?: typeof fetch;
  /** Test seam: clock in ms (default Date.now), for key age and the timestamp window. */
  now?: () => number;
}

export interface KeySet {
  keys: CryptoKey[];
  /** Fetched (not given), so a refetch may find a rotated key. */
  fetched: boolean;
  fetchedAt: number;
}

const cache = new Map<string, KeySet>();
const inflight = new Map<string, Promise<KeySet>>();

function unusable(message: string, retryable: boolean, cause?: unknown): ModelgenError {
  return new ModelgenError({ code: "invalidResponse", message, retryable, cause });
}

async function importAll(jwks: unknown, where: string): Promise<CryptoKey[]> {
  const list = typeof jwks === "object" && jwks !== null ? (jwks as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(list)) throw unusable(`${where} is not a JWKS ({"keys": [...]})`, false);
  const keys: CryptoKey[] = [];
  try {
    for (const jwk of list.slice(0, MAX_KEYS)) {
      const key = await importFalKey(jwk);
      if (key) keys.push(key);
    }
  } catch (error) {
    throw new ModelgenError({ code: "invalidOptions", message: "this runtime's WebCrypto does not support Ed25519 (Node 20+, Deno, Bun, Workers and current browsers do)", retryable: false, cause: error });
  }
  if (keys.length === 0) throw unusable(`${where} has no Ed25519 key (kty OKP, crv Ed25519)`, false);
  return keys;
}

async function download(url: string, fetchImpl: typeof fetch, now: () => number): Promise<KeySet> {
  let text: string;
  try {
    const response = await fetchImpl(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw unusable(`fal's JWKS at ${url} answered HTTP ${response.status}`, true);
    }
    text = await cappedText(response, url);
  } catch (error) {
    if (error instanceof ModelgenError) throw error;
    throw new ModelgenError({ code: "networkError", message: `could not fetch fal's JWKS from ${url}: ${error instanceof Error ? error.message : String(error)}`, retryable: true, cause: error });
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unusable(`fal's JWKS at ${url} is not JSON`, true);
  }
  return { keys: await importAll(parsed, `fal's JWKS at ${url}`), fetched: true, fetchedAt: now() };
}

/**
 * The answer's text, read up to MAX_JWKS_BYTES and no further: a declared Content-Length over it is refused
 * unread, a longer stream cancelled there (an endless answer was read whole before its size was looked at).
 */
async function cappedText(response: Response, url: string): Promise<string> {
  const tooBig = () => unusable(`fal's JWKS at ${url} is over ${MAX_JWKS_BYTES} bytes`, true);
  const declared = response.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > MAX_JWKS_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_JWKS_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    text += decoder.decode(value, { stream: true });
  }
}

function checkUrl(url: unknown): string {
  try {
    if (typeof url === "string" && /^https?:$/.test(new URL(url).protocol)) return url;
  } catch {
    // refused below
  }
  throw new ModelgenError({ code: "invalidOptions", message: "options.jwksUrl must be an absolute http(s) URL", retryable: false });
}

/**
 * The keys to verify with. `refresh`: the cached keys verified nothing; fetch again unless they are
 * younger than MIN_REFRESH_MS (answers undefined then: nothing new to try).
 */
export async function falKeys(options: FalKeyOptions, refresh = false): Promise<KeySet | undefined> {
  const now = options.now ?? Date.now;
  if (options.keys !== undefined || options.jwks !== undefined) {
    if (refresh) return undefined;
    const given = options.keys !== undefined ? { keys: options.keys } : options.jwks;
    return { keys: await importAll(given, options.keys !== undefined ? "options.keys" : "options.jwks"), fetched: false, fetchedAt: now() };
  }
  const url = checkUrl(options.jwksUrl ?? FAL_JWKS_URL);
  const maxAge = Math.min(options.maxKeyAgeMs ?? MAX_KEY_AGE_MS, MAX_KEY_AGE_MS);
  const cached = cache.get(url);
  const age = cached ? now() - cached.fetchedAt : Infinity;
  if (cached && age >= 0 && age < maxAge && !refresh) return cached;
  if (cached && refresh && age >= 0 && age < MIN_REFRESH_MS) return undefined;
  // One download per URL at a time: concurrent deliveries share it.
  let pending = inflight.get(url);
  if (!pending) {
    pending = download(url, options.fetch ?? globalThis.fetch, now).finally(() => inflight.delete(url));
    inflight.set(url, pending);
  }
  const fresh = await pending;
  cache.set(url, fresh);
  return fresh;
}
