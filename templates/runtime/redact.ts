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

/** A regular expression's text that matches `c` literally. */
const literal = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/** Hex digits as either case: `2f` matches `2f` and `2F`. */
const anyCase = (hex: string): string => Array.from(hex, (d) => (/[0-9]/.test(d) ? d : `[${d.toLowerCase()}${d.toUpperCase()}]`)).join("");

/**
 * Every way a server is seen to echo a secret, each character on its own: as itself, percent-encoded (its UTF-8
 * bytes, hex of either case: a query string or a form), or JSON-escaped (`\/`, `\"`, `\\`, `\u002f`: a body
 * that re-serialised the request). Forms may mix, as encoders differ on which characters they escape.
 */
function spelledAnyWay(secret: string): RegExp {
  const parts = Array.from(secret, (c) => {
    const forms = [literal(c), Array.from(new TextEncoder().encode(c), (b) => `%${anyCase(b.toString(16).padStart(2, "0"))}`).join("")];
    forms.push(Array.from({ length: c.length }, (_, i) => `\\\\u${anyCase(c.charCodeAt(i).toString(16).padStart(4, "0"))}`).join(""));
    if (c === "/" || c === '"' || c === "\\") forms.push(`\\\\${literal(c)}`);
    return `(?:${forms.join("|")})`;
  });
  return new RegExp(parts.join(""), "g");
}

/**
 * A redactor that masks each secret (trimmed, as sent on the wire; raw, percent-encoded or JSON-escaped) in
 * strings, and copies plain objects and arrays with their keys and values masked, however deep (iterative: no stack
 * limit; shared and cyclic references are copied once). Class instances (errors, Headers) pass unchanged.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const active = [...new Set(secrets.map((s) => s.trim()).filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  const patterns = active.map(spelledAnyWay);
  const text = (s: string): string => patterns.reduce((acc, pattern) => acc.replace(pattern, MASK), s);
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
