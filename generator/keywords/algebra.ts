// The boolean algebra that keyword families build formulas with (JSON Schema rules → formulas, rules/formula.ts).
// Atoms:
//   has(path)      the property at path (names from the task root) is present
//   eq(path, v)    the present property at path equals the literal v
//   opaque(at, c)  a non-structural check c (range, length, pattern, format, array size, …) at path at, not modelled:
//                  free to be true or false, so the types built from the formula stay sound (looser, never stricter).
// Kept apart from rules/formula.ts so that the families can use it without importing the translation that
// dispatches to them.
import { stableStringify } from "../json.js";
import { pathId, presenceKey, valueKey } from "../ir/path.js";
import type { Eq, False, Formula, Has, Json, Opaque, Path, True } from "../ir/types.js";

export const TRUE: True = Object.freeze({ t: "true" });
export const FALSE: False = Object.freeze({ t: "false" });
// Atoms carry their variable's key, computed once: the case split looks keys up at every node it visits.
// Keys are made from the path's JSON text (ir/path.ts), never by joining names: "a.b" and a → b are two variables.
export const has = (path: Path): Has => ({ t: "has", path, key: presenceKey(path) });
export const eq = (path: Path, value: Json): Eq => ({ t: "eq", path, value, key: valueKey(path), presence: presenceKey(path) });
/** The opaque atom of a check at `at`; equal checks (whatever their key order) are one variable. */
export const opaque = (at: Path, check: object): Opaque => ({ t: "opaque", at, check, key: `op:${pathId(at)}:${stableStringify(check)}` });

export function and(xs: readonly Formula[]): Formula {
  const flat: Formula[] = [];
  for (const x of xs) {
    if (x.t === "false") return FALSE;
    if (x.t === "true") continue;
    if (x.t === "and") flat.push(...x.xs);
    else flat.push(x);
  }
  const [only] = flat;
  return only === undefined ? TRUE : flat.length === 1 ? only : { t: "and", xs: flat };
}
export function or(xs: readonly Formula[]): Formula {
  const flat: Formula[] = [];
  for (const x of xs) {
    if (x.t === "true") return TRUE;
    if (x.t === "false") continue;
    if (x.t === "or") flat.push(...x.xs);
    else flat.push(x);
  }
  const [only] = flat;
  return only === undefined ? FALSE : flat.length === 1 ? only : { t: "or", xs: flat };
}
export function not(x: Formula): Formula {
  if (x.t === "true") return FALSE;
  if (x.t === "false") return TRUE;
  if (x.t === "not") return x.x;
  return { t: "not", x };
}
export const implies = (a: Formula, b: Formula): Formula => or([not(a), b]);
