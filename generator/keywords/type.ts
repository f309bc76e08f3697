// type (JSON Schema 2020-12 §6.1.1): TRUE when the declaration already has the type, FALSE when it cannot,
// otherwise an opaque check; the declaration of each JSON type (asking the family that shapes arrays and objects).
import { WORDS, typeWords } from "../../templates/validation/words.js";
import { typesOf } from "../normalize/shape.js";
import { FALSE, TRUE } from "./algebra.js";
import type { KeywordFamily } from "./family.js";
import type { Formula, JsonType, Opaque } from "../ir/types.js";

function typeFormula(v: JsonType | readonly JsonType[] | undefined, dTypes: readonly JsonType[] | undefined, opaque: (check: object) => Opaque): Formula {
  const want: readonly JsonType[] = typeof v === "string" ? [v] : (v ?? []);
  if (!dTypes) return opaque({ type: v });
  const ok = (t: JsonType) => want.includes(t) || (t === "integer" && want.includes("number"));
  if (dTypes.every(ok)) return TRUE;
  if (!dTypes.some((t) => ok(t) || (t === "number" && want.includes("integer")))) return FALSE;
  return opaque({ type: v });
}

export const type: KeywordFamily = {
  name: "type",
  section: "§6.1.1 type",
  keywords: ["type"],
  atoms: (_k, s, ctx) => typeFormula(s.type, ctx.declaredTypes, ctx.opaque),
  declaration: {
    // Declared or implied types, each as its kind's type: the last resort, after literals and alternatives.
    type: (schema, ctx) => {
      const types = typesOf(schema);
      if (!types) return { kind: "unknown" };
      return types.length === 1 && types[0] ? ctx.kind(types[0], schema) : { kind: "union", members: types.map((t) => ctx.kind(t, schema)) };
    },
    kinds: {
      string: () => ({ kind: "scalar", type: "string" }),
      integer: () => ({ kind: "scalar", type: "number" }),
      number: () => ({ kind: "scalar", type: "number" }),
      boolean: () => ({ kind: "scalar", type: "boolean" }),
      null: () => ({ kind: "scalar", type: "null" }),
    },
  },
  words: {
    predicates: { type: WORDS.type },
    alternative: (b) => {
      const t = typeof b.type === "string" ? b.type : Array.isArray(b.type) ? b.type.join(" or ") : null;
      return t ? typeWords(t) : undefined;
    },
  },
  witness: {
    sample: (_schema, ctx) => (ctx.type === "boolean" ? false : ctx.type === "null" ? null : undefined),
  },
};
