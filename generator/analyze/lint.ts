// Spec analysis: modes that can never be valid (each backed by the rules that forbid it), vacuous combinators,
// and examples that fail their own spec. Every "possible" verdict is backed by a witness payload that the
// generated validator's Ajv accepts.
import { schemaPathOf } from "../../templates/validation/pointer.js";
import { pathLabel } from "../ir/path.js";
import { translate, atomsOf } from "../rules/formula.js";
import { and, has, not, TRUE } from "../keywords/algebra.js";
import { variablesOf, backgroundFormula } from "../rules/collect.js";
import { simplify } from "../rules/evaluate.js";
import { firstCube, SplitTooLarge, UnknownVariable } from "../rules/search.js";
import { witnessOf } from "./witness.js";
import { rulePointerText } from "../errors.js";
import { redosFindings } from "./redos.js";
import { isPlain } from "../json.js";
import { declaredAt } from "../normalize/walk.js";
import { fillPlaceholders } from "../../templates/validation/placeholders.js";
import type { CheckedExample, Finding, Formula, Json, LintResult, ModelIR, Path, PresenceVariable, Rule, RuleGroup, RuleMessage, Schema, SchemaObject, ValidationIssue, Value, Variable, Witness } from "../ir/types.js";

/** What lint needs of the generated validator. */
export interface LintValidator {
  /** Schema and x-modelgen-rules both pass. */
  check(payload: unknown): boolean;
  /** One issue per broken rule, in words; empty when valid. */
  validate(payload: unknown): readonly ValidationIssue[];
}

const label = pathLabel;

/**
 * Whether some structural assignment satisfies the formula, or null when the search grew too large to decide.
 * The search stops at the first satisfying cube: only an unsatisfiable formula is searched through.
 */
function satisfiable(formula: Formula, vars: ReadonlyMap<string, Variable>): boolean | null {
  return undecidedAsNull(() => firstCube(formula, vars) !== undefined);
}

function undecidedAsNull<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SplitTooLarge || e instanceof UnknownVariable) return null; // undecided
    throw e;
  }
}

/** A smallest set of rules that, with `extra`, cannot be satisfied (deletion-based core). */
function unsatCore(rules: readonly Rule[], background: Formula, extra: Formula, vars: ReadonlyMap<string, Variable>): Rule[] {
  let core = [...rules];
  for (const r of rules) {
    const without = core.filter((x) => x !== r);
    if (satisfiable(and([background, extra, ...without.map((x) => x.formula)]), vars) === false) core = without;
  }
  return core;
}

/** Why a oneOf holds vacuously: all its branches hold when the properties they test are absent (the bare size table). */
function vacuousOneOfReason(rule: Rule, root: SchemaObject): { branches: number; reason: string } | null {
  const oneOf = rule.schema.oneOf;
  if (!oneOf) return null;
  const branches = oneOf.map((b) => translate(b, rule.at, root));
  const absent = new Map<string, Value>();
  const paths: Path[] = [];
  for (const f of branches) for (const [k, a] of atomsOf(f)) if (a.t === "has" && !absent.has(k)) (absent.set(k, false), paths.push(a.path));
  if (branches.length > 1 && branches.every((f) => simplify(f, absent).t === "true")) {
    const props = paths.map(label);
    return { branches: branches.length, reason: `they only constrain ${props.join(", ")}, which may be absent` };
  }
  return null;
}

/** What a rule does, in a few words: its message with the payload's values left out. */
function ruleEffect(rule: Rule, root: SchemaObject, messages: readonly RuleMessage[]): string {
  const vacuous = vacuousOneOfReason(rule, root);
  if (vacuous) return `${rulePointerText(rule.pointer)}: its oneOf then matches all ${vacuous.branches} branches (${vacuous.reason})`;
  const msg = messages.find((m) => m.schemaPath.startsWith(schemaPathOf(rule.pointer.replace(/\/(if|not|oneOf|anyOf|dependentRequired|dependentSchemas)$/, ""))));
  return `${rulePointerText(rule.pointer)}: ${msg ? fillPlaceholders(msg.message, () => "…") : "constrains it"}`;
}

/**
 * Lint a model's task: modes (optional properties the rules test) that can never be valid, each with an unsat
 * core of rules, else a witness the validator accepts; vacuous oneOf/if/then; ReDoS-prone patterns; examples
 * whose verdict differs from the one they declare (or that fail without declaring one).
 */
