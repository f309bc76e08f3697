// Structural walk over a JSON Schema: visit every subschema with its keyword path and the instance location
// (the property names from the task root) it applies to. Used by the normalize rules and the analyses.
import { isPlain, objectFrom } from "../json.js";
import { ANY_PROPERTY, IN_DEFS, ITEMS, type Place } from "../ir/path.js";
import type { JsonType, Schema, SchemaObject } from "../ir/types.js";

/** Keywords whose value is one subschema applied to the same instance location. */
export const IN_PLACE_ONE: readonly string[] = ["not", "if", "then", "else"];
/** Keywords whose value is a list of subschemas applied to the same instance location. */
export const IN_PLACE_MANY: readonly string[] = ["allOf", "anyOf", "oneOf"];

/** The keywords mapSchema walks into: one subschema in place, a list in place, or another kind (see mapSchema). */
const SUBSCHEMA_KEYWORDS: ReadonlyMap<string, "one" | "many" | "other"> = new Map([
  ...IN_PLACE_ONE.map((k) => [k, "one"] as const),
  ...IN_PLACE_MANY.map((k) => [k, "many"] as const),
  ...["properties", "patternProperties", "dependentSchemas", "items", "contains", "additionalProperties", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "prefixItems", "$defs", "definitions"].map((k) => [k, "other"] as const),
]);

/** A subschema's place is its parent's (SAME), or the definitions' own ([IN_DEFS], DEFS). */
const SAME = Symbol("same place");
const DEFS = Symbol("in $defs");

/**
 * The context of a subschema, its keyword path and instance place made from its parent's when first read (then
 * kept): most mappers (stripAnnotations, forAjv, forGuard) read neither, and copying both paths at every subschema
 * made the walk's cost grow with the depth. `key2`: a second keyword-path step (an index or a property name);
 * `step`: what the place adds (a property name or a marker), SAME for none, DEFS for the place [IN_DEFS].
 */
class Below implements WalkContext {
  private madeKeys: readonly (string | number)[] | undefined;
  private madeAt: Place | undefined;
  constructor(
    private readonly up: WalkContext,
    private readonly key1: string,
    private readonly key2: string | number | undefined,
    private readonly step: Place[number] | typeof SAME | typeof DEFS,
  ) {}
  get keys(): readonly (string | number)[] {
    return (this.madeKeys ??= this.key2 === undefined ? [...this.up.keys, this.key1] : [...this.up.keys, this.key1, this.key2]);
  }
  get at(): Place {
    return (this.madeAt ??= this.step === SAME ? this.up.at : this.step === DEFS ? [IN_DEFS] : [...this.up.at, this.step]);
  }
}

/** Where the walk stands. */
export interface WalkContext {
  /** Keyword path from the walk's root (`["allOf", 2, "then"]`). */
  readonly keys: readonly (string | number)[];
  /** Instance place: property names, and markers (ir/path.ts) for array items, any property, $defs. */
  readonly at: Place;
}

/** Gets a subschema whose children were already rebuilt; returns its replacement. */
export type SchemaMapper = (schema: SchemaObject, ctx: WalkContext) => SchemaObject;

/**
 * Rebuild a schema bottom-up: `fn(schema, ctx)` gets each subschema after its children were rebuilt and returns
 * the replacement. Boolean schemas and values that are not schemas are kept as they are. Never mutates its input.
 */
export function mapSchema(schema: SchemaObject, fn: SchemaMapper, ctx?: WalkContext): SchemaObject;
export function mapSchema(schema: Schema, fn: SchemaMapper, ctx?: WalkContext): Schema;
export function mapSchema(schema: unknown, fn: SchemaMapper, ctx: WalkContext = { keys: [], at: [] }): unknown {
  if (!isPlain(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(schema)) {
    const v = schema[k];
    // Keywords that hold no subschema (most of them) are copied as they are, before any path is made.
    const kind = SUBSCHEMA_KEYWORDS.get(k);
    if (kind === undefined) {
      out[k] = v;
      continue;
    }
    if (kind === "one") out[k] = mapAny(v, fn, new Below(ctx, k, undefined, SAME));
    else if (kind === "many" && Array.isArray(v)) out[k] = v.map((s: unknown, i) => mapAny(s, fn, new Below(ctx, k, i, SAME)));
    else if ((k === "properties" || k === "patternProperties") && isPlain(v)) out[k] = mapValues(v, (s, p) => mapAny(s, fn, new Below(ctx, k, p, k === "properties" ? p : ANY_PROPERTY)));
    else if (k === "dependentSchemas" && isPlain(v)) out[k] = mapValues(v, (s, p) => mapAny(s, fn, new Below(ctx, k, p, SAME)));
    else if ((k === "items" || k === "contains" || k === "additionalProperties" || k === "propertyNames" || k === "unevaluatedProperties" || k === "unevaluatedItems") && isPlain(v))
      out[k] = mapSchema(v, fn, new Below(ctx, k, undefined, k === "items" || k === "contains" || k === "unevaluatedItems" ? ITEMS : ANY_PROPERTY));
    else if (k === "prefixItems" && Array.isArray(v)) out[k] = v.map((s: unknown, i) => mapAny(s, fn, new Below(ctx, k, i, ITEMS)));
    else if ((k === "$defs" || k === "definitions") && isPlain(v)) out[k] = mapValues(v, (s, p) => mapAny(s, fn, new Below(ctx, k, p, DEFS)));
    else out[k] = v;
  }
  // The same keywords as `schema`, a SchemaObject, each value rebuilt into one of the same kind (or kept).
  return fn(out as SchemaObject, ctx);
}

/**
 * The value of a keyword named by a string the code holds (a keyword list, a rule's own keys): the one way to look a
 * keyword up by name in a SchemaObject, which has no index signature. Undefined when the schema has none.
 */
export const keywordOf = (schema: SchemaObject, keyword: string): unknown => (schema as Readonly<Record<string, unknown>>)[keyword];

/** The schema without the keywords `drop` picks (a new object; the input is not changed). */
export function omitKeywords(schema: SchemaObject, drop: (keyword: string) => boolean): SchemaObject {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) if (!drop(k)) out[k] = v;
  // The input's own keywords and values, fewer: still a SchemaObject.
  return out as SchemaObject;
}

/** mapSchema over a value that should be a schema but was not checked: anything that is not an object stays. */
const mapAny = (v: unknown, fn: SchemaMapper, ctx: WalkContext): unknown => (isPlain(v) ? mapSchema(v, fn, ctx) : v);

const mapValues = (o: Record<string, unknown>, f: (v: unknown, key: string) => unknown): Record<string, unknown> => objectFrom(Object.keys(o), (k) => f(o[k], k));

/**
 * The declared schema at an instance place, following `properties` from the task root (and `items` for array
 * items). Returns undefined where the declaration is not a plain properties tree.
 */
export function declaredAt(root: Schema | undefined, at: Place): SchemaObject | undefined {
  let node: Schema | undefined = root;
  for (const step of at) {
    if (!isPlain(node)) return undefined;
    if (step === ITEMS) node = node.items;
    else if (typeof step !== "string") return undefined;
    else node = isPlain(node.properties) && Object.prototype.hasOwnProperty.call(node.properties, step) ? node.properties[step] : undefined;
  }
  return isPlain(node) ? node : undefined;
}

/** JSON types a declared schema allows, or undefined when it does not say. */
export function declaredTypes(schema: Schema | undefined): readonly JsonType[] | undefined {
  if (!isPlain(schema)) return undefined;
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type;
  return undefined;
}
