// allOf, anyOf, oneOf, not (JSON Schema 2020-12 §10.2.1): conjunction, disjunction, exactly one, negation of the
// subschemas' formulas; a property-level anyOf/oneOf is a union of its alternatives (each merged into its base);
// a witness takes the first alternative. The rule messages they make are composed in rules/describe.ts.
import { alternativePath, alternativesOf, mergeBranch } from "../normalize/shape.js";
import { isPlain } from "../json.js";
import { and, not, or } from "./algebra.js";
import type { KeywordFamily } from "./family.js";
import type { Formula } from "../ir/types.js";

function exactlyOne(fs: readonly Formula[]): Formula {
  return or(fs.map((f, i) => and([f, ...fs.filter((_, j) => j !== i).map(not)])));
}

export const applicators: KeywordFamily = {
  name: "oneOf/anyOf/allOf/not",
  section: "§10.2.1 keywords for applying subschemas with logic",
  keywords: ["allOf", "anyOf", "oneOf", "not"],
  atoms: (k, s, ctx) => {
    if (k === "allOf") return and((s.allOf ?? []).map(ctx.sub));
    if (k === "anyOf") return or((s.anyOf ?? []).map(ctx.sub));
    if (k === "oneOf") return exactlyOne((s.oneOf ?? []).map(ctx.sub));
    return not(ctx.sub(s.not));
  },
  declaration: {
    // The first non-empty oneOf/anyOf: a union of its alternatives, each merged into the schema around it.
    type: (schema, ctx) => {
      const alternatives = alternativesOf(schema);
      if (!alternatives) return undefined;
      const { base, branches } = alternatives;
      return { kind: "union", members: branches.map((b, i) => ctx.decl(mergeBranch(base, b), alternativePath(base, branches, i, ctx.path))) };
    },
  },
  words: { predicates: {}, rules: "rules/describe.ts describeAt (not: cannot be combined; oneOf/anyOf: tables of allowed combinations) and alternativesPredicate" },
  witness: {
    // The first alternative, merged into the schema around it.
    sample: (schema, ctx) => {
      const branches = schema.anyOf ?? schema.oneOf;
      if (!branches?.length) return undefined;
      const { anyOf: _anyOf, oneOf: _oneOf, ...base } = schema;
      const first = isPlain(branches[0]) ? branches[0] : {};
      return ctx.sample({ ...base, ...first, type: first.type ?? base.type });
    },
  },
};
