// Spec analysis: modes that can never be valid (each backed by the rules that forbid it), vacuous combinators,
// and examples that fail their own spec. Every "possible" verdict is backed by a witness payload that the
// generated validator's Ajv accepts.
import { and, has, translate, atomsOf, TRUE } from "./formula.js";
import { collectRules, variablesOf, backgroundFormula, enumerate, simplify, SplitTooLarge } from "./case-split.js";
import { witnessOf } from "./witness.js";
import { rulePointerText } from "../errors.js";
import { describeRules } from "./describe.js";
import { redosFindings } from "./redos.js";
import { declaredAt, isPlain } from "../normalize/walk.js";

const label = (path) => path.join(".");

function satisfiable(formula, vars) {
  try {
    return enumerate(formula, vars);
  } catch (e) {
    if (e instanceof SplitTooLarge) return null; // undecided
    throw e;
  }
}

/** A smallest set of rules that, with `extra`, cannot be satisfied (deletion-based core). */
function unsatCore(rules, background, extra, vars) {
  let core = [...rules];
  for (const r of rules) {
    const without = core.filter((x) => x !== r);
    const cubes = satisfiable(and([background, extra, ...without.map((x) => x.formula)]), vars);
    if (cubes && cubes.length === 0) core = without;
  }
  return core;
}

/** A oneOf whose branches all hold when the properties they test are absent (the bare size table). */
function vacuousOneOfNote(rule, root) {
  const schema = rule.schema.oneOf ? rule.schema : null;
  if (!schema) return null;
  const branches = schema.oneOf.map((b) => translate(b, rule.at, root));
  const absent = new Map();
  for (const f of branches) for (const [k, a] of atomsOf(f)) if (a.t === "has") absent.set(k, false);
  if (branches.length > 1 && branches.every((f) => simplify(f, absent).t === "true")) {
    const props = [...absent.keys()].map((k) => k.slice(4));
    return `its oneOf then matches all ${branches.length} branches (they only constrain ${props.join(", ")}, which may be absent)`;
  }
  return null;
}

/** What a rule does under an assignment, in a few words. */
function ruleEffect(rule, root, messages) {
  const note = vacuousOneOfNote(rule, root);
  if (note) return `${rulePointerText(rule.pointer)}: ${note}`;
  const msg = messages.find((m) => m.schemaPath.startsWith(`#${rule.pointer.replace(/\/(if|not|oneOf|anyOf|dependentRequired|dependentSchemas)$/, "")}`));
  return `${rulePointerText(rule.pointer)}: ${msg ? msg.message.replace(/\{[^}]*\}/g, "…") : "constrains it"}`;
}

/**
 * @param {object} root normalized task schema
 * @param {{ check: (payload: unknown) => boolean, examples: object[], bodyIsArray: boolean, validateExample?: (p: unknown) => object[] }} ctx
 * @returns {{ severity: "error" | "warning", kind: string, message: string, pointers: string[], witness?: unknown }[]}
 */