export function lintTask(ir: ModelIR, validator: LintValidator, checked: readonly CheckedExample[] = checkExamples(ir, validator.validate)): LintResult {
  const root = ir.task;
  const findings: Finding[] = [];
  const witnesses: Witness[] = [];
  const { rules, groups } = ir.split;
  const messages = ir.ruleMessages;
  // One group that kept every rule (Wan 2.7's case): its variables and background are the ones of all the rules.
  const [only] = groups;
  const whole = groups.length === 1 && only && only.dropped.length === 0 && only.rules.length === rules.length && only.rules.every((r, i) => r === rules[i]) ? only : undefined;
  const vars = whole ? whole.vars : variablesOf(rules, root);
  const background = whole ? whole.background : backgroundFormula(vars, root);
  const all = and([background, ...rules.map((r) => r.formula)]);
  const effects = (core: readonly Rule[]) => core.map((r) => ruleEffect(r, root, messages)).join("; ");

  // Modes: each optional property the rules test, present. Declared-required ones are always present.
  const dead = deadRuleFindings(rules, root);
  findings.push(...dead.findings);
  const modeVars = [...vars.values()].filter((v): v is PresenceVariable => v.kind === "has" && !dead.undeclared.has(v.key) && !isRequiredByDeclaration(root, v.path) && !isContainer(root, v.path));
  // Every group has a cube: the rules are satisfiable together (the groups share no structural variable).
  const possible = groups.length && groups.every((g) => g.cubes.length > 0) ? true : satisfiable(all, vars);
  if (possible === false) {
    const core = unsatCore(rules, background, TRUE, vars);
    findings.push({ severity: "error", kind: "unsatisfiable", message: `no task can ever be valid: ${effects(core)}`, pointers: core.map((r) => r.pointer) });
  }
  for (const v of modeVars) {
    const lit = has(v.path);
    // Fast path: the case split already holds every satisfying structural assignment; a cube that allows the
    // property, joined with a cube of every other group, gives a witness the validator then confirms.
    const fast = witnessFromSplit(groups, v, root, validator.check);
    if (fast !== undefined) {
      witnesses.push({ mode: label(v.path), witness: fast });
      continue;
    }
    // The first satisfying cube whose witness the validator accepts: the cubes after it need not be listed.
    let any = false;
    let witness: Json | undefined;
    const searched = undecidedAsNull(() =>
      firstCube(and([all, lit]), vars, (cube) => {
        any = true;
        const payload = witnessOf(cube, vars, root);
        if (!validator.check(payload)) return false;
        witness = payload;
        return true;
      }),
    );
    if (searched === null) {
      findings.push({ severity: "warning", kind: "undecided", message: `could not decide whether a task with ${label(v.path)} can be valid (the case split is too large)`, pointers: [] });
      continue;
    }
    if (!any) {
      const core = unsatCore(rules, background, lit, vars);
      findings.push({ severity: "error", kind: "unsatisfiable", message: `a task with ${label(v.path)} can never be valid: ${effects(core)}`, pointers: core.map((r) => r.pointer) });
      continue;
    }
    // Possible: backed by a concrete payload the validator accepts, if one was found.
    if (witness === undefined) findings.push({ severity: "warning", kind: "no-witness", message: `a task with ${label(v.path)} looks possible, but no witness payload could be built that the validator accepts`, pointers: [] });
    else witnesses.push({ mode: label(v.path), witness });
  }

  for (const r of rules) findings.push(...vacuityFindings(r, root, background, vars));
  findings.push(...redosFindings(root, ir.meta.taskPointer));
  findings.push(...exampleFindings(checked));
  return { findings, witnesses };
}

/** A oneOf whose branches can all match at once; an if that can never hold; a then that can never hold with its if. */
function vacuityFindings(r: Rule, root: SchemaObject, background: Formula, vars: ReadonlyMap<string, Variable>): Finding[] {
  const out: Finding[] = [];
  const sub = (s: Schema | undefined) => translate(s, r.at, root);
  if (r.schema.oneOf && r.schema.oneOf.length > 1) {
    // Branches that overlap are how JSON Schema says "exactly one" ({required: [text]} | {required: [image]}):
    // warn only when the overlap costs something. Either every branch holds when the properties they test are
    // absent (so every task without them fails: seed 000's bare size table), or a branch can never match alone.
    const branches = r.schema.oneOf.map(sub);
    const vacuous = vacuousOneOfReason(r, root);
    const shadowed = vacuous ? undefined : shadowedBranch(branches, background, vars);
    if (vacuous)
      out.push({ severity: "warning", kind: "vacuous-oneOf", message: `${rulePointerText(r.pointer)}: all ${branches.length} branches of this oneOf can match the same task, which then fails it (${vacuous.reason})`, pointers: [r.pointer] });
    else if (shadowed)
      out.push({ severity: "warning", kind: "vacuous-oneOf", message: `${rulePointerText(r.pointer)}: branch ${shadowed.branch} can never be the only one that matches (whenever it holds, branch ${shadowed.by} holds too), so a task in it always fails this oneOf`, pointers: [`${r.pointer}/${shadowed.branch}`] });
  }
  if ("if" in r.schema) {
    const cond = sub(r.schema.if);
    const c = satisfiable(and([background, cond]), vars);
    if (c === false) out.push({ severity: "warning", kind: "vacuous-if", message: `${rulePointerText(r.pointer)}: the if condition can never hold`, pointers: [r.pointer] });
    if ("then" in r.schema) {
      const th = satisfiable(and([background, cond, sub(r.schema.then)]), vars);
      if (th === false && c === true)
        out.push({ severity: "warning", kind: "vacuous-then", message: `${rulePointerText(r.pointer)}: the then branch can never hold when the condition does, so the condition is forbidden outright`, pointers: [r.pointer.replace(/\/if$/, "/then")] });
    }
  }
  return out;
}

