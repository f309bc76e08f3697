// Keeps the API key out of everything the runtime hands back: error messages, codes, ids, copied
// API error items (values and keys, at any depth). Servers and proxies sometimes echo credentials.

export type Redactor = <T>(value: T) => T;

const MASK = "[redacted]";

/**
 * Shorter secrets are not redacted (a 1-character "key" would mask that letter everywhere); the
 * client refuses such keys when it is made (options.ts), so every real key is covered.
 */
export const MIN_SECRET_LENGTH = 8;

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A redactor that masks each secret (trimmed, as sent on the wire) in strings, and copies plain
 * objects and arrays with their keys and values masked, however deep (iterative: no stack limit;
 * shared and cyclic references are copied once). Class instances (errors, Headers) pass unchanged.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const active = [...new Set(secrets.map((s) => s.trim()).filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  const text = (s: string): string => active.reduce((acc, secret) => acc.split(secret).join(MASK), s);
  const leaf = (value: unknown): unknown => (typeof value === "string" ? text(value) : value);

  const copy = (root: unknown): unknown => {
    if (!Array.isArray(root) && !isPlain(root)) return leaf(root);
    const copies = new Map<object, unknown[] | Record<string, unknown>>();
    const todo: Array<[object, unknown[] | Record<string, unknown>]> = [];
    const shell = (source: object): unknown[] | Record<string, unknown> => {
      const known = copies.get(source);
      if (known) return known;
      const out: unknown[] | Record<string, unknown> = Array.isArray(source) ? [] : {};
      copies.set(source, out);
      todo.push([source, out]);
      return out;
    };
    const result = shell(root);
    for (let next = todo.pop(); next; next = todo.pop()) {
      const [source, out] = next;
      for (const [key, value] of Object.entries(source)) {
        const copied = Array.isArray(value) || isPlain(value) ? shell(value) : leaf(value);
        // defineProperty: a key named "__proto__" stays a plain property.
        Object.defineProperty(out, Array.isArray(out) ? key : text(key), { value: copied, enumerable: true, writable: true, configurable: true });
      }
    }
    return result;
  };
  return <T>(value: T): T => (active.length === 0 ? value : (copy(value) as T));
}
