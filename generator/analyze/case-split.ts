// Case split of a task's conditional rules into variants (modes). A variant is a cube: each structural variable
// (presence of a property; the value of a property the rules compare) either fixed or free. Every payload the
// rules accept falls in some variant (sound); within the structural abstraction the variants are exact.
import { TRUE, FALSE, and, or, not, implies, has, translate, atomsOf, eqAtoms, atomKey, pathKey, declaredLiterals, stableStringify } from "./formula.js";
import { declaredAt, isPlain } from "../normalize/walk.js";

export const OTHER = Symbol("other");
const RULE_KEYWORDS = ["allOf", "anyOf", "oneOf", "not", "if", "dependentRequired", "dependentSchemas"];

/**
 * The rules of a task schema: every rule keyword on the task object and on nested declared objects.
 * @returns {{ pointer: string, at: string[], schema: object, formula: object }[]}
 */
export function collectRules(root) {
  const rules = [];
  const visit = (schema, at, ptr) => {
    for (const k of RULE_KEYWORDS) {
      if (!(k in schema)) continue;
      if (k === "allOf" && Array.isArray(schema.allOf)) {
        schema.allOf.forEach((sub, i) => rules.push(rule(`${ptr}/allOf/${i}`, at, sub, root)));
      } else if (k === "if") {
        const sub = { if: schema.if, ...("then" in schema ? { then: schema.then } : {}), ...("else" in schema ? { else: schema.else } : {}) };
        rules.push(rule(`${ptr}/if`, at, sub, root));
      } else rules.push(rule(`${ptr}/${k}`, at, { [k]: schema[k] }, root));
    }
    for (const [name, sub] of Object.entries(isPlain(schema.properties) ? schema.properties : {})) {
      if (isPlain(sub) && sub.type === "object" && isPlain(sub.properties)) visit(sub, [...at, name], `${ptr}/properties/${escapePtr(name)}`);
    }
  };
  visit(root, [], "");
  return rules;
}
const escapePtr = (k) => k.replace(/~/g, "~0").replace(/\//g, "~1");

function rule(pointer, at, schema, root) {
  const f = translate(schema, at, root);
  return { pointer, at, schema, formula: at.length ? implies(has(at), f) : f };
}

/** Constraints every payload meets by declaration: a nested property needs its parent; declared `required`. */
export function backgroundFormula(vars, root) {
  const parts = [];
  for (const v of vars.values()) {
    if (v.kind !== "has") continue;
    const parentPath = v.path.slice(0, -1);
    const parentDecl = parentPath.length ? declaredAt(root, parentPath) : root;
    if (parentPath.length) parts.push(implies(has(v.path), has(parentPath)));
    if (Array.isArray(parentDecl?.required) && parentDecl.required.includes(v.path.at(-1)))
      parts.push(parentPath.length ? implies(has(parentPath), has(v.path)) : has(v.path));
  }
  return and(parts);
}

/** Variables of the split, in branching order: presence (most used by rules first), then values, then opaque. */
export function variablesOf(rules, root) {
  const vars = new Map();
  const uses = new Map();
  rules.forEach((r) => {
    const atoms = atomsOf(r.formula);
    for (const [key, atom] of atoms) {
      uses.set(key, (uses.get(key) ?? 0) + 1);
      if (atom.t === "has") addPresence(vars, atom.path);
      else if (atom.t === "eq") {
        addPresence(vars, atom.path);
        const k = atomKey(atom);
        const v = vars.get(k) ?? { key: k, kind: "eq", path: atom.path, mentioned: [] };
        vars.set(k, v);
      } else if (!vars.has(key)) vars.set(key, { key, kind: "opaque", id: atom.id });
    }
  });
  for (const r of rules)
    for (const atom of eqAtoms(r.formula)) {
      const v = vars.get(atomKey(atom));
      if (!v.mentioned.some((m) => stableStringify(m) === stableStringify(atom.value))) v.mentioned.push(atom.value);
    }
  for (const v of vars.values()) {
    if (v.kind !== "eq") continue;
    const declared = declaredLiterals(declaredAt(root, v.path));
    const known = declared ? v.mentioned.filter((m) => declared.some((d) => stableStringify(d) === stableStringify(m))) : v.mentioned;
    const rest = declared ? declared.filter((d) => !known.some((m) => stableStringify(m) === stableStringify(d))) : null;
    v.domain = [...known, ...(rest === null || rest.length ? [OTHER] : [])];
    v.otherLiterals = rest; // null: OTHER is "any other value of the declared type"
  }
  const rank = { has: 0, eq: 1, opaque: 2 };
  const order = [...vars.values()].map((v, i) => ({ v, i }));
  order.sort((a, b) => rank[a.v.kind] - rank[b.v.kind] || (uses.get(b.v.key) ?? 0) - (uses.get(a.v.key) ?? 0) || a.i - b.i);
  return new Map(order.map(({ v }) => [v.key, v]));
}

function addPresence(vars, path) {
  for (let i = 1; i <= path.length; i++) {
    const p = path.slice(0, i);
    const key = `has:${pathKey(p)}`;
    if (!vars.has(key)) vars.set(key, { key, kind: "has", path: p, domain: [true, false] });
  }
}

/** Simplify a formula under a partial assignment (Map key → value). */
export function simplify(f, asg) {
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
      const v = asg.get(f.key ?? atomKey(f));
      return v === undefined ? f : v ? TRUE : FALSE;
    }
    case "eq": {
      if (asg.get(f.presence ?? `has:${pathKey(f.path)}`) === false) return FALSE;
      const v = asg.get(f.key ?? atomKey(f));
      if (v === undefined) return f;
      // Value atoms are scalars (objects as const stay with the validator), so === compares them.
      return v !== OTHER && v === f.value ? TRUE : FALSE;
    }
  }
  throw new Error(`unknown formula node ${f.t}`);
}

