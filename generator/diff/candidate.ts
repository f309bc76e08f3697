// A change found by comparing the two sides, before its witness is searched: what it is, which way it goes, and
// how to turn a valid payload of one side into a payload that shows it.
import type { Json, SchemaObject } from "../ir/types.js";
import type { ChangeKind } from "./types.js";

/**
 * narrowing: some task the old spec accepts may be rejected now (breaking when a witness is found);
 * widening: some task the old spec rejects may be accepted now (never breaking);
 * either: the change can go both ways (a rewritten rule): both searches run, narrowing first.
 */
export type Direction = "narrowing" | "widening" | "either";

export interface Candidate {
  readonly kind: ChangeKind;
  readonly path: string;
  readonly message: string;
  readonly direction: Direction;
  /** Payloads to try, made from a payload `base` that the `from` side accepts (`root`: that side's task schema). */
  readonly mutate?: (base: Json, root: SchemaObject) => readonly Json[];
  /** For a change with no mutation: whether a base payload the `to` side rejects is rejected because of it. */
  readonly explains?: (payload: Json, to: "old" | "new") => boolean;
  /** A witness found some other way (response schemas), already checked; null: searched, none found. */
  readonly checked?: { readonly witness: Json | null; readonly breaking: boolean; readonly note: string };
}
