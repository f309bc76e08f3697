// One error type for bad input: it names the file, the place (line:column or JSON Pointer) and what was expected.
// The CLI prints `message` alone (no stack) and exits with `exitCode`.
export class SpecError extends Error {
  readonly file: string;
  /** "12:5" or a JSON Pointer such as "/components/schemas/RequestBody"; "" when the whole file is meant. */
  readonly where: string;
  /** What was wrong or what was expected, in words. */
  readonly expected: string;
  readonly exitCode: number;

  constructor(file: string, where: string, expected: string, exitCode = 2) {
    super(`${file}${where ? `:${where}` : ""}: ${expected}`);
    this.name = "SpecError";
    this.file = file;
    this.where = where;
    this.expected = expected;
    this.exitCode = exitCode;
  }
}

/** What a caught file-system error says: its code (`ENOENT`) when it has one, else its message. */
export function systemErrorText(e: unknown): string {
  if (e instanceof Error) return "code" in e && typeof e.code === "string" ? e.code : e.message;
  return String(e);
}

/** JSON Pointer (RFC 6901) of a path of keys. */
export function pointer(path: readonly (string | number)[]): string {
  return path.map((k) => "/" + String(k).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Keys of a JSON Pointer. */
export function pointerKeys(ptr: string): string[] {
  if (ptr === "" || ptr === "#") return [];
  return ptr
    .replace(/^#/, "")
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** "/allOf/2" → "allOf[2]", "/properties/a/oneOf" → "a.oneOf" for comments. */
export function rulePointerText(ptr: string): string {
  return ptr
    .replace(/^\//, "")
    .replace(/properties\//g, "")
    .replace(/\/(\d+)/g, "[$1]")
    .replace(/^(\d+)/, "[$1]")
    .replace(/\//g, ".");
}

/** The terminal's escaper lives with the other destinations' (text/escape.ts); errors are printed through it. */
export { escapeTerminal } from "./text/escape.js";
