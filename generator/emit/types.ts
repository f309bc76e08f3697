// Emit the exact TypeScript types of a model's task: the declared properties (TaskCommon and the nested
// interfaces), and per group of rules a union of variants, each listing only what its mode requires or forbids.
// Task = TaskCommon & Group1 & Group2 …; an intersection of unions is exactly the conjunction of the rules.
import { rulePointerText } from "../errors.js";
import { displayOrder } from "../analyze/describe.js";
import { Names, pascal, propertyKey, literal, docComment, commentText } from "./code.js";
import { OTHER, simplify, caseSplit } from "../analyze/case-split.js";
import { declaredLiterals, stableStringify, pathKey, atomsOf } from "../analyze/formula.js";
import { declaredAt, isPlain } from "../normalize/walk.js";

const RESERVED_NAMES = ["Task", "TaskInput", "TaskCommon", "TaskMode", "ValidationIssue", "Result", "ResponseBody", "ErrorResponse", "ClientOptions", "Client"];

const OBJECT_MEMBERS = new Set(["constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"]);

const typesOf = (s) => (typeof s?.type === "string" ? [s.type] : Array.isArray(s?.type) ? s.type : undefined);

/** Documentation lines for a property schema. */
export function propertyDoc(schema) {
  if (!isPlain(schema)) return [];
  const lines = [];
  if (schema.title) lines.push(schema.title);
  if (schema.description && schema.description !== schema.title) lines.push(...(lines.length ? [""] : []), schema.description);
  if ("default" in schema) lines.push(`@default ${JSON.stringify(schema.default)}`);
  return lines;
}

/**
 * Type expressions for declared schemas, with named interfaces for object schemas that have properties.
 */
class DeclaredTypes {
  constructor(names) {
    this.names = names;
    this.interfaces = []; // { name, schema, path }
    this.byPath = new Map();
  }

  interfaceFor(schema, path) {
    const key = pathKey(path);
    if (this.byPath.has(key)) return this.byPath.get(key);
    const name = this.names.take(pascal(path.filter((p) => p !== "[]").join(" ") + (path.at(-1) === "[]" ? " Item" : "")) || "Object", "Task");
    this.byPath.set(key, name);
    this.interfaces.push({ name, schema, path });
    return name;
  }

  /** TS type of a schema at an instance path. */
  type(schema, path) {
    if (schema === true || schema === undefined) return "unknown";
    if (schema === false) return "never";
    if (!isPlain(schema)) return "unknown";
    const lits = declaredLiterals(schema);
    if (lits) {
      const t = typesOf(schema);
      const ok = lits.filter((v) => !t || t.some((x) => matchesType(x, v)));
      return ok.length ? unionOf(ok.map((v) => literal(v).text)) : "never";
    }
    const branches = ["oneOf", "anyOf"].map((k) => schema[k]).find((b) => Array.isArray(b) && b.length);
    if (branches) {
      const { oneOf, anyOf, ...base } = schema;
      const members = branches.map((b, i) => this.type(mergeBranch(base, b), branches.length > 1 && isObjectSchema(mergeBranch(base, b)) && hasManyObjects(base, branches) ? [...path, `option ${b.title ?? i + 1}`] : path));
      return unionOf(members);
    }
    const types = typesOf(schema) ?? inferTypes(schema);
    if (!types) return "unknown";
    return unionOf(types.map((t) => this.typeOfKind(t, schema, path)));
  }

