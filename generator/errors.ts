// One error type for bad input: it names the file, the place (line:column or JSON Pointer) and what was expected.
// The CLI prints `message` alone (no stack) and exits with `exitCode`. It lives in the runtime (the package's own
// `validate` throws it too). JSON Pointers are made and read by templates/validation/pointer.ts.
export { SpecError, systemErrorText } from "../templates/validate/errors.js";
/** The terminal's escaper lives with the other destinations' (text/escape.ts, over the runtime's); errors are printed through it. */
export { escapeTerminal } from "./text/escape.js";

/** "/allOf/2" → "allOf[2]", "/properties/a/oneOf" → "a.oneOf" for comments. */
export function rulePointerText(ptr: string): string {
  return ptr
    .replace(/^\//, "")
    .replace(/properties\//g, "")
    .replace(/\/(\d+)/g, "[$1]")
    .replace(/^(\d+)/, "[$1]")
    .replace(/\//g, ".");
}
