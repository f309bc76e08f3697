// Case split of a task's conditional rules into variants (modes). A variant is a cube: each structural variable
// (presence of a property; the value of a property the rules compare) either fixed or free. Every payload the
// rules accept falls in some variant (sound); within the structural abstraction the variants are exact.
import { escapeToken } from "../../templates/validation/pointer.js";
import { translate, atomsOf, eqAtoms } from "./formula.js";
import { TRUE, FALSE, and, or, not, implies, has, stableStringify } from "../keywords/algebra.js";
import { declaredLiterals } from "../keywords/const-enum.js";
import { variantsOf } from "./variants.js";
import { presenceKey } from "../ir/path.js";
import { declaredAt, isPlain } from "../normalize/walk.js";
import { OTHER } from "../ir/types.js";
import type {
  Atom,
  CaseSplit,
  Cube,
  Formula,
  Json,
  OpaqueVariable,
  Path,
  PresenceVariable,
  Rule,
  RuleGroup,
  Schema,
  SchemaObject,
  Value,
  ValueVariable,
  Variable,
} from "../ir/types.js";


const RULE_KEYWORDS = ["allOf", "anyOf", "oneOf", "not", "if", "dependentRequired", "dependentSchemas"] as const;

/** The rules of a task schema: every rule keyword on the task object and on nested declared objects. */
export function collectRules(root: SchemaObject): Rule[] {
  const rules: Rule[] = [];
  const visit = (schema: SchemaObject, at: Path, ptr: string) => {
    for (const k of RULE_KEYWORDS) {
      if (!(k in schema)) continue;
      if (k === "allOf") {
        schema.allOf?.forEach((sub, i) => rules.push(rule(`${ptr}/allOf/${i}`, at, asObject(sub), root)));
      } else if (k === "if") {
        const sub = { if: schema.if, ...("then" in schema ? { then: schema.then } : {}), ...("else" in schema ? { else: schema.else } : {}) };
        rules.push(rule(`${ptr}/if`, at, sub, root));
      } else rules.push(rule(`${ptr}/${k}`, at, { [k]: schema[k] }, root));
    }
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      if (isPlain(sub) && sub.type === "object" && isPlain(sub.properties)) visit(sub, [...at, name], `${ptr}/properties/${escapeToken(name)}`);
    }
  };
  visit(root, [], "");
  return rules;
}
/** A boolean allOf entry as the object schema that means the same (`true` ≡ {}, `false` ≡ {not: {}}). */
const asObject = (s: Schema): SchemaObject => (s === true ? {} : s === false ? { not: {} } : s);

function rule(pointer: string, at: Path, schema: SchemaObject, root: SchemaObject): Rule {
  const f = translate(schema, at, root);
  return { pointer, at, schema, formula: at.length ? implies(has(at), f) : f };
}

/** Constraints every payload meets by declaration: a nested property needs its parent; declared `required`. */
export function backgroundFormula(vars: ReadonlyMap<string, Variable>, root: SchemaObject): Formula {
  const parts: Formula[] = [];
  for (const v of vars.values()) {
    if (v.kind !== "has") continue;
    const parentPath = v.path.slice(0, -1);
    const parentDecl = parentPath.length ? declaredAt(root, parentPath) : root;
    const name = v.path[v.path.length - 1];
    if (parentPath.length) parts.push(implies(has(v.path), has(parentPath)));
    if (name !== undefined && parentDecl?.required?.includes(name)) parts.push(parentPath.length ? implies(has(parentPath), has(v.path)) : has(v.path));
  }
  return and(parts);
}

/** A value variable while its mentioned values are being collected. */
interface ValueDraft {
  readonly kind: "eq";
  readonly key: string;
  readonly path: Path;
  readonly mentioned: Json[];
}
type Draft = PresenceVariable | ValueDraft | OpaqueVariable;