export class SplitTooLarge extends Error {}

/** Smallest rank of an unassigned variable in a formula (a residual always mentions one). */
function firstRank(f, rank, asg) {
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
      const key = f.key ?? atomKey(f);
      if (!asg.has(key)) best = rank.get(key) ?? Infinity;
      if (f.t === "eq") {
        const presence = f.presence ?? `has:${pathKey(f.path)}`;
        if (!asg.has(presence)) best = Math.min(best, rank.get(presence) ?? Infinity);
      }
      return best;
    }
  }
  return Infinity;
}
/** Bounds on the search itself (the variant limit applies after minimizing). */
const MAX_NODES = 200_000;
const MAX_CUBES = 5_000;

/** All cubes of `formula` over `vars` (DPLL with don't-cares), opaque variables projected out. */
export function enumerate(formula, vars) {
  const cubes = [];
  let nodes = 0;
  const order = [...vars.values()];
  const rank = new Map(order.map((v, i) => [v.key, i]));
  const step = (f, asg) => {
    if (++nodes > MAX_NODES) throw new SplitTooLarge();
    if (f.t === "false") return;
    if (f.t === "true") {
      cubes.push(new Map([...asg].filter(([k]) => vars.get(k).kind !== "opaque")));
      if (cubes.length > MAX_CUBES) throw new SplitTooLarge();
      return;
    }
    // The earliest variable (in branching order) that the residual formula still mentions.
    const next = order[firstRank(f, rank, asg)];
    for (const value of next.domain ?? [true, false]) {
      const a = new Map(asg).set(next.key, value);
      step(simplify(f, a), a);
    }
  };
  step(formula, new Map());
  return cubes;
}

const cubeKey = (cube, skip) =>
  [...cube]
    .filter(([k]) => k !== skip)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v === OTHER ? "*other*" : stableStringify(v)}`)
    .join("|");

function subsumes(a, b) {
  for (const [k, v] of a) if (!b.has(k) || b.get(k) !== v) return false;
  return true;
}

/**
 * Is every structural assignment extending `d` covered by some cube (or impossible by declaration)?
 * Splits `d` on the variables the cubes fix until each piece is decided.
 */
function covered(d, cubes, vars, background) {
  if (simplify(background, d).t === "false") return true;
  const relevant = cubes.filter((c) => [...c].every(([k, v]) => !d.has(k) || d.get(k) === v));
  if (relevant.length === 0) return false;
  if (relevant.some((c) => [...c.keys()].every((k) => d.has(k)))) return true;
  const split = [...vars.values()].find((v) => v.kind !== "opaque" && !d.has(v.key) && relevant.some((c) => c.has(v.key)));
  return split.domain.every((value) => covered(new Map(d).set(split.key, value), relevant, vars, background));
}

/**
 * Make the cover small and readable: free every variable a cube does not need (the cube stays inside the
 * union), then drop cubes the others already cover. Deterministic: cubes and variables in a fixed order.
 */
export function minimize(cubes, vars, background) {
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
    const others = list.filter((_, j) => j !== i);
    if (others.length && covered(list[i], others, vars, background)) list = others;
  }
  return list;
}

function dedupe(cubes) {
  const seen = new Map();
  for (const c of cubes) seen.set(cubeKey(c), c);
  return [...seen.values()];
}

/** Group rules that share a structural variable: each group is split on its own, the Task is their intersection. */
export function components(rules, root) {
  // A container's presence (has(inputs)) does not tie rules together: the intersection of the groups' types is
  // the conjunction of their rules whatever variables they share.
  const isContainer = (atom) => atom.t === "has" && isPlain(declaredAt(root, atom.path)?.properties);
  const parent = rules.map((_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map();
  rules.forEach((r, i) => {
    for (const [key, atom] of atomsOf(r.formula)) {
      if (atom.t === "opaque" || isContainer(atom)) continue;
      if (owner.has(key)) parent[find(i)] = find(owner.get(key));
      else owner.set(key, i);
    }
  });
  const groups = new Map();
  rules.forEach((r, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(r);
  });
  return [...groups.values()];
}

/** Split one group of rules into a minimal cover of cubes; over `limit`, drop the widest rule (sound, looser). */
function splitGroup(rules, root, limit) {
  const dropped = [];
  for (;;) {
    const vars = variablesOf(rules, root);
    const background = backgroundFormula(vars, root);
    const formula = and([background, ...rules.map((r) => r.formula)]);
    try {
      const cubes = minimize(enumerate(formula, vars), vars, background);
      const variants = new Set(cubes.map((c) => cubeKey(new Map([...c].filter(([k]) => k.startsWith("has:"))))));
      if (variants.size > limit) throw new SplitTooLarge();
      return { rules, vars, cubes, dropped, background };
    } catch (e) {
      if (!(e instanceof SplitTooLarge)) throw e;
      const widest = [...rules].sort((a, b) => atomsOf(b.formula).size - atomsOf(a.formula).size)[0];
      rules = rules.filter((r) => r !== widest);
      dropped.push(widest);
    }
  }
}

/**
 * Split a task schema into independent groups of rules, each a union of variants.
 * @returns {{ rules, groups: { rules, vars, cubes, dropped, background }[], warnings: string[] }}
 */
export function caseSplit(root, { limit = 64 } = {}) {
  const rules = collectRules(root);
  const groups = components(rules, root).map((g) => splitGroup(g, root, limit));
  const warnings = groups.flatMap((g) =>
    g.dropped.map((r) => `the case split exceeds ${limit} variants: rule ${r.pointer} is checked by the validator only, and the Task type is looser there`),
  );
  return { rules, groups, warnings };
}
