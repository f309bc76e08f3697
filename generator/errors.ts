// One error type for bad input: it names the file, the place (line:column or JSON Pointer) and what was expected.
// The CLI prints `message` alone (no stack) and exits with `exitCode`.
export class SpecError extends Error {
  /**
   * @param {string} file
   * @param {string} where  "12:5" or a JSON Pointer such as "/components/schemas/RequestBody"
   * @param {string} expected what was wrong or what was expected, in words
   * @param {number} [exitCode]
   */
  constructor(file, where, expected, exitCode = 2) {
    super(`${file}${where ? `:${where}` : ""}: ${expected}`);
    this.name = "SpecError";
    this.file = file;
    this.where = where;
    this.expected = expected;
    this.exitCode = exitCode;
  }
}

/** JSON Pointer (RFC 6901) of a path of keys. */
export function pointer(path) {
  return path.map((k) => "/" + String(k).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Keys of a JSON Pointer. */
export function pointerKeys(ptr) {
  if (ptr === "" || ptr === "#") return [];
  return ptr
    .replace(/^#/, "")
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** "/allOf/2" → "allOf[2]", "/properties/a/oneOf" → "a.oneOf" for comments. */
export function rulePointerText(ptr) {
  return ptr
    .replace(/^\//, "")
    .replace(/properties\//g, "")
    .replace(/\/(\d+)/g, "[$1]")
    .replace(/^(\d+)/, "[$1]")
    .replace(/\//g, ".");
}
