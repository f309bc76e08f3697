// The task's declared types as a tree (ir/types.ts Decl), made by one walk of the normalized task schema: each
// schema asks the keyword families in registry order (keywords/index.ts: literals, alternatives, then the type's
// kinds). Object schemas with properties become ObjectDecls (named interfaces), with their doc lines, optionality
// and index signature; those the task-level split cannot reach (below `items`/`prefixItems`, JSON Schema 2020-12
// §10.3.1, and inside `oneOf`/`anyOf` alternatives, §10.2.1) carry their own case split, found by this same walk.
import { caseSplit } from "../rules/case-split.js";
import { isPlain, stableStringify } from "../json.js";
import { FAMILIES } from "../keywords/index.js";
import { declaredAt } from "../normalize/walk.js";
import { ANY_PROPERTY, isLocalPlace, pathId, placeId, type Place } from "./path.js";
import type { DeclContext } from "../keywords/family.js";
import { modeGroups, type BranchTitle, type ModeWords } from "./mode-groups.js";
import type { CaseSplit, Decl, Json, ObjectDecl, PropertyDecl, RulesDecl, Schema, SchemaObject } from "./types.js";

const UNKNOWN: Decl = { kind: "unknown" };
const NEVER: Decl = { kind: "never" };

/** Doc lines for a schema: its title, description and default. */
export function docLines(schema: Schema | undefined): string[] {
  if (!isPlain(schema)) return [];
  const lines: string[] = [];
  if (schema.title) lines.push(schema.title);
  if (schema.description && schema.description !== schema.title) lines.push(...(lines.length ? [""] : []), schema.description);
  if ("default" in schema) lines.push(`@default ${JSON.stringify(schema.default)}`);
  return lines;
}

/**
 * The declaration of the task: an ObjectDecl at the root whose rules are the task-level `split` (its modes named as
 * `words.modeNames` says, its forbidden properties with their rules' messages), and below it every declared type.
 * `limit` is the case split's variant limit, for the nested objects' own splits.
 */
export function declareTask(task: SchemaObject, split: CaseSplit, limit: number, words: ModeWords = { modeNames: [], ruleMessages: [] }): ObjectDecl {
  const walk = new Walk(limit);
  return walk.object(task, [], walk.rules(task, [], split, words));
}

class Walk {
  /**
   * Declarations made, by place: a schema met again at the same place (the same object, or one of the same canonical
   * JSON) is one node, one interface; different schemas at one place (two prefixItems, the items of two
   * alternatives) are two. Canonical JSON is only made where a place has met another schema.
   */
  private readonly made = new Map<string, { readonly schema: SchemaObject; readonly decl: Decl; json?: string }[]>();
  /** Case splits made, by the object schema's canonical JSON: equal objects (items of two arrays) split once. */
  private readonly splits = new Map<string, CaseSplit>();

  constructor(private readonly limit: number) {}

  /** The declaration of a schema at an instance place: the first family (generator/keywords/, in order) that decides it. */
  decl(schema: Schema | undefined, place: Place): Decl {
    if (schema === true || schema === undefined) return UNKNOWN;
    if (schema === false) return NEVER;
    if (!isPlain(schema)) return UNKNOWN;
    const id = placeId(place);
    const here = this.made.get(id) ?? [];
    let known = here.find((m) => m.schema === schema);
    if (!known && here.length) {
      const json = stableStringify(schema);
      known = here.find((m) => (m.json ??= stableStringify(m.schema)) === json);
    }
    if (known) return known.decl;
    const ctx = this.context(place);
    let decl: Decl = UNKNOWN;
    for (const f of FAMILIES) {
      const d = f.declaration.type?.(schema, ctx);
      if (d !== undefined) {
        decl = d;
        break;
      }
    }
    here.push({ schema, decl });
    this.made.set(id, here);
    return decl;
  }

  /** What a family's declaration reads: the place, this walk's recursion and objects, each JSON type's owner. */
  private context(place: Place): DeclContext {
    const ctx: DeclContext = {
      path: place,
      decl: (s, p) => this.decl(s, p),
      object: (s, p) => this.object(s, p, isLocalPlace(p) ? this.localRules(s, p) : null),
      kind: (kind, schema) => {
        for (const f of FAMILIES) {
          const d = f.declaration.kinds?.[kind];
          if (d) return d(schema, ctx);
        }
        // A type name outside JSON Schema's seven (only a schema Ajv never saw can have one).
        return UNKNOWN;
      },
    };
    return ctx;
  }

  /** An object schema's interface: its properties in spec order, declared optionality, index signature, rules. */
  object(schema: SchemaObject, place: Place, rules: RulesDecl | null): ObjectDecl {
    const required = new Set(schema.required ?? []);
    const properties: PropertyDecl[] = Object.entries(schema.properties ?? {}).map(([name, sub]) => ({
      name,
      optional: !required.has(name),
      doc: docLines(sub),
      type: this.decl(sub, [...place, name]),
    }));
    const extra = schema.additionalProperties;
    const index = extra === false ? null : isPlain(extra) ? this.decl(extra, [...place, ANY_PROPERTY]) : UNKNOWN;
    return { kind: "object", place, doc: docLines(schema), properties, index, rules };
  }

  /** The rules of an object the task-level split cannot reach, split on their own; null when they allow every combination. */
  private localRules(schema: SchemaObject, place: Place): RulesDecl | null {
    const key = stableStringify(schema);
    let split = this.splits.get(key);
    if (!split) this.splits.set(key, (split = caseSplit(schema, { limit: this.limit })));
    if (!split.rules.length || split.groups.every((g) => g.cubes.length <= 1 && g.cubes.every((c) => c.size === 0))) return null;
    return this.rules(schema, place, split, null);
  }

  /**
   * The rules of the object `schema` at `place`, with what their modes read: the declared type at each place a
   * variable names (its path is from the object; the declaration is made where it stands in the task, the same node
   * as the object's own property there), and the modes' facts.
   */
  rules(schema: SchemaObject, place: Place, split: CaseSplit, words: ModeWords | null): RulesDecl {
    const declared = new Map<string, Decl>();
    for (const group of split.groups)
      for (const v of group.vars.values()) {
        if (v.kind === "opaque") continue;
        const id = pathId(v.path);
        if (!declared.has(id)) declared.set(id, this.decl(declaredAt(schema, v.path), [...place, ...v.path]));
      }
    return { split, groups: modeGroups(split, branchTitles(schema), words), declared };
  }
}

/** Titles of rule branches that fix several properties to constants (e.g. "720p (16:9)" for a size pair). */
function branchTitles(schema: SchemaObject): BranchTitle[] {
  const out: BranchTitle[] = [];
  const visit = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(visit);
    if (!isPlain(s)) return;
    if (typeof s.title === "string" && isPlain(s.properties)) {
      const consts = Object.entries(s.properties).flatMap(([k, p]) => (isPlain(p) && "const" in p ? [[k, p.const as Json] as const] : []));
      if (consts.length) out.push({ title: s.title, consts: new Map(consts) });
    }
    for (const v of Object.values(s)) if (typeof v === "object") visit(v);
  };
  visit(schema.allOf ?? []);
  for (const k of ["oneOf", "anyOf", "if", "then", "else"] as const) visit(schema[k]);
  return out;
}
