/** Length of a string in Unicode code points (JSON Schema counts characters, not UTF-16 units). */
export declare function ucs2length(str: string): number;
/** Structural equality of JSON values (for const, enum and uniqueItems). */
export declare function equal(a: unknown, b: unknown): boolean;
/** An error as Ajv's standalone code builds it (messages off). */
interface AjvErrorObject {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}
/**
 * Ajv's "record this error" as one call, so each of a validator's hundreds of error sites is a short call instead
 * of an object literal and a push: the same object (same keys, same order), appended to `errors` (null: none yet).
 * The keyword is the schema path's last segment unless given.
 */
export declare function ajvError(
  errors: AjvErrorObject[] | null,
  instancePath: string,
  schemaPath: string,
  params: Record<string, unknown>,
  keyword?: string,
): AjvErrorObject[];
/** Append any error value Ajv builds (an object of another shape, or the guard's 0) to `errors`. */
export declare function ajvPush<T>(errors: T[] | null, error: T): T[];
/** Ajv's test that a value is a JSON object (`x && typeof x == "object" && !Array.isArray(x)`), as one call. */
export declare function ajvObject(value: unknown): boolean;
/** Ajv's "value has the own property key" (`value.key !== undefined && hasOwnProperty.call(value, key)`), as one call. */
export declare function ajvHas(value: object, key: string): boolean;
/** Module-shaped objects matching what Ajv's standalone code `require`s (it reads `.default`). */
export declare const ajvUcs2length: {
  default: typeof ucs2length;
};
export declare const ajvEqual: {
  default: typeof equal;
};
/**
 * The guard compiled without `ownProperties` calls this on every object it reads properties of: true for a plain
 * object (prototype Object.prototype or null); otherwise it throws, so that ajvGuard answers instead.
 */
export declare function ajvPlain(value: object): true;
/**
 * A first-error guard compiled without `ownProperties` (fast: no hasOwnProperty call per property), made to give
 * the verdicts of the own-properties validator `exact`: `exact` answers when `polluted(Object.prototype)` (it has
 * a property named like one the schema reads, or an enumerable one where the guard loops over keys: then
 * `data.name` or for-in could see it) or when the payload holds an object that is not plain (a class instance,
 * Object.create(proto), another realm's object: inherited properties are not properties).
 */
export declare function ajvGuard(
  fast: (value: unknown) => boolean,
  exact: (value: unknown) => boolean,
  polluted: (prototype: object) => boolean,
): (value: unknown) => boolean;
export {};
