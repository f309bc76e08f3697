// Messages in words for a schema's rules, derived from their structure (titles, consts, keywords), never
// written per model. Each message is keyed by the schema path Ajv reports, so a broken rule gives one message.
// The words come from templates/validation/words.ts, the catalogue the runtime uses too; placeholders
// (templates/validation/placeholders.ts) are filled from the payload when the message is shown.
import { isPlain } from "../json.js";
import { pointerOf, schemaPathOf } from "../../templates/validation/pointer.js";
import { translate as translateRaw } from "./formula.js";
import { and, or, not } from "../keywords/algebra.js";
import { pathId, pathLabel, presenceKey } from "../ir/path.js";
import { collectRules } from "./collect.js";
import { simplify } from "./evaluate.js";
import { placeholder } from "../../templates/validation/placeholders.js";
import { CONSTRAINT_ORDER, RULE_WORDS, constraintSentence, listWords, predicatesOf, valueWords, type ConstraintKeyword, type Predicate } from "../../templates/validation/words.js";
import { alternativesPredicate } from "../keywords/alternatives.js";
import { FAMILIES } from "../keywords/index.js";
import { displayOrder } from "../ir/modes.js";
import type { Formula, Has, Json, Path, Rule, RuleMessage, Schema, SchemaObject } from "../ir/types.js";

const dot = pathLabel;
const isPrefix = (p: Path, q: Path) => q.length > p.length && p.every((k, i) => q[i] === k);
/** The placeholder for the payload's value at a path. */
const valueAtPath = (path: Path) => placeholder({ kind: "value", pointer: ptr(path) });

/**
 * Unit propagation for reading: inside a conjunction, a property known present is true everywhere else, and a
 * parent's presence next to its child's says nothing more (has(a.b) implies has(a)).
 */
export function propagate(f: Formula): Formula {
  if (f.t === "or") return or(f.xs.map(propagate));
  if (f.t === "not") return not(propagate(f.x));
  if (f.t !== "and") return f;
  const known = new Map<string, boolean>();
  for (const x of f.xs) if (x.t === "has") for (let i = 1; i <= x.path.length; i++) known.set(presenceKey(x.path.slice(0, i)), true);
  // Without a `has` to drop (known is empty then), only the rest is propagated: simplify would change nothing.
  const rest = f.xs.map((x) => (x.t === "has" ? x : propagate(known.size ? simplify(x, known) : x)));
  if (!rest.some((x) => x.t === "has")) return and(rest);
  const positives = rest.flatMap((x) => (x.t === "has" ? [x.path] : []));
  const eqs = rest.flatMap((x) => (x.t === "eq" ? [pathId(x.path)] : []));
  const below = (p: Path) => eqs.includes(pathId(p)) || positives.some((q) => isPrefix(p, q));
  // A conjunct like or(¬has(inputs), has(inputs.x)) next to has(inputs) became has(inputs.x): drop has(inputs).
  const childPaths: Path[] = [];
  for (const x of rest) if (x.t !== "has") hasLeaves(x, childPaths);
  return and(rest.filter((x) => !(x.t === "has" && (below(x.path) || childPaths.some((q) => isPrefix(x.path, q))))));
}
/** The paths of the has and eq atoms in a formula (added to `out`, in the formula's order). */
function hasLeaves(f: Formula, out: Path[] = []): Path[] {
  if (f.t === "has" || f.t === "eq") out.push(f.path);
  else if (f.t === "and" || f.t === "or") for (const x of f.xs) hasLeaves(x, out);
  else if (f.t === "not") hasLeaves(f.x, out);
  return out;
}
const translate = (s: Schema | undefined, at: Path, root: SchemaObject) => propagate(translateRaw(s, at, root));
const ptr = (path: Path) => pointerOf(path);

/** Words for a formula used as a condition: "inputs.frameImages is given". */
export function conditionText(f: Formula): string {
  switch (f.t) {
    case "true":
      return "always";
    case "false":
      return "never";
    case "has":
      return RULE_WORDS.given(dot(f.path));
    case "eq":
      return `${dot(f.path)} is ${JSON.stringify(f.value)}`;
    case "not":
      if (f.x.t === "has") return RULE_WORDS.notGiven(dot(f.x.path));
      return `not (${conditionText(f.x)})`;
    case "and":
    case "or": {
      const xs = f.xs.filter((x) => !isParentPresence(x, f.xs));
      const has = xs.flatMap((x) => (x.t === "has" ? [x] : []));
      if (has.length === xs.length && xs.length > 1) return RULE_WORDS.given(has.map((x) => dot(x.path)).join(f.t === "and" ? " and " : " or "), f.t === "and");
      return xs.map(conditionText).join(f.t === "and" ? " and " : " or ");
    }
    case "opaque":
      return opaqueText(f.at, f.check);
  }
}

