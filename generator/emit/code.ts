// The one safe path for emitted code: spec strings only ever enter generated files as escaped literals or
// sanitised comments; raw code is spliced only from trusted `Code` values; identifiers are checked.

export class Code {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(" "),
);

/** A checked identifier (for names the generator chose; spec strings never become identifiers unchecked). */
export function name(id: unknown): Code {
  if (typeof id !== "string" || !IDENTIFIER.test(id) || RESERVED.has(id)) throw new Error(`not a safe identifier: ${JSON.stringify(id)}`);
  return new Code(id);
}

/** A JSON value as a JS/TS literal that evaluates to it. U+2028/U+2029 are escaped so no literal can end a line early. */
export function literal(value: unknown): Code {
  if (value === undefined) throw new Error("undefined has no literal");
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`non-finite number ${value}`);
  const json: string | undefined = JSON.stringify(value);
  // Functions and symbols have no JSON text: they are not values a spec can hold.
  if (json === undefined) throw new Error(`${typeof value} has no literal`);
  // An object literal's `"__proto__":` key sets the prototype instead of adding the key: make it computed. Inside a
  // JSON string every quote is escaped, so `{"` or `,"` starts a key.
  return new Code(
    json
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029")
      .replace(/<\/(script)/gi, "<\\/$1")
      .replace(/([{,])"__proto__":/g, '$1["__proto__"]:'),
  );
}

/** A property key: bare when it is an identifier-like name, else a quoted literal (`"a\"b'c"`, `"__proto__"`). */
export function propertyKey(key: string): Code {
  return IDENTIFIER.test(key) && key !== "__proto__" && key !== "constructor" ? new Code(key) : literal(key);
}

/** Sanitise text for a block comment: no `*` `/` terminator, no line or paragraph separators, no control chars. */
export function commentText(text: unknown): string {
  return String(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*");
}

/** A JSDoc block from lines of text (spec text allowed: it is sanitised), or empty Code when there is none. */
export function docComment(lines: readonly unknown[]): Code {
  const body = lines
    .filter((l) => l !== undefined && l !== null && String(l).trim() !== "")
    .flatMap((l) => commentText(l).split("\n"))
    .map((l) => l.replace(/\s+$/, ""));
  while (body.length && body.at(-1) === "") body.pop();
  if (body.length === 0) return new Code("");
  return new Code(`/**\n${body.map((l) => (l ? ` * ${l}` : " *")).join("\n")}\n */\n`);
}

/** Tagged template: splices Code as is, and every other value as an escaped literal. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): Code {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += (v instanceof Code ? v.text : isCodeList(v) ? v.map((x) => x.text).join("") : literal(v).text) + (strings[i + 1] ?? "");
  });
  return new Code(out);
}

/** A non-empty array of Code spliced as one (an empty array is a literal `[]`, like any other value). */
const isCodeList = (v: unknown): v is Code[] => Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof Code);

/** Allocates names once, in a fixed order, with one collision policy: a clashing name takes its scope as prefix. */
export class Names {
  private readonly taken: Set<string>;
  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }
  take(preferred: string, scope = ""): string {
    let candidate = preferred || "Unnamed";
    if (this.taken.has(candidate) || RESERVED.has(candidate)) candidate = `${scope}${candidate}`;
    let n = 2;
    const base = candidate;
    while (this.taken.has(candidate)) candidate = `${base}Alt${n++ > 2 ? n - 1 : ""}`;
    this.taken.add(candidate);
    return candidate;
  }
}

/**
 * A JSON value as a TypeScript object literal a person reads (a README snippet's payload): keys that are plain
 * identifiers unquoted, and an object or array on one line when that line (after `prefix` characters) fits in
 * `width`, else one member a line. Strings and other keys are JSON's text, as JSON.stringify writes them.
 */
export function tsLiteral(value: unknown, prefix = 0, width = 100, indent = ""): string {
  // `__proto__:` (quoted or not) would set the object's prototype: a computed key keeps it an own property.
  const key = (k: string) => (k === "__proto__" ? '["__proto__"]' : /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  const flat = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(flat).join(", ")}]`;
    if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      return entries.length ? `{ ${entries.map(([k, x]) => `${key(k)}: ${flat(x)}`).join(", ")} }` : "{}";
    }
    return JSON.stringify(v) ?? "null";
  };
  const line = flat(value);
  if (prefix + line.length <= width || value === null || typeof value !== "object") return line;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((x) => `${inner}${tsLiteral(x, inner.length, width, inner)}`).join(",\n")}\n${indent}]`;
  return `{\n${Object.entries(value).map(([k, x]) => `${inner}${key(k)}: ${tsLiteral(x, inner.length + key(k).length + 2, width, inner)}`).join(",\n")}\n${indent}}`;
}