/** Variables of the split, in branching order: presence (most used by rules first), then values, then opaque. */
export function variablesOf(rules: readonly Rule[], root: SchemaObject): Map<string, Variable> {
  const drafts = new Map<string, Draft>();
  const uses = new Map<string, number>();
  for (const r of rules) {
    for (const [key, atom] of atomsOf(r.formula)) {
      uses.set(key, (uses.get(key) ?? 0) + 1);
      if (atom.t === "has") addPresence(drafts, atom.path);
      else if (atom.t === "eq") {
        addPresence(drafts, atom.path);
        if (!drafts.has(atom.key)) drafts.set(atom.key, { key: atom.key, kind: "eq", path: atom.path, mentioned: [] });
      } else if (!drafts.has(key)) drafts.set(key, { key, kind: "opaque", at: atom.at, check: atom.check });
    }
  }
  const seen = new Map<string, Set<string>>();
  for (const r of rules)
    for (const atom of eqAtoms(r.formula)) {
      const v = drafts.get(atom.key);
      if (v?.kind !== "eq") continue;
      const text = stableStringify(atom.value);
      const known = seen.get(atom.key) ?? new Set<string>();
      seen.set(atom.key, known);
      if (!known.has(text)) (known.add(text), v.mentioned.push(atom.value));
    }
  const vars = [...drafts.values()].map((v): Variable => (v.kind === "eq" ? valueVariable(v, root) : v));
  const rank = { has: 0, eq: 1, opaque: 2 };
  const order = vars.map((v, i) => ({ v, i }));
  order.sort((a, b) => rank[a.v.kind] - rank[b.v.kind] || (uses.get(b.v.key) ?? 0) - (uses.get(a.v.key) ?? 0) || a.i - b.i);
  return new Map(order.map(({ v }) => [v.key, v]));
}

/** A value variable's domain: the mentioned values the declaration allows, then OTHER if anything else may come. */
function valueVariable(v: ValueDraft, root: SchemaObject): ValueVariable {
  const declared = declaredLiterals(declaredAt(root, v.path));
  const declaredTexts = new Set(declared?.map((d) => stableStringify(d)));
  const known = declared ? v.mentioned.filter((m) => declaredTexts.has(stableStringify(m))) : v.mentioned;
  const knownTexts = new Set(known.map((k) => stableStringify(k)));
  const rest = declared ? declared.filter((d) => !knownTexts.has(stableStringify(d))) : null;
  const other: Value[] = rest === null || rest.length ? [OTHER] : [];
  return {
    kind: "eq",
    key: v.key,
    path: v.path,
    mentioned: v.mentioned,
    domain: [...known, ...other],
    otherLiterals: rest, // null: OTHER is "any other value of the declared type"
  };
}

function addPresence(vars: Map<string, Draft>, path: Path): void {
  for (let i = 1; i <= path.length; i++) {
    const p = path.slice(0, i);
    const key = presenceKey(p);
    if (!vars.has(key)) vars.set(key, { key, kind: "has", path: p, domain: [true, false] });
  }
}

/** Simplify a formula under a partial assignment (variable key → value). */
export function simplify(f: Formula, asg: ReadonlyMap<string, Value>): Formula {
  switch (f.t) {
    case "true":
    case "false":
      return f;
    case "and":
      return and(f.xs.map((x) => simplify(x, asg)));
    case "or":
      return or(f.xs.map((x) => simplify(x, asg)));
    case "not":
      return not(simplify(f.x, asg));
    case "has":
    case "opaque": {
      const v = asg.get(f.key);
      return v === undefined ? f : v ? TRUE : FALSE;
    }
    case "eq": {
      if (asg.get(f.presence) === false) return FALSE;
      const v = asg.get(f.key);
      if (v === undefined) return f;
      // Value atoms are scalars (objects as const stay with the validator), so === compares them.
      return v !== OTHER && v === f.value ? TRUE : FALSE;
    }
  }
}

/**
 * `simplify(f, asg ∪ {key: value})` for a residual `f = simplify(…, asg)` with `key` unassigned: the residual's
 * atoms are all unassigned (an eq atom may keep a present presence), so only the new binding can change it.
 * Subtrees it leaves alone are returned as they are (formulas are normalized by and/or/not, so rebuilding
 * them would give the same formula), which saves rebuilding the whole residual at every node of the search.
 */
