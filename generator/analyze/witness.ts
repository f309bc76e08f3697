// Build a concrete payload from a variant (cube): the smallest task that has what the cube requires, lacks what
// it forbids, and takes the values it fixes. Lint checks each witness with Ajv, so a "possible" verdict is
// always backed by a payload the validator accepts.
import { OTHER } from "./case-split.js";
import { declaredLiterals } from "./formula.js";
import { declaredAt, isPlain } from "../normalize/walk.js";

const SAMPLE_UUID = "0d84f171-2e54-4c07-836e-05788795736d";
const FORMAT_SAMPLES = {
  uuid: SAMPLE_UUID,
  uri: "https://example.com/asset.png",
  "uri-reference": "https://example.com/asset.png",
  "date-time": "2026-01-01T00:00:00Z",
  date: "2026-01-01",
  time: "00:00:00Z",
  email: "user@example.com",
  hostname: "example.com",
  ipv4: "127.0.0.1",
};

/** A value the declared schema accepts (best effort; the caller checks it with the validator). */
export function sampleValue(schema, depth = 0) {
  if (schema === true || schema === undefined) return "x";
  if (!isPlain(schema) || depth > 12) return null;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  const lits = declaredLiterals(schema);
  if (lits?.length) return lits[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches) && branches.length) {
    const { anyOf, oneOf, ...base } = schema;
    return sampleValue({ ...base, ...branches[0], type: branches[0].type ?? base.type }, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type ?? (isPlain(schema.properties) ? "object" : undefined);
  switch (type) {
    case "string": {
      if (typeof schema.format === "string" && FORMAT_SAMPLES[schema.format]) return FORMAT_SAMPLES[schema.format];
      const min = schema.minLength ?? 1;
      return "a".repeat(Math.max(1, min));
    }
    case "integer":
    case "number": {
      const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      const step = schema.multipleOf ?? 1;
      let v = Math.ceil(lo / step) * step;
      if (schema.maximum !== undefined && v > schema.maximum) v = schema.maximum;
      return type === "integer" ? Math.round(v) : v;
    }
    case "boolean":
      return false;
    case "null":
      return null;
    case "array": {
      const n = schema.minItems ?? 0;
      const items = Array.isArray(schema.prefixItems) ? schema.prefixItems.map((s) => sampleValue(s, depth + 1)) : [];
      while (items.length < Math.max(n, items.length)) items.push(sampleValue(schema.items, depth + 1));
      while (items.length < n) items.push(sampleValue(schema.items, depth + 1));
      return items;
    }
    case "object": {
      const out = {};
      for (const k of schema.required ?? []) out[k] = sampleValue(schema.properties?.[k], depth + 1);
      return out;
    }
  }
  return null;
}

/**
 * The payload of a cube: declared-required properties (recursively), the properties the cube requires, its
 * fixed values; forbidden and free properties left out.
 */
export function witnessOf(cube, vars, root) {
  const payload = sampleValue({ ...root, examples: undefined, default: undefined });
  const setAt = (path, value) => {
    let node = payload;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i];
      if (!isPlain(node[k])) node[k] = sampleValue({ ...(declaredAt(root, path.slice(0, i + 1)) ?? {}), examples: undefined, default: undefined }) ?? {};
      node = node[k];
    }
    node[path.at(-1)] = value;
  };
  const deleteAt = (path) => {
    let node = payload;
    for (let i = 0; i < path.length - 1; i++) {
      node = node?.[path[i]];
      if (!isPlain(node)) return;
    }
    delete node[path.at(-1)];
  };
  const entries = [...cube].map(([k, value]) => ({ v: vars.get(k), value })).sort((a, b) => a.v.path.length - b.v.path.length);
  for (const { v, value } of entries) {
    if (v.kind === "has") {
      if (value === true) setAt(v.path, sampleValue(declaredAt(root, v.path)));
      else deleteAt(v.path);
    }
  }
  for (const { v, value } of entries) {
    if (v.kind !== "eq") continue;
    if (value === OTHER) {
      const other = v.otherLiterals?.[0];
      if (other !== undefined) setAt(v.path, other);
      else {
        const sample = sampleValue(declaredAt(root, v.path));
        if (!v.mentioned.some((m) => JSON.stringify(m) === JSON.stringify(sample))) setAt(v.path, sample);
        else setAt(v.path, typeof sample === "number" ? sample + 1 : `${sample}-other`);
      }
    } else setAt(v.path, value);
  }
  return payload;
}
