// Messages in words for a schema's rules, derived from their structure (titles, consts, keywords), never
// written per model. Each message is keyed by the schema path Ajv reports, so a broken rule gives one message.
// Placeholders `{/json/pointer}` are filled from the payload when the message is shown.
import { translate as translateRaw, and, or, not, pathKey } from "./formula.js";
import { collectRules, simplify } from "./case-split.js";
import { isPlain } from "../normalize/walk.js";

const dot = (path) => path.join(".");

/**
 * Unit propagation for reading: inside a conjunction, a property known present is true everywhere else, and a
 * parent's presence next to its child's says nothing more (has(a.b) implies has(a)).
 */
export function propagate(f) {
  if (f.t === "or") return or(f.xs.map(propagate));
  if (f.t === "not") return not(propagate(f.x));
  if (f.t !== "and") return f;
  const known = new Map();
  for (const x of f.xs) if (x.t === "has") for (let i = 1; i <= x.path.length; i++) known.set(`has:${pathKey(x.path.slice(0, i))}`, true);
  const rest = f.xs.map((x) => (x.t === "has" ? x : propagate(simplify(x, known))));
  const positives = rest.filter((x) => x.t === "has").map((x) => x.path);
  const eqs = rest.filter((x) => x.t === "eq").map((x) => pathKey(x.path));
  const below = (p) => eqs.includes(pathKey(p)) || positives.some((q) => q.length > p.length && p.every((k, i) => q[i] === k));
  // A conjunct like or(¬has(inputs), has(inputs.x)) next to has(inputs) became has(inputs.x): drop has(inputs).
  const childPaths = rest.flatMap((x) => (x.t === "has" ? [] : hasLeaves(x)));
  return and(rest.filter((x) => !(x.t === "has" && (below(x.path) || childPaths.some((q) => q.length > x.path.length && x.path.every((k, i) => q[i] === k))))));
}
function hasLeaves(f) {
  if (f.t === "has" || f.t === "eq") return [f.path];
  if (f.t === "and" || f.t === "or") return f.xs.flatMap(hasLeaves);
  if (f.t === "not") return hasLeaves(f.x);
  return [];
}
const translate = (s, at, root) => propagate(translateRaw(s, at, root));
const ptr = (path) => path.map((k) => "/" + String(k).replace(/~/g, "~0").replace(/\//g, "~1")).join("");

/** Words for a formula used as a condition: "inputs.frameImages is given". */
export function conditionText(f) {
  switch (f.t) {
    case "true":
      return "always";
    case "false":
      return "never";
    case "has":
      return `${dot(f.path)} is given`;
    case "eq":
      return `${dot(f.path)} is ${JSON.stringify(f.value)}`;
    case "not":
      if (f.x.t === "has") return `${dot(f.x.path)} is not given`;
      return `not (${conditionText(f.x)})`;
    case "and":
    case "or": {
      const xs = f.xs.filter((x) => !isParentPresence(x, f.xs));
      const hasOnly = xs.every((x) => x.t === "has");
      if (hasOnly && xs.length > 1) return `${xs.map((x) => dot(x.path)).join(f.t === "and" ? " and " : " or ")} ${f.t === "and" ? "are" : "is"} given`;
      return xs.map(conditionText).join(f.t === "and" ? " and " : " or ");
    }
    case "opaque":
      return opaqueText(f.id);
  }
  return "a condition holds";
}

/** has(inputs) beside has(inputs.x) says nothing a person needs to read. */
function isParentPresence(x, siblings) {
  return x.t === "has" && siblings.some((s) => s !== x && (leaves(s) ?? []).some((p) => p.length > x.path.length && x.path.every((k, i) => p[i] === k)));
}
function leaves(f) {
  if (f.t === "has") return [f.path];
  if (f.t === "eq") return [f.path];
  if (f.t === "and" || f.t === "or") return f.xs.flatMap((x) => leaves(x) ?? []);
  if (f.t === "not") return leaves(f.x);
  return [];
}

function opaqueText(id) {
  const i = id.indexOf(":");
  const path = id.slice(0, i);
  let schema;
  try {
    schema = JSON.parse(id.slice(i + 1));
  } catch {
    return "a check holds";
  }
  return constraintText(path, schema, false);
}

/** Words for a value constraint: "duration must be at most 10 (got {/duration})". */
function constraintText(path, schema, withGot = true) {
  const p = path || "the task";
  const got = withGot && path ? ` (got {${ptr(path.split("."))}})` : "";
  const parts = [];
  if ("maximum" in schema) parts.push(`at most ${schema.maximum}`);
  if ("minimum" in schema) parts.push(`at least ${schema.minimum}`);
  if ("exclusiveMaximum" in schema) parts.push(`less than ${schema.exclusiveMaximum}`);
  if ("exclusiveMinimum" in schema) parts.push(`more than ${schema.exclusiveMinimum}`);
  if ("maxItems" in schema) parts.push(`at most ${schema.maxItems} items`);
  if ("minItems" in schema) parts.push(`at least ${schema.minItems} items`);
  if ("maxLength" in schema) parts.push(`at most ${schema.maxLength} characters`);
  if ("minLength" in schema) parts.push(`at least ${schema.minLength} characters`);
  if ("enum" in schema) parts.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if ("const" in schema) parts.push(JSON.stringify(schema.const));
  if (parts.length) return `${p} must be ${parts.join(" and ")}${got}`;
  return `${p} must satisfy ${JSON.stringify(schema)}`;
}

/** Presence facts of a formula that is a plain conjunction or disjunction of has / not has. */
function presenceShape(f) {
  const xs = f.t === "and" || f.t === "or" ? f.xs : [f];
  const pos = [];
  const neg = [];
  for (const x of xs) {
    if (x.t === "has") pos.push(x.path);
    else if (x.t === "not" && x.x.t === "has") neg.push(x.x.path);
    else if (x.t === "not" && x.x.t === "or" && x.x.xs.every((y) => y.t === "has")) neg.push(...x.x.xs.map((y) => y.path));
    else return null;
  }
  return { op: f.t === "or" ? "or" : "and", pos: dropParents(pos), neg };
}
const dropParents = (paths) => paths.filter((p) => !paths.some((q) => q.length > p.length && p.every((k, i) => q[i] === k)));

/** A has, or an or of has: the list of paths; else null. */
function presenceList(f) {
  if (f.t === "has") return [f.path];
  if (f.t === "or" && f.xs.every((x) => x.t === "has")) return f.xs.map((x) => x.path);
  return null;
}

/** A list of names "a", "a and b", "width/height". */
function names(paths, op = "and") {
  const labels = paths.map(dot);
  if (labels.length === 2 && labels.every((l) => !l.includes("."))) return labels.join("/");
  return labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} ${op} ${labels.at(-1)}`;
}

/**
 * A requirement (the part that must hold) under an optional condition, in words.
 * @param {object} req formula of the requirement; @param {object|null} cond formula of the condition; unless: the
 * condition is stated negatively ("unless X is given").
 */
function requirementText(req, cond, reqSchema, at) {
  const shape = presenceShape(req);
  const condShape = cond ? presenceShape(cond) : null;
  const condWords = cond ? conditionClause(cond) : "";
  const condFocus = condShape ? condShape.pos : [];
  if (shape && shape.pos.length === 0 && shape.neg.length && condShape && condShape.op === "and" && condShape.neg.length === 0 && condShape.pos.length)
    return { text: `${names(condShape.pos)} cannot be combined with ${names(shape.neg, "or")}`, focus: [...shape.neg, ...condFocus] };
  if (shape && shape.neg.length === 0 && shape.pos.length) {
    const verb = shape.op === "or" || shape.pos.length === 1 ? "is" : "are";
    if (condShape && condShape.op === "and" && condShape.neg.length === 0 && condShape.pos.length === 1 && !condWords.startsWith(" unless"))
      return { text: `${names(condShape.pos)} requires ${names(shape.pos, shape.op)}`, focus: condFocus };
    return { text: `${names(shape.pos, shape.op)} ${verb} required${condWords}`, focus: condFocus };
  }
  if (shape && shape.pos.length === 0 && shape.neg.length) return { text: `${names(shape.neg, "or")} ${shape.neg.length > 1 ? "are" : "is"} not allowed${condWords}`, focus: shape.neg };
  const value = valueRequirement(reqSchema, at);
  if (value) return { text: `${value.text}${condWords}${value.got}`, focus: [value.path] };
  return { text: `the task must satisfy ${reqSchema ? "this rule" : "the rule"}${condWords}`, focus: condFocus, generic: true };
}

function conditionClause(cond) {
  if (cond.t === "not") return ` unless ${conditionText(cond.x)}`;
  return ` when ${conditionText(cond)}`;
}

/** `properties: {duration: {maximum: 10}}` → "duration must be at most 10", with "(got {/duration})" after. */
function valueRequirement(schema, at) {
  if (!isPlain(schema) || !isPlain(schema.properties)) return null;
  const entries = Object.entries(schema.properties).filter(([, s]) => s !== true);
  if (entries.length !== 1) return null;
  const [name, sub] = entries[0];
  if (!isPlain(sub)) return null;
  if (isPlain(sub.properties)) return valueRequirement(sub, [...at, name]);
  const path = [...at, name];
  const text = constraintText(dot(path), sub, false);
  return { text, got: ` (got {${ptr(path)}})`, path };
}

/** Conventional reading order for paired properties (keys are sorted alphabetically when a spec is loaded). */
const PAIRS = [["width", "height"], ["x", "y"], ["min", "max"], ["start", "end"]];
export function displayOrder(keys, leaf = (k) => k) {
  return [...keys].sort((a, b) => {
    for (const [first, second] of PAIRS) {
      if (leaf(a) === first && leaf(b) === second) return -1;
      if (leaf(a) === second && leaf(b) === first) return 1;
    }
    return 0;
  });
}

/** A oneOf/anyOf whose branches each fix the same properties to constants: a table of allowed combinations. */
function constTable(branches) {
  if (!Array.isArray(branches) || branches.length < 2) return null;
  let keys = null;
  const rows = [];
  for (const b of branches) {
    if (!isPlain(b) || !isPlain(b.properties)) return null;
    const consts = displayOrder(Object.keys(b.properties)).map((k) => [k, b.properties[k]]).filter(([, s]) => isPlain(s) && "const" in s);
    if (consts.length === 0 || consts.length !== Object.keys(b.properties).length) return null;
    const k = consts.map(([n]) => n).join(",");
    if (keys !== null && keys !== k) return null;
    keys = k;
    rows.push({ title: b.title, values: consts.map(([, s]) => s.const) });
  }
  return { keys: keys.split(","), rows };
}

function tableText(table, at) {
  const label = table.keys.join("/");
  const current = table.keys.map((k) => `{${ptr([...at, k])}}`).join("×");
  const allowed = table.rows.map((r) => `${r.values.join("×")}${r.title ? ` (${r.title})` : ""}`).join(", ");
  return `${label} ${current} is not an allowed ${table.keys.length > 1 ? "combination" : "value"}; allowed: ${allowed}`;
}

/**
 * Messages for every rule of a task schema, keyed by Ajv schema path ("#/allOf/2/then").
 * @returns {{ schemaPath: string, message: string, path: string }[]}
 */
export function describeRules(root) {
  const out = [];
  for (const rule of collectRules(root)) describeAt(rule.schema, `#${rule.pointer.replace(/\/(if|not|oneOf|anyOf|dependentRequired|dependentSchemas)$/, "")}`, rule.at, root, out);
  return out;
}

function describeAt(schema, base, at, root, out) {
  const add = (suffix, message, focus = []) => {
    const m = typeof message === "string" ? { text: message, focus } : message;
    out.push({ schemaPath: `${base}${suffix}`, message: m.text, path: ptr(at), focus: m.focus.map(ptr) });
  };
  if (!isPlain(schema)) return;
  if ("if" in schema) {
    const cond = translate(schema.if, at, root);
    const specific = isPlain(schema.then) && Array.isArray(schema.then.required) && Object.keys(schema.then).some((k) => !["required", "properties", "type"].includes(k));
    if ("then" in schema) {
      const m = requirementText(translate(schema.then, at, root), cond, schema.then, at);
      // A then that only the parts below can put in words (required + a table) gets no vaguer message of its own.
      if (!(specific && m.generic)) add("/then", m);
    }
    if (specific) add("/then/required", requirementText(translate({ required: schema.then.required }, at, root), cond, null, at));
    if ("else" in schema) add("/else", requirementText(translate(schema.else, at, root), { t: "not", x: cond }, schema.else, at));
    if (isPlain(schema.then)) nested(schema.then, `${base}/then`, at, out);
  }
  if ("not" in schema) {
    const f = translate(schema.not, at, root);
    const shape = presenceShape(f);
    const sides = f.t === "and" && f.xs.length === 2 ? f.xs.map(presenceList) : null;
    if (shape && shape.op === "and" && shape.neg.length === 0 && shape.pos.length > 1) add("/not", `${names(shape.pos.slice(0, 1))} cannot be combined with ${names(shape.pos.slice(1))}`, [...shape.pos.slice(1), shape.pos[0]]);
    else if (sides && sides.every(Boolean)) add("/not", `${names(sides[0], "or")} cannot be combined with ${names(sides[1], "or")}`, [...sides[1], ...sides[0]]);
    else add("/not", `the task must not match: ${conditionText(f)}`);
  }
  for (const k of ["oneOf", "anyOf"]) {
    if (!Array.isArray(schema[k])) continue;
    const table = constTable(schema[k]);
    if (table) add(`/${k}`, tableText(table, at), table.keys.map((key) => [...at, key]));
    else {
      const f = translate({ [k]: schema[k] }, at, root);
      add(`/${k}`, f.t === "true" ? `the task must match ${k === "oneOf" ? "exactly one" : "at least one"} of the alternatives` : `${k === "oneOf" ? "exactly one of" : "at least one of"}: ${schema[k].map((b) => conditionText(translate(b, at, root))).join("; ")}`);
    }
  }
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((s, i) => describeAt(s, `${base}/allOf/${i}`, at, root, out));
}

function nested(schema, base, at, out) {
  for (const k of ["oneOf", "anyOf"]) {
    const table = Array.isArray(schema[k]) ? constTable(schema[k]) : null;
    if (table) out.push({ schemaPath: `${base}/${k}`, message: tableText(table, at), path: ptr(at), focus: table.keys.map((key) => ptr([...at, key])) });
  }
}

const FORMAT_WORDS = { uuid: "a UUID", uri: "a URI", "uri-reference": "a URI reference", "date-time": "a date-time", date: "a date", time: "a time", email: "an email address", hostname: "a hostname", ipv4: "an IPv4 address" };

/** Words for one alternative of a property-level anyOf/oneOf. */
function alternativeText(b) {
  if (!isPlain(b)) return b === false ? "nothing" : "anything";
  if ("const" in b) return JSON.stringify(b.const);
  if (Array.isArray(b.enum)) return `one of ${b.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (typeof b.format === "string") return FORMAT_WORDS[b.format] ?? `a ${b.format}`;
  if (typeof b.pattern === "string") return `a string matching ${b.pattern}`;
  const t = typeof b.type === "string" ? b.type : Array.isArray(b.type) ? b.type.join(" or ") : null;
  if (t === "object" && Array.isArray(b.required) && b.required.length) return `an object with ${b.required.join(", ")}`;
  if (t === "integer" || t === "number") {
    const bounds = [("minimum" in b) && `≥ ${b.minimum}`, ("maximum" in b) && `≤ ${b.maximum}`].filter(Boolean).join(" and ");
    return `${t === "integer" ? "an integer" : "a number"}${bounds ? ` ${bounds}` : ""}`;
  }
  if (t) return `${/^[aeiou]/.test(t) ? "an" : "a"} ${t}`;
  return "a value of another shape";
}

/**
 * Messages for the alternatives (anyOf/oneOf) of declared properties, keyed by Ajv schema path; `{path}` is
 * replaced by the property's place in the payload (e.g. inputs.referenceImages[0]).
 */
export function describeAlternatives(root) {
  const out = [];
  const visit = (s, keys) => {
    if (!isPlain(s)) return;
    for (const k of ["anyOf", "oneOf"]) {
      if (!Array.isArray(s[k])) continue;
      const table = constTable(s[k]);
      if (keys.length === 0) continue;
      const alts = table ? null : s[k].map(alternativeText);
      const words = alts ? (alts.length > 1 ? `${alts.slice(0, -1).join(", ")} or ${alts.at(-1)}` : alts[0]) : null;
      if (words) out.push({ schemaPath: `#/${keys.join("/")}/${k}`, focus: [], message: `{path} must be ${k === "oneOf" && !s[k].every((b) => isPlain(b) && "const" in b) ? "exactly one of: " : ""}${words}`, path: "" });
    }
    for (const [k, v] of Object.entries(s)) {
      if (k === "properties" && isPlain(v)) for (const [p, sub] of Object.entries(v)) visit(sub, [...keys, "properties", p]);
      else if ((k === "items" || k === "additionalProperties") && isPlain(v)) visit(v, [...keys, k]);
      else if (k === "prefixItems" && Array.isArray(v)) v.forEach((sub, i) => visit(sub, [...keys, k, i]));
      else if ((k === "anyOf" || k === "oneOf") && keys.length && Array.isArray(v)) v.forEach((sub, i) => visit(sub, [...keys, k, i]));
    }
  };
  visit(root, []);
  return out;
}

