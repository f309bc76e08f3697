// if, then, else (JSON Schema 2020-12 §10.2.2): (if ∧ then) ∨ (¬if ∧ else), a missing branch being true. They
// leave the declared type alone: the modes that conditions make are the case split's (ir/mode-groups.ts).
import { TRUE, and, not, or } from "./algebra.js";
import type { KeywordFamily } from "./family.js";

export const ifThenElse: KeywordFamily = {
  name: "if/then/else",
  section: "§10.2.2 keywords for applying subschemas conditionally",
  keywords: ["if", "then", "else"],
  atoms: (k, s, ctx) => {
    // then and else are read with their if.
    if (k !== "if") return TRUE;
    const c = ctx.sub(s.if);
    const th = "then" in s ? ctx.sub(s.then) : TRUE;
    const el = "else" in s ? ctx.sub(s.else) : TRUE;
    return or([and([c, th]), and([not(c), el])]);
  },
  declaration: { unchanged: "a condition narrows the task's modes (the case split's variants), not a declared property's type" },
  words: { predicates: {}, rules: "rules/describe.ts describeAt: requirement text under a condition (requires, when, unless)" },
  witness: {},
};
