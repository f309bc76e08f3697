// Changes to the declared properties of the task: added and removed properties, required flags, types, enum
// values, bounds and other value constraints. Each comes with the mutation that shows it on a valid payload.
import { isPlain, sameJson, stableStringify } from "../json.js";
import { declaredLiterals } from "../keywords/const-enum.js";
import { sampleValue } from "../analyze/witness.js";
import { declaredTypes, keywordOf } from "../normalize/walk.js";
import { canonicalText } from "./canonical.js";
import { deleteAt, getAt, pathPointer, pathText, setAt } from "./payload.js";
import { ITEMS, placeId, type Place } from "../ir/path.js";
import type { Json, JsonType, ModelIR, Schema, SchemaObject } from "../ir/types.js";
import type { Candidate } from "./candidate.js";

/** A place that holds a value: a declared property, or the items of a declared array of scalars (`tags[]`). */
interface Slot {
  readonly path: Place;
  readonly schema: SchemaObject;
  readonly required: boolean;
  readonly isProperty: boolean;
}

/** The slots of a model by their place's identity (placeId: "a.b" and a → b, a name "[]" and items, are apart). */
function slotsOf(ir: ModelIR): Map<string, Slot> {
  const out = new Map<string, Slot>();
  for (const p of ir.properties) {
    // A property of one alternative of an array's items is not a slot of its own (yet): the items are one slot, as before.
    if (p.path.some((s) => typeof s !== "string" && s.step === "option")) continue;
    const schema: SchemaObject = isPlain(p.schema) ? p.schema : {};
    out.set(placeId(p.path), { path: p.path, schema, required: p.required, isProperty: true });
    if (isPlain(schema.items) && !isPlain(schema.items.properties)) {
      const path = [...p.path, ITEMS];
      out.set(placeId(path), { path, schema: schema.items, required: false, isProperty: false });
    }
  }
  return out;
}

const show = (v: Json): string => JSON.stringify(v);

export function declarationChanges(oldIr: ModelIR, newIr: ModelIR): Candidate[] {
  const before = slotsOf(oldIr);
  const after = slotsOf(newIr);
  const out: Candidate[] = [];
  const isUnder = (path: Place, parents: readonly Place[]) => parents.some((p) => p.length < path.length && p.every((step, i) => step === path[i]));
  const removed: Place[] = [];
  for (const [id, slot] of before) {
    if (after.has(id) || !slot.isProperty || isUnder(slot.path, removed)) continue;
    removed.push(slot.path);
    const key = pathText(slot.path);
    out.push({
      kind: "property-removed",
      path: pathPointer(slot.path),
      message: `${key} was removed`,
      direction: "narrowing",
      mutate: (base, root) => [setAt(base, slot.path, getAt(base, slot.path) ?? sampleValue(slot.schema), root)],
    });
  }
  const added: Place[] = [];
  for (const [id, slot] of after) {
    if (before.has(id) || !slot.isProperty || isUnder(slot.path, added)) continue;
    added.push(slot.path);
    const key = pathText(slot.path);
    out.push(
      slot.required
        ? {
            kind: "required-added",
            path: pathPointer(slot.path),
            message: `new required property ${key}`,
            direction: "narrowing",
            mutate: (base) => [deleteAt(base, slot.path)],
          }
        : {
            kind: "property-added",
            path: pathPointer(slot.path),
            message: `new optional property ${key}`,
            direction: "widening",
            mutate: (base, root) => [setAt(base, slot.path, sampleValue(slot.schema), root)],
          },
    );
  }
  for (const [id, b] of before) {
    const a = after.get(id);
    if (a) out.push(...slotChanges(pathText(b.path), b, a));
  }
  return out;
}

