// items, prefixItems, contains, minContains, maxContains, uniqueItems (JSON Schema 2020-12 §10.3.1, §6.4): the
// array's declaration (an array, or a tuple for prefixItems); the rest is left to the validator (opaque atoms, unless
// declared the same); an array witness of minItems items.
import { WORDS } from "../../templates/validation/words.js";
import { ITEMS } from "../ir/path.js";
import type { KeywordFamily } from "./family.js";
import type { Json } from "../ir/types.js";

export const items: KeywordFamily = {
  name: "items/contains",
  section: "§10.3.1 keywords for applying subschemas to arrays, §6.4.3–6.4.5 uniqueItems, maxContains, minContains",
  keywords: ["items", "prefixItems", "contains", "minContains", "maxContains", "uniqueItems"],
  declaration: {
    kinds: {
      array: (schema, ctx) => {
        const item = [...ctx.path, ITEMS];
        if (Array.isArray(schema.prefixItems) && schema.prefixItems.length) {
          const prefix = schema.prefixItems.map((s) => ctx.decl(s, item));
          const rest = schema.items === false ? null : ctx.decl(schema.items ?? true, item);
          return { kind: "tuple", prefix, minItems: schema.minItems ?? 0, rest };
        }
        return { kind: "array", items: ctx.decl(schema.items ?? true, item) };
      },
    },
  },
  words: { predicates: { uniqueItems: WORDS.uniqueItems, contains: WORDS.contains } },
  witness: {
    // The prefixItems' witnesses, then items' until minItems (a contains is not sought: lint checks with Ajv).
    sample: (schema, ctx) => {
      if (ctx.type !== "array") return undefined;
      const n = schema.minItems ?? 0;
      const out: Json[] = (schema.prefixItems ?? []).map(ctx.sample);
      while (out.length < n) out.push(ctx.sample(schema.items));
      return out;
    },
  },
};
