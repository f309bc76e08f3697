// Changes to the task's rules (allOf entries, if/then/else, oneOf, not, dependentRequired, …): value
// combinations added or removed from literal tables (the width/height pairs), new or dropped exclusions between
// inputs, and any other added, removed or rewritten rule. Rules are matched by content first, then by pointer,
// so inserting a rule does not make every later one look changed.
import { atomsOf } from "../rules/formula.js";
import { truthOf } from "../rules/evaluate.js";
import { isPlain, stableStringify } from "../json.js";
import { sampleValue } from "../analyze/witness.js";
import { rulePointerText } from "../errors.js";
import { canonicalText } from "./canonical.js";
import { deleteAt, getAt, pathPointer, pathText, schemaAt, setAt } from "./payload.js";
import { pathId } from "../ir/path.js";
import type { Atom, Formula, Json, ModelIR, Path, Rule, SchemaObject, Value } from "../ir/types.js";
import type { Candidate } from "./candidate.js";

/** A oneOf/anyOf whose every branch fixes two or more properties to constants: a table of allowed combinations. */
interface Table {
  readonly at: Path;
  readonly names: readonly string[];
  /** Rows as fixed values in `names` order, with the branch title when it has one. */
  readonly rows: readonly { readonly values: readonly Json[]; readonly title: string | null }[];
}

function constProperties(branch: unknown): Record<string, Json> | null {
  if (!isPlain(branch) || !isPlain(branch.properties)) return null;
  const out: Record<string, Json> = {};
  for (const [k, s] of Object.entries(branch.properties)) {
    if (!isPlain(s) || s.const === undefined) return null;
    out[k] = s.const as Json;
  }
  return Object.keys(out).length >= 2 ? out : null;
}

/** The tables in a rule's schema, and the schema with each table replaced by a marker (to compare the rest). */
function tablesOf(rule: Rule): { tables: Table[]; masked: unknown } {
  const tables: Table[] = [];
  const visit = (node: unknown, at: Path): unknown => {
    if (Array.isArray(node)) return node.map((x) => visit(x, at));
    if (!isPlain(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if ((k === "oneOf" || k === "anyOf") && Array.isArray(v) && v.length >= 2) {
        const rows = v.map(constProperties);
        const names = rows[0] ? Object.keys(rows[0]).sort() : [];
        if (rows.every((r) => r !== null && stableStringify(Object.keys(r).sort()) === stableStringify(names))) {
          tables.push({
            at,
            names,
            rows: rows.map((r, i) => {
              const b = v[i] as Record<string, unknown>;
              return { values: names.map((n) => (r as Record<string, Json>)[n] as Json), title: typeof b.title === "string" ? b.title : null };
            }),
          });
          out[k] = `<table ${names.join(",")}>`;
          continue;
        }
      }
      if (k === "properties" && isPlain(v)) out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, visit(s, [...at, name])]));
      else out[k] = visit(v, at);
    }
    return out;
  };
  const masked = visit(rule.schema, rule.at);
  return { tables, masked };
}

/**
 * A formula's value on a payload (rules/evaluate.ts, the rules' one evaluator, with every variable bound to what
 * the payload holds): undefined when it depends on a check the formulas do not model (an opaque atom).
 */
export function verdictOn(f: Formula, payload: Json): boolean | undefined {
  const atoms = atomsOf(f);
  const get = (key: string): Value | undefined => {
    const atom = atoms.get(key);
    if (atom === undefined || atom.t === "opaque") return undefined;
    const v = getAt(payload, atom.path);
    return atom.t === "has" ? v !== undefined : v;
  };
  const t = truthOf(f, get);
  return t === "open" ? undefined : t === "true";
}

/** `not(a and b …)` where every part only tests presence: the parts exclude each other. Each part as its choices. */
function exclusionOf(f: Formula): Path[][] | null {
  if (f.t !== "not" || f.x.t !== "and" || f.x.xs.length < 2) return null;
  const parts: Path[][] = [];
  for (const x of f.x.xs) {
    if (x.t === "has") parts.push([x.path]);
    else if (x.t === "or" && x.xs.every((y) => y.t === "has")) parts.push(x.xs.map((y) => (y.t === "has" ? y.path : [])));
    else return null;
  }
  return parts;
}

/** Every way to pick one path from each part (at most 32). */
function choices(parts: readonly Path[][]): Path[][] {
  let out: Path[][] = [[]];
  for (const part of parts) out = out.flatMap((c) => part.map((p) => [...c, p])).slice(0, 32);
  return out;
}

const presentAll = (paths: readonly Path[]) => (base: Json, root: SchemaObject) => [
  paths.reduce<Json>((p, path) => setAt(p, path, getAt(p, path) ?? sampleValue(schemaAt(root, path)), root), base),
];

function exclusionText(parts: readonly Path[][]): string {
  return parts.map((choice) => choice.map(pathText).join(" or ")).join(" with ");
}

/**
 * Payloads one step from a base along the atoms the rules test: each tested property added (a sample of its
 * declaration) or dropped, each tested value set.
 */
function toggles(formulas: readonly Formula[]) {
  const atoms = new Map<string, Atom>();
  for (const f of formulas) atomsOf(f, atoms);
  return (base: Json, root: SchemaObject): Json[] => {
    const out: Json[] = [];
    for (const a of atoms.values()) {
      if (a.t === "opaque") continue;
      if (a.t === "eq") out.push(setAt(base, a.path, a.value, root));
      else if (getAt(base, a.path) === undefined) out.push(setAt(base, a.path, sampleValue(schemaAt(root, a.path)), root));
      else out.push(deleteAt(base, a.path));
    }
    return out;
  };
}

