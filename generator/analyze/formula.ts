// JSON Schema rules → a boolean formula over structural atoms (JSON Schema 2020-12 §10.2 applicators,
// §6.5.3 dependentRequired, §10.2.2.4 dependentSchemas). Atoms:
//   has(path)      the property at path (names from the task root) is present
//   eq(path, v)    the present property at path equals the literal v
//   opaque(id)     a non-structural check (range, length, pattern, format, array size, …) we do not model:
//                  free to be true or false, so the types built from the formula stay sound (looser, never stricter).
import { declaredAt, declaredTypes, isPlain } from "../normalize/walk.js";
import type { Atom, Eq, False, Formula, Has, Json, JsonType, Opaque, Path, Schema, SchemaObject, True } from "../ir/types.js";

export const TRUE: True = Object.freeze({ t: "true" });
export const FALSE: False = Object.freeze({ t: "false" });
// Atoms carry their variable's key, computed once: the case split looks keys up at every node it visits.
export const has = (path: Path): Has => ({ t: "has", path, key: `has:${path.join(".")}` });
export const eq = (path: Path, value: Json): Eq => ({ t: "eq", path, value, key: `eq:${path.join(".")}`, presence: `has:${path.join(".")}` });
export const opaque = (id: string): Opaque => ({ t: "opaque", id, key: `op:${id}` });

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

/** A path as the dotted text that variable keys use. */
export const pathKey = (path: Path): string => path.join(".");
/** Key of an atom's variable (`has:a.b`, `eq:a.b`, `op:…`): atoms compute it once, at construction. */
export const atomKey = (a: Atom): string => a.key;

const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment", "$id", "$schema", "$anchor"]);
const OBJECT_KEYWORDS = new Set(["required", "properties", "dependentRequired", "dependentSchemas", "additionalProperties"]);

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

/** Is `{keyword: value}` implied by the declared schema at that place (so it holds for every valid payload)? */
function impliedByDeclared(keyword: string, value: unknown, declared: SchemaObject): boolean {
  if (!(keyword in declared)) return false;
  const d = declared[keyword];
  switch (keyword) {
    case "minItems":
    case "minLength":
    case "minimum":
    case "minProperties":
      return typeof d === "number" && typeof value === "number" && d >= value;
    case "maxItems":
    case "maxLength":
    case "maximum":
    case "maxProperties":
      return typeof d === "number" && typeof value === "number" && d <= value;
    default:
      return JSON.stringify(d) === JSON.stringify(value);
  }
}

/**
 * Translate schema `s`, applied at instance path `at`, into a formula. `root` is the declared task schema
 * (properties tree) that every valid payload satisfies.
 */
export function translate(s: Schema | undefined, at: Path, root: SchemaObject): Formula {
  if (s === true) return TRUE;
  if (s === false) return FALSE;
  if (!isPlain(s)) return TRUE;
  const declared = at.length === 0 ? root : declaredAt(root, at);
  if (!declared) return opaqueFor(at, s);
  const dTypes: readonly JsonType[] | undefined = at.length === 0 ? ["object"] : declaredTypes(declared);
  const isObject = dTypes?.length === 1 && dTypes[0] === "object" && isPlain(declared.properties);
  const sub = (b: Schema | undefined) => translate(b, at, root);
  const parts: Formula[] = [];
  // Keyword order is kept: it fixes the order of atoms, hence of variables and of the emitted variants.
  for (const [k, v] of Object.entries(s)) {
    if (ANNOTATIONS.has(k) || k.startsWith("x-")) continue;
    if (k === "allOf") parts.push(and((s.allOf ?? []).map(sub)));
    else if (k === "anyOf") parts.push(or((s.anyOf ?? []).map(sub)));
    else if (k === "oneOf") parts.push(exactlyOne((s.oneOf ?? []).map(sub)));
    else if (k === "not") parts.push(not(sub(s.not)));
    else if (k === "if") {
      const c = sub(s.if);
      const th = "then" in s ? sub(s.then) : TRUE;
      const el = "else" in s ? sub(s.else) : TRUE;
      parts.push(or([and([c, th]), and([not(c), el])]));
    } else if (k === "then" || k === "else") continue;
    else if (k === "type") parts.push(typeFormula(s.type, dTypes, at));
    else if (isObject && OBJECT_KEYWORDS.has(k)) parts.push(objectKeyword(k, s, at, root, declared));
    else if (k === "const") parts.push(valueFormula(s.const === undefined ? [] : [s.const], at, declared, isObject));
    else if (k === "enum") parts.push(valueFormula(s.enum ?? [], at, declared, isObject));
    else if (impliedByDeclared(k, v, declared)) continue;
    else parts.push(opaqueFor(at, { [k]: v }));
  }
  return and(parts);
}

