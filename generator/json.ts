// Neutral helpers over JSON values, used by every stage (load, normalize, keywords, analyze, ir, emit, diff, pull).
// They know nothing of schemas: a stage folder would make the others import across the flow for them.
import type { Json } from "./ir/types.js";

/**
 * A JSON object (not null, not an array). As a type guard it keeps the object part of what the value was declared
 * as: a `Schema` narrows to `SchemaObject`, a `Json` to `JsonObject`, an `unknown` to `Record<string, unknown>`.
 */
export const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** JSON text with object keys sorted, so equal values give equal text whatever their key order. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (isPlain(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(",")}}`;
  // JSON.stringify gives undefined for undefined (a Map lookup that missed): spelled out, like a template would.
  return JSON.stringify(v) ?? "undefined";
}

/** Equal JSON values, whatever their objects' key order. */
export const sameJson = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b);

/** The same value with every object's keys in sorted order. */
export function canonical(v: Json): Json;
export function canonical(v: unknown): unknown;
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x: unknown) => canonical(x));
  if (isPlain(v)) return objectFrom(Object.keys(v).sort(), (k) => canonical(v[k]));
  return v;
}

/**
 * A new plain object with `keys` in that order, each holding `value(key)`: what Object.fromEntries(keys.map(…))
 * makes (own, enumerable properties; "__proto__" an ordinary key, not the prototype), without a pair per key,
 * which made it the costliest step of copying a spec.
 */
export function objectFrom<T>(keys: readonly string[], value: (key: string) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of keys) {
    const x = value(k);
    if (k === "__proto__") Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}
