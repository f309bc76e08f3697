// Case split of a task's conditional rules into variants (modes). A variant is a cube: each structural variable
// (presence of a property; the value of a property the rules compare) either fixed or free. Every payload the
// rules accept falls in some variant (sound); within the structural abstraction the variants are exact.
import { TRUE, FALSE, and, or, not, implies, has, translate, atomsOf, eqAtoms, pathKey, declaredLiterals, stableStringify } from "./formula.js";
import { variantsOf } from "./variants.js";
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

// OTHER lives with the IR types; importers of the case split keep finding it here.
export { OTHER } from "../ir/types.js";

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
      if (isPlain(sub) && sub.type === "object" && isPlain(sub.properties)) visit(sub, [...at, name], `${ptr}/properties/${escapePtr(name)}`);
    }
  };
  visit(root, [], "");
  return rules;
}
const escapePtr = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");
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
      } else if (!drafts.has(key)) drafts.set(key, { key, kind: "opaque", id: atom.id });
    }
  }
  for (const r of rules)
    for (const atom of eqAtoms(r.formula)) {
      const v = drafts.get(atom.key);
      if (v?.kind === "eq" && !v.mentioned.some((m) => stableStringify(m) === stableStringify(atom.value))) v.mentioned.push(atom.value);
    }
  const vars = [...drafts.values()].map((v): Variable => (v.kind === "eq" ? valueVariable(v, root) : v));
  const rank = { has: 0, eq: 1, opaque: 2 };
  const order = vars.map((v, i) => ({ v, i }));
  order.sort((a, b) => rank[a.v.kind] - rank[b.v.kind] || (uses.get(b.v.key) ?? 0) - (uses.get(a.v.key) ?? 0) || a.i - b.i);
  return new Map(order.map(({ v }) => [v.key, v]));
}

/** A value variable's domain: the mentioned values the declaration allows, then OTHER if anything else may come. */
function valueVariable(v: ValueDraft, root: SchemaObject): ValueVariable {
  const same = (a: Json) => (b: Json) => stableStringify(a) === stableStringify(b);
  const declared = declaredLiterals(declaredAt(root, v.path));
  const known = declared ? v.mentioned.filter((m) => declared.some(same(m))) : v.mentioned;
  const rest = declared ? declared.filter((d) => !known.some(same(d))) : null;
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
    const key = `has:${pathKey(p)}`;
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
  let nodes = 0;
  const order = [...vars.values()];
  const rank = new Map(order.map((v, i) => [v.key, i]));
  const step = (f: Formula, asg: ReadonlyMap<string, Value>): void => {
    if (++nodes > MAX_NODES) throw new SplitTooLarge();
    if (f.t === "false") return;
    if (f.t === "true") {
      cubes.push(new Map([...asg].filter(([k]) => vars.get(k)?.kind !== "opaque")));
      if (cubes.length > MAX_CUBES) throw new SplitTooLarge();
      return;
    }
    // The earliest variable (in branching order) that the residual formula still mentions.
    const next = order[firstRank(f, rank, asg)];
    if (next === undefined) throw new Error("the formula mentions a variable that is not in the split");
    for (const value of domainOf(next)) {
      const a = new Map(asg).set(next.key, value);
      step(simplify(f, a), a);
    }
  };
  step(formula, new Map());
  return cubes;
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

/**
 * Is every structural assignment extending `d` covered by some cube (or impossible by declaration)?
 * Splits `d` on the variables the cubes fix until each piece is decided.
 */
function covered(d: Cube, cubes: readonly Cube[], vars: ReadonlyMap<string, Variable>, background: Formula): boolean {
  if (simplify(background, d).t === "false") return true;
  const relevant = cubes.filter((c) => [...c].every(([k, v]) => !d.has(k) || d.get(k) === v));
  if (relevant.length === 0) return false;
  if (relevant.some((c) => [...c.keys()].every((k) => d.has(k)))) return true;
  // Some relevant cube fixes a variable `d` leaves free (else the line above returned): split on the first.
  const split = [...vars.values()].find((v) => v.kind !== "opaque" && !d.has(v.key) && relevant.some((c) => c.has(v.key)));
  if (split === undefined) throw new Error("a cube fixes a variable that is not in the split");
  return domainOf(split).every((value) => covered(new Map(d).set(split.key, value), relevant, vars, background));
}

/**
 * Make the cover small and readable: free every variable a cube does not need (the cube stays inside the
 * union), then drop cubes the others already cover. Deterministic: cubes and variables in a fixed order.
 */
export function minimize(cubes: readonly Cube[], vars: ReadonlyMap<string, Variable>, background: Formula): Cube[] {
  let list = dedupe(cubes).sort((a, b) => (cubeKey(a) < cubeKey(b) ? -1 : 1));
  const universe = list;
  list = list.map((c) => {
    let cube = c;
    for (const v of vars.values()) {
      if (!cube.has(v.key)) continue;
      const wider = new Map(cube);
      wider.delete(v.key);
      if (covered(wider, universe, vars, background)) cube = wider;
    }
    return cube;
  });
  list = dedupe(list);
  list = list.filter((c) => !list.some((o) => o !== c && o.size < c.size && subsumes(o, c)));
  for (let i = list.length - 1; i >= 0; i--) {
    const cube = list[i];
    const others = list.filter((_, j) => j !== i);
    if (cube && others.length && covered(cube, others, vars, background)) list = others;
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
      const variants = variantsOf({ cubes });
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