function exactlyOne(fs: readonly Formula[]): Formula {
  return or(fs.map((f, i) => and([f, ...fs.filter((_, j) => j !== i).map(not)])));
}

function typeFormula(v: JsonType | readonly JsonType[] | undefined, dTypes: readonly JsonType[] | undefined, at: Path): Formula {
  const want: readonly JsonType[] = typeof v === "string" ? [v] : (v ?? []);
  if (!dTypes) return opaqueFor(at, { type: v });
  const ok = (t: JsonType) => want.includes(t) || (t === "integer" && want.includes("number"));
  if (dTypes.every(ok)) return TRUE;
  if (!dTypes.some((t) => ok(t) || (t === "number" && want.includes("integer")))) return FALSE;
  return opaqueFor(at, { type: v });
}

function valueFormula(values: readonly Json[], at: Path, declared: SchemaObject, isObject: boolean): Formula {
  if (isObject || at.length === 0) return opaqueFor(at, { enum: values });
  const allowed = declaredLiterals(declared);
  const dTypes = declaredTypes(declared);
  const candidates = values.filter((v) => (allowed ? allowed.some((a) => JSON.stringify(a) === JSON.stringify(v)) : typeAllows(dTypes, v)));
  // Only scalars make value atoms; objects/arrays as const are checked by the validator alone.
  if (candidates.some((v) => v !== null && typeof v === "object")) return opaqueFor(at, { enum: values });
  return or(candidates.map((v) => eq(at, v)));
}

/** An object keyword of `s` where the declaration at `at` is an object with properties. */
function objectKeyword(k: string, s: SchemaObject, at: Path, root: SchemaObject, declared: SchemaObject): Formula {
  const child = (name: string): Path => [...at, name];
  switch (k) {
    case "required":
      return and((s.required ?? []).map((name) => has(child(name))));
    case "properties":
      return and(Object.entries(s.properties ?? {}).map(([name, sub]) => implies(has(child(name)), translate(sub, child(name), root))));
    case "dependentRequired":
      return and(Object.entries(s.dependentRequired ?? {}).map(([name, deps]) => implies(has(child(name)), and(deps.map((d) => has(child(d)))))));
    case "dependentSchemas":
      return and(Object.entries(s.dependentSchemas ?? {}).map(([name, sub]) => implies(has(child(name)), translate(sub, at, root))));
    case "additionalProperties": {
      const v = s.additionalProperties;
      if (v === true || (isPlain(v) && Object.keys(v).length === 0)) return TRUE;
      if (v === false && declared.additionalProperties === false && !s.patternProperties) {
        const listed = new Set(Object.keys(s.properties ?? {}));
        return and(
          Object.keys(declared.properties ?? {})
            .filter((p) => !listed.has(p))
            .sort()
            .map((p) => not(has(child(p)))),
        );
      }
      return opaqueFor(at, { additionalProperties: v, properties: Object.keys(s.properties ?? {}) });
    }
  }
  return TRUE;
}

function opaqueFor(at: Path, schema: object): Opaque {
  return opaque(`${pathKey(at)}:${stableStringify(schema)}`);
}

/** JSON text with object keys sorted, so equal values give equal text whatever their key order. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (isPlain(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(",")}}`;
  // JSON.stringify gives undefined for undefined (a Map lookup that missed): spelled out, like a template would.
  return JSON.stringify(v) ?? "undefined";
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
