// const and enum (JSON Schema 2020-12 §6.1.2–6.1.3), and a oneOf/anyOf whose branches are all consts (the same
// closed set of literals): value atoms, literal types, "must be one of …", the first literal as a witness.
import { WORDS } from "../../templates/validation/words.js";
import { isPlain } from "../json.js";
import { declaredTypes } from "../normalize/walk.js";
import { eq, or } from "./algebra.js";
import type { KeywordFamily } from "./family.js";
import type { Formula, Json, JsonType, Path, Schema, SchemaObject } from "../ir/types.js";
import type { AtomContext } from "./family.js";

/** Literal values a declared schema allows, or undefined if it is not a closed set of literals. */
export function declaredLiterals(schema: Schema | undefined): readonly Json[] | undefined {
  if (!isPlain(schema)) return undefined;
  // A schema read from JSON cannot hold `const: undefined`, so `!== undefined` is "has a const".
  if (schema.const !== undefined) return [schema.const];
  if (Array.isArray(schema.enum)) return schema.enum;
  for (const bs of [schema.oneOf, schema.anyOf]) {
    if (!bs?.length) continue;
    const consts: Json[] = [];
    for (const b of bs) if (isPlain(b) && b.const !== undefined) consts.push(b.const);
    if (consts.length === bs.length) return consts;
  }
  return undefined;
}

const jsonType = (v: Json): string => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
function typeAllows(types: readonly JsonType[] | undefined, v: Json): boolean {
  if (!types) return true;
  const t = jsonType(v);
  return types.some((x) => x === t) || (t === "integer" && types.includes("number")) || (t === "number" && types.includes("integer") && Number.isInteger(v));
}

function valueFormula(values: readonly Json[], at: Path, declared: SchemaObject, ctx: AtomContext): Formula {
  if (ctx.isObject || at.length === 0) return ctx.opaque({ enum: values });
  const allowed = declaredLiterals(declared);
  const dTypes = declaredTypes(declared);
  const candidates = values.filter((v) => (allowed ? allowed.some((a) => JSON.stringify(a) === JSON.stringify(v)) : typeAllows(dTypes, v)));
  // Only scalars make value atoms; objects/arrays as const are checked by the validator alone.
  if (candidates.some((v) => v !== null && typeof v === "object")) return ctx.opaque({ enum: values });
  return or(candidates.map((v) => eq(at, v)));
}

function matchesType(t: JsonType, v: Json): boolean {
  if (t === "integer") return Number.isInteger(v);
  if (t === "number") return typeof v === "number";
  if (t === "null") return v === null;
  if (t === "array") return Array.isArray(v);
  if (t === "object") return isPlain(v);
  return typeof v === t;
}

export const constEnum: KeywordFamily = {
  name: "const/enum",
  section: "§6.1.2 enum, §6.1.3 const",
  keywords: ["const", "enum"],
  atoms: (k, s, ctx) => valueFormula(k === "const" ? (s.const === undefined ? [] : [s.const]) : (s.enum ?? []), ctx.at, ctx.declared, ctx),
  declaration: {
    // The literals the declared type admits (none: no value).
    type: (schema) => {
      const lits = declaredLiterals(schema);
      if (!lits) return undefined;
      const t = declaredTypes(schema);
      const ok = lits.filter((v) => !t || t.some((x) => matchesType(x, v)));
      return ok.length ? { kind: "literal", values: ok } : { kind: "never" };
    },
  },
  words: {
    predicates: { const: WORDS.const, enum: WORDS.enum },
    comparesValue: ["const", "enum"],
    alternative: (b) => ("const" in b ? WORDS.const(b.const).words : Array.isArray(b.enum) ? WORDS.enum(b.enum).words : undefined),
  },
  witness: {
    // A schema read from JSON cannot hold `const: undefined`, so `!== undefined` is "has a const".
    pinned: (schema) => (schema.const !== undefined ? schema.const : undefined),
    sample: (schema) => declaredLiterals(schema)?.[0],
  },
};
