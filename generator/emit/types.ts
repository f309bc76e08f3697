// Emit the exact TypeScript types of a model's task: the declared properties (TaskCommon and the nested
// interfaces), and per group of rules a union of variants, each listing only what its mode requires or forbids.
// Task = TaskCommon & Group1 & Group2 …; an intersection of unions is exactly the conjunction of the rules.
// A printer of the IR's declaration tree (ir.declaration, made by ir/declarations.ts): it reads no schema and
// asks no keyword; the rules of each object (the task's, and those of nested objects) come with the tree, mode by
// mode (ir/mode-groups.ts); the printer names the modes and relations and lays out their types.
import { rulePointerText } from "../errors.js";
import { modeCube } from "../ir/modes.js";
import { Names, propertyKey, literal, docComment, commentText } from "./code.js";
import { pascal } from "../text/identifiers.js";
import { pathId, pathLabel, placeLabel, placeWords, presenceKey } from "../ir/path.js";
import { OTHER } from "../ir/types.js";
import { sharedDocComment, sharedField } from "./shared-fields.js";
import type { SharedFieldsDoc } from "../providers/provider.js";
import type { Cube, Decl, FactDecl, Json, ModeDecl, ModelIR, ObjectDecl, Path, PresenceVariable, RelationDecl, RulesDecl, Value, ValueVariable, Variable, Variant } from "../ir/types.js";

/** The names emitTypes declares whatever the spec says; the names of a task's other types are allocated around them. */
const OWN_NAMES = ["Task", "TaskInput", "TaskCommon", "TaskMode", "TaskInputCommon", "Forbidden", "ObjectMembers"];

/**
 * What every open object (one with an index signature) extends. A payload may hold `constructor` or `toString`
 * as data, which the index signature admits; but where such an object meets a union (Task = TaskCommon & one
 * mode of several), tsc compares those names with Object's own members (Function, () => string) and refuses
 * `{ constructor: "s" }`. Declared as optional properties of type unknown, they are data again. Only objects
 * whose undeclared properties may be anything extend it: a typed index signature (additionalProperties with a
 * schema) keeps tsc's reading of those names where it meets a union, a known limit (README, TypeScript).
 */
const OBJECT_MEMBERS_DECL = `${docComment([
  "Object.prototype's member names as the properties an open object may have (data, like any other name): declared so that tsc does not take them for Object's own members where the object meets a union of modes (a module without modes does not need it).",
]).text}export interface ObjectMembers { ${["constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"].map((n) => `${n}?: unknown;`).join(" ")} }`;

/**
 * The type of a property that a mode forbids, when its declared type is a set of literals, is Forbidden<…> (the
 * runtime's, templates/runtime/forbidden.ts; a module that uses it imports and re-exports it). `never` would be exact,
 * but tsc then widens the literal a person wrote (`shotType: "single"` becomes `string`) and reports that against
 * the declared type, naming neither the mode nor the rule; the literals branded keep it, and no JSON value has it.
 */

const OBJECT_MEMBERS = new Set(["constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"]);

/**
 * A property signature. TypeScript compares an absent optional property with the inherited Object member of that
 * name (toString, constructor, …): an optional one admits that member's type too, or valid payloads without it
 * would not compile; a forbidden one (`never`) is that member's type alone, which no JSON value has.
 */
function member(key: string, optional: boolean, type: string): string {
  return `${propertyKey(key).text}${optional ? "?" : ""}: ${memberType(key, optional, type)};`;
}
function memberType(key: string, optional: boolean, type: string): string {
  const inherited = optional && OBJECT_MEMBERS.has(key) ? `Object[${literal(key).text}]` : null;
  return inherited ? (type === "never" ? inherited : `${type} | ${inherited}`) : type;
}

/** What the README page and the model record learn of the emitted types: groups, their modes, their relations. */
export interface TypesSummary {
  readonly groups: readonly GroupSummary[];
}

/** One group of rules: the union type `name` of its modes. */
export interface GroupSummary {
  readonly name: string;
  /** JSON Pointers of the group's rules, relative to the object that holds them. */
  readonly rules: readonly string[];
  readonly variants: readonly VariantSummary[];
  readonly relations: readonly RelationSummary[];
}