  typeOfKind(t, schema, path) {
    switch (t) {
      case "string":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "null":
        return "null";
      case "array": {
        if (Array.isArray(schema.prefixItems) && schema.prefixItems.length) {
          const items = schema.prefixItems.map((s) => this.type(s, [...path, "[]"]));
          const rest = schema.items === false ? null : this.type(schema.items ?? true, [...path, "[]"]);
          if (new Set([...items, ...(rest ? [rest] : [])]).size === 1) return arrayOf(items[0]);
          const min = schema.minItems ?? 0;
          return `[${items.map((x, i) => `${x}${i < min ? "" : "?"}`).join(", ")}${rest ? `, ...${arrayOf(rest)}` : ""}]`;
        }
        return arrayOf(this.type(schema.items ?? true, [...path, "[]"]));
      }
      case "object":
        if (isPlain(schema.properties) && Object.keys(schema.properties).length) return this.interfaceFor(schema, path);
        if (schema.additionalProperties === false) return "Record<string, never>";
        return `{ [key: string]: ${isPlain(schema.additionalProperties) ? this.type(schema.additionalProperties, [...path, "*"]) : "unknown"} }`;
    }
    return "unknown";
  }

  /** Body of an interface for an object schema (its properties, declared optionality, index signature). */
  interfaceBody(schema, path) {
    const required = new Set(schema.required ?? []);
    const lines = [];
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      let t = this.type(sub, [...path, key]);
      // TypeScript compares an absent optional property with the inherited Object member of that name
      // (toString, constructor, …): admit that member's type too, or valid payloads without it would not compile.
      if (!required.has(key) && OBJECT_MEMBERS.has(key)) t = `${t} | Object[${literal(key).text}]`;
      lines.push(`${docComment(propertyDoc(sub)).text}${propertyKey(key).text}${required.has(key) ? "" : "?"}: ${t};`);
    }
    if (schema.additionalProperties !== false) {
      const t = isPlain(schema.additionalProperties) ? this.type(schema.additionalProperties, [...path, "*"]) : "unknown";
      lines.push(`[key: string]: ${t === "unknown" ? "unknown" : `${t} | undefined`};`);
    }
    return lines.join("\n");
  }
}

function matchesType(t, v) {
  if (t === "integer") return Number.isInteger(v);
  if (t === "number") return typeof v === "number";
  if (t === "null") return v === null;
  if (t === "array") return Array.isArray(v);
  if (t === "object") return isPlain(v);
  return typeof v === t;
}
function inferTypes(s) {
  if (!isPlain(s)) return undefined;
  if (isPlain(s.properties) || "required" in s || "additionalProperties" in s) return ["object"];
  if ("items" in s || "prefixItems" in s) return ["array"];
  return undefined;
}
const isObjectSchema = (s) => isPlain(s) && (typesOf(s) ?? inferTypes(s) ?? []).includes("object") && isPlain(s.properties);
const hasManyObjects = (base, branches) => branches.filter((b) => isObjectSchema(mergeBranch(base, b))).length > 1;
function mergeBranch(base, b) {
  if (b === true) return base;
  if (!isPlain(b)) return b;
  const bt = typesOf(b);
  const at = typesOf(base);
  const type = bt && at ? at.filter((t) => bt.includes(t) || (t === "number" && bt.includes("integer"))).map((t) => (t === "number" && bt.includes("integer") ? "integer" : t)) : bt ?? at;
  const out = { ...base, ...b };
  if (type) out.type = type.length === 1 ? type[0] : type;
  if (isPlain(base.properties) && isPlain(b.properties)) out.properties = { ...base.properties, ...b.properties };
  return out;
}
const arrayOf = (t) => (/^[A-Za-z0-9_.]+$/.test(t) ? `${t}[]` : `Array<${t}>`);
function unionOf(members) {
  const uniq = [...new Set(members)];
  if (uniq.includes("unknown")) return "unknown";
  return uniq.length ? uniq.join(" | ") : "never";
}