/** has(inputs) beside has(inputs.x) says nothing a person needs to read. */
function isParentPresence(x: Formula, siblings: readonly Formula[]): boolean {
  return x.t === "has" && siblings.some((s) => s !== x && hasLeaves(s).some((p) => isPrefix(x.path, p)));
}

/** An opaque atom's check in words. */
function opaqueText(at: Path, check: object): string {
  return isPlain(check) ? constraintText(at, check).text : "a check holds";
}

/** The keywords whose "(got …)" is the value itself (not a count of characters or items, not a type): their families say. */
const comparesValue = (k: ConstraintKeyword): boolean => FAMILIES.some((f) => f.words.comparesValue?.includes(k));

/**
 * Words for a value's own constraints: "duration must be at most 10", and the "(got {/duration})" to put after
 * it when every constraint compares the value itself (a length or a count would show the whole value).
 */
function constraintText(path: Path, schema: SchemaObject): { text: string; got: string } {
  const subject = path.length ? dot(path) : "the task";
  const keywords = CONSTRAINT_ORDER.filter((k) => k !== "type" && predicatesOf(schema, [k]).length > 0);
  // The type says something only when nothing narrower does.
  const predicates = predicatesOf(schema, keywords.length ? keywords : ["type"]);
  if (predicates.length === 0) return { text: `${subject} must satisfy ${JSON.stringify(schema)}`, got: "" };
  const got = path.length && keywords.length && keywords.every(comparesValue) ? RULE_WORDS.got(valueAtPath(path)) : "";
  return { text: constraintSentence(subject, predicates), got };
}

/** Presence facts of a formula that is a plain conjunction or disjunction of has / not has. */
function presenceShape(f: Formula): { op: "and" | "or"; pos: Path[]; neg: Path[] } | null {
  const xs = f.t === "and" || f.t === "or" ? f.xs : [f];
  const pos: Path[] = [];
  const neg: Path[] = [];
  for (const x of xs) {
    if (x.t === "has") pos.push(x.path);
    else if (x.t === "not" && x.x.t === "has") neg.push(x.x.path);
    else if (x.t === "not" && x.x.t === "or" && allHas(x.x.xs)) neg.push(...x.x.xs.map((y) => y.path));
    else return null;
  }
  return { op: f.t === "or" ? "or" : "and", pos: dropParents(pos), neg };
}
const allHas = (xs: readonly Formula[]): xs is readonly Has[] => xs.every((x) => x.t === "has");
const dropParents = (paths: readonly Path[]) => paths.filter((p) => !paths.some((q) => isPrefix(p, q)));

/** A has, or an or of has: the list of paths; else null. */
function presenceList(f: Formula): Path[] | null {
  if (f.t === "has") return [f.path];
  if (f.t === "or" && allHas(f.xs)) return f.xs.map((x) => x.path);
  return null;
}