/** A fact of a mode: the property path it requires or forbids, and the rules (as written) that make it so. */
export interface FactSummary {
  readonly path: string;
  readonly rules: readonly string[];
}

export interface VariantSummary {
  readonly name: string;
  /** The doc comment of the variant's type, line by line. */
  readonly doc: readonly string[];
  readonly requires: readonly FactSummary[];
  readonly forbids: readonly FactSummary[];
  /** The relation type the variant's values must be one row of, or null. */
  readonly relation: string | null;
  /** A representative cube (the variant's facts and its first allowed combination), for example payloads. */
  readonly cube: Cube;
  readonly vars: ReadonlyMap<string, Variable>;
}

/** The allowed combinations of values that vary together in a mode (e.g. width and height). */
export interface RelationSummary {
  readonly name: string;
  /** The related properties' paths (`width`, `height`). */
  readonly keys: readonly string[];
  /** One row per combination; null stands for "any other value", undefined for "any value" (the row does not fix it). */
  readonly rows: readonly { readonly values: readonly (Json | null | undefined)[]; readonly title: string | null }[];
}

export interface EmittedTypes {
  /** The declarations, in order, as one text. */
  readonly text: string;
  readonly summary: TypesSummary;
  readonly names: Names;
  /** The runtime's shared-field types the declarations extend (emit/shared-fields.ts), for the module to import. */
  readonly sharedTypes: readonly string[];
  /** Whether a mode forbids a property declared as a set of values (the module imports Forbidden from the runtime). */
  readonly usesForbidden: boolean;
}

/** `T[]` for a simple name, `Array<…>` otherwise. */
const arrayOf = (t: string): string => (/^[A-Za-z0-9_.]+$/.test(t) ? `${t}[]` : `Array<${t}>`);

/** A union of type texts, duplicates dropped; `unknown` absorbs the rest; none is `never`. */
function unionOf(members: readonly string[]): string {
  const uniq = [...new Set(members)];
  if (uniq.includes("unknown")) return "unknown";
  return uniq.length ? uniq.join(" | ") : "never";
}

/** The rules of the object whose modes are printed, and the printer of the types they read. */
interface Declarations {
  readonly rules: RulesDecl;
  readonly types: DeclaredTypes;
}

/** The declared type at a place a variable of the rules names (unknown where the object declares none). */
const declaredType = (decl: Declarations, path: Path): string => decl.types.type(decl.rules.declared.get(pathId(path)) ?? { kind: "unknown" });

/**
 * The type of a property a mode forbids: `never`, or, when it is declared as a set of scalar literals, that set
 * branded (Forbidden, the runtime's). Only literals need it: tsc widens a literal whose contextual type holds none.
 */
function forbiddenType(decl: Declarations, path: Path): string {
  const declared = decl.rules.declared.get(pathId(path));
  if (declared?.kind !== "literal" || !declared.values.length || declared.values.some((x) => x !== null && typeof x === "object")) return "never";
  decl.types.usesForbidden = true;
  return `Forbidden<${decl.types.type(declared)}>`;
}

/**
 * Type expressions for declarations, with a named interface for each object declaration (one node of the tree per
 * object schema and place), named after its place when first referenced.
 */
class DeclaredTypes {
  /** The interfaces referenced so far, in that order. */
  readonly interfaces: { readonly name: string; readonly decl: ObjectDecl }[] = [];
  private readonly named = new Map<ObjectDecl, string>();
  /** Whether a mode forbids a property declared as a set of values somewhere (then the module declares Forbidden). */
  usesForbidden = false;

  /**
   * The names of the properties some mode forbids (a `Not in …` doc comment on its declaration): a shared field of
   * that name keeps @inheritDoc, so that its words show beside the mode's (see sharedDocComment).
   */
  readonly forbiddenNames = new Set<string>();

  /** The first property (interface and name) whose type names an object's interface, with its doc lines. */
  readonly referencedBy = new Map<ObjectDecl, { readonly owner: string; readonly name: string; readonly doc: readonly string[] }>();

