// JSON Schema rules → a boolean formula over structural atoms (JSON Schema 2020-12 §10.2 applicators,
// §6.5.3 dependentRequired, §10.2.2.4 dependentSchemas). Atoms:
//   has(path)      the property at path (names from the task root) is present
//   eq(path, v)    the present property at path equals the literal v
//   opaque(id)     a non-structural check (range, length, pattern, format, array size, …) we do not model:
//                  free to be true or false, so the types built from the formula stay sound (looser, never stricter).
import { declaredAt, isPlain } from "../normalize/walk.js";

export const TRUE = Object.freeze({ t: "true" });
export const FALSE = Object.freeze({ t: "false" });
// Atoms carry their variable's key, computed once: the case split looks keys up at every node it visits.
export const has = (path) => ({ t: "has", path, key: `has:${path.join(".")}` });
export const eq = (path, value) => ({ t: "eq", path, value, key: `eq:${path.join(".")}`, presence: `has:${path.join(".")}` });
export const opaque = (id) => ({ t: "opaque", id, key: `op:${id}` });

export function and(xs) {
  const flat = [];
  for (const x of xs) {
    if (x.t === "false") return FALSE;
    if (x.t === "true") continue;
    if (x.t === "and") flat.push(...x.xs);
    else flat.push(x);
  }
  return flat.length === 0 ? TRUE : flat.length === 1 ? flat[0] : { t: "and", xs: flat };
}
export function or(xs) {
  const flat = [];
  for (const x of xs) {
    if (x.t === "true") return TRUE;
    if (x.t === "false") continue;
    if (x.t === "or") flat.push(...x.xs);
    else flat.push(x);
  }
  return flat.length === 0 ? FALSE : flat.length === 1 ? flat[0] : { t: "or", xs: flat };
}
export function not(x) {
  if (x.t === "true") return FALSE;
  if (x.t === "false") return TRUE;
  if (x.t === "not") return x.x;
  return { t: "not", x };
}
export const implies = (a, b) => or([not(a), b]);

/** Key of an atom, used for variables and for de-duplicating opaque checks. */
export const pathKey = (path) => path.join(".");
export function atomKey(a) {
  if (a.key) return a.key;
  if (a.t === "has") return `has:${pathKey(a.path)}`;
  if (a.t === "eq") return `eq:${pathKey(a.path)}`;
  return `op:${a.id}`;
}

const TYPE_KEYWORDS = new Set(["type"]);
const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment", "$id", "$schema", "$anchor"]);
const OBJECT_KEYWORDS = new Set(["required", "properties", "dependentRequired", "dependentSchemas", "additionalProperties"]);

/** Literal values a declared schema allows, or undefined if it is not a closed set of literals. */
export function declaredLiterals(schema) {
  if (!isPlain(schema)) return undefined;
  if ("const" in schema) return [schema.const];
  if (Array.isArray(schema.enum)) return schema.enum;
  for (const k of ["oneOf", "anyOf"]) {
    const bs = schema[k];
    if (Array.isArray(bs) && bs.length && bs.every((b) => isPlain(b) && "const" in b)) return bs.map((b) => b.const);
  }
  return undefined;
}

const jsonType = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
function typeAllows(types, v) {
  if (!types) return true;
  const t = jsonType(v);
  return types.includes(t) || (t === "integer" && types.includes("number")) || (t === "number" && types.includes("integer") && Number.isInteger(v));
}
const typesOf = (s) => (isPlain(s) ? (typeof s.type === "string" ? [s.type] : Array.isArray(s.type) ? s.type : undefined) : undefined);

/** Is `{keyword: value}` implied by the declared schema at that place (so it holds for every valid payload)? */
function impliedByDeclared(keyword, value, declared) {
  if (!isPlain(declared) || !(keyword in declared)) return false;
  const d = declared[keyword];
  switch (keyword) {
    case "minItems":
    case "minLength":
    case "minimum":
    case "minProperties":
      return typeof d === "number" && d >= value;
    case "maxItems":
    case "maxLength":
    case "maximum":
    case "maxProperties":
      return typeof d === "number" && d <= value;
    default:
      return JSON.stringify(d) === JSON.stringify(value);
  }
}

/**
 * Translate schema `s`, applied at instance path `at`, into a formula.
 * @param {object} root the declared task schema (properties tree) that every valid payload satisfies
 */
