// Identifiers made from a spec's words: the IR derives names of modes from them (ir/mode-groups.ts), and the
// emitters the names of the types they declare (emit/types.ts, through emit/code.ts's allocator).

/** PascalCase from a spec name, restricted to identifier characters (for generated type names). */
export function pascal(s: unknown): string {
  const words = String(s).split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  const out = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z_]/.test(out) ? out : `T${out}`;
}
