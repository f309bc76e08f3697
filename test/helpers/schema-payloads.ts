// Random payloads for a schema as a provider wrote it (OpenAPI 3.0 or JSON Schema, `$ref`s into the document):
// mostly values the schema describes (each property a value of its declared kind, within its bounds and enums),
// with noise, so both verdicts occur: a value of another kind in place of one, a required property left out, an
// unknown property added, a bound overstepped. The verdict is not decided here: a reference validator gives it.
import fc from "fast-check";

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => v !== null && typeof v === "object" && !Array.isArray(v);

/** Any JSON value, small: what noise puts in place of a declared value. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 1000 }), fc.double({ min: -10, max: 10, noNaN: true }), fc.string({ maxLength: 4 }), fc.constant([]), fc.constant({}));

const URLS = ["https://example.com/a.png", "https://v3.fal.media/files/x/clip.mp4", "http://127.0.0.1:8080/v.mp4", "data:image/png;base64,AAAA"];

/** Resolve a local `$ref` (`#/components/schemas/X`) against the document. */
function resolve(doc: Schema, s: Schema, seen: readonly string[]): { schema: Schema; seen: readonly string[] } {
  let cur = s;
  let trail = seen;
  while (typeof cur.$ref === "string") {
    const ref = cur.$ref;
    if (trail.includes(ref)) return { schema: {}, seen: trail };
    trail = [...trail, ref];
    let node: unknown = doc;
    for (const k of ref.replace(/^#\//, "").split("/")) node = isObject(node) ? node[k.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
    // A $ref's siblings are annotations in these documents: the target decides.
    cur = isObject(node) ? node : {};
  }
  return { schema: cur, seen: trail };
}

/** The properties and required names an allOf's parts declare together (enough to build a value for it). */
function merged(doc: Schema, parts: readonly unknown[], seen: readonly string[]): Schema {
  const out: Schema = {};
  for (const p of parts) {
    if (!isObject(p)) continue;
    const { schema } = resolve(doc, p, seen);
    for (const [k, v] of Object.entries(schema)) {
      if (k === "properties" && isObject(v)) out.properties = { ...(isObject(out.properties) ? out.properties : {}), ...v };
      else if (k === "required" && Array.isArray(v)) out.required = [...(Array.isArray(out.required) ? out.required : []), ...v];
      else if (!(k in out)) out[k] = v;
    }
  }
  return out;
}

function stringOf(s: Schema): fc.Arbitrary<string> {
  if (s.format === "uri" || /url/i.test(String(s.title ?? ""))) return fc.constantFrom(...URLS, "not a url", "");
  const min = typeof s.minLength === "number" ? s.minLength : 0;
  const max = typeof s.maxLength === "number" ? Math.min(s.maxLength, min + 12) : min + 12;
  return fc.string({ minLength: Math.min(min, 40), maxLength: Math.max(Math.min(max, 40), Math.min(min, 40)) });
}

function numberOf(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum : -5;
  const hi = typeof s.maximum === "number" ? s.maximum : typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum : Math.max(lo, 0) + 100;
  // The bounds themselves and just past them, to test exclusive bounds and ranges both ways.
  const edges = [lo, hi, lo - 1, hi + 1].filter((n) => Number.isFinite(n));
  const inner = integer
    ? fc.integer({ min: Math.ceil(Math.max(lo, -1e9)), max: Math.floor(Math.min(Math.max(hi, lo), 1e9)) })
    : fc.double({ min: Math.max(lo, -1e9), max: Math.min(Math.max(hi, lo), 1e9), noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 5, arbitrary: inner }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
}

/**
 * An arbitrary of values for `schema` (resolved against `doc`); `depth` bounds nesting. `noise` (0..1) is how often a
 * value is replaced by another kind's, a required property dropped or an unknown one added.
 */
export function payloadArbitrary(doc: Schema, schema: unknown, { noise = 0.08, depth = 0 }: { noise?: number; depth?: number } = {}, seen: readonly string[] = []): fc.Arbitrary<unknown> {
  if (!isObject(schema) || depth > 6) return anyJson;
  const { schema: s, seen: trail } = resolve(doc, schema, seen);
  const sub = (x: unknown) => payloadArbitrary(doc, x, { noise, depth: depth + 1 }, trail);
  const described = described_(s, sub, trail, doc);
  if (noise <= 0) return described;
  const weight = Math.max(1, Math.round(noise * 100));
  return fc.oneof({ weight: 100 - weight, arbitrary: described }, { weight, arbitrary: anyJson });
}

function described_(s: Schema, sub: (x: unknown) => fc.Arbitrary<unknown>, trail: readonly string[], doc: Schema): fc.Arbitrary<unknown> {
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.allOf) && s.allOf.length) return sub({ ...merged(doc, s.allOf, trail), ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== "allOf")) });
  const branches = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (branches && branches.length) return fc.oneof(...branches.map(sub));
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  const type = types[0] ?? (isObject(s.properties) ? "object" : s.items !== undefined ? "array" : undefined);
  const withNull = (a: fc.Arbitrary<unknown>) => (s.nullable === true || types.includes("null") ? fc.oneof(a, fc.constant(null)) : a);
  switch (type) {
    case "string":
      return withNull(stringOf(s));
    case "integer":
      return withNull(numberOf(s, true));
    case "number":
      return withNull(numberOf(s, false));
    case "boolean":
      return withNull(fc.boolean());
    case "null":
      return fc.constant(null);
    case "array": {
      const min = typeof s.minItems === "number" ? s.minItems : 0;
      const max = typeof s.maxItems === "number" ? Math.min(s.maxItems, min + 3) : min + 3;
      return withNull(fc.array(sub(s.items), { minLength: Math.min(min, 6), maxLength: Math.max(Math.min(max, 6), Math.min(min, 6)) }));
    }
    case "object": {
      const props = isObject(s.properties) ? s.properties : {};
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const names = Object.keys(props);
      const record = fc.record(Object.fromEntries(names.map((n) => [n, sub(props[n])])), { requiredKeys: names.filter((n) => required.has(n)) });
      // Noise on the object's shape: a required property left out, or an unknown one added.
      return withNull(
        fc.tuple(record, fc.nat({ max: 19 }), fc.constantFrom(...(names.length ? names : ["x"]))).map(([value, roll, name]) => {
          const v = value as Record<string, unknown>;
          if (roll === 0 && required.size) {
            const { [name]: _dropped, ...rest } = v;
            return rest;
          }
          if (roll === 1) return { ...v, unknown_property_x: 1 };
          return v;
        }),
      );
    }
    default:
      return anyJson;
  }
}