export function translate(s, at, root) {
  if (s === true) return TRUE;
  if (s === false) return FALSE;
  if (!isPlain(s)) return TRUE;
  const declared = at.length === 0 ? root : declaredAt(root, at);
  if (!declared) return opaqueFor(at, s);
  const dTypes = at.length === 0 ? ["object"] : typesOf(declared);
  const isObject = dTypes?.length === 1 && dTypes[0] === "object" && isPlain(declared.properties);
  const parts = [];
  for (const [k, v] of Object.entries(s)) {
    if (ANNOTATIONS.has(k) || k.startsWith("x-")) continue;
    if (k === "allOf") parts.push(and(v.map((b) => translate(b, at, root))));
    else if (k === "anyOf") parts.push(or(v.map((b) => translate(b, at, root))));
    else if (k === "oneOf") parts.push(exactlyOne(v.map((b) => translate(b, at, root))));
    else if (k === "not") parts.push(not(translate(v, at, root)));
    else if (k === "if") {
      const c = translate(v, at, root);
      const th = "then" in s ? translate(s.then, at, root) : TRUE;
      const el = "else" in s ? translate(s.else, at, root) : TRUE;
      parts.push(or([and([c, th]), and([not(c), el])]));
    } else if (k === "then" || k === "else") continue;
    else if (TYPE_KEYWORDS.has(k)) parts.push(typeFormula(v, dTypes, at));
    else if (isObject && OBJECT_KEYWORDS.has(k)) parts.push(objectKeyword(k, v, s, at, root, declared));
    else if (k === "const" || k === "enum") parts.push(valueFormula(k === "const" ? [v] : v, at, declared, isObject));
    else if (impliedByDeclared(k, v, declared)) continue;
    else parts.push(opaqueFor(at, { [k]: v }));
  }
  return and(parts);
}

function exactlyOne(fs) {
  return or(fs.map((f, i) => and([f, ...fs.filter((_, j) => j !== i).map(not)])));
}

function typeFormula(v, dTypes, at) {
  const want = typeof v === "string" ? [v] : v;
  if (!dTypes) return opaqueFor(at, { type: v });
  const ok = (t) => want.includes(t) || (t === "integer" && want.includes("number"));
  if (dTypes.every(ok)) return TRUE;
  if (!dTypes.some((t) => ok(t) || (t === "number" && want.includes("integer")))) return FALSE;
  return opaqueFor(at, { type: v });
}

function valueFormula(values, at, declared, isObject) {
  if (isObject || at.length === 0) return opaqueFor(at, { enum: values });
  const allowed = declaredLiterals(declared);
  const dTypes = typesOf(declared);
  const candidates = values.filter((v) => (allowed ? allowed.some((a) => JSON.stringify(a) === JSON.stringify(v)) : typeAllows(dTypes, v)));
  // Only scalars make value atoms; objects/arrays as const are checked by the validator alone.
  if (candidates.some((v) => v !== null && typeof v === "object")) return opaqueFor(at, { enum: values });
  return or(candidates.map((v) => eq(at, v)));
}

function objectKeyword(k, v, s, at, root, declared) {
  const child = (name) => [...at, name];
  switch (k) {
    case "required":
      return and(v.map((name) => has(child(name))));
    case "properties":
      return and(Object.entries(v).map(([name, sub]) => implies(has(child(name)), translate(sub, child(name), root))));
    case "dependentRequired":
      return and(Object.entries(v).map(([name, deps]) => implies(has(child(name)), and(deps.map((d) => has(child(d)))))));
    case "dependentSchemas":
      return and(Object.entries(v).map(([name, sub]) => implies(has(child(name)), translate(sub, at, root))));
    case "additionalProperties": {
      if (v === true || (isPlain(v) && Object.keys(v).length === 0)) return TRUE;
      if (v === false && declared.additionalProperties === false && !s.patternProperties) {
        const listed = new Set(Object.keys(s.properties ?? {}));
        return and(Object.keys(declared.properties).filter((p) => !listed.has(p)).sort().map((p) => not(has(child(p)))));
      }
      return opaqueFor(at, { additionalProperties: v, properties: Object.keys(s.properties ?? {}) });
    }
  }
  return TRUE;
}

function opaqueFor(at, schema) {
  return opaque(`${pathKey(at)}:${stableStringify(schema)}`);
}

export function stableStringify(v) {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (isPlain(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`).join(",")}}`;
  return JSON.stringify(v);
}

/** Collect atoms of a formula (by key, first occurrence order). */
export function atomsOf(f, out = new Map()) {
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
      if (!out.has(atomKey(f))) out.set(atomKey(f), f);
      if (f.t === "eq" && !out.has(`has:${pathKey(f.path)}`)) out.set(`has:${pathKey(f.path)}`, has(f.path));
      break;
  }
  return out;
}

/** Every eq atom of a formula (all literals, unlike atomsOf which keeps one atom per variable). */
export function eqAtoms(f, out = []) {
  if (f.t === "and" || f.t === "or") f.xs.forEach((x) => eqAtoms(x, out));
  else if (f.t === "not") eqAtoms(f.x, out);
  else if (f.t === "eq") out.push(f);
  return out;
}

