// Structural walk over a JSON Schema: visit every subschema with its keyword path and the instance location
// (the property names from the task root) it applies to. Used by the normalize rules and the analyses.

/** Keywords whose value is one subschema applied to the same instance location. */
export const IN_PLACE_ONE = ["not", "if", "then", "else"];
/** Keywords whose value is a list of subschemas applied to the same instance location. */
export const IN_PLACE_MANY = ["allOf", "anyOf", "oneOf"];

/**
 * Rebuild a schema bottom-up: `fn(schema, ctx)` gets each subschema after its children were rebuilt and returns
 * the replacement. ctx = { keys: keyword path from the walk's root, at: instance path (property names, or "[]" for
 * array items) }. Never mutates its input.
 */
export function mapSchema(schema, fn, ctx = { keys: [], at: [] }) {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    const keys = [...ctx.keys, k];
    if (IN_PLACE_ONE.includes(k)) out[k] = mapSchema(v, fn, { keys, at: ctx.at });
    else if (IN_PLACE_MANY.includes(k) && Array.isArray(v)) out[k] = v.map((s, i) => mapSchema(s, fn, { keys: [...keys, i], at: ctx.at }));
    else if ((k === "properties" || k === "patternProperties") && isPlain(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, mapSchema(s, fn, { keys: [...keys, p], at: k === "properties" ? [...ctx.at, p] : [...ctx.at, "*"] })]));
    else if (k === "dependentSchemas" && isPlain(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, mapSchema(s, fn, { keys: [...keys, p], at: ctx.at })]));
    else if ((k === "items" || k === "contains" || k === "additionalProperties" || k === "propertyNames" || k === "unevaluatedProperties" || k === "unevaluatedItems") && isPlain(v))
      out[k] = mapSchema(v, fn, { keys, at: k === "items" || k === "contains" || k === "unevaluatedItems" ? [...ctx.at, "[]"] : [...ctx.at, "*"] });
    else if (k === "prefixItems" && Array.isArray(v)) out[k] = v.map((s, i) => mapSchema(s, fn, { keys: [...keys, i], at: [...ctx.at, "[]"] }));
    else if ((k === "$defs" || k === "definitions") && isPlain(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, mapSchema(s, fn, { keys: [...keys, p], at: ["?"] })]));
    else out[k] = v;
  }
  return fn(out, ctx);
}

export const isPlain = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The declared schema at an instance path, following `properties` from the task root (and `items` for "[]").
 * Returns undefined where the declaration is not a plain properties tree.
 */
export function declaredAt(root, at) {
  let node = root;
  for (const step of at) {
    if (!isPlain(node)) return undefined;
    if (step === "[]") node = node.items;
    else if (step === "*" || step === "?") return undefined;
    else node = node.properties?.[step];
  }
  return isPlain(node) ? node : undefined;
}

/** JSON types a declared schema allows, or undefined when it does not say. */
export function declaredTypes(schema) {
  if (!isPlain(schema)) return undefined;
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type;
  return undefined;
}
