// The escapes for a terminal and for JSON, in the runtime: the package's `validate` writes payload text, model ids
// and file names to both. The generator's other destinations (Markdown) build on these (generator/text/escape.ts).

/**
 * Characters that act instead of showing: C0 controls, DEL, C1 controls, the line and paragraph separators, and
 * the bidirectional controls (embeddings and overrides U+202A–202E, isolates U+2066–2069, the marks U+200E/200F
 * and U+061C), which reorder the text around them.
 */
export const ACTING = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b`, `\u202e`: a character that acts, shown as the escape that names it. */
export const visible = (c: string): string => {
  const n = c.charCodeAt(0);
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
};

/**
 * Text for a terminal: every control character (C0, DEL, C1), the line and paragraph separators and the bidi
 * controls shown as escapes (`\x1b`, `\u202e`), so a model id, a property name or a file name cannot move the
 * cursor, recolour or clear the screen, or reorder what a person reads. A line break in the text is escaped too:
 * the caller writes its own.
 */
export function escapeTerminal(s: string): string {
  return s.replace(ACTING, visible);
}

/** JSON.stringify leaves these raw in strings: DEL, C1, the separators (which end a line in JS before ES2019) and bidi. */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal, an editor or a JS parser acts on written
 * as `\u` escapes. They can only stand inside strings, so the escaped text parses to the same value.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
