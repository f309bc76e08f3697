// Small helpers for the TypeScript that families contribute (emit/types.ts uses them too).

/** `T[]` for a simple name, `Array<…>` otherwise. */
export const arrayOf = (t: string): string => (/^[A-Za-z0-9_.]+$/.test(t) ? `${t}[]` : `Array<${t}>`);

/** A union of type texts, duplicates dropped; `unknown` absorbs the rest; none is `never`. */
export function unionOf(members: readonly string[]): string {
  const uniq = [...new Set(members)];
  if (uniq.includes("unknown")) return "unknown";
  return uniq.length ? uniq.join(" | ") : "never";
}
