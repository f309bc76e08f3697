// Build a concrete payload from a variant (cube): the smallest task that has what the cube requires, lacks what
// it forbids, and takes the values it fixes. Lint checks each witness with Ajv, so a "possible" verdict is
// always backed by a payload the validator accepts.
import { OTHER } from "../ir/types.js";
import { FAMILIES } from "../keywords/index.js";
import { isPlain } from "../json.js";
import { declaredAt } from "../normalize/walk.js";
import type { WitnessContext } from "../keywords/family.js";
import type { Cube, Json, JsonObject, Path, PresenceVariable, Schema, SchemaObject, Value, ValueVariable, Variable } from "../ir/types.js";

/**
 * A value the declared schema accepts (best effort; the caller checks it with the validator): a value a family
 * pins (const), else the schema's first example or its default, else the first sample a family gives
 * (generator/keywords/, in registry order).
 */
export function sampleValue(schema: Schema | undefined, depth = 0): Json {
  if (schema === true || schema === undefined) return "x";
  if (!isPlain(schema) || depth > 12) return null;
  for (const f of FAMILIES) {
    const pinned = f.witness.pinned?.(schema);
    if (pinned !== undefined) return pinned;
  }
  const example = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  if (example !== undefined) return example;
  if (schema.default !== undefined) return schema.default;
  const ctx: WitnessContext = {
    type: Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? (isPlain(schema.properties) ? "object" : undefined)),
    sample: (s) => sampleValue(s, depth + 1),
  };
  for (const f of FAMILIES) {
    const sample = f.witness.sample?.(schema, ctx);
    if (sample !== undefined) return sample;
  }
  return null;
}

/** The smallest object the declaration at a place accepts (its required properties), to hang children on. */
function blankObject(declared: SchemaObject | undefined): JsonObject {
  const sample = sampleValue({ ...declared, examples: undefined, default: undefined });
  return isPlain(sample) ? sample : {};
}

/**
 * `node` with `value` at `path`, missing objects on the way filled in from the declaration. A copy: the payload
 * may share objects with the (frozen) schema's examples and defaults. Spreading keeps the key order mutation would.
 */
function setIn(node: JsonObject, path: Path, value: Json, root: SchemaObject, i = 0): JsonObject {
  const k = path[i];
  if (k === undefined) return node;
  if (i === path.length - 1) return { ...node, [k]: value };
  const child = node[k];
  const next = isPlain(child) ? child : blankObject(declaredAt(root, path.slice(0, i + 1)));
  return { ...node, [k]: setIn(next, path, value, root, i + 1) };
}

/** `node` without the property at `path` (unchanged when a parent on the way is not an object). */
function deleteIn(node: JsonObject, path: Path, i = 0): JsonObject {
  const k = path[i];
  if (k === undefined) return node;
  if (i === path.length - 1) {
    const { [k]: _gone, ...rest } = node;
    return rest;
  }
  const child = node[k];
  return isPlain(child) ? { ...node, [k]: deleteIn(child, path, i + 1) } : node;
}

/**
 * The payload of a cube: declared-required properties (recursively), the properties the cube requires, its
 * fixed values; forbidden and free properties left out.
 */
export function witnessOf(cube: Cube, vars: ReadonlyMap<string, Variable>, root: SchemaObject): Json {
  let payload = sampleValue({ ...root, examples: undefined, default: undefined });
  const set = (path: Path, value: Json) => (payload = setIn(isPlain(payload) ? payload : {}, path, value, root));
  // Cubes hold presence and value variables only (enumerate projects opaque ones out); parents before children.
  const entries: { v: PresenceVariable | ValueVariable; value: Value }[] = [];
  for (const [k, value] of cube) {
    const v = vars.get(k);
    if (v !== undefined && v.kind !== "opaque") entries.push({ v, value });
  }
  entries.sort((a, b) => a.v.path.length - b.v.path.length);
  for (const { v, value } of entries) {
    if (v.kind !== "has") continue;
    if (value === true) set(v.path, sampleValue(declaredAt(root, v.path)));
    else if (isPlain(payload)) payload = deleteIn(payload, v.path);
  }
  for (const { v, value } of entries) {
    if (v.kind !== "eq") continue;
    if (value === OTHER) {
      const other = v.otherLiterals?.[0];
      if (other !== undefined) set(v.path, other);
      else {
        const sample = sampleValue(declaredAt(root, v.path));
        if (!v.mentioned.some((m) => JSON.stringify(m) === JSON.stringify(sample))) set(v.path, sample);
        else set(v.path, typeof sample === "number" ? sample + 1 : `${String(sample)}-other`);
      }
    } else set(v.path, value);
  }
  return payload;
}
