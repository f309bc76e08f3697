// Case split of a task's conditional rules into variants (modes). A variant is a cube: each structural variable
// (presence of a property; the value of a property the rules compare) either fixed or free. Every payload the
// rules accept falls in some variant (sound); within the structural abstraction the variants are exact.
// The parts, one concept per file: collect.ts (the rules as formulas, their variables), evaluate.ts (a formula under
// bindings: the one evaluator), search.ts (every satisfying cube), cover.ts (the cover made small); this file groups the rules and
// splits each group.
import { and } from "../keywords/algebra.js";
import { atomsOf } from "./formula.js";
import { backgroundFormula, collectRules, variablesOf } from "./collect.js";
import { simplify } from "./evaluate.js";
import { enumerate, SplitTooLarge } from "./search.js";
import { minimize } from "./cover.js";
import { variantsOf } from "./variants.js";
import { isPlain } from "../json.js";
import { declaredAt } from "../normalize/walk.js";
import type { Atom, CaseSplit, Rule, RuleGroup, SchemaObject, Value } from "../ir/types.js";

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

/**
 * Which rules make each presence fact of a mode: those that become false when it is flipped, else those that mention
 * it. A rule that does not mention the flipped fact is what it is under the mode's facts alone: simplified once per
 * mode, not once per fact. `mentions`: each rule's variables (atomsOf), made once per group.
 */
function reasonsOf(presence: ReadonlyMap<string, boolean>, rules: readonly Rule[], mentions: readonly ReadonlySet<string>[]): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  let unflipped: boolean[] | undefined;
  for (const [key, value] of presence) {
    let flipped: Map<string, Value> | undefined;
    let why = rules.filter((r, i) => {
      if (mentions[i]!.has(key)) return simplify(r.formula, (flipped ??= new Map<string, Value>(presence).set(key, !value))).t === "false";
      unflipped ??= rules.map((x) => simplify(x.formula, presence).t === "false");
      return unflipped[i]!;
    });
    if (why.length === 0) why = rules.filter((_, i) => mentions[i]!.has(key));
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
      const mentions = rules.map((r) => new Set(atomsOf(r.formula).keys()));
      const variants = variantsOf({ cubes }).map((v) => ({ ...v, reasons: reasonsOf(v.presence, rules, mentions) }));
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