export function lintTask(root, ctx) {
  const findings = [];
  const witnesses = [];
  // The IR already holds the rules (its case split) and their messages; recompute only without them.
  const rules = ctx.split?.rules ?? collectRules(root);
  const messages = ctx.messages ?? describeRules(root);
  const vars = variablesOf(rules, root);
  const background = backgroundFormula(vars, root);
  const all = and([background, ...rules.map((r) => r.formula)]);

  // Modes: each optional property the rules test, present. Declared-required ones are always present.
  const modeVars = [...vars.values()].filter((v) => v.kind === "has" && !isRequiredByDeclaration(root, v.path) && !isContainer(root, v.path));
  const groups = ctx.split?.groups ?? [];
  const base = groups.length && groups.every((g) => g.cubes.length > 0) ? [true] : satisfiable(all, vars);
  if (base && base.length === 0) {
    const core = unsatCore(rules, background, TRUE, vars);
    findings.push({ severity: "error", kind: "unsatisfiable", message: `no task can ever be valid: ${core.map((r) => ruleEffect(r, root, messages)).join("; ")}`, pointers: core.map((r) => r.pointer) });
  }
  for (const v of modeVars) {
    const lit = has(v.path);
    // Fast path: the case split already holds every satisfying structural assignment; a cube that allows the
    // property, joined with a cube of every other group, gives a witness the validator then confirms.
    const fast = witnessFromSplit(groups, v, root, ctx.check);
    if (fast !== undefined) {
      witnesses.push({ mode: label(v.path), witness: fast });
      continue;
    }
    const cubes = satisfiable(and([all, lit]), vars);
    if (cubes === null) {
      findings.push({ severity: "warning", kind: "undecided", message: `could not decide whether a task with ${label(v.path)} can be valid (the case split is too large)`, pointers: [] });
      continue;
    }
    if (cubes.length === 0) {
      const core = unsatCore(rules, background, lit, vars);
      findings.push({
        severity: "error",
        kind: "unsatisfiable",
        message: `a task with ${label(v.path)} can never be valid: ${core.map((r) => ruleEffect(r, root, messages)).join("; ")}`,
        pointers: core.map((r) => r.pointer),
      });
      continue;
    }
    // Possible: back it with a concrete payload the validator accepts.
    const witness = cubes.map((c) => witnessOf(c, vars, root)).find((p) => ctx.check(p));
    if (witness === undefined) findings.push({ severity: "warning", kind: "no-witness", message: `a task with ${label(v.path)} looks possible, but no witness payload could be built that the validator accepts`, pointers: [] });
    else witnesses.push({ mode: label(v.path), witness });
  }

  for (const r of rules) {
    if (Array.isArray(r.schema.oneOf) && r.schema.oneOf.length > 1) {
      const branches = r.schema.oneOf.map((b) => translate(b, r.at, root));
      const together = satisfiable(and([background, ...branches]), vars);
      if (together && together.length > 0)
        findings.push({ severity: "warning", kind: "vacuous-oneOf", message: `${rulePointerText(r.pointer)}: all ${branches.length} branches of this oneOf can match the same task, which then fails it${vacuousOneOfNote(r, root) ? ` (${vacuousOneOfNote(r, root).replace(/^its oneOf then matches all \d+ branches \((.*)\)$/, "$1")})` : ""}`, pointers: [r.pointer] });
    }
    if ("if" in r.schema) {
      const cond = translate(r.schema.if, r.at, root);
      const c = satisfiable(and([background, cond]), vars);
      if (c && c.length === 0) findings.push({ severity: "warning", kind: "vacuous-if", message: `${rulePointerText(r.pointer)}: the if condition can never hold`, pointers: [`${r.pointer}`] });
      if ("then" in r.schema) {
        const th = satisfiable(and([background, cond, translate(r.schema.then, r.at, root)]), vars);
        if (th && th.length === 0 && c && c.length > 0) findings.push({ severity: "warning", kind: "vacuous-then", message: `${rulePointerText(r.pointer)}: the then branch can never hold when the condition does, so the condition is forbidden outright`, pointers: [r.pointer.replace(/\/if$/, "/then")] });
      }
    }
  }

  findings.push(...redosFindings(root, ctx.pointer ?? ""));

  for (const ex of ctx.examples) {
    const tasks = ctx.bodyIsArray ? (Array.isArray(ex.value) ? ex.value : [ex.value]) : [ex.value];
    const issues = tasks.flatMap((t, i) => ctx.validate(t).map((iss) => ({ ...iss, task: i })));
    const verdict = issues.length ? "invalid" : "valid";
    if (ex.expect && ex.expect !== verdict)
      findings.push({ severity: "error", kind: "example-verdict", message: `example ${ex.key} is declared ${ex.expect} but the validator finds it ${verdict}${issues.length ? `: ${issues.map((i) => i.message).join("; ")}` : ""}`, pointers: [] });
    else if (!ex.expect && verdict === "invalid")
      findings.push({ severity: "error", kind: "example-invalid", message: `example ${ex.key} fails its own spec: ${issues.map((i) => i.message).join("; ")}`, pointers: [] });
  }
  return { findings, witnesses };
}

function witnessFromSplit(groups, v, root, check) {
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

function isRequiredByDeclaration(root, path) {
  let node = root;
  for (const k of path) {
    if (!isPlain(node) || !(node.required ?? []).includes(k)) return false;
    node = node.properties?.[k];
  }
  return true;
}
const isContainer = (root, path) => isPlain(declaredAt(root, path)?.properties);
