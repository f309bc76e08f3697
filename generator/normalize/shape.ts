// How a declared schema's shape is read by every stage: the JSON types it is typed as (declared or implied by its
// keywords), and its oneOf/anyOf alternatives merged into their base. A leaf module (it imports only walk.ts), so
// analysis, the keyword families and the emitters can all use it without import cycles.
import { isPlain } from "../json.js";
import { declaredTypes } from "./walk.js";
import { option, type Place } from "../ir/path.js";
import type { JsonType, Schema, SchemaObject } from "../ir/types.js";


/** JSON types a schema implies by its keywords when it declares none (`properties` → object, `items` → array). */
function inferTypes(s: Schema | undefined): readonly JsonType[] | undefined {
  if (!isPlain(s)) return undefined;
  if (isPlain(s.properties) || "required" in s || "additionalProperties" in s) return ["object"];
  if ("items" in s || "prefixItems" in s) return ["array"];
  return undefined;
}

/** The JSON types a schema is typed as: declared, else implied by its keywords. */
export const typesOf = (s: Schema | undefined): readonly JsonType[] | undefined => declaredTypes(s) ?? inferTypes(s);

/** An object schema with declared properties (one that becomes a named interface). */
export const isObjectSchema = (s: Schema): s is SchemaObject => isPlain(s) && (typesOf(s) ?? []).includes("object") && isPlain(s.properties);

/** The branches of the first non-empty `oneOf`/`anyOf`, and the schema without either (what each merges into). */
export function alternativesOf(schema: SchemaObject): { readonly base: SchemaObject; readonly branches: readonly Schema[] } | undefined {
  const branches = [schema.oneOf, schema.anyOf].find((b) => Array.isArray(b) && b.length);
  if (!branches) return undefined;
  const { oneOf: _oneOf, anyOf: _anyOf, ...base } = schema;
  return { base, branches };
}

/**
 * One alternative as a schema of its own: the branch's keywords over the base's, the types both allow (number
 * narrowed to integer), and the properties of both.
 */
export function mergeBranch(base: SchemaObject, b: Schema): Schema {
  if (b === true) return base;
  if (!isPlain(b)) return b;
  const bt = declaredTypes(b);
  const at = declaredTypes(base);
  const type = bt && at ? at.filter((t) => bt.includes(t) || (t === "number" && bt.includes("integer"))).map((t) => (t === "number" && bt.includes("integer") ? "integer" : t)) : (bt ?? at);
  const out: { -readonly [K in keyof SchemaObject]: SchemaObject[K] } = { ...base, ...b };
  if (type) out.type = type.length === 1 ? type[0] : type;
  // A branch's `true` (a required name declared only to name it) adds nothing to the base's declaration.
  if (isPlain(base.properties) && isPlain(b.properties)) {
    const properties = { ...base.properties };
    for (const [k, s] of Object.entries(b.properties)) if (!(s === true && Object.prototype.hasOwnProperty.call(properties, k))) Object.defineProperty(properties, k, { value: s, enumerable: true, writable: true, configurable: true });
    out.properties = properties;
  }
  return out;
}

/**
 * The instance place an alternative's type is declared at: its own option step (title or number) when several
 * alternatives are objects (each gets a named interface), else the path of the schema holding the alternatives.
 */
export function alternativePath(base: SchemaObject, branches: readonly Schema[], i: number, path: Place): Place {
  const b = branches[i] ?? true;
  const merged = mergeBranch(base, b);
  const manyObjects = branches.filter((x) => isObjectSchema(mergeBranch(base, x))).length > 1;
  const title = isPlain(b) ? b.title : undefined;
  return branches.length > 1 && isObjectSchema(merged) && manyObjects ? [...path, option(String(title ?? i + 1))] : path;
}

