/** A JWK of an Ed25519 public key, as fal's JWKS lists them (`x` is the key, base64url). */
export interface FalJwk {
  kty: "OKP" | (string & {});
  crv: "Ed25519" | (string & {});
  x: string;
  kid?: string;
  [field: string]: unknown;
}
/** The bytes fal signs for one delivery. */
export declare function falSignedMessage(
  requestId: string,
  userId: string,
  timestamp: string,
  rawBody: string | Uint8Array,
): Promise<Uint8Array<ArrayBuffer>>;
/** The Ed25519 verification key of a JWK, or undefined when it is not one (another type, a malformed `x`). */
export declare function importFalKey(jwk: unknown): Promise<CryptoKey | undefined>;
/** True when one of `keys` verifies `signature` over `message`. */
export declare function verifyWithAny(
  keys: readonly CryptoKey[],
  signature: Uint8Array,
  message: Uint8Array<ArrayBuffer>,
): Promise<boolean>;