  /** The shared fields' types the module's interfaces extend (the module imports them from the runtime). */
  readonly sharedTypes = new Set<string>();

  /**
   * `modes`: whether the module has modes, so that its open objects may meet a union of them (see ObjectMembers);
   * `shared`: the provider's fields described once in the runtime (emit/shared-fields.ts).
   */
  constructor(
    private readonly names: Names,
    private readonly modes: boolean,
    private readonly shared?: SharedFieldsDoc,
  ) {}

  private interfaceFor(decl: ObjectDecl): string {
    const known = this.named.get(decl);
    if (known !== undefined) return known;
    const name = this.names.take(pascal(placeWords(decl.place)) || "Object", "Task");
    this.named.set(decl, name);
    this.interfaces.push({ name, decl });
    return name;
  }

  /** The TS type of a declaration. */
  type(d: Decl): string {
    switch (d.kind) {
      case "unknown":
      case "never":
        return d.kind;
      case "literal":
        return unionOf(d.values.map((v) => literal(v).text));
      case "scalar":
        return d.type;
      case "union":
        return unionOf(d.members.map((m) => this.type(m)));
      case "array":
        return arrayOf(this.type(d.items));
      case "tuple": {
        const first = d.prefix.map((x) => this.type(x));
        const rest = d.rest ? this.type(d.rest) : null;
        const distinct = new Set([...first, ...(rest ? [rest] : [])]);
        if (distinct.size === 1) return arrayOf([...distinct][0] ?? "unknown");
        return `[${first.map((x, i) => `${x}${i < d.minItems ? "" : "?"}`).join(", ")}${rest ? `, ...${arrayOf(rest)}` : ""}]`;
      }
      case "record":
        return d.values === null ? "Record<string, never>" : `{ [key: string]: ${this.type(d.values)} }`;
      case "object":
        return this.interfaceFor(d);
    }
  }

  /** Whether an open interface was printed extending ObjectMembers (then the module declares it). */
  usesObjectMembers = false;

  /**
   * An interface for an object declaration: its properties with their declared optionality, and an open object's
   * index signature; in a module with modes an open object also extends ObjectMembers (see OBJECT_MEMBERS_DECL).
   */
  interfaceText(name: string, decl: ObjectDecl): string {
    const lines: string[] = [];
    const types: string[] = [];
    // Properties in the provider's shared words take them from the runtime's type (Pick<…> of it, by type).
    const picked = new Map<string, string[]>();
    for (const p of decl.properties) {
      const t = this.type(p.type);
      // The inherited member's type apart (memberType), so that a repeated type is written once; never adds nothing.
      if (t !== "never") types.push(t);
      if (memberType(p.name, p.optional, t) !== t) types.push(`Object[${literal(p.name).text}]`);
      for (const o of objectsOf(p.type)) if (!this.referencedBy.has(o)) this.referencedBy.set(o, { owner: name, name: p.name, doc: p.doc });
      const shared = sharedField(this.shared, decl.place, p.name, p.doc);
      if (shared) {
        const names = picked.get(shared.type) ?? [];
        picked.set(shared.type, [...names, p.name]);
        this.sharedTypes.add(shared.type);
      }
      lines.push(`${shared ? sharedDocComment(shared, this.forbiddenNames.has(p.name)) : docComment(p.doc).text}${member(p.name, p.optional, t)}`);
    }
    const bases = [...picked].map(([type, names]) => `Pick<${type}, ${names.map((n) => literal(n).text).join(" | ")}>`);
    let heritage = "";
    if (decl.index) {
      // tsc requires every declared property's type to fit the index signature: it holds theirs too (looser for
      // other names, never stricter).
      const t = this.type(decl.index);
      const all = t === "unknown" ? t : unionOf([t, ...types]);
      const index = all === "unknown" ? "unknown" : `${all} | undefined`;
      lines.push(`[key: string]: ${index};`);
      // Only for an untyped index signature: with a typed one, ObjectMembers<T> would make `{}` fail (its inherited
      // constructor, a Function, is not a T), and T | Function would loosen the index signature for every name.
      if (this.modes && index === "unknown") {
        bases.unshift("ObjectMembers");
        this.usesObjectMembers = true;
      }
    }
    if (bases.length) heritage = ` extends ${bases.join(", ")}`;
    return `export interface ${name}${heritage} {\n${lines.join("\n")}\n}`;
  }
}

