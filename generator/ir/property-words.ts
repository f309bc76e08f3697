// A declared property in words, for the README's property table: its type ("string", "array of integer", its
// literal values as JSON texts) and its constraints in validateTask's words (templates/validation/words.ts).
import { isPlain } from "../json.js";
import { alternativesPredicate } from "../keywords/alternatives.js";
import { declaredLiterals } from "../keywords/const-enum.js";
import { mustText, predicatesOf, type ConstraintKeyword, type Predicate } from "../../templates/validation/words.js";
import type { Schema } from "./types.js";

/**
 * A property's type in words, as pieces: one per literal value (its JSON text) where the type is a set of values,
 * the words around them joined to the first and last ("array of \"a\"", "\"b\" or string"); never empty.
 */
export function typeWords(s: Schema | undefined): string[] {
  if (!isPlain(s)) return ["any"];
  const lits = declaredLiterals(s);
  if (lits) return lits.length ? lits.map((v) => JSON.stringify(v)) : [""];
  const t = typeof s.type === "string" ? s.type : s.type?.join(" or ");
  if (t === "array") return joined(["array of "], "", typeWords(s.items));
  if (t) return [t];
  const bs = s.anyOf ?? s.oneOf;
  if (!Array.isArray(bs)) return ["any"];
  // Each alternative once (by its words), in the order first met.
  const unique = new Map<string, string[]>();
  for (const b of bs) {
    const words = typeWords(b);
    const key = JSON.stringify(words);
    if (!unique.has(key)) unique.set(key, words);
  }
  return [...unique.values()].reduce((a, b) => joined(a, " or ", b));
}

/** Two pieces lists written one after the other with `between`: the last piece of `a` and the first of `b` join. */
function joined(a: readonly string[], between: string, b: readonly string[]): string[] {
  return [...a.slice(0, -1), `${a.at(-1) ?? ""}${between}${b[0] ?? ""}`, ...b.slice(1)];
}

/** The keywords the README's Constraints column shows (types and values have the Type column). */
const CONSTRAINTS: readonly ConstraintKeyword[] = ["format", "pattern", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems"];

/**
 * What a property's value must be, one constraint per line in validateTask's words ("must be at most 15"): the
 * message for a broken one is "<property> <these words> (got …)".
 */
export function constraintWords(s: Schema): string[] {
  if (!isPlain(s)) return [];
  const predicates: Predicate[] = predicatesOf(s, CONSTRAINTS);
  const bs = s.anyOf ? { kind: "anyOf" as const, branches: s.anyOf } : s.oneOf ? { kind: "oneOf" as const, branches: s.oneOf } : null;
  if (bs && bs.branches.every((x) => isPlain(x) && x.format)) predicates.push(alternativesPredicate(bs.kind, bs.branches));
  return predicates.map((p) => mustText([p]));
}
