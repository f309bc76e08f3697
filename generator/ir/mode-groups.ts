// What the types state of an object's case split, mode by mode: its name (chosen, or derived from its rarest facts),
// its presence facts with the rules behind them (and their words), the values it fixes on their own, and the values
// that vary together (a relation: one row per allowed combination, titled by the rule branch that allows it).
// emit/types allocates the names and prints the types.
import { fillPlaceholders } from "../../templates/validation/placeholders.js";
import { schemaPathOf } from "../../templates/validation/pointer.js";
import { stableStringify } from "../json.js";
import { displayOrder } from "./modes.js";
import { pascal } from "../text/identifiers.js";
import { OTHER } from "./types.js";
import type { CaseSplit, Cube, FactDecl, GroupDecl, Json, ModeDecl, Path, PresenceVariable, RelationDecl, RuleMessage, Value, ValueVariable, Variable, Variant } from "./types.js";

/** A rule branch with a title that fixes properties to constants (e.g. "720p (16:9)" for a size pair). */
export interface BranchTitle {
  readonly title: string;
  /** Property name → the constant the branch fixes it to. */
  readonly consts: ReadonlyMap<string, Json>;
}

/** What a person chose or wrote that the task-level modes use. */
export interface ModeWords {
  /** Per group, per mode: the name `x-modelgen-mode-names` gives it, or null. */
  readonly modeNames: readonly (readonly (string | null)[])[];
  /** The rules' messages, by the schema path Ajv reports. */
  readonly ruleMessages: readonly RuleMessage[];
}

/** The groups of a split that make modes, each mode with its facts, fixed values and relation. */
export function modeGroups(split: CaseSplit, titles: readonly BranchTitle[], words: ModeWords | null): GroupDecl[] {
  const out: GroupDecl[] = [];
  split.groups.forEach((group, gi) => {
    const variants = group.variants;
    const only = variants[0];
    if (variants.length === 1 && only && only.presence.size === 0 && only.tuples.every((t) => t.size === 0)) return;
    const vars = group.vars;
    const order = [...vars.keys()];
    const usedNames = new Set<string>();
    const modes = variants.map((v, vi): ModeDecl => {
      let derivedName = variantName(v, variants, vars);
      for (let extra = 1; usedNames.has(derivedName) && extra < 4; extra++) derivedName = variantName(v, variants, vars, extra);
      usedNames.add(derivedName);
      // Value variables in the order the split branches on them.
      const valueKeys = [...new Set(v.tuples.flatMap((t) => [...t.keys()]))].sort();
      valueKeys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      // Value variables that vary together across tuples form a relation; constant ones are fixed on their own.
      const varying = valueKeys.filter((k) => new Set(v.tuples.map((t) => tupleValueKey(t.get(k)))).size > 1);
      const relationKeys = varying.length > 1 ? displayOrder(varying, (k) => leafOf(vars, k)) : [];
      const facts = [...v.presence].map(([key, present]): FactDecl => {
        const rules = v.reasons.get(key) ?? [];
        const said = present || !words ? [] : rules.map((p) => ruleWords(words.ruleMessages, p)).filter((w): w is string => w !== undefined);
        return { key, path: presenceVariable(vars, key).path, present, rules, words: [...new Set(said)] };
      });
      const fixed = valueKeys.filter((k) => !relationKeys.includes(k)).map((k) => ({ variable: valueVariable(vars, k), values: [...new Set(v.tuples.map((t) => t.get(k)))] }));
      let relation: RelationDecl | null = null;
      if (relationKeys.length) {
        const rows = dedupeTuples(v.tuples, relationKeys).sort((a, b) => compareTuples(a, b, relationKeys, vars));
        const titleOf = (t: Cube): string | null =>
          titles.find((b) =>
            relationKeys.every((k) => {
              const c = b.consts.get(leafOf(vars, k));
              return c !== undefined && stableStringify(c) === stableStringify(t.get(k));
            }),
          )?.title ?? null;
        relation = { vars: relationKeys.map((k) => valueVariable(vars, k)), rows: rows.map((cube) => ({ cube, title: titleOf(cube) })) };
      }
      return { variant: v, chosenName: words?.modeNames[gi]?.[vi] ?? null, derivedName, facts, fixed, relation };
    });
    out.push({ group, index: gi, modes });
  });
  return out;
}