/** The object declarations a property's type names directly: itself, a union's members, an array's items. */
function objectsOf(d: Decl): ObjectDecl[] {
  switch (d.kind) {
    case "object":
      return [d];
    case "union":
      return d.members.flatMap(objectsOf);
    case "array":
      return objectsOf(d.items);
    default:
      return [];
  }
}

/** Human label of a path: inputs.frameImages */
const label = pathLabel;

/** A fact about a path: present (true), absent (false) or either; with a type, or its declared one. */
interface ShapeEntry {
  readonly path: Path;
  readonly presence?: boolean | undefined;
  readonly type?: string;
  /** Why (a forbidden property's rule, in words), as a doc comment. */
  readonly doc?: readonly string[];
}
interface ShapeNode {
  readonly children: Map<string, ShapeNode>;
  presence?: boolean;
  type?: string;
  doc?: readonly string[];
}

/**
 * A nested object type from facts about paths. A property is required when it or a descendant is required;
 * forbidden ones are `?: never` (or Forbidden<…>, see forbiddenType); a property without a given type keeps its declared one.
 */
function shapeType(entries: readonly ShapeEntry[], decl: Declarations, nested?: (path: Path, body: string) => string): string {
  const tree: ShapeNode = { children: new Map() };
  for (const e of entries) {
    let n = tree;
    for (const p of e.path) {
      let child = n.children.get(p);
      if (!child) n.children.set(p, (child = { children: new Map() }));
      n = child;
    }
    if (e.presence !== undefined) n.presence = e.presence;
    if (e.type !== undefined) n.type = e.type;
    if (e.doc !== undefined) n.doc = e.doc;
  }
  const emit = (n: ShapeNode, path: Path): string => {
    const lines: string[] = [];
    for (const [key, child] of n.children) {
      const p = [...path, key];
      if (child.presence === false) {
        lines.push(`${docComment(child.doc ?? []).text}${member(key, true, OBJECT_MEMBERS.has(key) ? "never" : forbiddenType(decl, p))}`);
        continue;
      }
      const optional = !(child.presence === true || requiresDescendant(child));
      const body = child.children.size ? `{\n${emit(child, p)}\n}` : null;
      const type = body !== null ? (nested ? nested(p, body) : body) : (child.type ?? declaredType(decl, p));
      lines.push(member(key, optional, type));
    }
    return lines.join("\n");
  };
  return `{\n${emit(tree, [])}\n}`;
}

function requiresDescendant(n: ShapeNode): boolean {
  return [...n.children.values()].some((c) => c.presence === true || requiresDescendant(c));
}

/** A mode's own facts: presence, and the values it fixes on their own (those of its relation aside). */
function variantBody(mode: ModeDecl, decl: Declarations, forbidDoc: (fact: FactDecl) => readonly string[], nested: (path: Path, body: string) => string): string {
  const entries: ShapeEntry[] = [];
  const relationVars = mode.relation?.vars ?? [];
  for (const fact of mode.facts) {
    // A relation type requires the properties it fixes; listing them again here adds nothing.
    if (fact.present && relationVars.some((t) => presenceKey(t.path) === fact.key)) continue;
    entries.push({ path: fact.path, presence: fact.present, ...(fact.present ? {} : { doc: forbidDoc(fact) }) });
  }
  for (const { variable, values } of mode.fixed) entries.push({ path: variable.path, type: valueType(values, variable, decl) });
  return shapeType(entries, decl, nested);
}

/** One allowed combination of the relation's values, as an object type (nested where the paths are). */
function tupleType(t: Cube, v: Variant, relation: RelationDecl, decl: Declarations): string {
  const entries: ShapeEntry[] = [];
  for (const variable of relation.vars) {
    const value = t.get(variable.key);
    if (value === undefined) continue;
    const path = variable.path;
    const presence = v.presence.get(presenceKey(path)) === true ? true : undefined;
    entries.push({ path, presence, type: value === OTHER ? valueType([OTHER], variable, decl) : literal(value).text });
  }
  return shapeType(entries, decl).replace(/\n/g, " ").replace(/\{\s+/g, "{ ").replace(/;?\s+\}/g, " }");
}

