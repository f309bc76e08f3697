import { type FalJwk } from "./ed25519.js";
/** fal's JWKS, on its REST host. */
export declare const FAL_JWKS_URL = "https://rest.fal.ai/.well-known/jwks.json";
export declare const MAX_KEY_AGE_MS: number;
export declare const MIN_REFRESH_MS: number;
export interface FalKeyOptions {
  /** The public keys to trust, as JWKs (nothing is fetched). */
  keys?: readonly FalJwk[];
  /** A JWKS document `{keys: [...]}` as fal serves it, e.g. saved for an air-gapped host (nothing is fetched). */
  jwks?: {
    keys: readonly FalJwk[];
  };
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
/**
 * The keys to verify with. `refresh`: the cached keys verified nothing; fetch again unless they are
 * younger than MIN_REFRESH_MS (answers undefined then: nothing new to try).
 */
export declare function falKeys(options: FalKeyOptions, refresh?: boolean): Promise<KeySet | undefined>;
