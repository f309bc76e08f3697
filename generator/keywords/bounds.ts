// minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf (JSON Schema 2020-12 §6.2): checks left to
// the validator (opaque atoms, unless the declaration already implies them); the type stays `number`.
import { WORDS, predicatesOf, typeWords } from "../../templates/validation/words.js";
import type { KeywordFamily } from "./family.js";

export const bounds: KeywordFamily = {
  name: "bounds",
  section: "§6.2 validation keywords for numeric instances",
  keywords: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  // A declared minimum at least as high (maximum at most as low) already implies the rule's.
  implied: (k, value, declared) => {
    if (k === "minimum") return typeof declared === "number" && typeof value === "number" && declared >= value;
    if (k === "maximum") return typeof declared === "number" && typeof value === "number" && declared <= value;
    return JSON.stringify(declared) === JSON.stringify(value);
  },
  declaration: { unchanged: "a range or a step stays `number`: it is the validator's job" },
  words: {
    predicates: { minimum: WORDS.minimum, exclusiveMinimum: WORDS.exclusiveMinimum, maximum: WORDS.maximum, exclusiveMaximum: WORDS.exclusiveMaximum, multipleOf: WORDS.multipleOf },
    comparesValue: ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf"],
    // "an integer at least 2 and at most 30".
    alternative: (b) => {
      const t = typeof b.type === "string" ? b.type : Array.isArray(b.type) ? b.type.join(" or ") : null;
      if (t !== "integer" && t !== "number") return undefined;
      const range = predicatesOf(b, ["minimum", "maximum"]).map((p) => p.words).join(" and ");
      return `${typeWords(t)}${range ? ` ${range}` : ""}`;
    },
  },
  witness: {
    // The lowest value on the multipleOf grid from the minimum, capped by the maximum.
    sample: (schema, ctx) => {
      if (ctx.type !== "integer" && ctx.type !== "number") return undefined;
      const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      const step = schema.multipleOf ?? 1;
      let v = Math.ceil(lo / step) * step;
      if (schema.maximum !== undefined && v > schema.maximum) v = schema.maximum;
      return ctx.type === "integer" ? Math.round(v) : v;
    },
  },
};
