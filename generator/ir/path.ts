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

/**
 * A step of a place in a schema walk that is not a property name: into array items, into any property
 * (additionalProperties, patternProperties), into $defs, or into one alternative of a oneOf/anyOf. An object, so
 * that no property name can be taken for one (a property may be named "[]", "*" or "option 1").
 */
export interface Marker {
  readonly step: "items" | "any" | "defs" | "option";
  /** An alternative's title or number. */
  readonly label?: string;
}
export type Step = string | Marker;
/** Where a schema walk stands: property names and markers. A Path (property names only) is a Place. */
export type Place = readonly Step[];

export const ITEMS: Marker = Object.freeze({ step: "items" });
export const ANY_PROPERTY: Marker = Object.freeze({ step: "any" });
export const IN_DEFS: Marker = Object.freeze({ step: "defs" });
export const option = (label: string): Marker => Object.freeze({ step: "option", label });

/** The identity of a place (markers are objects in it, property names strings). */
export const placeId = (place: Place): string => JSON.stringify(place);

/** The property names of a place: the steps before the first marker, and whether there was none. */
export function propertyNames(place: Place): { readonly names: Path; readonly whole: boolean } {
  const i = place.findIndex((s) => typeof s !== "string");
  return { names: (i < 0 ? place : place.slice(0, i)) as Path, whole: i < 0 };
}

/** Is an object at this place out of the task-level split's reach (in an array item or an alternative)? */
export const isLocalPlace = (place: Place): boolean => place.some((s) => typeof s !== "string" && (s.step === "items" || s.step === "option"));

/** The words a type name is made from: names and alternatives' labels; "Item" for a place that ends in items. */
export function placeWords(place: Place): string {
  const words = place.flatMap((s) => (typeof s === "string" ? [s] : s.step === "option" ? [`option ${s.label}`] : s.step === "any" ? ["*"] : []));
  return words.join(" ") + (place.at(-1) === ITEMS ? " Item" : "");
}

/** A place for a person, without its items steps: property names as in pathLabel, `*` for any property. */
export function placeLabel(place: Place): string {
  const steps = place.filter((s) => s !== ITEMS).map((s) => (typeof s === "string" ? s : s.step === "any" ? "*" : s.step === "option" ? `option ${s.label}` : "$defs"));
  return pathLabel(steps);
}
