// JSON Schema rules → a boolean formula over structural atoms (has, eq, opaque: generator/keywords/algebra.ts).
// translate walks a schema's keywords in order and asks each keyword's family (generator/keywords/) for its atoms.
import { isPlain } from "../json.js";
import { declaredAt, declaredTypes, keywordOf } from "../normalize/walk.js";
import { FALSE, TRUE, and, has, opaque } from "../keywords/algebra.js";
import { ANNOTATIONS, familyOf } from "../keywords/index.js";
import type { AtomContext } from "../keywords/family.js";
import type { Atom, Eq, Formula, JsonType, Path, Schema, SchemaObject } from "../ir/types.js";



/** Is `{keyword: value}` implied by the declared schema at that place (so it holds for every valid payload)? */
function impliedByDeclared(keyword: string, value: unknown, declared: SchemaObject): boolean {
  if (!(keyword in declared)) return false;
  const d = keywordOf(declared, keyword);
  const implied = familyOf(keyword)?.implied;
  return implied ? implied(keyword, value, d) : JSON.stringify(d) === JSON.stringify(value);
}

/**
 * Translate schema `s`, applied at instance path `at`, into a formula. `root` is the declared task schema
 * (properties tree) that every valid payload satisfies. Each keyword's family (generator/keywords/) gives its
 * atoms; a keyword it does not model there is an opaque check, unless the declaration implies it.
 */
export function translate(s: Schema | undefined, at: Path, root: SchemaObject): Formula {
  if (s === true) return TRUE;
  if (s === false) return FALSE;
  if (!isPlain(s)) return TRUE;
  const declared = at.length === 0 ? root : declaredAt(root, at);
  if (!declared) return opaque(at, s);
  const dTypes: readonly JsonType[] | undefined = at.length === 0 ? ["object"] : declaredTypes(declared);
  const ctx: AtomContext = {
    at,
    root,
    declared,
    declaredTypes: dTypes,
    isObject: dTypes?.length === 1 && dTypes[0] === "object" && isPlain(declared.properties),
    sub: (b) => translate(b, at, root),
    translate: (b, place) => translate(b, place, root),
    opaque: (check) => opaque(at, check),
  };
  const parts: Formula[] = [];
  // Keyword order is kept: it fixes the order of atoms, hence of variables and of the emitted variants.
  for (const [k, v] of Object.entries(s)) {
    if (ANNOTATIONS.has(k) || k.startsWith("x-")) continue;
    const f = familyOf(k)?.atoms?.(k, s, ctx);
    if (f !== undefined) parts.push(f);
    else if (!impliedByDeclared(k, v, declared)) parts.push(opaque(at, { [k]: v }));
  }
  return and(parts);
}

/** Collect atoms of a formula (by key, first occurrence order); an eq atom brings its presence atom. */
export function atomsOf(f: Formula, out: Map<string, Atom> = new Map()): Map<string, Atom> {
  switch (f.t) {
    case "and":
    case "or":
      f.xs.forEach((x) => atomsOf(x, out));
      break;
    case "not":
      atomsOf(f.x, out);
      break;
    case "has":
    case "eq":
    case "opaque":
      if (!out.has(f.key)) out.set(f.key, f);
      if (f.t === "eq" && !out.has(f.presence)) out.set(f.presence, has(f.path));
      break;
  }
  return out;
}

/** Every eq atom of a formula (all literals, unlike atomsOf which keeps one atom per variable). */
export function eqAtoms(f: Formula, out: Eq[] = []): Eq[] {
  if (f.t === "and" || f.t === "or") f.xs.forEach((x) => eqAtoms(x, out));
  else if (f.t === "not") eqAtoms(f.x, out);
  else if (f.t === "eq") out.push(f);
  return out;
}
