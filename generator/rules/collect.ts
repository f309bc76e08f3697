// The rules of a task schema (JSON Schema 2020-12 §10.2: allOf, anyOf, oneOf, not, if/then/else, dependent*)
// as formulas, what every payload meets by declaration, and the variables a case split branches on.
import { escapeToken } from "../../templates/validation/pointer.js";
import { translate, atomsOf, eqAtoms } from "./formula.js";
import { isPlain, stableStringify } from "../json.js";
import { and, implies, has } from "../keywords/algebra.js";
import { declaredLiterals } from "../keywords/const-enum.js";
import { presenceKey } from "../ir/path.js";
import { declaredAt } from "../normalize/walk.js";
import { OTHER } from "../ir/types.js";
import type { Formula, Json, OpaqueVariable, Path, PresenceVariable, Rule, Schema, SchemaObject, Value, ValueVariable, Variable } from "../ir/types.js";

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
