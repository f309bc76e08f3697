// required and dependentRequired (JSON Schema 2020-12 §6.5.3–6.5.4): presence atoms on an object with declared
// properties. Their sentences ("a requires b", "a is required when …") are composed in rules/describe.ts from
// RULE_WORDS; a witness object holds its required properties.
import { and, has, implies } from "./algebra.js";
import type { KeywordFamily } from "./family.js";
import type { Json } from "../ir/types.js";

export const required: KeywordFamily = {
  name: "required/dependentRequired",
  section: "§6.5.3 required, §6.5.4 dependentRequired",
  keywords: ["required", "dependentRequired"],
  atoms: (k, s, ctx) => {
    if (!ctx.isObject) return undefined;
    const child = (name: string) => [...ctx.at, name];
    if (k === "required") return and((s.required ?? []).map((name) => has(child(name))));
    return and(Object.entries(s.dependentRequired ?? {}).map(([name, deps]) => implies(has(child(name)), and(deps.map((d) => has(child(d)))))));
  },
  declaration: { unchanged: "a property's own type stays; required decides its `?` in the interface (ir/declarations.ts) and the modes of the rules" },
  words: {
    predicates: {},
    // A property-level alternative that is an object with required properties: "an object with a, b".
    alternative: (b) => {
      const t = typeof b.type === "string" ? b.type : Array.isArray(b.type) ? b.type.join(" or ") : null;
      return t === "object" && Array.isArray(b.required) && b.required.length ? `an object with ${b.required.join(", ")}` : undefined;
    },
    rules: "rules/describe.ts requirementText with RULE_WORDS.required / requires / notAllowed",
  },
  witness: {
    // The smallest object: its required properties, each with a witness of its own.
    sample: (schema, ctx) => {
      if (ctx.type !== "object") return undefined;
      const out: Record<string, Json> = {};
      for (const k of schema.required ?? []) out[k] = ctx.sample(schema.properties?.[k]);
      return out;
    },
  },
};
