// pattern (JSON Schema 2020-12 §6.3.3): left to the validator (an opaque atom, unless declared the same); the
// type stays `string`. No witness of its own: lint checks every witness with Ajv and reports one that fails.
import { WORDS } from "../../templates/validation/words.js";
import type { KeywordFamily } from "./family.js";

export const patterns: KeywordFamily = {
  name: "patterns",
  section: "§6.3.3 pattern",
  keywords: ["pattern"],
  declaration: { unchanged: "a pattern stays `string`: it is the validator's job" },
  words: {
    predicates: { pattern: WORDS.pattern },
    alternative: (b) => (typeof b.pattern === "string" ? `a string matching ${b.pattern}` : undefined),
  },
  witness: {},
};