/** Titles of rule branches that fix several properties to constants (e.g. "720p (16:9)" for a size pair). */
function branchTitles(schema) {
  const out = [];
  const visit = (s) => {
    if (Array.isArray(s)) return s.forEach(visit);
    if (!isPlain(s)) return;
    if (typeof s.title === "string" && isPlain(s.properties)) {
      const consts = Object.entries(s.properties).filter(([, p]) => isPlain(p) && "const" in p);
      if (consts.length) out.push({ title: s.title, consts: Object.fromEntries(consts.map(([k, p]) => [k, p.const])) });
    }
    for (const v of Object.values(s)) if (typeof v === "object") visit(v);
  };
  visit(schema.allOf ?? []);
  for (const k of ["oneOf", "anyOf", "if", "then", "else"]) visit(schema[k]);
  return out;
}

/** Human label of a path: inputs.frameImages */
const label = (path) => path.join(".");

/**
 * Turn a group's cubes into variants: cubes with the same presence part become one variant whose values form a
 * relation (e.g. the allowed width/height pairs).
 */
function variantsOf(group) {
  const byPresence = new Map();
  for (const cube of group.cubes) {
    const presence = [...cube].filter(([k]) => k.startsWith("has:")).sort(([a], [b]) => (a < b ? -1 : 1));
    const key = presence.map(([k, v]) => `${k}=${v}`).join("|");
    if (!byPresence.has(key)) byPresence.set(key, { presence: new Map(presence), tuples: [] });
    const values = [...cube].filter(([k]) => k.startsWith("eq:"));
    byPresence.get(key).tuples.push(new Map(values));
  }
  return [...byPresence.values()];
}

/**
 * Name a variant by its most characteristic presence facts: those shared by the fewest variants (true facts
 * before false ones), e.g. WithFrameImages, WithReferenceVideos, WithoutShotType.
 */
function variantName(v, all, vars, extra = 0) {
  const literals = [...vars.values()]
    .filter((x) => x.kind === "has" && v.presence.has(x.key))
    .map((x) => ({ key: x.key, path: x.path, value: v.presence.get(x.key), freq: all.filter((o) => o.presence.get(x.key) === v.presence.get(x.key)).length }));
  if (literals.length === 0) return "AnyTask";
  const min = Math.min(...literals.map((l) => l.freq));
  const rare = literals.filter((l) => l.freq <= min + extra);
  const trues = rare.filter((l) => l.value).slice(0, 2);
  const chosen = trues.length ? trues : rare.filter((l) => !l.value).slice(0, 2);
  const leaf = (l) => pascal(l.path.at(-1));
  return `${trues.length ? "With" : "Without"}${chosen.map(leaf).join("And")}`;
}

/** Which rules make each fixed fact of a variant: those that become false when the fact is flipped, else
 * those that mention it. */
function reasons(v, group) {
  const out = new Map();
  for (const [key, value] of v.presence) {
    const flipped = new Map(v.presence).set(key, !value);
    let rules = group.rules.filter((r) => simplify(r.formula, flipped).t === "false");
    if (rules.length === 0) rules = group.rules.filter((r) => atomsOf(r.formula).has(key));
    out.set(key, rules.map((r) => rulePointerText(r.pointer)));
  }
  return out;
}


/**
 * A nested object type from facts about paths: { path, presence: true | false | undefined, type?: string }.
 * A property is required when it or a descendant is required; forbidden ones are `?: never`; a property without
 * a given type keeps its declared one.
 */
function shapeType(entries, decl) {
  const tree = { children: new Map() };
  for (const e of entries) {
    let n = tree;
    for (const p of e.path) {
      if (!n.children.has(p)) n.children.set(p, { children: new Map() });
      n = n.children.get(p);
    }
    if (e.presence !== undefined) n.presence = e.presence;
    if (e.type !== undefined) n.type = e.type;
  }
  const emit = (n, path) => {
    const lines = [];
    for (const [key, child] of n.children) {
      const p = [...path, key];
      if (child.presence === false) {
        lines.push(`${propertyKey(key).text}?: never;`);
        continue;
      }
      const optional = child.presence === true || requiresDescendant(child) ? "" : "?";
      const type = child.children.size ? `{\n${emit(child, p)}\n}` : child.type ?? decl.types.type(declaredAt(decl.root, p), p);
      lines.push(`${propertyKey(key).text}${optional}: ${type};`);
    }
    return lines.join("\n");
  };
  return `{\n${emit(tree, [])}\n}`;
}

