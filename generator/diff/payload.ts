// Reading and editing payloads along places: property names, and the ITEMS marker (ir/path.ts) for every element
// of an array (reads and edits go to the first). A property named "[]" is a name like any other. Pure: every edit
// returns a copy.
import { escapeToken } from "../../templates/validation/pointer.js";
import { isPlain } from "../json.js";
import { sampleValue } from "../analyze/witness.js";
import { ITEMS, pathLabel, type Place } from "../ir/path.js";
import type { Json, JsonObject, Schema, SchemaObject } from "../ir/types.js";

/** The value at `path` (through the first element for ITEMS), or undefined. */
export function getAt(node: Json | undefined, path: Place): Json | undefined {
  for (const step of path) {
    if (node === undefined) return undefined;
    if (step === ITEMS) node = Array.isArray(node) ? (node as readonly Json[])[0] : undefined;
    else if (typeof step !== "string") return undefined;
    else node = isPlain(node) && Object.prototype.hasOwnProperty.call(node, step) ? (node as JsonObject)[step] : undefined;
  }
  return node;
}

/** The declared schema at a place (ITEMS steps into items). */
export function schemaAt(root: Schema | undefined, path: Place): SchemaObject | undefined {
  let node: Schema | undefined = root;
  for (const step of path) {
    if (!isPlain(node)) return undefined;
    if (step === ITEMS) node = node.items;
    else if (typeof step !== "string") return undefined;
    else node = isPlain(node.properties) && Object.prototype.hasOwnProperty.call(node.properties, step) ? node.properties[step] : undefined;
  }
  return isPlain(node) ? node : undefined;
}

/** A copy of `node` with `value` at `path`; missing objects and arrays on the way are made from `root`'s declarations. */
export function setAt(node: Json, path: Place, value: Json, root: SchemaObject, i = 0): Json {
  const step = path[i];
  if (step === undefined) return value;
  const declared = schemaAt(root, path.slice(0, i + 1));
  const blank = (): Json => (i === path.length - 1 ? value : sampleValue({ ...declared, examples: undefined, default: undefined }));
  if (typeof step !== "string") {
    if (step !== ITEMS) return node; // a place inside one alternative is not edited
    const list: readonly Json[] = Array.isArray(node) ? (node as readonly Json[]) : [];
    const first = list.length ? (list[0] as Json) : blank();
    return [setAt(first, path, value, root, i + 1), ...list.slice(1)];
  }
  const obj: JsonObject = isPlain(node) ? (node as JsonObject) : {};
  const child = Object.prototype.hasOwnProperty.call(obj, step) ? obj[step] : undefined;
  return { ...obj, [step]: setAt(child ?? blank(), path, value, root, i + 1) };
}

/** A copy of `node` without the property at `path` (unchanged when the path is not there). */
export function deleteAt(node: Json, path: Place, i = 0): Json {
  const step = path[i];
  if (step === undefined) return node;
  if (typeof step !== "string") return step === ITEMS && Array.isArray(node) && node.length ? [deleteAt(node[0] as Json, path, i + 1), ...node.slice(1)] : node;
  if (!isPlain(node) || !Object.prototype.hasOwnProperty.call(node, step)) return node;
  const obj = node as JsonObject;
  if (i === path.length - 1) {
    const { [step]: _gone, ...rest } = obj;
    return rest;
  }
  return { ...obj, [step]: deleteAt(obj[step] as Json, path, i + 1) };
}

/** A place as a JSON Pointer into the task (ITEMS becomes element 0). */
export function pathPointer(path: Place): string {
  return path.map((k) => "/" + (typeof k !== "string" ? "0" : escapeToken(k))).join("");
}

/** A place as people read it: `inputs.frameImages`, `loras[].weight`, `a["[]"]` (names as in pathLabel). */
export const pathText = (path: Place): string =>
  path
    .map((k, i) => {
      if (typeof k !== "string") return "[]";
      const name = pathLabel([k]);
      return i === 0 || name.startsWith("[") ? name : `.${name}`;
    })
    .join("");
