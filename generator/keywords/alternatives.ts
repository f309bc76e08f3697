// Words for the alternatives (anyOf/oneOf) of a declared property, from each family's words: what the README's
// property tables and the validator's messages both say.
import { isPlain } from "../json.js";
import { listWords, type Predicate } from "../../templates/validation/words.js";
import { FAMILIES } from "./index.js";
import type { Schema, SchemaObject } from "../ir/types.js";


/** Words for one alternative of a property-level anyOf/oneOf: "a UUID", "an integer at least 2 and at most 30". */
export function alternativeText(b: Schema): string {
  if (!isPlain(b)) return b === false ? "nothing" : "anything";
  for (const f of FAMILIES) {
    const words = f.words.alternative?.(b);
    if (words !== undefined) return words;
  }
  return "a value of another shape";
}

/** What a value must be to match a property-level anyOf/oneOf: "must be a UUID or a URI". */
export function alternativesPredicate(kind: "anyOf" | "oneOf", branches: readonly Schema[]): Predicate {
  const alts = branches.map(alternativeText);
  const words = alts.length > 1 ? listWords(alts, "or") : alts.join("");
  const exactlyOne = kind === "oneOf" && !branches.every((b) => isPlain(b) && "const" in b);
  return { verb: "be", words: `${exactlyOne ? "exactly one of: " : ""}${words}` };
}
