// A schema's text up to order that does not matter: the entries of allOf/anyOf/oneOf, enum values, required
// names and type lists are sets (JSON Schema 2020-12 §10.2.1, §6.1, §6.5.3), so reordering them is no change.
import { isPlain, stableStringify } from "../json.js";

const SETS = new Set(["allOf", "anyOf", "oneOf", "enum", "required", "type"]);
/** Keywords whose value is data or a name map: their arrays keep their order (except through SETS above). */
const DATA = new Set(["const", "default", "examples"]);

function canonicalValue(v: unknown, key: string | null): unknown {
  if (key !== null && DATA.has(key)) return v;
  if (Array.isArray(v)) {
    const items = v.map((x) => canonicalValue(x, null));
    return key !== null && SETS.has(key) ? items.map((x) => [stableStringify(x), x] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, x]) => x) : items;
  }
  if (!isPlain(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, key === "properties" || key === "dependentRequired" || key === "dependentSchemas" || key === "patternProperties" ? canonicalValue(x, null) : canonicalValue(x, k)]));
}

export const canonicalText = (schema: unknown): string => stableStringify(canonicalValue(schema, null));