/** The type of a value variable's values in a mode: their literals; OTHER is the other declared literals or any. */
function valueType(values: readonly (Value | undefined)[], variable: ValueVariable, decl: Declarations): string {
  const parts: string[] = [];
  for (const value of values) {
    if (value === undefined) return declaredType(decl, variable.path);
    if (value === OTHER) {
      if (variable.otherLiterals) parts.push(...variable.otherLiterals.map((x) => literal(x).text));
      else return declaredType(decl, variable.path);
    } else parts.push(literal(value).text);
  }
  return unionOf(parts);
}

/** The declarations of one object's rules, and their summary. */
interface Modes {
  readonly texts: string[];
  readonly groups: GroupSummary[];
}

/**
 * The rules of an object schema as unions of variants (one union per independent group of rules). `prefix` names
 * the types (`Task`, or the nested object's interface name); `pointerBase` places the rules' pointers for docs.
 */
function emitModes(decl: Declarations, names: Names, prefix: string, pointerBase = ""): Modes {
  const split = decl.rules.split;
  const groupTexts: string[] = [];
  const groups: GroupSummary[] = [];
  for (const { group, index: gi, modes } of decl.rules.groups) {
    const variants = group.variants;
    const firstVar = [...group.vars.values()].find((x): x is PresenceVariable => x.kind === "has");
    const groupName = split.groups.length === 1 ? (prefix === "Task" ? "TaskMode" : names.take(`${prefix}Mode`)) : names.take(`${prefix === "Task" ? "" : prefix}${pascal(firstVar ? firstVar.path.join(" ") : `rules ${gi}`)}Mode`);
    const members: { text: string; required: number }[] = [];
    const info: GroupSummary & { variants: VariantSummary[]; relations: RelationSummary[] } = { name: groupName, rules: group.rules.map((r) => r.pointer), variants: [], relations: [] };
    const relations = new Map<string, string>();
    for (const mode of modes) {
      const v = mode.variant;
      const vName = names.take(mode.chosenName ?? (prefix === "Task" ? mode.derivedName : `${prefix}${mode.derivedName}`), groupName);
      const facts = mode.facts.map((f) => ({ path: f.path, val: f.present, rules: f.rules.map((p) => rulePointerText(p)) }));
      const requires = facts.filter((f) => f.val);
      const forbids = facts.filter((f) => !f.val);
      for (const f of forbids) decl.types.forbiddenNames.add(String(f.path.at(-1)));
      // What the mode requires and forbids, each with the rules that make it so; properties the same rules make so
      // are named together: `With height, width (allOf[0], allOf[7]); inputs.video (allOf[3]).`
      const byRules = (fs: typeof facts): string => {
        const groups = new Map<string, string[]>();
        for (const f of fs) groups.set(f.rules.join(", "), [...(groups.get(f.rules.join(", ")) ?? []), label(f.path)]);
        return [...groups].map(([rules, paths]) => `${paths.join(", ")} (${rules})`).join("; ");
      };
      const doc = [...(requires.length ? [`With ${byRules(requires)}.`] : []), ...(forbids.length ? [`Without ${byRules(forbids)}.`] : [])];
      if (!doc.length) doc.push("Without.");
      // A property the mode forbids says which rule forbids it, where tsc and an editor point.
      const forbidDoc = (fact: FactDecl): string[] => {
        // The first two rules' words (the rest only by pointer): more make the comment a wall.
        const words = fact.words.slice(0, 2);
        const where = fact.rules.map((p) => rulePointerText(`${pointerBase}${p}`)).join(", ");
        return [words.length ? `Not in ${vName}: ${words.join("; ")} (${where}).` : `Not in ${vName} (${where}).`];
      };
      // A nested object of the mode is a named interface too (`TextToVideoInputs`): tsc names the mode there as well.
      const nestedTexts: string[] = [];
      const nested = (path: Path, body: string): string => {
        const nestedName = names.take(`${vName}${pascal(path.join(" "))}`, groupName);
        nestedTexts.push(`${docComment([`\`${label(path)}\` in ${vName}.`]).text}export interface ${nestedName} ${body}`);
        return nestedName;
      };
      const body = variantBody(mode, decl, forbidDoc, nested);
      let variantRelation: string | null = null;
      const relation = mode.relation;
      if (relation) {
        const tupleTexts = relation.rows.map(({ cube, title }) => `${tupleType(cube, v, relation, decl)}${title !== null ? ` // ${commentText(title).replace(/\n/g, " ")}` : ""}`);
        const relText = tupleTexts.map((t) => `\n| ${t}`).join("");
        let relName = relations.get(relText);
        if (!relName) {
          relName = names.take(relation.vars.map((x) => pascal(x.path.at(-1) ?? "")).join(""), groupName);
          relations.set(relText, relName);
          info.relations.push({
            name: relName,
            keys: relation.vars.map((x) => label(x.path)),
            rows: relation.rows.map(({ cube, title }) => ({ values: relation.vars.map((x) => rowValue(cube.get(x.key))), title })),
          });
          groupTexts.push(`${docComment([`The allowed combinations of ${relation.vars.map((x) => x.path.at(-1) ?? "").join(" and ")}.`]).text}export type ${relName} =${relText.replace(/( \/\/ [^\n]*)?$/, ";$1")}`);
        }
        variantRelation = relName;
      }
      // A mode is an interface, so tsc names it in its messages; a relation joins it in the union.
      groupTexts.push(`${docComment(doc).text}export interface ${vName} ${body}`, ...nestedTexts.reverse());
      // Every member is an intersection written in the order below (`& object` adds nothing to a task): tsc orders a
      // union's members by when it made them, and the interfaces alone were made before the intersections.
      members.push({ text: variantRelation ? `(${vName} & ${variantRelation})` : variants.length > 1 ? `(${vName} & object)` : vName, required: requires.length });
      info.variants.push({
        name: vName,
        doc,
        requires: requires.map((f) => ({ path: label(f.path), rules: f.rules })),
        forbids: forbids.map((f) => ({ path: label(f.path), rules: f.rules })),
        relation: variantRelation,
        cube: modeCube(v),
        vars: group.vars,
      });
    }
    // tsc reports a task that fits no mode against the last of the modes that fit it best (ties go to the last):
    // the modes that require the least come last, so a task missing one property is told about that one.
    const ordered = members.map((m, i) => ({ ...m, i })).sort((a, b) => b.required - a.required || a.i - b.i);
    groupTexts.push(`${docComment([`One of the modes that the rules ${info.rules.map((r) => rulePointerText(`${pointerBase}${r}`)).join(", ")} allow.`]).text}export type ${groupName} =${ordered.length ? `\n${ordered.map((m) => `| ${m.text}`).join("\n")}` : " never"};`);
    groups.push(info);
  }
  return { texts: groupTexts, groups };
}

/** A relation row's value for the summary: null for OTHER (any other value) and for a value the tuple leaves free. */
const rowValue = (v: Value | undefined): Json | null | undefined => (v === OTHER ? null : v);

/**
 * The task's types: TaskCommon and the nested interfaces, the modes of every group of rules, Task and TaskInput.
 * `taken`: every other name the module declares or imports (runtime types, response types), so that no type made
 * from a property name clashes with one (a property `runwareClient` gets `TaskRunwareClient`).
 */
/**
 * Whether any object of the tree has modes: only then does an open object meet a union of closed ones (the modes,
 * or the interfaces of their nested objects), where tsc takes `constructor` for Object's (see OBJECT_MEMBERS_DECL).
 */
function makesModes(root: ObjectDecl): boolean {
  const seen = new Set<Decl>();
  const visit = (d: Decl | null): boolean => {
    if (!d || seen.has(d)) return false;
    seen.add(d);
    switch (d.kind) {
      case "object":
        return !!d.rules?.groups.length || d.properties.some((p) => visit(p.type)) || visit(d.index);
      case "union":
        return d.members.some(visit);
      case "array":
        return visit(d.items);
      case "tuple":
        return d.prefix.some(visit) || visit(d.rest);
      case "record":
        return visit(d.values);
      default:
        return false;
    }
  };
  return visit(root);
}

export function emitTypes(ir: ModelIR, taken: Iterable<string> = [], shared?: SharedFieldsDoc): EmittedTypes {
  const names = new Names([...OWN_NAMES, ...taken]);
  const root = ir.declaration;
  const types = new DeclaredTypes(names, makesModes(root), shared);
  const out: string[] = [];
  const rules = root.rules;
  if (!rules) throw new Error("internal: the task's declaration has no rules");
  const modes = emitModes({ rules, types }, names, "Task");
  const summary: TypesSummary = { groups: modes.groups };
  const groupTexts = modes.texts;

  // Declared properties: TaskCommon and its nested interfaces (allocated after the variants referenced them).
  const common = types.interfaceText("TaskCommon", root);
  const groupNames = summary.groups.map((g) => g.name);
  const { modelId, clientFilled: filled } = ir.meta;
  out.push(`${docComment([`Properties of one ${modelId} task as the spec declares them, before its rules.`]).text}${common}`);
  out.push(...groupTexts);
  out.push(`${docComment([`One ${modelId} task as sent on the wire: exactly what the spec's request item allows, rules included.`]).text}export type Task = ${["TaskCommon", ...groupNames].join(" & ")};`);
  out.push(
    filled.length
      ? [
          `${docComment([`TaskCommon with ${filled.join(", ")} optional: the client fills them in when you leave them out.`]).text}export interface TaskInputCommon extends Omit<TaskCommon, ${filled.map((f) => literal(f).text).join(" | ")}>, Partial<Pick<TaskCommon, ${filled.map((f) => literal(f).text).join(" | ")}>> {}`,
          `${docComment(["What you pass to the client: a Task whose client-filled properties may be left out."]).text}export type TaskInput = ${["TaskInputCommon", ...groupNames].join(" & ")};`,
        ].join("\n\n")
      : `${docComment(["What you pass to the client: the same as Task."]).text}export type TaskInput = Task;`,
  );
  const forbiddenAt = out.length;
  // The list grows while it is read (an array iterator sees what is pushed meanwhile): interface bodies and local
  // modes allocate the interfaces they reference.
  for (const { name, decl } of types.interfaces) {
    // An object described in the same words as the property that holds it (a nested object, each alternative of a
    // oneOf that repeats its title and description) points there: an editor shows the words on the property.
    const ref = types.referencedBy.get(decl);
    // (Only where the pointer is the shorter text.)
    const own = docComment(decl.doc.length ? decl.doc : [`\`${placeLabel(decl.place)}\``]).text;
    const same = ref !== undefined && decl.doc.length > 0 && ref.doc.length === decl.doc.length && ref.doc.every((l, i) => l === decl.doc[i]);
    const pointer = same ? docComment([`\`${placeLabel(decl.place)}\`: described on ${ref.owner}.${ref.name}.`]).text : own;
    const doc = pointer.length < own.length ? pointer : own;
    // Objects the task-level split cannot reach (array items, alternatives) carry their own rules.
    const localModes = decl.rules ? emitModes({ rules: decl.rules, types }, names, name, `${placeLabel(decl.place)}[]`) : null;
    if (localModes) {
      const common = names.take(`${name}Common`);
      out.push(`${doc}export type ${name} = ${common} & ${localModes.groups.map((g) => g.name).join(" & ")};`);
      out.push(types.interfaceText(common, decl));
      out.push(...localModes.texts);
    } else out.push(`${doc}${types.interfaceText(name, decl)}`);
  }
  out.splice(forbiddenAt, 0, ...(types.usesObjectMembers ? [OBJECT_MEMBERS_DECL] : []));
  return { text: out.join("\n\n") + "\n", summary, names, sharedTypes: [...types.sharedTypes].sort(), usesForbidden: types.usesForbidden };
}
