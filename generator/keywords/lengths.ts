// minLength, maxLength, minItems, maxItems, minProperties, maxProperties (JSON Schema 2020-12 §6.3, §6.4, §6.5):
// sizes left to the validator (opaque atoms, unless the declaration already implies them); the type stays
// `string` / `T[]`. A string witness is long enough.
import { WORDS } from "../../templates/validation/words.js";
import type { KeywordFamily } from "./family.js";

const LOWER = new Set(["minLength", "minItems", "minProperties"]);
const UPPER = new Set(["maxLength", "maxItems", "maxProperties"]);

export const lengths: KeywordFamily = {
  name: "lengths",
  section: "§6.3.1–6.3.2 maxLength/minLength, §6.4.1–6.4.2 maxItems/minItems, §6.5.1–6.5.2 maxProperties/minProperties",
  keywords: ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"],
  // A declared lower bound at least as high (upper bound at most as low) already implies the rule's.
  implied: (k, value, declared) => {
    if (LOWER.has(k)) return typeof declared === "number" && typeof value === "number" && declared >= value;
    if (UPPER.has(k)) return typeof declared === "number" && typeof value === "number" && declared <= value;
    return JSON.stringify(declared) === JSON.stringify(value);
  },
  declaration: { unchanged: "a length or a count stays `string` / `T[]`: it is the validator's job" },
  words: { predicates: { minLength: WORDS.minLength, maxLength: WORDS.maxLength, minItems: WORDS.minItems, maxItems: WORDS.maxItems } },
  witness: {
    // minItems is met by the items family's array witness.
    sample: (schema, ctx) => (ctx.type === "string" ? "a".repeat(Math.max(1, schema.minLength ?? 1)) : undefined),
  },
};