function slotChanges(key: string, b: Slot, a: Slot): Candidate[] {
  const out: Candidate[] = [];
  const path = b.path;
  const at = pathPointer(path);
  const setting = (values: (base: Json) => readonly Json[]) => (base: Json, root: SchemaObject) => values(base).map((v) => setAt(base, path, v, root));
  if (b.isProperty && !b.required && a.required)
    out.push({ kind: "required-added", path: at, message: `${key} is now required`, direction: "narrowing", mutate: (base) => [deleteAt(base, path)] });
  if (b.isProperty && b.required && !a.required)
    out.push({ kind: "required-removed", path: at, message: `${key} is no longer required`, direction: "widening", mutate: (base) => [deleteAt(base, path)] });

  const tb = declaredTypes(b.schema);
  const ta = declaredTypes(a.schema);
  const typeSample = (schema: SchemaObject, t: JsonType): Json => sampleValue({ ...schema, type: t, enum: undefined, const: undefined, oneOf: undefined, anyOf: undefined });
  if (tb && !sameJson([...tb].sort(), [...(ta ?? [])].sort())) {
    for (const t of tb.filter((t) => ta && !ta.includes(t) && !(t === "integer" && ta.includes("number"))))
      out.push({ kind: "type-narrowed", path: at, message: `${key} no longer accepts ${t}`, direction: "narrowing", mutate: setting(() => [typeSample(b.schema, t)]) });
  }
  if (ta && !sameJson([...ta].sort(), [...(tb ?? [])].sort())) {
    for (const t of ta.filter((t) => tb && !tb.includes(t) && !(t === "integer" && tb.includes("number"))))
      out.push({ kind: "type-widened", path: at, message: `${key} now also accepts ${t}`, direction: "widening", mutate: setting(() => [typeSample(a.schema, t)]) });
  }

  const lb = declaredLiterals(b.schema);
  const la = declaredLiterals(a.schema);
  if (lb && la) {
    for (const v of lb.filter((v) => !la.some((x) => sameJson(x, v))))
      out.push({ kind: "enum-value-removed", path: at, message: `${key} no longer accepts ${show(v)}`, direction: "narrowing", mutate: setting(() => [v]) });
    for (const v of la.filter((v) => !lb.some((x) => sameJson(x, v))))
      out.push({ kind: "enum-value-added", path: at, message: `${key} now also accepts ${show(v)}`, direction: "widening", mutate: setting(() => [v]) });
  } else if (lb && !la) {
    out.push({ kind: "constraint-changed", path: at, message: `${key} is no longer limited to ${lb.map(show).join(", ")}`, direction: "widening", mutate: setting(() => [typeSample(a.schema, (ta ?? ["string"])[0] ?? "string")]) });
  } else if (!lb && la) {
    out.push({ kind: "constraint-changed", path: at, message: `${key} is now limited to ${la.map(show).join(", ")}`, direction: "narrowing", mutate: setting((base) => [getAt(base, path), sampleValue(b.schema), typeSample(b.schema, (tb ?? ["string"])[0] ?? "string")].filter((v): v is Json => v !== undefined)) });
  }

  out.push(...boundChanges(key, path, b.schema, a.schema));
  // Bounds inside alternatives of the declaration (`oneOf: [{type: integer, maximum: 30}, {const: "auto"}]`), by position.
  for (const k of ["oneOf", "anyOf"] as const) {
    const bb = b.schema[k];
    const ab = a.schema[k];
    if (!bb || !ab || bb.length !== ab.length) continue;
    bb.forEach((x, i) => {
      const y = ab[i];
      if (isPlain(x) && isPlain(y)) out.push(...boundChanges(key, path, { type: b.schema.type, ...x }, { type: a.schema.type, ...y }));
    });
  }

  // What else constrains the value (pattern, format, multipleOf, uniqueItems, …), compared as a whole.
  const rest = (s: SchemaObject) => canonicalText(otherConstraints(s));
  if (rest(b.schema) !== rest(a.schema))
    out.push({
      kind: "constraint-changed",
      path: at,
      message: `${key}: ${describeOther(b.schema, a.schema)}`,
      direction: "either",
      mutate: setting((base) => [getAt(base, path), sampleValue(b.schema), sampleValue(a.schema)].filter((v): v is Json => v !== undefined)),
    });
  return out;
}

const LOWER = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"] as const;
const UPPER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"] as const;
type BoundKey = (typeof LOWER)[number] | (typeof UPPER)[number];

const VALUE_KEYWORDS = new Set<string>([
  ...LOWER,
  ...UPPER,
  "type",
  "enum",
  "const",
  "oneOf",
  "anyOf",
  "properties",
  "items",
  "required",
  "title",
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "$id",
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "dependentRequired",
  "dependentSchemas",
]);

/** The keywords of a declaration not compared elsewhere (nested schemas and rules have their own changes). */
function otherConstraints(s: SchemaObject): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s).filter(([k]) => !VALUE_KEYWORDS.has(k) && !k.startsWith("x-")));
}

