// Case splits of nested objects that the task-level split cannot reach: objects below `items`/`prefixItems`
// (JSON Schema 2020-12 §10.3.1) and objects inside `oneOf`/`anyOf` alternatives (§10.2.1), merged into their base.
// Their rules constrain each item or alternative on its own, so each gets its own split, found by the same walk
// that emit/types makes to declare their types, and keyed by the object schema it meets.
import { caseSplit } from "./case-split.js";
import { declaredLiterals, stableStringify } from "./formula.js";
import { declaredTypes, isPlain } from "../normalize/walk.js";
import type { JsonType, LocalSplit, Path, Schema, SchemaObject } from "../ir/types.js";

/** The key of an object schema in `ModelIR.localSplits`: its canonical JSON (equal schemas share a split). */
export function localSplitKey(schema: SchemaObject): string {
  return stableStringify(schema);
}

/** Is an object at this instance path out of the task-level split's reach (in an array item or an alternative)? */
export const isLocalPath = (path: Path): boolean => path.some((p) => p === "[]" || p.startsWith("option "));

/** JSON types a schema implies by its keywords when it declares none (`properties` → object, `items` → array). */
export function inferTypes(s: Schema | undefined): readonly JsonType[] | undefined {
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
  if (isPlain(base.properties) && isPlain(b.properties)) out.properties = { ...base.properties, ...b.properties };
  return out;
}

/**
 * The instance path an alternative's type is declared at: its own `option <title or number>` step when several
 * alternatives are objects (each gets a named interface), else the path of the schema holding the alternatives.
 */
export function alternativePath(base: SchemaObject, branches: readonly Schema[], i: number, path: Path): Path {
  const b = branches[i] ?? true;
  const merged = mergeBranch(base, b);
  const manyObjects = branches.filter((x) => isObjectSchema(mergeBranch(base, x))).length > 1;
  const title = isPlain(b) ? b.title : undefined;
  return branches.length > 1 && isObjectSchema(merged) && manyObjects ? [...path, `option ${title ?? i + 1}`] : path;
}

/**
 * The split of every object schema with rules that emit/types declares at a local path (see isLocalPath), keyed by
 * localSplitKey. The walk follows emit/types' DeclaredTypes: literals stop it; alternatives are merged into their
 * base; arrays go to `prefixItems` and `items`; objects to their properties and `additionalProperties`.
 */
export function localSplits(task: SchemaObject, limit: number): ReadonlyMap<string, LocalSplit> {
  const out = new Map<string, LocalSplit>();
  const visit = (schema: Schema | undefined, path: Path): void => {
    if (!isPlain(schema) || declaredLiterals(schema)) return;
    const alternatives = alternativesOf(schema);
    if (alternatives) {
      const { base, branches } = alternatives;
      branches.forEach((b, i) => visit(mergeBranch(base, b), alternativePath(base, branches, i, path)));
      return;
    }
    for (const t of typesOf(schema) ?? []) {
      if (t === "array") {
        const item = [...path, "[]"];
        for (const s of schema.prefixItems ?? []) visit(s, item);
        if (schema.items !== false) visit(schema.items, item);
      } else if (t === "object") {
        const properties = isPlain(schema.properties) ? Object.entries(schema.properties) : [];
        if (properties.length && isLocalPath(path)) addSplit(schema);
        for (const [key, sub] of properties) visit(sub, [...path, key]);
        if (schema.additionalProperties !== false) visit(schema.additionalProperties, [...path, "*"]);
      }
    }
  };
  const addSplit = (schema: SchemaObject): void => {
    const key = localSplitKey(schema);
    if (out.has(key)) return;
    const split = caseSplit(schema, { limit });
    if (split.rules.length) out.set(key, { schema, split });
  };
  visit(task, []);
  return out;
}