/**
 * Name a variant by its most characteristic presence facts: those shared by the fewest variants (true facts
 * before false ones), e.g. WithFrameImages, WithReferenceVideos, WithoutShotType; `extra` widens "fewest".
 */
function variantName(v: Variant, all: readonly Variant[], vars: ReadonlyMap<string, Variable>, extra = 0): string {
  const literals = [...vars.values()]
    .filter((x): x is PresenceVariable => x.kind === "has" && v.presence.has(x.key))
    .map((x) => ({ key: x.key, path: x.path, value: v.presence.get(x.key), freq: all.filter((o) => o.presence.get(x.key) === v.presence.get(x.key)).length }));
  if (literals.length === 0) return "AnyTask";
  const min = Math.min(...literals.map((l) => l.freq));
  const rare = literals.filter((l) => l.freq <= min + extra);
  const trues = rare.filter((l) => l.value).slice(0, 2);
  const chosen = trues.length ? trues : rare.filter((l) => !l.value).slice(0, 2);
  const leaf = (l: { path: Path }) => pascal(l.path.at(-1));
  return `${trues.length ? "With" : "Without"}${chosen.map(leaf).join("And")}`;
}

/** A rule's message with the payload's values left out ("…"): the first message Ajv reports under its pointer. */
function ruleWords(messages: readonly RuleMessage[], pointer: string): string | undefined {
  const at = schemaPathOf(pointer);
  const m = messages.find((x) => x.schemaPath === at || x.schemaPath.startsWith(`${at}/`));
  return m ? fillPlaceholders(m.message, () => "…") : undefined;
}

/** The variable of a key the split made (a variant, tuple or rule only ever names the group's own variables). */
function variableOf(vars: ReadonlyMap<string, Variable>, key: string): Variable {
  const v = vars.get(key);
  if (!v) throw new Error(`internal: the split has no variable ${key}`);
  return v;
}
function presenceVariable(vars: ReadonlyMap<string, Variable>, key: string): PresenceVariable {
  const v = variableOf(vars, key);
  if (v.kind !== "has") throw new Error(`internal: ${key} is not a presence variable`);
  return v;
}
function valueVariable(vars: ReadonlyMap<string, Variable>, key: string): ValueVariable {
  const v = variableOf(vars, key);
  if (v.kind !== "eq") throw new Error(`internal: ${key} is not a value variable`);
  return v;
}
/** The property name a value variable compares (`width` for `eq:["size","width"]`). */
const leafOf = (vars: ReadonlyMap<string, Variable>, key: string): string => valueVariable(vars, key).path.at(-1) ?? "";

/** A value for comparing tuples: OTHER gets a key no JSON text can be. */
const tupleValueKey = (v: Value | undefined): string => stableStringify(v === OTHER ? "\u0000other" : v);

/** Tuples in the order the rules mention their values (the variables' domains are in that order). */
function compareTuples(a: Cube, b: Cube, keys: readonly string[], vars: ReadonlyMap<string, Variable>): number {
  for (const k of keys) {
    const d: readonly Value[] = valueVariable(vars, k).domain;
    const diff = indexIn(d, a.get(k)) - indexIn(d, b.get(k));
    if (diff) return diff;
  }
  return 0;
}
/** Position of a value in a domain; -1 when it is not there (a tuple that leaves the variable free). */
const indexIn = (domain: readonly Value[], v: Value | undefined): number => (v === undefined ? -1 : domain.indexOf(v));

/** The tuples that differ in the keys' values (the last of equal ones kept, in first-seen order). */
function dedupeTuples(tuples: readonly Cube[], keys: readonly string[]): Cube[] {
  const seen = new Map<string, Cube>();
  for (const t of tuples) seen.set(keys.map((k) => (t.get(k) === OTHER ? "\u0000" : stableStringify(t.get(k)))).join("|"), t);
  return [...seen.values()];
}
