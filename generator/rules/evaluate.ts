// A formula under a partial assignment of its variables. `evaluate` is the one evaluator of the rules' semantics:
// an atom whose variables are bound becomes TRUE or FALSE, and what changed is rebuilt through
// and/or/not, which fold the constants; unchanged subtrees are returned as they are. Everything else asks it:
// `simplify` (several bindings: lint, describe, the reasons of a mode's facts), the search's step (one binding,
// search.ts), `truthOf` (true, false or open: the cover check) and diff's verdict of a formula on a payload.
import { TRUE, FALSE, and, or, not, has } from "../keywords/algebra.js";
import { OTHER } from "../ir/types.js";
import type { Formula, Value } from "../ir/types.js";

/** The value bound to a variable (by its key), or undefined when it is free. */
export type Lookup = (key: string) => Value | undefined;

/**
 * What a caller that evaluates many times knows: `skip(f)` is true for a subtree no bound variable occurs in (it
 * stays as it is), and `memo` holds results under the same bindings (residuals share subtrees).
 */
export interface Pruning {
  readonly skip: (f: Formula) => boolean;
  readonly memo?: WeakMap<Formula, Formula>;
}

/** The formula under the bindings `get` gives: TRUE, FALSE or the residual over the free variables. */
export function evaluate(f: Formula, get: Lookup, pruning?: Pruning): Formula {
  if (pruning) {
    if (pruning.skip(f)) return f;
    const { memo } = pruning;
    if (memo && (f.t === "and" || f.t === "or")) {
      const known = memo.get(f);
      if (known !== undefined) return known;
      const result = evaluateNode(f, get, pruning);
      memo.set(f, result);
      return result;
    }
  }
  return evaluateNode(f, get, pruning);
}

function evaluateNode(f: Formula, get: Lookup, pruning?: Pruning): Formula {
  switch (f.t) {
    case "true":
    case "false":
      return f;
    case "and":
    case "or": {
      let changed: Formula[] | null = null;
      for (let i = 0; i < f.xs.length; i++) {
        const x = f.xs[i]!;
        const y = evaluate(x, get, pruning);
        if (changed) changed.push(y);
        else if (y !== x) (changed = f.xs.slice(0, i)).push(y);
      }
      return changed === null ? f : f.t === "and" ? and(changed) : or(changed);
    }
    case "not": {
      const y = evaluate(f.x, get, pruning);
      return y === f.x ? f : not(y);
    }
    case "has":
    case "opaque": {
      const v = get(f.key);
      return v === undefined ? f : v ? TRUE : FALSE;
    }
    case "eq": {
      // The property present with that value: false once it is absent, or once its value is another (OTHER is a
      // value no rule mentions); the value alone, with presence free, leaves the presence to decide.
      const present = get(f.presence);
      if (present === false) return FALSE;
      const v = get(f.key);
      if (v === undefined) return f;
      if (v === OTHER || v !== f.value) return FALSE;
      return present === true ? TRUE : has(f.path);
    }
  }
}

/** The formula under a partial assignment (variable key → value). */
export const simplify = (f: Formula, asg: ReadonlyMap<string, Value>): Formula => evaluate(f, (key) => asg.get(key));

/** Three-valued value of a formula under a partial assignment: whether `evaluate` gives TRUE, FALSE or a residual. */
export type Truth = "true" | "false" | "open";
export function truthOf(f: Formula, get: Lookup): Truth {
  const r = evaluate(f, get);
  return r.t === "true" || r.t === "false" ? r.t : "open";
}
