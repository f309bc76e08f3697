// How a provider publishes its model documents: one `Catalog` per provider, in the provider's own folder
// (providers/<name>/catalog.ts). `modelgen pull` lists and fetches through this interface only; it never names a
// provider. Catalog answers are untrusted input: every read is size-capped and every id is checked by pull before
// it becomes a file name.
import type { JsonObject } from "../ir/types.js";

/** Upper bounds on what a catalog may send (bytes, counts): beyond them the pull stops with exit 2. */
export interface CatalogLimits {
  /** One answer body: a page of a paged catalog, or one document. */
  readonly maxAnswerBytes: number;
  /** One model's document, as it will be written. */
  readonly maxDocumentBytes: number;
  /** Pages read from one listing. */
  readonly maxPages: number;
  /** Models in one pull. */
  readonly maxModels: number;
  /** Retries of one request answered 429 (or 503), and the longest wait honoured from a Retry-After. */
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_LIMITS: CatalogLimits = {
  maxAnswerBytes: 64 * 1024 * 1024,
  maxDocumentBytes: 10 * 1024 * 1024,
  maxPages: 1000,
  maxModels: 20_000,
  maxRetries: 5,
  maxRetryAfterMs: 60_000,
};

/** What a pull asks a catalog for. */
export interface CatalogRequest {
  /** --category values (only for catalogs with `filters.category`). */
  readonly categories: readonly string[];
  /** --model values: endpoint ids or slugs, in the catalog's own naming. */
  readonly models: readonly string[];
  /** The models already in specs/<provider>/, by id (a catalog that refreshes by id reads them; others ignore it). */
  readonly local: readonly string[];
  /** Another host (tests, mirrors); the catalog's `defaultBaseUrl` otherwise. */
  readonly baseUrl: string;
  /** The key from the catalog's `keyVariable`, when set. Never printed: errors go through `redact`. */
  readonly key: string | undefined;
  readonly fetch: typeof globalThis.fetch;
  readonly limits: CatalogLimits;
  /** Waits between retries: Retry-After as the server sent it (within the limit), else a doubling back-off. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Progress for a terminal: called after each page or document. */
  readonly progress: (done: number, what: string) => void;
}

/** One model's document exactly as received: its JSON text (parsed once to check it is JSON) and its value. */
export interface ReceivedDocument {
  readonly text: string;
  readonly value: JsonObject;
}

/**
 * A model the catalog lists: its document, or why it has none (fal's `{"error": …}` answer in place of a spec, a
 * document that is not a JSON object): such an entry is reported and never written.
 */
export type CatalogEntry = { readonly id: string; readonly document: ReceivedDocument } | { readonly id: string; readonly error: string };

export interface CatalogListing {
  readonly entries: readonly CatalogEntry[];
  /**
   * Whether a model already in specs/ is within what this listing covered (its id, and its document as on disk):
   * such a model that the listing does not hold is gone upstream. A pull of one category covers only that
   * category's models, so the others are not reported gone.
   */
  readonly covers: (id: string, document: unknown) => boolean;
}

export interface Catalog {
  /** The host documents come from when --base-url is not given. */
  readonly defaultBaseUrl: string;
  /** The environment variable holding the key, when the catalog takes one (sent, never printed). */
  readonly keyVariable?: string;
  /** What `modelgen pull <provider>` reads and what its options select, for --help (one or two lines, no indent). */
  readonly help: string;
  /** Which selections the catalog understands, and what `--model` names in it (for help and errors). */
  readonly filters: { readonly category: boolean; readonly model: string };
  /** The provider's current documents for the request (all of them when nothing is selected). */
  list(request: CatalogRequest): Promise<CatalogListing>;
  /** One model's current document; null when the catalog does not have it. */
  fetchOne(id: string, request: CatalogRequest): Promise<CatalogEntry | null>;
}

/**
 * A catalog that cannot be read (unreachable, an unexpected status, an answer that is not the documented shape, a
 * limit passed): the pull stops, writes nothing and exits 2. Its message never holds the key.
 */
export class CatalogError extends Error {
  override readonly name = "CatalogError";
}

/** `text` with every occurrence of `key` replaced, for messages that may quote what a server sent. */
export function redact(text: string, key: string | undefined): string {
  return key ? text.split(key).join("[redacted]") : text;
}
