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

/** Module-shaped objects matching what Ajv's standalone code `require`s (it reads `.default`). */
export const ajvUcs2length = { default: ucs2length };
export const ajvEqual = { default: equal };