/** A variant's own facts: presence, and values fixed the same way in all its tuples (the rest: relation). */
function variantBody(v, vars, decl, relationVars) {
  const entries = [];
  for (const [key, value] of v.presence) {
    // A relation type requires the properties it fixes; listing them again here adds nothing.
    if (value === true && relationVars.some((t) => `has:${pathKey(vars.get(t).path)}` === key)) continue;
    entries.push({ path: vars.get(key).path, presence: value });
  }
  for (const key of v.valueKeys) {
    if (relationVars.includes(key)) continue;
    const path = vars.get(key).path;
    const values = [...new Set(v.tuples.map((t) => t.get(key)))];
    entries.push({ path, type: valueType({ values, v: vars.get(key) }, declaredAt(decl.root, path), decl, path) });
  }
  return shapeType(entries, decl);
}

/** One allowed combination of the relation's values, as an object type (nested where the paths are). */
function tupleType(t, v, relationVars, vars, decl) {
  const entries = [];
  for (const k of relationVars) {
    const value = t.get(k);
    if (value === undefined) continue;
    const path = vars.get(k).path;
    const declared = declaredAt(decl.root, path);
    const presence = v.presence.get(`has:${pathKey(path)}`) === true ? true : undefined;
    entries.push({ path, presence, type: value === OTHER ? valueType({ values: [OTHER], v: vars.get(k) }, declared, decl, path) : literal(value).text });
  }
  return shapeType(entries, decl).replace(/\n/g, " ").replace(/\{\s+/g, "{ ").replace(/;?\s+\}/g, " }");
}

function requiresDescendant(n) {
  return [...n.children.values()].some((c) => c.presence === true || requiresDescendant(c));
}

function valueType({ values, v }, declared, decl, path) {
  const parts = [];
  for (const value of values) {
    if (value === undefined) return decl.types.type(declared, path);
    if (value === OTHER) {
      if (v.otherLiterals) parts.push(...v.otherLiterals.map((x) => literal(x).text));
      else return decl.types.type(declared, path);
    } else parts.push(literal(value).text);
  }
  return unionOf(parts);
}

/**
 * @param {ReturnType<typeof import("../ir/build.js").buildIR>} ir
 * @returns {{ text: string, summary: { groups: { name: string, variants: { name: string, doc: string[] }[] }[] } }}
 */
/**
 * The rules of an object schema as unions of variants (one union per independent group of rules).
 * @returns {{ texts: string[], groups: object[] }}
 */
