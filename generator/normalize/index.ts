// Named rewrites of the task schema, applied in order. Each returns a new schema and never changes what the
// schema accepts (test/normalize proves each one on payloads); together they make Ajv's strict mode pass.
import { isPlain } from "../json.js";
import { mapSchema, declaredAt, declaredTypes, keywordOf, omitKeywords } from "./walk.js";
import type { JsonType, SchemaObject } from "../ir/types.js";

export { fromOpenApi30, isOpenApi30, openApi30Rules } from "./openapi-3.0/index.js";

/** A named rewrite: the name says, as a sentence, what it does and why it keeps what the schema accepts. */
export interface NormalizeRule {
  readonly name: string;
  readonly apply: (schema: SchemaObject) => SchemaObject;
}

const OBJECT_KEYWORDS: readonly string[] = ["required", "properties", "additionalProperties", "dependentRequired", "dependentSchemas", "minProperties", "maxProperties", "patternProperties", "propertyNames"];
const ARRAY_KEYWORDS: readonly string[] = ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains"];
const NUMBER_KEYWORDS: readonly string[] = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];
const STRING_KEYWORDS: readonly string[] = ["minLength", "maxLength", "pattern", "format"];

export const normalizeRules: readonly NormalizeRule[] = [
  {
    name: "Drop an if without then or else, and a then or else without if: JSON Schema ignores them (§10.2.2)",
    apply: (schema) =>
      mapSchema(schema, (s) => {
        const hasIf = "if" in s;
        const hasBranch = "then" in s || "else" in s;
        if (hasIf === hasBranch) return s;
        const { if: _if, then: _then, else: _else, ...rest } = s;
        return rest;
      }),
  },
  {
    name: "Write an empty enum as `not: {}`: both accept nothing, and Ajv refuses the empty list",
    apply: (schema) =>
      mapSchema(schema, (s) => {
        if (!Array.isArray(s.enum) || s.enum.length > 0) return s;
        const { enum: _enum, ...rest } = s;
        return { ...rest, allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), { not: {} }] };
      }),
  },
  {
    name: "Put properties in the order x-fal-order-properties lists them (fal's reading order), the others after them in the spec's order",
    apply: (schema) =>
      mapSchema(schema, (s) => {
        const order = s["x-fal-order-properties"];
        const props = s.properties;
        if (!Array.isArray(order) || !isPlain(props)) return s;
        const own = (k: unknown): k is string => typeof k === "string" && Object.prototype.hasOwnProperty.call(props, k);
        const first = [...new Set(order.filter(own))];
        const keys = [...first, ...Object.keys(props).filter((k) => !first.includes(k))];
        // Already in that order (fal's provider reads the document in it): nothing to rebuild.
        if (sameOrder(keys, Object.keys(props))) return s;
        return { ...s, properties: Object.fromEntries(keys.map((k) => [k, props[k]!])) };
      }),
  },
  {
    name: "Drop x- extension keywords, which no validator reads (modelgen's own x-modelgen-rules are read before this)",
    apply: (schema) => mapSchema(schema, (s) => omitKeywords(s, (k) => k.startsWith("x-"))),
  },
  {
    name: "Drop nested $id and $schema: after bundling nothing refers to them, and Runware repeats the same $id, which Ajv refuses",
    apply: (schema) => mapSchema(omitKeywords(schema, (k) => k === "$id" || k === "$schema"), (s) => omitKeywords(s, (k) => k === "$id" || k === "$schema")),
  },
  {
    name: "Add the implied type where type-specific keywords stand without one, at places whose declared property has that single type",
    // The whole schema already requires the declared type at that instance location (through `properties`), so a
    // subschema that also requires it accepts the same payloads overall; Ajv's strictTypes needs it spelled out.
    apply: (schema) =>
      mapSchema(schema, (s, ctx) => {
        if (s.type !== undefined || s.const !== undefined || s.enum !== undefined) return s;
        const declared = ctx.at.length === 0 ? schema : declaredAt(schema, ctx.at);
        const types: readonly JsonType[] | undefined = ctx.at.length === 0 ? ["object"] : declaredTypes(declared);
        const t = types?.length === 1 ? types[0] : undefined;
        if (t === undefined) return s;
        const keywords = t === "object" ? OBJECT_KEYWORDS : t === "array" ? ARRAY_KEYWORDS : t === "string" ? STRING_KEYWORDS : t === "number" || t === "integer" ? NUMBER_KEYWORDS : [];
        if (!keywords.some((k) => k in s)) return s;
        return { type: t, ...s };
      }),
  },
  {
    name: "Declare each required name in the same subschema's properties, as `true` (accepts anything), where it is missing",
    // Ajv's strictRequired wants a `required` name declared beside it; `true` adds no constraint.
    apply: (schema) =>
      mapSchema(schema, (s) => {
        if (!Array.isArray(s.required)) return s;
        const missing = s.required.filter((r) => typeof r === "string" && !(isPlain(s.properties) && Object.prototype.hasOwnProperty.call(s.properties, r)));
        if (missing.length === 0) return s;
        return { ...s, properties: { ...(isPlain(s.properties) ? s.properties : {}), ...Object.fromEntries(missing.map((r) => [r, true])) } };
      }),
  },
  {
    name: "Split an untyped schema with unevaluatedProperties/unevaluatedItems into if {type} then {…all of it, typed} else {…without them}",
    // unevaluated* must stay beside the keywords whose annotations it reads, so the whole schema object moves
    // into the typed branch; for other types the object/array keywords do nothing, so the else branch drops them.
    apply: (schema) =>
      mapSchema(schema, (s, ctx) => {
        if (s.type !== undefined || ctx.keys.length === 0) return s;
        const splits: readonly (readonly [JsonType, string, readonly string[]])[] = [
          ["object", "unevaluatedProperties", OBJECT_KEYWORDS],
          ["array", "unevaluatedItems", ARRAY_KEYWORDS],
        ];
        for (const [type, keyword, group] of splits) {
          if (!(keyword in s)) continue;
          const other = omitKeywords(s, (k) => k === keyword || group.includes(k));
          return { if: { type }, then: { ...s, type }, else: other };
        }
        return s;
      }),
  },
  {
    name: "Guard type-specific keywords with `if: {type}` where the instance's type is not known",
    // A type-specific keyword ignores other types, so `{if: {type: t}, then: {type: t, …keywords}}` accepts exactly
    // what the bare keywords accept; Ajv's strictTypes wants the type spelled out beside them.
    apply: (schema) =>
      mapSchema(schema, (s, ctx) => {
        if (s.type !== undefined || ctx.keys.length === 0) return s;
        const groups: readonly (readonly [JsonType, readonly string[]])[] = [
          // At the task root and where a declared property fixes the type, the rule above already added it.
          ["object", OBJECT_KEYWORDS],
          ["array", ARRAY_KEYWORDS],
          ["string", STRING_KEYWORDS],
          ["number", NUMBER_KEYWORDS],
        ];
        let out = s;
        for (const [type, keywords] of groups) {
          const present = keywords.filter((k) => k in out);
          if (present.length === 0) continue;
          const moved = Object.fromEntries(present.map((k) => [k, keywordOf(out, k)]));
          const rest = omitKeywords(out, (k) => present.includes(k));
          out = { ...rest, allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), { if: { type }, then: { type, ...moved } }] };
        }
        return out;
      }),
  },
];

/** The same keys in the same order. */
const sameOrder = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

/** Apply every rule in order. */
export function normalize(taskSchema: SchemaObject): SchemaObject {
  return normalizeRules.reduce((s, rule) => rule.apply(s), taskSchema);
}

