// The keyword families, in one list: every keyword the pipeline reads is owned by exactly one family, or listed
// below as an annotation or as a keyword no family models (test/keywords/registry.test.ts checks this against
// ir/build.ts's KNOWN_KEYWORDS). Adding a keyword: its family's file, and that family's test.
//
// The order is the order the stages ask in, where the first answer wins: declarations (literals, then alternatives,
// then the type's kinds), witnesses (a literal, the first alternative, then by type: a format's sample before a
// long-enough string) and the words of a property-level alternative (const/enum, format, pattern, then by type).
import { applicators } from "./applicators.js";
import { bounds } from "./bounds.js";
import { constEnum } from "./const-enum.js";
import { formats } from "./formats.js";
import { ifThenElse } from "./if-then-else.js";
import { items } from "./items.js";
import { lengths } from "./lengths.js";
import { patterns } from "./patterns.js";
import { properties } from "./properties.js";
import { required } from "./required.js";
import { type } from "./type.js";
import type { KeywordFamily } from "./family.js";

/** The families, in the order the stages ask them. */
export const FAMILIES: readonly KeywordFamily[] = [
  constEnum, //   const, enum: value atoms, literal types
  applicators, // allOf, anyOf, oneOf, not: the logic of subschemas, unions of alternatives
  ifThenElse, //  if, then, else: conditions
  formats, //     format: validator-only, a sample per format
  patterns, //    pattern: validator-only
  lengths, //     min/maxLength, min/maxItems, min/maxProperties: validator-only sizes
  bounds, //      minimum, maximum, exclusive*, multipleOf: validator-only ranges
  items, //       items, prefixItems, contains, uniqueItems: array types and witnesses
  required, //    required, dependentRequired: presence atoms
  properties, //  properties, additionalProperties, dependentSchemas: object atoms and types
  type, //        type: last, the type's kinds
];

/** Annotations (JSON Schema 2020-12 §9 meta-data, core identifiers): no formula, no type, no words of their own. */
export const ANNOTATIONS: ReadonlySet<string> = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment", "$id", "$schema", "$anchor"]);

/**
 * Keywords the pipeline accepts that no family models: structure resolved before analysis ($ref, $defs, …), or
 * checks left to the validator as opaque atoms (unless the declaration implies them). `example` and the OpenAPI
 * extras are not in ANNOTATIONS, so a rule that states one is an opaque check, like any keyword without a family.
 */
export const UNMODELLED: ReadonlySet<string> = new Set([
  "$ref", // bundled by load/ before the IR is built
  "$defs",
  "definitions",
  "$vocabulary",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
  "example",
  "discriminator",
  "xml",
  "externalDocs",
  "nullable",
]);

const byKeyword: ReadonlyMap<string, KeywordFamily> = new Map(FAMILIES.flatMap((f) => f.keywords.map((k) => [k, f] as const)));

/** The family that owns a keyword, if any. */
export const familyOf = (keyword: string): KeywordFamily | undefined => byKeyword.get(keyword);
