// A formula under a partial assignment of its variables: `assign` binds one variable (the search's step, sharing
// unchanged subtrees), `simplify` binds several, `truthOf` gives the three-valued answer without building anything
// (the cover check's hot path).
import { TRUE, FALSE, and, or, not } from "../keywords/algebra.js";
import { OTHER } from "../ir/types.js";
import type { Formula, Value } from "../ir/types.js";

/**
 * Simplify a formula under a partial assignment (variable key → value): one `assign` per binding, so there is one
 * evaluator of atoms under bindings (`assign`), and `truthOf` reads the same semantics without building a formula.
 */
export function simplify(f: Formula, asg: ReadonlyMap<string, Value>): Formula {
  let g = f;
  for (const [key, value] of asg) g = assign(g, key, value);
  return g;
}

/**
 * `simplify(f, asg ∪ {key: value})` for a residual `f = simplify(…, asg)` with `key` unassigned: the residual's
 * atoms are all unassigned (an eq atom may keep a present presence), so only the new binding can change it.
 * Subtrees it leaves alone are returned as they are (formulas are normalized by and/or/not, so rebuilding
 * them would give the same formula), which saves rebuilding the whole residual at every node of the search.
 */
export function assign(f: Formula, key: string, value: Value, mentions?: Mentions, bit = 0, memo?: WeakMap<Formula, Formula>): Formula {
  // A subtree that does not mention the variable stays as it is; one the search met before under the same
  // binding (residuals share subtrees across branches) gives the same result.
  if (mentions && (mentions.of(f) & bit) === 0) return f;
  if (memo && (f.t === "and" || f.t === "or")) {
    const known = memo.get(f);
    if (known !== undefined) return known;
    const result = assignNode(f, key, value, mentions, bit, memo);
    memo.set(f, result);
    return result;
  }
  return assignNode(f, key, value, mentions, bit, memo);
}

function assignNode(f: Formula, key: string, value: Value, mentions?: Mentions, bit = 0, memo?: WeakMap<Formula, Formula>): Formula {
  switch (f.t) {
    case "true":
    case "false":
      return f;
    case "and":
    case "or": {
      let changed: Formula[] | null = null;
      for (let i = 0; i < f.xs.length; i++) {
        const x = f.xs[i]!;
        const y = assign(x, key, value, mentions, bit, memo);
        if (changed) changed.push(y);
        else if (y !== x) (changed = f.xs.slice(0, i)).push(y);
      }
      return changed === null ? f : f.t === "and" ? and(changed) : or(changed);
    }
    case "not": {
      const y = assign(f.x, key, value, mentions, bit, memo);
      return y === f.x ? f : not(y);
    }
    case "has":
    case "opaque":
      return f.key === key ? (value ? TRUE : FALSE) : f;
    case "eq":
      if (f.presence === key && value === false) return FALSE;
      if (f.key === key) return value !== OTHER && value === f.value ? TRUE : FALSE;
      return f;
  }
}

/**
 * The variables a formula mentions, as a bit per rank (searches over at most 32 variables), remembered per
 * formula object: the residuals of a search share most of their subtrees.
 */
export class Mentions {
  private readonly cache = new WeakMap<Formula, number>();
  constructor(private readonly rank: ReadonlyMap<string, number>) {}
  bit(key: string): number {
    const r = this.rank.get(key);
    return r === undefined ? 0 : 1 << r;
  }
  of(f: Formula): number {
    if (f.t === "true" || f.t === "false") return 0;
    let m = this.cache.get(f);
    if (m !== undefined) return m;
    if (f.t === "and" || f.t === "or") {
      m = 0;
      for (const x of f.xs) m |= this.of(x);
    } else if (f.t === "not") m = this.of(f.x);
    else if (f.t === "eq") m = this.bit(f.key) | this.bit(f.presence);
    else m = this.bit(f.key);
    this.cache.set(f, m);
    return m;
  }
}

/** Three-valued value of a formula under a partial assignment: what `simplify(f, asg).t` would be, without building it. */
type Truth = "true" | "false" | "open";
export function truthOf(f: Formula, get: (key: string) => Value | undefined): Truth {
  switch (f.t) {
    case "true":
    case "false":
      return f.t;
    case "and": {
      let open = false;
      for (const x of f.xs) {
        const t = truthOf(x, get);
        if (t === "false") return "false";
        if (t === "open") open = true;
      }
      return open ? "open" : "true";
    }
    case "or": {
      let open = false;
      for (const x of f.xs) {
        const t = truthOf(x, get);
        if (t === "true") return "true";
        if (t === "open") open = true;
      }
      return open ? "open" : "false";
    }
    case "not": {
      const t = truthOf(f.x, get);
      return t === "open" ? t : t === "true" ? "false" : "true";
    }
    case "has":
    case "opaque": {
      const v = get(f.key);
      return v === undefined ? "open" : v ? "true" : "false";
    }
    case "eq": {
      if (get(f.presence) === false) return "false";
      const v = get(f.key);
      if (v === undefined) return "open";
      return v !== OTHER && v === f.value ? "true" : "false";
    }
  }
}