/** A list of names "a", "a and b", "width/height". */
function names(paths: readonly Path[], op: "and" | "or" = "and"): string {
  const labels = paths.map(dot);
  if (labels.length === 2 && paths.every((p) => p.length === 1) && labels.every((l) => !/[/[\s]/.test(l))) return labels.join("/");
  return listWords(labels, op);
}

interface Described {
  readonly text: string;
  readonly focus: readonly Path[];
  /** No more than "the task must satisfy this rule". */
  readonly generic?: boolean;
}

/**
 * A requirement (`req`: the part that must hold) under an optional condition (`cond`), in words; `reqSchema` is
 * the requirement as written, for a value requirement's words. A negated condition reads "unless X is given".
 */
function requirementText(req: Formula, cond: Formula | null, reqSchema: Schema | null | undefined, at: Path): Described {
  const shape = presenceShape(req);
  const condShape = cond ? presenceShape(cond) : null;
  const condWords = cond ? conditionClause(cond) : "";
  const condFocus = condShape ? condShape.pos : [];
  if (shape && shape.pos.length === 0 && shape.neg.length && condShape && condShape.op === "and" && condShape.neg.length === 0 && condShape.pos.length)
    return { text: RULE_WORDS.cannotCombine(names(condShape.pos), names(shape.neg, "or")), focus: [...shape.neg, ...condFocus] };
  if (shape && shape.neg.length === 0 && shape.pos.length) {
    if (condShape && condShape.op === "and" && condShape.neg.length === 0 && condShape.pos.length === 1 && cond?.t !== "not")
      return { text: RULE_WORDS.requires(names(condShape.pos), names(shape.pos, shape.op)), focus: condFocus };
    return { text: `${RULE_WORDS.required(names(shape.pos, shape.op), shape.op === "and" && shape.pos.length > 1)}${condWords}`, focus: condFocus };
  }
  if (shape && shape.pos.length === 0 && shape.neg.length) return { text: `${RULE_WORDS.notAllowed(names(shape.neg, "or"), shape.neg.length > 1)}${condWords}`, focus: shape.neg };
  const value = valueRequirement(reqSchema, at);
  if (value) return { text: `${value.text}${condWords}${value.got}`, focus: [value.path] };
  return { text: `the task must satisfy ${reqSchema ? "this rule" : "the rule"}${condWords}`, focus: condFocus, generic: true };
}

function conditionClause(cond: Formula): string {
  if (cond.t === "not") return RULE_WORDS.unless(conditionText(cond.x));
  return RULE_WORDS.when(conditionText(cond));
}

/** `properties: {duration: {maximum: 10}}` → "duration must be at most 10", with "(got {/duration})" after. */
function valueRequirement(schema: Schema | null | undefined, at: Path): { text: string; got: string; path: Path } | null {
  if (!isPlain(schema) || !isPlain(schema.properties)) return null;
  const entries = Object.entries(schema.properties).filter(([, s]) => s !== true);
  const [only] = entries;
  if (!only || entries.length !== 1) return null;
  const [name, sub] = only;
  if (!isPlain(sub)) return null;
  if (isPlain(sub.properties)) return valueRequirement(sub, [...at, name]);
  const path = [...at, name];
  return { ...constraintText(path, sub), path };
}

interface ConstTable {
  readonly keys: readonly string[];
  readonly rows: readonly { readonly title: string | undefined; readonly values: readonly Json[] }[];
}

/** A oneOf/anyOf whose branches each fix the same properties to constants: a table of allowed combinations. */
function constTable(branches: readonly Schema[] | undefined): ConstTable | null {
  if (!Array.isArray(branches) || branches.length < 2) return null;
  let keys: string[] | null = null;
  const rows: { title: string | undefined; values: Json[] }[] = [];
  // Array.isArray widens a readonly array's elements to any: read them as the schemas they are.
  for (const b of branches as readonly Schema[]) {
    if (!isPlain(b) || !isPlain(b.properties)) return null;
    const props = b.properties;
    const consts = displayOrder(Object.keys(props)).flatMap((k) => {
      const s = props[k];
      return isPlain(s) && "const" in s && s.const !== undefined ? [{ name: k, value: s.const }] : [];
    });
    if (consts.length === 0 || consts.length !== Object.keys(props).length) return null;
    const k = consts.map((c) => c.name);
    if (keys !== null && pathId(keys) !== pathId(k)) return null;
    keys = k;
    rows.push({ title: b.title, values: consts.map((c) => c.value) });
  }
  return keys === null ? null : { keys, rows };
}

/** "width/height {/width}×{/height} is not an allowed combination; allowed: 1280×720 (720p), …". */
function tableText(table: ConstTable, at: Path): string {
  const label = table.keys.map((k) => dot([k])).join("/");
  const current = table.keys.map((k) => valueAtPath([...at, k])).join("×");
  const allowed = table.rows.map((r) => `${r.values.map(valueWords).join("×")}${r.title ? ` (${r.title})` : ""}`).join(", ");
  return `${label} ${current} is not an allowed ${table.keys.length > 1 ? "combination" : "value"}; allowed: ${allowed}`;
}

/** Messages for every rule of a task schema (its rules as collectRules finds them), keyed by Ajv schema path ("#/allOf/2/then"). */
export function describeRules(root: SchemaObject, rules: readonly Rule[] = collectRules(root)): RuleMessage[] {
  const out: RuleMessage[] = [];
  for (const rule of rules) describeAt(rule.schema, schemaPathOf(rule.pointer.replace(/\/(if|not|oneOf|anyOf|dependentRequired|dependentSchemas)$/, "")), rule.at, root, out);
  return out;
}

function describeAt(schema: Schema, base: string, at: Path, root: SchemaObject, out: RuleMessage[]): void {
  const add = (suffix: string, message: string | Described, focus: readonly Path[] = []) => {
    const m = typeof message === "string" ? { text: message, focus } : message;
    out.push({ schemaPath: `${base}${suffix}`, message: m.text, path: ptr(at), focus: m.focus.map(ptr) });
  };
  if (!isPlain(schema)) return;
  if ("if" in schema) {
    const cond = translate(schema.if, at, root);
    const then = schema.then;
    // A then that requires properties and says more besides gets a message of its own for the required part.
    const thenRequired = isPlain(then) && Array.isArray(then.required) && Object.keys(then).some((k) => !["required", "properties", "type"].includes(k)) ? then.required : null;
    if ("then" in schema) {
      const m = requirementText(translate(then, at, root), cond, then, at);
      // A then that only the parts below can put in words (required + a table) gets no vaguer message of its own.
      if (!(thenRequired && m.generic)) add("/then", m);
    }
    if (thenRequired) add("/then/required", requirementText(translate({ required: thenRequired }, at, root), cond, null, at));
    if ("else" in schema) add("/else", requirementText(translate(schema.else, at, root), { t: "not", x: cond }, schema.else, at));
    if (isPlain(then)) nested(then, `${base}/then`, at, out);
  }
  if ("not" in schema) {
    const f = translate(schema.not, at, root);
    const shape = presenceShape(f);
    const sides = f.t === "and" && f.xs.length === 2 ? f.xs.map(presenceList) : null;
    const [first, ...others] = shape?.pos ?? [];
    const [left, right] = sides ?? [];
    if (shape && shape.op === "and" && shape.neg.length === 0 && first && others.length) add("/not", RULE_WORDS.cannotCombine(names([first]), names(others)), [...others, first]);
    else if (left && right) add("/not", RULE_WORDS.cannotCombine(names(left, "or"), names(right, "or")), [...right, ...left]);
    else add("/not", `the task must not match: ${conditionText(f)}`);
  }
  for (const k of ["oneOf", "anyOf"] as const) {
    const branches = schema[k];
    if (!Array.isArray(branches)) continue;
    const table = constTable(branches);
    if (table) add(`/${k}`, tableText(table, at), table.keys.map((key) => [...at, key]));
    else {
      const f = translate({ [k]: branches }, at, root);
      add(`/${k}`, f.t === "true" ? `the task must match ${k === "oneOf" ? "exactly one" : "at least one"} of the alternatives` : `${k === "oneOf" ? "exactly one of" : "at least one of"}: ${branches.map((b) => conditionText(translate(b, at, root))).join("; ")}`);
    }
  }
  schema.allOf?.forEach((s, i) => describeAt(s, `${base}/allOf/${i}`, at, root, out));
}

/** Tables of allowed combinations inside a then. */
function nested(schema: SchemaObject, base: string, at: Path, out: RuleMessage[]): void {
  for (const k of ["oneOf", "anyOf"] as const) {
    const table = constTable(schema[k]);
    if (table) out.push({ schemaPath: `${base}/${k}`, message: tableText(table, at), path: ptr(at), focus: table.keys.map((key) => ptr([...at, key])) });
  }
}

/**
 * Messages for the alternatives (anyOf/oneOf) of declared properties, keyed by Ajv schema path; the `{path}`
 * placeholder stands for the property's place in the payload (e.g. inputs.referenceImages[0]).
 */
export function describeAlternatives(root: SchemaObject): RuleMessage[] {
  const out: RuleMessage[] = [];
  const visit = (s: Schema | undefined, keys: readonly (string | number)[]) => {
    if (!isPlain(s)) return;
    for (const k of ["anyOf", "oneOf"] as const) {
      const branches = s[k];
      if (!Array.isArray(branches) || keys.length === 0 || constTable(branches)) continue;
      out.push({ schemaPath: schemaPathOf(pointerOf([...keys, k])), focus: [], message: constraintSentence(placeholder({ kind: "path" }), [alternativesPredicate(k, branches)]), path: "" });
    }
    // In the schema's key order, which fixes the order of the messages.
    for (const k of Object.keys(s)) {
      if (k === "properties") for (const [p, sub] of Object.entries(s.properties ?? {})) visit(sub, [...keys, "properties", p]);
      else if (k === "items" || k === "additionalProperties") visit(s[k], [...keys, k]);
      else if (k === "prefixItems") s.prefixItems?.forEach((sub, i) => visit(sub, [...keys, k, i]));
      else if ((k === "anyOf" || k === "oneOf") && keys.length) s[k]?.forEach((sub, i) => visit(sub, [...keys, k, i]));
    }
  };
  visit(root, []);
  return out;
}
