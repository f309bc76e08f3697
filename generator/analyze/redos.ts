// Patterns from specs run on user input in the validators. A quantified group that itself contains a
// quantifier (star height > 1: `(a+)+`, `(\w*)*`), or repeats alternatives that may overlap (`(a|aa)+`), can
// backtrack exponentially on a near-miss.
// We flag such patterns as lint warnings with their JSON Pointer rather than reject them: most spec patterns
// are anchored character classes, and the spec is the contract.
import { mapSchema } from "../normalize/walk.js";
import type { Finding, Schema } from "../ir/types.js";

/** What the scan knows of one open group. */
interface Group {
  /** It holds a quantifier (directly or in a quantified subgroup). */
  quantified: boolean;
  /** It holds a top-level `|`. */
  alternation?: boolean;
}

/** Does a regular expression nest a quantifier inside a quantified group? */
export function hasNestedQuantifier(source: string): boolean {
  // The outermost entry is the pattern itself; a stray `)` (not a valid pattern) may pop it.
  const stack: Group[] = [{ quantified: false }];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      // Skip a character class: quantifiers inside it are literal.
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === "|" && top) top.alternation = true;
    if (c === "(") stack.push({ quantified: false });
    else if (c === ")") {
      const group = stack.pop() ?? { quantified: false };
      const next = source[i + 1];
      const quantifiedGroup = next === "*" || next === "+" || (next === "{" && /^\{\d+,\d*\}/.test(source.slice(i + 1)) && !/^\{(\d+),\1\}/.test(source.slice(i + 1)));
      // A repeated group with a quantifier inside, or with alternatives (which may overlap, as in (a|aa)+).
      if (quantifiedGroup && (group.quantified || group.alternation)) return true;
      const parent = stack[stack.length - 1];
      if (parent) parent.quantified ||= group.quantified || quantifiedGroup;
    } else if ((c === "*" || c === "+" || (c === "{" && /^\{\d+,\d*\}/.test(source.slice(i)))) && top) top.quantified = true;
  }
  return false;
}

/** Lint findings for the patterns of a schema that may backtrack catastrophically. */
export function redosFindings(schema: Schema, pointerBase = ""): Finding[] {
  const out: Finding[] = [];
  mapSchema(schema, (s, ctx) => {
    if (typeof s.pattern === "string" && hasNestedQuantifier(s.pattern))
      out.push({
        severity: "warning",
        kind: "redos-pattern",
        message: `pattern ${JSON.stringify(s.pattern)} repeats a group that holds a quantifier or alternatives, and may backtrack catastrophically on long input; rewrite it without the nesting, or bound the length`,
        pointers: [`${pointerBase}/${[...ctx.keys, "pattern"].join("/")}`],
      });
    return s;
  });
  return out;
}