function emitModes(root, split, decl, names, prefix, pointerBase = "") {
  const groupTexts = [];
  const summary = { groups: [] };
  split.groups.forEach((group, gi) => {
    const variants = variantsOf(group);
    if (variants.length === 1 && variants[0].presence.size === 0 && variants[0].tuples.every((t) => t.size === 0)) return;
    const firstVar = [...group.vars.values()].find((x) => x.kind === "has");
    const groupName = split.groups.length === 1 ? `${prefix}Mode` : names.take(`${prefix === "Task" ? "" : prefix}${pascal(firstVar ? firstVar.path.join(" ") : `rules ${gi}`)}Mode`);
    const titles = branchTitles(root);
    const members = [];
    const info = { name: groupName, rules: group.rules.map((r) => r.pointer), variants: [], relations: [] };
    const usedVariantNames = new Set();
    const relations = new Map();
    for (const v of variants) {
      v.valueKeys = [...new Set(v.tuples.flatMap((t) => [...t.keys()]))].sort();
      // Value variables that vary together across tuples form a relation type; constant ones go inline.
      const order = [...group.vars.keys()];
      v.valueKeys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      const varying = v.valueKeys.filter((k) => new Set(v.tuples.map((t) => stableStringify(t.get(k) === OTHER ? "\u0000other" : t.get(k)))).size > 1);
      const relationVars = varying.length > 1 ? displayOrder(varying, (k) => group.vars.get(k).path.at(-1)) : [];
      let preferred = variantName(v, variants, group.vars);
      for (let extra = 1; usedVariantNames.has(preferred) && extra < 4; extra++) preferred = variantName(v, variants, group.vars, extra);
      usedVariantNames.add(preferred);
      const vName = names.take(prefix === "Task" ? preferred : `${prefix}${preferred}`, groupName);
      const why = reasons(v, group);
      const facts = [...v.presence].map(([k, val]) => ({ path: group.vars.get(k).path, val, rules: why.get(k) }));
      const requires = facts.filter((f) => f.val);
      const forbids = facts.filter((f) => !f.val);
      const doc = [
        `${requires.length ? `With ${requires.map((f) => label(f.path)).join(", ")}` : "Without"}${forbids.length ? `${requires.length ? "; without" : ""} ${forbids.map((f) => label(f.path)).join(", ")}` : ""}.`,
        ...requires.map((f) => `- requires ${label(f.path)} (${f.rules.join(", ")})`),
        ...forbids.map((f) => `- forbids ${label(f.path)} (${f.rules.join(", ")})`),
      ];
      let body = variantBody(v, group.vars, decl, relationVars);
      let variantRelation = null;
      if (relationVars.length) {
        const tuples = dedupeTuples(v.tuples, relationVars).sort((a, b) => compareTuples(a, b, relationVars, group.vars));
        const tupleTexts = tuples.map((t) => {
          const title = titles.find((b) => relationVars.every((k) => b.consts[group.vars.get(k).path.at(-1)] !== undefined && stableStringify(b.consts[group.vars.get(k).path.at(-1)]) === stableStringify(t.get(k))));
          return `${tupleType(t, v, relationVars, group.vars, decl)}${title ? ` // ${commentText(title.title).replace(/\n/g, " ")}` : ""}`;
        });
        {
          const relText = tupleTexts.map((t) => `\n| ${t}`).join("");
          let relName = relations.get(relText);
          if (!relName) {
            relName = relationName(relationVars, group.vars, names, groupName);
            relations.set(relText, relName);
            info.relations.push({ name: relName, keys: relationVars.map((k) => label(group.vars.get(k).path)), rows: tuples.map((t) => ({ values: relationVars.map((k) => (t.get(k) === OTHER ? null : t.get(k))), title: titles.find((b) => relationVars.every((k) => b.consts[group.vars.get(k).path.at(-1)] !== undefined && stableStringify(b.consts[group.vars.get(k).path.at(-1)]) === stableStringify(t.get(k))))?.title ?? null })) });
            groupTexts.push(`${docComment([`The allowed combinations of ${relationVars.map((k) => group.vars.get(k).path.at(-1)).join(" and ")}.`]).text}export type ${relName} =${relText.replace(/( \/\/ [^\n]*)?$/, ";$1")}`);
          }
          body = `${body} & ${relName}`;
          variantRelation = relName;
        }
      }
      groupTexts.push(`${docComment(doc).text}export type ${vName} = ${body};`);
      members.push(vName);
      info.variants.push({
        name: vName,
        doc,
        requires: requires.map((f) => ({ path: label(f.path), rules: f.rules })),
        forbids: forbids.map((f) => ({ path: label(f.path), rules: f.rules })),
        relation: variantRelation,
        // A representative cube (the variant's facts and its first allowed combination), for example payloads.
        cube: new Map([...v.presence, ...(v.tuples[0] ?? new Map())]),
        vars: group.vars,
      });
    }
    groupTexts.push(`${docComment([`One of the modes that the rules ${info.rules.map((r) => rulePointerText(`${pointerBase}${r}`)).join(", ")} allow.`]).text}export type ${groupName} =${members.length ? `\n${members.map((m) => `| ${m}`).join("\n")}` : " never"};`);
    summary.groups.push(info);
  });

  return { texts: groupTexts, groups: summary.groups };
}

