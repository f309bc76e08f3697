// Small readers of an OpenAPI document that several providers use (no provider is named here).
import { isPlain } from "../json.js";
import type { Json, JsonObject, Schema, SchemaObject } from "../ir/types.js";

/** The document's `info` object ({} when it has none). */
export const infoOf = (doc: JsonObject): JsonObject => (isPlain(doc.info) ? doc.info : {});

/** The servers' text, for recognising a provider by its host. */
export const serversText = (doc: JsonObject): string => JSON.stringify(doc.servers ?? []);

/** The task's `model` property when it is fixed: a const, or an enum of one value. */
export function modelConst(task: SchemaObject): Json | undefined {
  const model = task.properties?.model;
  return isPlain(model) ? (model.const ?? (Array.isArray(model.enum) && model.enum.length === 1 ? model.enum[0] : undefined)) : undefined;
}

/** The value at `keys`, through objects only. */
export function valueAt(node: Json | undefined, keys: readonly string[]): Json | undefined {
  for (const k of keys) node = isPlain(node) && Object.prototype.hasOwnProperty.call(node, k) ? node[k] : undefined;
  return node;
}

/** A schema as the type emitter reads it: a boolean, an object, or null for anything else (or nothing). */
export const schemaOrNull = (v: Json | undefined): Schema | null => (v === undefined ? null : typeof v === "boolean" ? v : isPlain(v) ? (v as SchemaObject) : null);
