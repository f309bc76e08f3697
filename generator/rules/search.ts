// The search of a case split: DPLL with don't-cares over the split's variables, every satisfying cube (or the
// first ones), within bounds that make a split too large rather than slow.
import { evaluate, type Pruning } from "./evaluate.js";
import type { Cube, Formula, Value, Variable } from "../ir/types.js";

export class SplitTooLarge extends Error {}
/**
 * A formula that mentions a place the split has no variable for: lint translates a rule's own branches (its `if`,
 * `then`, `oneOf` entries) beside the split, and a branch may test a place no rule of the split tests (an `if: true`
 * inside an array item's alternative). Lint cannot decide such a question: it is undecided, not a crash.
 */
export class UnknownVariable extends Error {}

/**
 * The variables a formula mentions, as a bit per rank (searches over at most 32 variables), remembered per
 * formula object: the residuals of a search share most of their subtrees.
 */
class Mentions {
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

/** Smallest rank of an unassigned variable in a formula (a residual always mentions one). */
function firstRank(f: Formula, rank: ReadonlyMap<string, number>, asg: ReadonlyMap<string, Value>): number {
  switch (f.t) {
    case "and":
    case "or": {
      let best = Infinity;
      for (const x of f.xs) {
        const r = firstRank(x, rank, asg);
        if (r < best) best = r;
      }
      return best;
    }
    case "not":
      return firstRank(f.x, rank, asg);
    case "has":
    case "eq":
    case "opaque": {
      let best = Infinity;
      if (!asg.has(f.key)) best = rank.get(f.key) ?? Infinity;
      if (f.t === "eq" && !asg.has(f.presence)) best = Math.min(best, rank.get(f.presence) ?? Infinity);
      return best;
    }
  }
  return Infinity;
}
/** Bounds on the search itself (the variant limit applies after minimizing). */
const MAX_NODES = 200_000;
const MAX_CUBES = 5_000;

export const domainOf = (v: Variable): readonly Value[] => (v.kind === "opaque" ? [true, false] : v.domain);

/** All cubes of `formula` over `vars` (DPLL with don't-cares), opaque variables projected out. */
export function enumerate(formula: Formula, vars: ReadonlyMap<string, Variable>): Cube[] {
  const cubes: Cube[] = [];
  search(formula, vars, (cube) => {
    cubes.push(cube);
    return false;
  });
  return cubes;
}

/**
 * The cubes `enumerate` would list, in its order, until `stop(cube)` is true: that cube, else undefined (then every
 * cube was seen). Deciding satisfiability, or finding a witness, needs only the first cubes, not all of them.
 */
export function firstCube(formula: Formula, vars: ReadonlyMap<string, Variable>, stop: (cube: Cube) => boolean = () => true): Cube | undefined {
  let found: Cube | undefined;
  search(formula, vars, (cube) => {
    if (!stop(cube)) return false;
    found = cube;
    return true;
  });
  return found;
}

/**
 * DPLL with don't-cares: each satisfying cube to `onCube` until it returns true. The assignment is one Map, bound
 * and unbound as the search goes down and back (its order is the order of binding, as a copy per node had it);
 * the residuals' memo and pruning under each binding (variable rank, value index) are made once per search.
 */
function search(formula: Formula, vars: ReadonlyMap<string, Variable>, onCube: (cube: Cube) => boolean): void {
  let nodes = 0;
  let count = 0;
  let done = false;
  const order = [...vars.values()];
  const rank = new Map(order.map((v, i) => [v.key, i]));
  const mentions = order.length <= 32 ? new Mentions(rank) : undefined;
  // Per rank, per value index: what evaluate may skip and remember under that binding (with `mentions`).
  const prunings: (Pruning | undefined)[][] = order.map(() => []);
  const pruningFor = (first: number, i: number, bit: number): Pruning | undefined => {
    if (!mentions) return undefined;
    const row = prunings[first]!;
    let p = row[i];
    if (!p) row[i] = p = { skip: (g: Formula) => (mentions.of(g) & bit) === 0, memo: new WeakMap() };
    return p;
  };
  const asg = new Map<string, Value>();
  // `assigned`: the bits of the variables `asg` fixes (with `mentions`).
  const step = (f: Formula, assigned: number): void => {
    if (++nodes > MAX_NODES) throw new SplitTooLarge();
    if (f.t === "false") return;
    if (f.t === "true") {
      done = onCube(new Map([...asg].filter(([k]) => vars.get(k)?.kind !== "opaque")));
      if (++count > MAX_CUBES && !done) throw new SplitTooLarge();
      return;
    }
    // The earliest variable (in branching order) that the residual formula still mentions. The residual mentions
    // assigned variables only as the presence of an eq atom, which firstRank skips too.
    let first: number;
    if (mentions) {
      const open = mentions.of(f) & ~assigned;
      first = open === 0 ? Infinity : 31 - Math.clz32(open & -open);
    } else first = firstRank(f, rank, asg);
    const next = order[first];
    if (next === undefined) throw new UnknownVariable("the formula mentions a variable that is not in the split");
    const key = next.key;
    const bit = mentions ? mentions.bit(key) : 0;
    const domain = domainOf(next);
    for (let i = 0; i < domain.length && !done; i++) {
      const value = domain[i]!;
      // The residual under one more binding: a residual's atoms are free but for an eq atom's presence (bound
      // present before its value, having the lower rank), so only the new binding can change it, and subtrees
      // that do not mention it stay as they are.
      const get = (k: string): Value | undefined => (k === key ? value : asg.get(k));
      const residual = evaluate(f, get, pruningFor(first, i, bit));
      asg.set(key, value);
      step(residual, assigned | bit);
    }
    asg.delete(key);
  };
  step(formula, 0);
}
