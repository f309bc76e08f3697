// The two helpers Ajv's standalone code calls at run time, as ESM, so generated validators need no `require`.

/** Length of a string in Unicode code points (JSON Schema counts characters, not UTF-16 units). */
export function ucs2length(str: string): number {
  let length = 0;
  for (let pos = 0; pos < str.length; length++) {
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < str.length) {
      const next = str.charCodeAt(pos);
      if ((next & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}

/** Structural equality of JSON values (for const, enum and uniqueItems). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

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
export function ajvError(errors: AjvErrorObject[] | null, instancePath: string, schemaPath: string, params: Record<string, unknown>, keyword = schemaPath.slice(schemaPath.lastIndexOf("/") + 1)): AjvErrorObject[] {
  const error = { instancePath, schemaPath, keyword, params };
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}

/** Append any error value Ajv builds (an object of another shape, or the guard's 0) to `errors`. */
export function ajvPush<T>(errors: T[] | null, error: T): T[] {
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}

/** Ajv's test that a value is a JSON object (`x && typeof x == "object" && !Array.isArray(x)`), as one call. */
export function ajvObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const hasOwn = Object.prototype.hasOwnProperty;
/** Ajv's "value has the own property key" (`value.key !== undefined && hasOwnProperty.call(value, key)`), as one call. */
export function ajvHas(value: object, key: string): boolean {
  return (value as Record<string, unknown>)[key] !== undefined && hasOwn.call(value, key);
}

/** Module-shaped objects matching what Ajv's standalone code `require`s (it reads `.default`). */
export const ajvUcs2length = { default: ucs2length };
export const ajvEqual = { default: equal };

/** Thrown by ajvPlain, caught by ajvGuard: the payload holds an object the fast guard does not decide. */
const NOT_PLAIN: unique symbol = Symbol("not a plain object");
const OBJECT_PROTOTYPE = Object.prototype;

/**
 * The guard compiled without `ownProperties` calls this on every object it reads properties of: true for a plain
 * object (prototype Object.prototype or null); otherwise it throws, so that ajvGuard answers instead.
 */
export function ajvPlain(value: object): true {
  // Reading `__proto__` first costs nothing in optimised code (a map check) and lets the exact test after it be
  // folded away for an object of a known shape; alone it would not do: an own `__proto__` property can shadow it.
  if ((value as { __proto__?: unknown }).__proto__ === OBJECT_PROTOTYPE && Object.getPrototypeOf(value) === OBJECT_PROTOTYPE) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === OBJECT_PROTOTYPE || proto === null) return true;
  throw NOT_PLAIN;
}

/**
 * A first-error guard compiled without `ownProperties` (fast: no hasOwnProperty call per property), made to give
 * the verdicts of the own-properties validator `exact`: `exact` answers when `polluted(Object.prototype)` (it has
 * a property named like one the schema reads, or an enumerable one where the guard loops over keys: then
 * `data.name` or for-in could see it) or when the payload holds an object that is not plain (a class instance,
 * Object.create(proto), another realm's object: inherited properties are not properties).
 */
export function ajvGuard(fast: (value: unknown) => boolean, exact: (value: unknown) => boolean, polluted: (prototype: object) => boolean): (value: unknown) => boolean {
  return (value) => {
    if (polluted(OBJECT_PROTOTYPE)) return exact(value);
    try {
      return fast(value);
    } catch (e) {
      if (e === NOT_PLAIN) return exact(value);
      throw e;
    }
  };
}