function assign(f: Formula, key: string, value: Value, mentions?: Mentions, bit = 0, memo?: WeakMap<Formula, Formula>): Formula {
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

export class SplitTooLarge extends Error {}

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

const domainOf = (v: Variable): readonly Value[] => (v.kind === "opaque" ? [true, false] : v.domain);

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

/** DPLL with don't-cares: each satisfying cube to `onCube` until it returns true. */
function search(formula: Formula, vars: ReadonlyMap<string, Variable>, onCube: (cube: Cube) => boolean): void {
  let nodes = 0;
  let count = 0;
  let done = false;
  const order = [...vars.values()];
  const rank = new Map(order.map((v, i) => [v.key, i]));
  const mentions = order.length <= 32 ? new Mentions(rank) : undefined;
  const memos = new Map<string, WeakMap<Formula, Formula>>();
  const memoFor = (binding: string): WeakMap<Formula, Formula> => {
    let memo = memos.get(binding);
    if (!memo) memos.set(binding, (memo = new WeakMap()));
    return memo;
  };
  // `assigned`: the bits of the variables `asg` fixes (with `mentions`).
  const step = (f: Formula, asg: ReadonlyMap<string, Value>, assigned: number): void => {
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
    if (next === undefined) throw new Error("the formula mentions a variable that is not in the split");
    const bit = mentions ? mentions.bit(next.key) : 0;
    domainOf(next).forEach((value, i) => {
      if (done) return;
      const a = new Map(asg).set(next.key, value);
      step(assign(f, next.key, value, mentions, bit, mentions ? memoFor(`${first}:${i}`) : undefined), a, assigned | bit);
    });
  };
  step(formula, new Map(), 0);
}

const cubeKey = (cube: Cube, skip?: string): string =>
  [...cube]
    .filter(([k]) => k !== skip)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v === OTHER ? "*other*" : stableStringify(v)}`)
    .join("|");

function subsumes(a: Cube, b: Cube): boolean {
  for (const [k, v] of a) if (!b.has(k) || b.get(k) !== v) return false;
  return true;
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

/**
 * Coverage of assignments by a fixed list of cubes, for `minimize`: is every structural assignment extending `d`
 * covered by some cube (or impossible by declaration)? Splits `d` on the variables the cubes fix until each piece
 * is decided. Cubes and assignments are dense (variable index → domain index, -1 free); the answer depends on `d`
 * alone (a piece's relevant cubes are the list's cubes compatible with it), so it is memoized per list.
 */
class Coverage {
  private readonly order: Variable[];
  private readonly index = new Map<string, number>();
  /** Per variable: its domain, then any other value a cube holds (compared by identity, never split on). */
  private readonly values: Value[][];
  private readonly cubes: { readonly pos: Int32Array; readonly val: Int32Array }[];
  private readonly memo = new Map<string, boolean>();
  private readonly all: number[];

  constructor(
    cubes: readonly Cube[],
    vars: ReadonlyMap<string, Variable>,
    private readonly background: Formula,
  ) {
    this.order = [...vars.values()].filter((v) => v.kind !== "opaque");
    this.order.forEach((v, i) => this.index.set(v.key, i));
    this.values = this.order.map((v) => [...domainOf(v)]);
    this.cubes = cubes.map((c) => {
      const pos: number[] = [];
      const val: number[] = [];
      for (const [k, v] of c) {
        const i = this.index.get(k);
        if (i === undefined) throw new Error("a cube fixes a variable that is not in the split");
        pos.push(i);
        val.push(this.valueIndex(i, v));
      }
      return { pos: Int32Array.from(pos), val: Int32Array.from(val) };
    });
    this.all = this.cubes.map((_, i) => i);
  }

  private valueIndex(i: number, v: Value): number {
    const vs = this.values[i]!;
    const at = vs.indexOf(v);
    return at >= 0 ? at : vs.push(v) - 1;
  }

  covers(d: Cube): boolean {
    const dense = new Int32Array(this.order.length).fill(-1);
    for (const [k, v] of d) {
      const i = this.index.get(k);
      // A variable no cube can fix: the old map-based check treated it the same way (never split on, never compared).
      if (i !== undefined) dense[i] = this.valueIndex(i, v);
    }
    return this.covered(dense, this.all);
  }

  private covered(d: Int32Array, cubes: readonly number[]): boolean {
    const key = d.join(",");
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const answer = this.decide(d, cubes);
    this.memo.set(key, answer);
    return answer;
  }

  private decide(d: Int32Array, cubes: readonly number[]): boolean {
    const get = (k: string): Value | undefined => {
      const i = this.index.get(k);
      const at = i === undefined ? -1 : d[i]!;
      return at < 0 ? undefined : this.values[i!]![at];
    };
    if (truthOf(this.background, get) === "false") return true;
    const relevant: number[] = [];
    let inside = false;
    for (const ci of cubes) {
      const { pos, val } = this.cubes[ci]!;
      let compatible = true;
      let fixed = true;
      for (let j = 0; j < pos.length; j++) {
        const at = d[pos[j]!]!;
        if (at < 0) fixed = false;
        else if (at !== val[j]) {
          compatible = false;
          break;
        }
      }
      if (!compatible) continue;
      relevant.push(ci);
      if (fixed) inside = true;
    }
    if (relevant.length === 0) return false;
    if (inside) return true;
    // Some relevant cube fixes a variable `d` leaves free (else `inside`): split on the first in branching order.
    let split = -1;
    for (const ci of relevant) for (const p of this.cubes[ci]!.pos) if (d[p]! < 0 && (split < 0 || p < split)) split = p;
    if (split < 0) throw new Error("a cube fixes a variable that is not in the split");
    const size = domainOf(this.order[split]!).length;
    for (let value = 0; value < size; value++) {
      const piece = d.slice();
      piece[split] = value;
      if (!this.covered(piece, relevant)) return false;
    }
    return true;
  }
}

/**
 * Make the cover small and readable: free every variable a cube does not need (the cube stays inside the
 * union), then drop cubes the others already cover. Deterministic: cubes and variables in a fixed order.
 */
export function minimize(cubes: readonly Cube[], vars: ReadonlyMap<string, Variable>, background: Formula): Cube[] {
  let list = dedupe(cubes)
    .map((c) => ({ c, key: cubeKey(c) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ c }) => c);
  const universe = new Coverage(list, vars, background);
  list = list.map((c) => {
    let cube = c;
    for (const v of vars.values()) {
      if (!cube.has(v.key)) continue;
      const wider = new Map(cube);
      wider.delete(v.key);
      if (universe.covers(wider)) cube = wider;
    }
    return cube;
  });
  list = dedupe(list);
  list = list.filter((c) => !list.some((o) => o !== c && o.size < c.size && subsumes(o, c)));
  for (let i = list.length - 1; i >= 0; i--) {
    const cube = list[i];
    const others = list.filter((_, j) => j !== i);
    if (cube && others.length && new Coverage(others, vars, background).covers(cube)) list = others;
  }
  return list;
}

function dedupe(cubes: readonly Cube[]): Cube[] {
  const seen = new Map<string, Cube>();
  for (const c of cubes) seen.set(cubeKey(c), c);
  return [...seen.values()];
}

/** Group rules that share a structural variable: each group is split on its own, the Task is their intersection. */
export function components(rules: readonly Rule[], root: SchemaObject): Rule[][] {
  // A container's presence (has(inputs)) does not tie rules together: the intersection of the groups' types is
  // the conjunction of their rules whatever variables they share.
  const isContainer = (atom: Atom) => atom.t === "has" && isPlain(declaredAt(root, atom.path)?.properties);
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    const p = parent[i] ?? i;
    if (p === i) return i;
    const top = find(p);
    parent[i] = top;
    return top;
  };
  const owner = new Map<string, number>();
  rules.forEach((r, i) => {
    for (const [key, atom] of atomsOf(r.formula)) {
      if (atom.t === "opaque" || isContainer(atom)) continue;
      const first = owner.get(key);
      if (first !== undefined) parent[find(i)] = find(first);
      else owner.set(key, i);
    }
  });
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const top = find(i);
    const group = groups.get(top);
    if (group) group.push(r);
    else groups.set(top, [r]);
  });
  return [...groups.values()];
}

/** Which rules make each presence fact of a mode: those that become false when it is flipped, else those that mention it. */
function reasonsOf(presence: ReadonlyMap<string, boolean>, rules: readonly Rule[]): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const [key, value] of presence) {
    const flipped = new Map(presence).set(key, !value);
    let why = rules.filter((r) => simplify(r.formula, flipped).t === "false");
    if (why.length === 0) why = rules.filter((r) => atomsOf(r.formula).has(key));
    out.set(key, why.map((r) => r.pointer));
  }
  return out;
}

/** Split one group of rules into a minimal cover of cubes; over `limit`, drop the widest rule (sound, looser). */
function splitGroup(group: readonly Rule[], root: SchemaObject, limit: number): RuleGroup {
  let rules = group;
  const dropped: Rule[] = [];
  for (;;) {
    const vars = variablesOf(rules, root);
    const background = backgroundFormula(vars, root);
    const formula = and([background, ...rules.map((r) => r.formula)]);
    try {
      const cubes = minimize(enumerate(formula, vars), vars, background);
      const variants = variantsOf({ cubes }).map((v) => ({ ...v, reasons: reasonsOf(v.presence, rules) }));
      if (variants.length > limit) throw new SplitTooLarge();
      return { rules, vars, cubes, variants, dropped, background };
    } catch (e) {
      if (!(e instanceof SplitTooLarge)) throw e;
      const widest = [...rules].sort((a, b) => atomsOf(b.formula).size - atomsOf(a.formula).size)[0];
      if (widest === undefined) throw e; // no rule left to drop (background alone is never too large)
      rules = rules.filter((r) => r !== widest);
      dropped.push(widest);
    }
  }
}

export interface CaseSplitOptions {
  /** Variants per group of rules before the widest rule is left to the validator. */
  readonly limit?: number;
}

/** Split a task schema into independent groups of rules, each a union of variants. */
export function caseSplit(root: SchemaObject, { limit = 64 }: CaseSplitOptions = {}): CaseSplit {
  const rules = collectRules(root);
  const groups = components(rules, root).map((g) => splitGroup(g, root, limit));
  const warnings = groups.flatMap((g) =>
    g.dropped.map((r) => `the case split exceeds ${limit} variants: rule ${r.pointer} is checked by the validator only, and the Task type is looser there`),
  );
  return { rules, groups, warnings };
}
