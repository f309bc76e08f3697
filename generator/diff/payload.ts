// Reading and editing payloads along property paths (a "[]" step is every element of an array; edits go to the
// first). Pure: every edit returns a copy.
import { escapeToken } from "../../templates/validation/pointer.js";
import { isPlain } from "../json.js";
import { sampleValue } from "../analyze/witness.js";
import type { Json, JsonObject, Path, Schema, SchemaObject } from "../ir/types.js";

/** The value at `path` (through the first element for "[]"), or undefined. */
export function getAt(node: Json | undefined, path: Path): Json | undefined {
  for (const step of path) {
    if (node === undefined) return undefined;
    if (step === "[]") node = Array.isArray(node) ? (node as readonly Json[])[0] : undefined;
    else node = isPlain(node) && Object.prototype.hasOwnProperty.call(node, step) ? (node as JsonObject)[step] : undefined;
  }
  return node;
}

/** The declared schema at a property path ("[]" steps into items). */
export function schemaAt(root: Schema | undefined, path: Path): SchemaObject | undefined {
  let node: Schema | undefined = root;
  for (const step of path) {
    if (!isPlain(node)) return undefined;
    node = step === "[]" ? node.items : node.properties?.[step];
  }
  return isPlain(node) ? node : undefined;
}

/** A copy of `node` with `value` at `path`; missing objects and arrays on the way are made from `root`'s declarations. */
export function setAt(node: Json, path: Path, value: Json, root: SchemaObject, i = 0): Json {
  const step = path[i];
  if (step === undefined) return value;
  const declared = schemaAt(root, path.slice(0, i + 1));
  const blank = (): Json => (i === path.length - 1 ? value : sampleValue({ ...declared, examples: undefined, default: undefined }));
  if (step === "[]") {
    const list: readonly Json[] = Array.isArray(node) ? (node as readonly Json[]) : [];
    const first = list.length ? (list[0] as Json) : blank();
    return [setAt(first, path, value, root, i + 1), ...list.slice(1)];
  }
  const obj: JsonObject = isPlain(node) ? (node as JsonObject) : {};
  const child = Object.prototype.hasOwnProperty.call(obj, step) ? obj[step] : undefined;
  return { ...obj, [step]: setAt(child ?? blank(), path, value, root, i + 1) };
}

/** A copy of `node` without the property at `path` (unchanged when the path is not there). */
export function deleteAt(node: Json, path: Path, i = 0): Json {
  const step = path[i];
  if (step === undefined) return node;
  if (step === "[]") return Array.isArray(node) && node.length ? [deleteAt(node[0] as Json, path, i + 1), ...node.slice(1)] : node;
  if (!isPlain(node) || !Object.prototype.hasOwnProperty.call(node, step)) return node;
  const obj = node as JsonObject;
  if (i === path.length - 1) {
    const { [step]: _gone, ...rest } = obj;
    return rest;
  }
  return { ...obj, [step]: deleteAt(obj[step] as Json, path, i + 1) };
}

/** A property path as a JSON Pointer into the task ("[]" becomes element 0). */
export function pathPointer(path: Path): string {
  return path.map((k) => "/" + (k === "[]" ? "0" : escapeToken(k))).join("");
}

/** A property path as people read it: `inputs.frameImages`, `loras[].weight`. */
export const pathText = (path: Path): string => path.join(".").replace(/\.\[\]/g, "[]");