export function emitTypes(ir) {
  const names = new Names(RESERVED_NAMES);
  const types = new DeclaredTypes(names);
  const decl = { root: ir.task, types };
  types.localModes = (schema, name, path) => {
    // An object inside an array (or an alternative) with rules of its own gets its own split.
    const split = caseSplit(schema);
    if (split.groups.every((g) => g.cubes.length <= 1 && g.cubes.every((c) => c.size === 0))) return null;
    return emitModes(schema, split, { root: schema, types }, names, name, `${label(path.filter((p) => p !== "[]"))}[]`);
  };
  const out = [];
  const modes = emitModes(ir.task, ir.split, decl, names, "Task");
  const summary = { groups: modes.groups };
  const groupTexts = modes.texts;

  // Declared properties: TaskCommon and its nested interfaces (allocated after the variants referenced them).
  const commonBody = types.interfaceBody(ir.task, []);
  const groupNames = summary.groups.map((g) => g.name);
  const filled = ir.clientFilled;
  out.push(
    `${docComment([`Properties of one ${ir.modelId} task as the spec declares them, before its rules.`]).text}export interface TaskCommon {\n${commonBody}\n}`,
  );
  out.push(...groupTexts);
  out.push(
    `${docComment([`One ${ir.modelId} task as sent on the wire: exactly what the spec's request item allows, rules included.`]).text}export type Task = ${["TaskCommon", ...groupNames].join(" & ")};`,
  );
  out.push(
    filled.length
      ? `${docComment([`What you pass to the client: a Task whose ${filled.join(", ")} the client fills in when you leave them out.`]).text}export type TaskInput = Omit<TaskCommon, ${filled.map((f) => literal(f).text).join(" | ")}> & Partial<Pick<TaskCommon, ${filled.map((f) => literal(f).text).join(" | ")}>>${groupNames.map((g) => ` & ${g}`).join("")};`
      : `${docComment(["What you pass to the client: the same as Task."]).text}export type TaskInput = Task;`,
  );
  for (let i = 0; i < types.interfaces.length; i++) {
    const { name, schema, path } = types.interfaces[i];
    const doc = docComment(propertyDoc(schema).length ? propertyDoc(schema) : [`\`${label(path.filter((p) => p !== "[]"))}\``]).text;
    // Objects the task-level split cannot reach (array items, alternatives) carry their own rules here.
    const local = path.some((p) => p === "[]" || p.startsWith("option ")) ? types.localModes(schema, name, path) : null;
    if (local) {
      out.push(`${doc}export type ${name} = ${name}Common & ${local.groups.map((g) => g.name).join(" & ")};`);
      out.push(`export interface ${name}Common {\n${types.interfaceBody(schema, path)}\n}`);
      out.push(...local.texts);
    } else out.push(`${doc}export interface ${name} {\n${types.interfaceBody(schema, path)}\n}`);
  }
  return { text: out.join("\n\n") + "\n", summary, names };
}

function relationName(keys, vars, names, scope) {
  return names.take(keys.map((k) => pascal(vars.get(k).path.at(-1))).join(""), scope);
}

/** Tuples in the order the rules mention their values (the variables' domains are in that order). */
function compareTuples(a, b, keys, vars) {
  for (const k of keys) {
    const d = vars.get(k).domain;
    const diff = d.indexOf(a.get(k)) - d.indexOf(b.get(k));
    if (diff) return diff;
  }
  return 0;
}

function dedupeTuples(tuples, keys) {
  const seen = new Map();
  for (const t of tuples) seen.set(keys.map((k) => (t.get(k) === OTHER ? "\u0000" : stableStringify(t.get(k)))).join("|"), t);
  return [...seen.values()];
}