/** The first branch of a oneOf that implies another (it can never match alone), or undefined. */
function shadowedBranch(branches: readonly Formula[], background: Formula, vars: ReadonlyMap<string, Variable>): { branch: number; by: number } | undefined {
  for (let i = 0; i < branches.length; i++) {
    const bi = branches[i]!;
    if (satisfiable(and([background, bi]), vars) !== true) continue; // an impossible branch is another finding
    for (let j = 0; j < branches.length; j++) {
      if (j !== i && satisfiable(and([background, bi, not(branches[j]!)]), vars) === false) return { branch: i, by: j };
    }
  }
  return undefined;
}

/**
 * Rules that name a property the schema does not declare where `additionalProperties: false` forbids any other:
 * the property can never be present, so the rule only ever sees it absent.
 */
function deadRuleFindings(rules: readonly Rule[], root: SchemaObject): { findings: Finding[]; undeclared: ReadonlySet<string> } {
  const findings: Finding[] = [];
  const undeclared = new Set<string>();
  for (const r of rules) {
    const names: string[] = [];
    for (const atom of atomsOf(r.formula).values()) {
      if (atom.t !== "has" || !isForbiddenByDeclaration(root, atom.path)) continue;
      undeclared.add(atom.key);
      if (!names.includes(label(atom.path))) names.push(label(atom.path));
    }
    if (names.length === 0) continue;
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    findings.push({
      severity: "warning",
      kind: "dead-rule",
      message: `${rulePointerText(r.pointer)}: names ${list}, which the schema does not declare; with additionalProperties: false no task can have ${names.length === 1 ? "it" : "them"}, so this rule is dead (a property missing from the spec, or a rule left over?)`,
      pointers: [r.pointer],
    });
  }
  return { findings, undeclared };
}

/** The property at `path` is not declared, and its declared parent object allows no other properties. */
function isForbiddenByDeclaration(root: SchemaObject, path: Path): boolean {
  const parent = path.length > 1 ? declaredAt(root, path.slice(0, -1)) : root;
  const name = path.at(-1);
  if (!parent || name === undefined || parent.additionalProperties !== false) return false;
  if (parent.patternProperties && Object.keys(parent.patternProperties).length) return false;
  return !(parent.properties && Object.prototype.hasOwnProperty.call(parent.properties, name));
}

/** Every request example with what the validator says of it (each task of an array body checked). */
export function checkExamples(ir: ModelIR, validate: LintValidator["validate"]): CheckedExample[] {
  return ir.examples.map((ex) => {
    const tasks: readonly Json[] = ir.meta.bodyIsArray && Array.isArray(ex.value) ? ex.value : [ex.value];
    const issues = tasks.flatMap((t) => validate(t));
    return { ...ex, issues, valid: issues.length === 0 };
  });
}

/** Examples whose verdict differs from the one they declare, or that fail their spec without declaring one. */
function exampleFindings(checked: readonly CheckedExample[]): Finding[] {
  const out: Finding[] = [];
  for (const ex of checked) {
    const verdict = ex.valid ? "valid" : "invalid";
    const why = ex.issues.map((i) => i.message).join("; ");
    if (ex.expect && ex.expect !== verdict)
      out.push({ severity: "error", kind: "example-verdict", message: `example ${ex.key} is declared ${ex.expect} but the validator finds it ${verdict}${ex.issues.length ? `: ${why}` : ""}`, pointers: [] });
    else if (!ex.expect && !ex.valid) out.push({ severity: "error", kind: "example-invalid", message: `example ${ex.key} fails its own spec: ${why}`, pointers: [] });
  }
  return out;
}

/** A witness from the case split: a cube of the mode's group that allows the property, with a cube of each other group. */
function witnessFromSplit(groups: readonly RuleGroup[], v: PresenceVariable, root: SchemaObject, check: (payload: unknown) => boolean): Json | undefined {
  const own = groups.find((g) => g.vars.has(v.key));
  if (!own) return undefined;
  const others = groups.filter((g) => g !== own);
  for (const cube of own.cubes) {
    if (cube.get(v.key) === false) continue;
    const merged = new Map(cube).set(v.key, true);
    const vars = new Map(own.vars);
    for (const g of others) {
      const c = g.cubes.find((x) => [...x].every(([k, val]) => !merged.has(k) || merged.get(k) === val)) ?? g.cubes[0];
      for (const [k, val] of c ?? []) if (!merged.has(k)) merged.set(k, val);
      for (const [k, x] of g.vars) if (!vars.has(k)) vars.set(k, x);
    }
    const payload = witnessOf(merged, vars, root);
    if (check(payload)) return payload;
  }
  return undefined;
}

function isRequiredByDeclaration(root: SchemaObject, path: Path): boolean {
  let node: Schema | undefined = root;
  for (const k of path) {
    if (!isPlain(node) || !(node.required ?? []).includes(k)) return false;
    node = node.properties?.[k];
  }
  return true;
}
const isContainer = (root: SchemaObject, path: Path) => isPlain(declaredAt(root, path)?.properties);