export function ruleChanges(oldIr: ModelIR, newIr: ModelIR): Candidate[] {
  const out: Candidate[] = [];
  const key = (r: Rule) => `${pathId(r.at)}\0${canonicalText(r.schema)}`;
  const oldLeft = [...oldIr.split.rules];
  const newLeft: Rule[] = [];
  for (const r of newIr.split.rules) {
    const i = oldLeft.findIndex((o) => key(o) === key(r));
    if (i >= 0) oldLeft.splice(i, 1);
    else newLeft.push(r);
  }
  // Tables (value combinations) across every rule of each side, compared row by row.
  const rowsBySide = (ir: ModelIR) => {
    const m = new Map<string, { table: Table; rows: Map<string, { values: readonly Json[]; title: string | null }> }>();
    for (const r of ir.split.rules)
      for (const t of tablesOf(r).tables) {
        const k = `${pathId(t.at)}\0${JSON.stringify(t.names)}`;
        const entry = m.get(k) ?? { table: t, rows: new Map() };
        for (const row of t.rows) entry.rows.set(stableStringify(row.values), row);
        m.set(k, entry);
      }
    return m;
  };
  const oldTables = rowsBySide(oldIr);
  const newTables = rowsBySide(newIr);
  for (const [k, o] of oldTables) {
    const n = newTables.get(k);
    if (!n) continue;
    const { at, names } = o.table;
    const text = (values: readonly Json[], title: string | null) => names.map((name, i) => `${pathText([...at, name])} ${JSON.stringify(values[i])}`).join(" with ") + (title ? ` (${title})` : "");
    const setRow = (values: readonly Json[]) => (base: Json, root: SchemaObject) => [names.reduce<Json>((p, name, i) => setAt(p, [...at, name], values[i] as Json, root), base)];
    for (const [rk, row] of o.rows)
      if (!n.rows.has(rk)) out.push({ kind: "combination-removed", path: pathPointer([...at, names[0] ?? ""]), message: `${text(row.values, row.title)} is no longer allowed`, direction: "narrowing", mutate: setRow(row.values) });
    for (const [rk, row] of n.rows)
      if (!o.rows.has(rk)) out.push({ kind: "combination-added", path: pathPointer([...at, names[0] ?? ""]), message: `${text(row.values, row.title)} is now allowed`, direction: "widening", mutate: setRow(row.values) });
  }
  // Rules left over: equal but for their tables (the rows are reported above), then the same pointer on both
  // sides (a rewrite); the rest were added or removed.
  const masked = (r: Rule) => `${pathId(r.at)}\0${canonicalText(tablesOf(r).masked)}`;
  const pairBy = (same: (o: Rule, r: Rule) => boolean): [Rule, Rule][] => {
    const paired: [Rule, Rule][] = [];
    for (const r of [...newLeft]) {
      const i = oldLeft.findIndex((o) => same(o, r));
      const o = oldLeft[i];
      if (o === undefined) continue;
      oldLeft.splice(i, 1);
      newLeft.splice(newLeft.indexOf(r), 1);
      paired.push([o, r]);
    }
    return paired;
  };
  pairBy((o, r) => masked(o) === masked(r));
  for (const [o, r] of pairBy((o, r) => o.pointer === r.pointer)) {
    out.push({
      kind: "rule-changed",
      path: pathPointer(r.at),
      message: `rule ${rulePointerText(r.pointer)} was rewritten`,
      direction: "either",
      mutate: toggles([o.formula, r.formula]),
      explains: (p, to) => verdictOn((to === "new" ? r : o).formula, p) !== true,
    });
  }
  for (const r of newLeft) {
    const parts = exclusionOf(r.formula);
    if (parts)
      out.push({
        kind: "exclusion-added",
        path: pathPointer(parts[0]?.[0] ?? r.at),
        message: `${exclusionText(parts)} can no longer be combined (rule ${rulePointerText(r.pointer)})`,
        direction: "narrowing",
        mutate: (base, root) => choices(parts).flatMap((c) => presentAll(c)(base, root)),
      });
    else
      out.push({
        kind: "rule-added",
        path: pathPointer(r.at),
        message: `new rule ${rulePointerText(r.pointer)}`,
        direction: "narrowing",
        mutate: toggles([r.formula]),
        explains: (p) => verdictOn(r.formula, p) !== true,
      });
  }
  for (const o of oldLeft) {
    const parts = exclusionOf(o.formula);
    if (parts)
      out.push({
        kind: "exclusion-removed",
        path: pathPointer(parts[0]?.[0] ?? o.at),
        message: `${exclusionText(parts)} can now be combined (rule ${rulePointerText(o.pointer)} is gone)`,
        direction: "widening",
        mutate: (base, root) => choices(parts).flatMap((c) => presentAll(c)(base, root)),
      });
    else
      out.push({
        kind: "rule-removed",
        path: pathPointer(o.at),
        message: `rule ${rulePointerText(o.pointer)} was removed`,
        direction: "widening",
        mutate: toggles([o.formula]),
        explains: (p) => verdictOn(o.formula, p) !== true,
      });
  }
  return out;
}
