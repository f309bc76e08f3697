// OpenAPI 3.0.3 §4.7.24.1: a Schema Object holds the listed JSON Schema keywords and `x-` extensions. fal's
// documents also carry UI hints under plain names (`max`, `step`, `limit_description`, an `items` written as a
// map of positions): 3.0 readers and Ajv (outside strict mode) ignore keys they do not know, so they are dropped
// here, and a note names each, since a typo of a real keyword would be dropped the same way.
import { mapSchema, omitKeywords } from "../walk.js";
import { pointerOf } from "../../../templates/validation/pointer.js";
import type { OpenApi30Rule } from "./rule.js";

/** Keywords of JSON Schema 2020-12 and OpenAPI's schema extras: the names that are not dropped. */
export const KEYWORDS: ReadonlySet<string> = new Set(
  ("$schema $id $ref $anchor $defs $comment $vocabulary definitions allOf anyOf oneOf not if then else dependentSchemas prefixItems items contains " +
    "properties patternProperties additionalProperties propertyNames unevaluatedItems unevaluatedProperties type enum const multipleOf maximum " +
    "exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems minItems uniqueItems maxContains minContains maxProperties " +
    "minProperties required dependentRequired format contentEncoding contentMediaType contentSchema title description default deprecated readOnly " +
    "writeOnly examples example discriminator xml externalDocs nullable").split(" "),
);

export const unknownKeywords: OpenApi30Rule = {
  name: "Drop keys of a schema that are neither JSON Schema, OpenAPI nor x- extensions (3.0 readers ignore them, as Ajv does outside strict mode); a note names each",
  apply: (schema) => {
    const notes: string[] = [];
    const out = mapSchema(schema, (s, ctx) => {
      const unknown = Object.keys(s).filter((k) => !KEYWORDS.has(k) && !k.startsWith("x-"));
      if (unknown.length === 0) return s;
      for (const k of unknown) notes.push(`${pointerOf([...ctx.keys, k])}: ${JSON.stringify(k)} is not a schema keyword; ignored`);
      return omitKeywords(s, (k) => unknown.includes(k));
    });
    return { schema: out, notes };
  },
};