function describeOther(b: SchemaObject, a: SchemaObject): string {
  const ob = otherConstraints(b);
  const oa = otherConstraints(a);
  const keys = [...new Set([...Object.keys(ob), ...Object.keys(oa)])].sort().filter((k) => canonicalText(ob[k]) !== canonicalText(oa[k]));
  return keys
    .map((k) => (ob[k] === undefined ? `${k} ${stableStringify(oa[k])} added` : oa[k] === undefined ? `${k} ${stableStringify(ob[k])} removed` : `${k} changed from ${stableStringify(ob[k])} to ${stableStringify(oa[k])}`))
    .join("; ");
}

const numberAt = (s: SchemaObject, k: string): number | undefined => {
  const v = keywordOf(s, k);
  return typeof v === "number" ? v : undefined;
};

function boundChanges(key: string, path: Place, b: SchemaObject, a: SchemaObject): Candidate[] {
  const out: Candidate[] = [];
  const at = pathPointer(path);
  for (const k of [...LOWER, ...UPPER] as const) {
    const o = numberAt(b, k);
    const n = numberAt(a, k);
    if (o === n) continue;
    const upper = (UPPER as readonly string[]).includes(k);
    const tightened = n !== undefined && (o === undefined || (upper ? n < o : n > o));
    const words = o === undefined ? `${k} ${n} added` : n === undefined ? `${k} ${o} removed` : `${k} ${upper === tightened ? "lowered" : "raised"} from ${o} to ${n}`;
    const [from, limit] = tightened ? [b, n] : [a, o];
    out.push({
      kind: tightened ? "bound-tightened" : "bound-loosened",
      path: at,
      message: `${key}: ${words}`,
      direction: tightened ? "narrowing" : "widening",
      mutate: (base, root) => boundValues(k, tightened ? o : n, limit, from, getAt(base, path)).map((v) => setAt(base, path, v, root)),
    });
  }
  return out;
}

/**
 * Values just inside the looser bound and just outside the tighter one: `loose` is the looser side's bound
 * (undefined: none), `tight` the tighter side's; `schema` the looser side's declaration (the value must pass it).
 */
function boundValues(k: BoundKey, loose: number | undefined, tight: number | undefined, schema: SchemaObject, current: Json | undefined): Json[] {
  if (tight === undefined) return [];
  const integer = declaredTypes(schema)?.includes("integer") && !declaredTypes(schema)?.includes("number");
  const up = (UPPER as readonly string[]).includes(k);
  const step = integer ? 1 : Math.max(Number.EPSILON, Math.abs(tight) * 1e-9, 1e-9);
  const numbers: number[] = [];
  switch (k) {
    case "maximum":
    case "exclusiveMaximum":
    case "minimum":
    case "exclusiveMinimum": {
      const dir = up ? 1 : -1;
      // Just past the tight bound (or on it, for an exclusive one), then the loose bound itself, then far out.
      numbers.push(k.startsWith("exclusive") ? tight : tight + dir * step);
      if (loose !== undefined) numbers.push(k.startsWith("exclusive") ? loose - dir * step : loose, (loose + tight) / 2);
      else numbers.push(tight + dir * 1000 * step, tight * 2 + dir);
      return [...new Set(numbers)].map((x) => (integer ? (up ? Math.ceil(x) : Math.floor(x)) : x));
    }
    default: {
      const n = up ? tight + 1 : tight - 1;
      const lengths = [...new Set([n, ...(loose !== undefined ? [loose] : [])])].filter((x) => x >= 0);
      return lengths.map((len) => ofLength(k, len, schema, current));
    }
  }
}

/** A string, array or object of `len` made from the current value where there is one. */
function ofLength(k: BoundKey, len: number, schema: SchemaObject, current: Json | undefined): Json {
  if (k === "minLength" || k === "maxLength") {
    const s = typeof current === "string" && current.length ? current : typeof sampleValue(schema) === "string" ? String(sampleValue(schema)) : "a";
    const fill = s.at(-1) ?? "a";
    return s.length >= len ? s.slice(0, len) : s + fill.repeat(len - s.length);
  }
  if (k === "minItems" || k === "maxItems") {
    const items: readonly Json[] = Array.isArray(current) && current.length ? (current as readonly Json[]) : [sampleValue(schema.items as Schema | undefined)];
    return Array.from({ length: len }, (_, i) => items[i % items.length] as Json);
  }
  const obj: Record<string, Json> = isPlain(current) ? { ...(current as Record<string, Json>) } : {};
  const keys = Object.keys(obj);
  if (keys.length >= len) return Object.fromEntries(keys.slice(0, len).map((key) => [key, obj[key] as Json]));
  for (let i = keys.length; i < len; i++) obj[`extra${i}`] = "x";
  return obj;
}
