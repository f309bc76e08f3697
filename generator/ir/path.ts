// A place in the task: the property names from the root, as an array. Identities and labels are made here and
// nowhere else, so that a property named "a.b" and a property b inside a are two places, never one.
import type { Path } from "./types.js";

/** The identity of a path: its JSON text (one-to-one, whatever characters the names hold). */
export const pathId = (path: Path): string => JSON.stringify(path);

/** Key of the variable "the property at path is present". */
export const presenceKey = (path: Path): string => `has:${pathId(path)}`;

/** Key of the variable "the value of the property at path". */
export const valueKey = (path: Path): string => `eq:${pathId(path)}`;

/**
 * A path for a person: `inputs.frameImages`; a name that would read as more than one step (a dot, brackets,
 * quotes, spaces at either end, nothing at all) in JSON quotes and brackets: `["a.b"]`, `inputs["x.y"]`.
 */
export function pathLabel(path: Path): string {
  return path.map((k, i) => (isPlainName(k) ? (i === 0 ? k : `.${k}`) : `[${JSON.stringify(k)}]`)).join("");
}
const isPlainName = (k: string): boolean => k.length > 0 && !/[.[\]"'\\]|^\s|\s$|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(k);
