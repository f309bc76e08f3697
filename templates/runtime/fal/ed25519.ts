// fal's webhook signature with WebCrypto (Node 20+, Deno, Bun, Workers, current browsers): Ed25519 over
// `request_id \n user_id \n timestamp \n hex(sha256(raw body))`. No cryptography is written here.

import { bytesToHex } from "../hmac.js";

const encoder = new TextEncoder();

/** A JWK of an Ed25519 public key, as fal's JWKS lists them (`x` is the key, base64url). */
export interface FalJwk {
  kty: "OKP" | (string & {});
  crv: "Ed25519" | (string & {});
  x: string;
  kid?: string;
  [field: string]: unknown;
}

/** A copy in a fresh ArrayBuffer: the only BufferSource WebCrypto's typings accept everywhere. */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}

/** The bytes fal signs for one delivery. */
export async function falSignedMessage(requestId: string, userId: string, timestamp: string, rawBody: string | Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const body = typeof rawBody === "string" ? encoder.encode(rawBody) : rawBody;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", buffer(body)));
  return buffer(encoder.encode(`${requestId}\n${userId}\n${timestamp}\n${bytesToHex(digest)}`));
}

/** The Ed25519 verification key of a JWK, or undefined when it is not one (another type, a malformed `x`). */
export async function importFalKey(jwk: unknown): Promise<CryptoKey | undefined> {
  if (typeof jwk !== "object" || jwk === null) return undefined;
  const { kty, crv, x } = jwk as Partial<FalJwk>;
  if (kty !== "OKP" || crv !== "Ed25519" || typeof x !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(x)) return undefined;
  try {
    // Only the key itself: `alg`, `use` or `key_ops` as a JWKS may spell them must not make the import fail.
    return await globalThis.crypto.subtle.importKey("jwk", { kty, crv, x }, { name: "Ed25519" }, false, ["verify"]);
  } catch (error) {
    if (error instanceof Error && error.name === "NotSupportedError") throw error;
    return undefined;
  }
}

/** True when one of `keys` verifies `signature` over `message`. */
export async function verifyWithAny(keys: readonly CryptoKey[], signature: Uint8Array, message: Uint8Array<ArrayBuffer>): Promise<boolean> {
  for (const key of keys) {
    if (await globalThis.crypto.subtle.verify({ name: "Ed25519" }, key, buffer(signature), message)) return true;
  }
  return false;
}
