// Turn Ajv's errors into one message in words per broken rule, each with the JSON Pointer of its place.
// The rule messages are derived from the schema at generation time (generator/analyze/describe.js); this file
// only picks the right one for each error and fills in the payload's values.

export interface ValidationIssue {
  /** JSON Pointer of the offending place in the payload ("" for the task itself). */
  path: string;
  message: string;
}

/** A message for the errors at or below an Ajv schema path. `{/a/b}` is replaced by the payload's value there. */
export interface RuleMessage {
  schemaPath: string;
  message: string;
  path: string;
  /** Places the message is about, best first: the issue points at the first one present in the payload. */
  focus?: string[];
}

/** A check JSON Schema cannot express (x-modelgen-rules). */
export interface ExtraRule {
  kind: "sameLength";
  paths: string[];
  message: string;
}

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The value at a JSON Pointer, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === "") return data;
  let node: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !own(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** "/inputs/referenceImages/0" → "inputs.referenceImages[0]". */
export function pointerText(pointer: string): string {
  if (pointer === "") return "the task";
  return pointer
    .slice(1)
    .split("/")
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`))
    .join("");
}

const show = (v: unknown) => (v === undefined ? "nothing" : typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? String(v));
const jsonType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
const join = (p: string, k: unknown) => `${p}/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`;

function fill(template: string, data: unknown, instancePath: string): string {
  return template
    .replace(/\{path\}/g, pointerText(instancePath))
    .replace(/\{(\/[^{}]*)\}/g, (_, p: string) => {
      const v = valueAt(data, p);
      return typeof v === "string" ? v : show(v);
    });
}

/** The message of one plain keyword error, from Ajv's params. */
function keywordMessage(e: AjvError, data: unknown): ValidationIssue {
  const at = pointerText(e.instancePath);
  const value = valueAt(data, e.instancePath);
  const p = e.params;
  switch (e.keyword) {
    case "required": {
      const path = join(e.instancePath, p.missingProperty);
      return { path, message: `${pointerText(path)} is required` };
    }
    case "dependentRequired": {
      const path = join(e.instancePath, p.property);
      return { path, message: `${pointerText(path)} requires ${pointerText(join(e.instancePath, p.missingProperty))}` };
    }
    case "additionalProperties": {
      const path = join(e.instancePath, p.additionalProperty);
      return { path, message: `${pointerText(path)} is not a known property${e.instancePath ? ` of ${at}` : ""}` };
    }
    case "type":
      return { path: e.instancePath, message: `${at} must be ${String(p.type).replace(/,/g, " or ")} (got ${jsonType(value)})` };
    case "const":
      return { path: e.instancePath, message: `${at} must be ${show(p.allowedValue)} (got ${show(value)})` };
    case "enum":
      return { path: e.instancePath, message: `${at} must be one of ${(p.allowedValues as unknown[]).map(show).join(", ")} (got ${show(value)})` };
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum": {
      const words = { maximum: "at most", minimum: "at least", exclusiveMaximum: "less than", exclusiveMinimum: "more than" }[e.keyword];
      return { path: e.instancePath, message: `${at} must be ${words} ${String(p.limit)} (got ${show(value)})` };
    }
    case "multipleOf":
      return { path: e.instancePath, message: `${at} must be a multiple of ${String(p.multipleOf)} (got ${show(value)})` };
    case "maxLength":
    case "minLength":
      return { path: e.instancePath, message: `${at} must be ${e.keyword === "maxLength" ? "at most" : "at least"} ${String(p.limit)} characters long (got ${typeof value === "string" ? [...value].length : "?"})` };
    case "maxItems":
    case "minItems":
      return { path: e.instancePath, message: `${at} must have ${e.keyword === "maxItems" ? "at most" : "at least"} ${String(p.limit)} items (got ${Array.isArray(value) ? value.length : "?"})` };
    case "pattern":
      return { path: e.instancePath, message: `${at} must match the pattern ${String(p.pattern)}` };
    case "format":
      return { path: e.instancePath, message: `${at} must be a valid ${String(p.format)} (got ${show(value)})` };
    case "uniqueItems":
      return { path: e.instancePath, message: `${at} must not contain duplicates (items ${String(p.j)} and ${String(p.i)} are equal)` };
    case "contains":
      return { path: e.instancePath, message: `${at} must contain a matching item` };
    case "false schema":
      return { path: e.instancePath, message: `${at} is not allowed` };
    default:
      return { path: e.instancePath, message: `${at} ${e.message ?? `fails ${e.keyword}`}` };
  }
}

const indexes = new WeakMap<readonly RuleMessage[], Map<string, RuleMessage>>();
/** Rules by schema path, built once per rule table (each generated module has one). */
function indexOf(rules: readonly RuleMessage[]): Map<string, RuleMessage> {
  let index = indexes.get(rules);
  if (!index) {
    index = new Map();
    for (const r of rules) if (!index.has(r.schemaPath)) index.set(r.schemaPath, r);
    indexes.set(rules, index);
  }
  return index;
}

/**
 * One issue per broken rule: errors at or below a described schema path share that rule's message; other
 * errors get a message from their keyword. Combinator bookkeeping (`if`, the branch errors of a described
 * anyOf) never shows on its own.
 */
export function toIssues(errors: readonly AjvError[] | null | undefined, data: unknown, rules: readonly RuleMessage[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const push = (issue: ValidationIssue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  };
  const byPath = indexOf(rules);
  // The rule with the longest schema path that is this path or an ancestor of it.
  const ruleFor = (schemaPath: string) => {
    for (let p = schemaPath; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf("/")))) {
      const r = byPath.get(p);
      if (r) return r;
    }
    return undefined;
  };
  const all = errors ?? [];
  const done = new Set<RuleMessage>();
  for (const e of all) {
    // Ajv reports a failed `if` beside the errors of its then/else: those say more, so the `if` error only
    // speaks when it stands alone.
    if (e.keyword === "if" && typeof e.params.failingKeyword === "string") {
      const branch = e.schemaPath.replace(/\/if$/, `/${e.params.failingKeyword}`);
      if (all.some((o) => o !== e && o.schemaPath.startsWith(`${branch}/`) && ruleFor(o.schemaPath)?.schemaPath !== branch)) continue;
    }
    const schemaPath = e.keyword === "if" && typeof e.params.failingKeyword === "string" ? e.schemaPath.replace(/\/if$/, `/${e.params.failingKeyword}`) : e.schemaPath;
    const rule = ruleFor(schemaPath);
    if (rule && !rule.message.includes("{path}") && done.has(rule)) continue; // its message is out already
    if (rule) {
      done.add(rule);
      const focus = (rule.focus ?? []).find((p) => valueAt(data, p) !== undefined);
      const path = rule.message.includes("{path}") ? anyOfPath(e, rule) : focus ?? rule.path;
      push({ path, message: fill(rule.message, data, path) });
      continue;
    }
    if (e.keyword === "if" || e.keyword === "not" || e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "allOf") {
      if (e.keyword === "if" || all.some((o) => o !== e && o.schemaPath.startsWith(`${e.schemaPath}/`))) continue;
    }
    push(keywordMessage(e, data));
  }
  return issues;
}

/** For an alternatives message the place is the instance the anyOf applies to (not a branch's inner place). */
function anyOfPath(e: AjvError, rule: RuleMessage): string {
  if (e.schemaPath === rule.schemaPath) return e.instancePath;
  // A branch error below the anyOf may point deeper (e.g. at a property of an object branch): cut it back to
  // the depth of the anyOf's own instance, which is the error's path minus what the branch added.
  const extra = e.schemaPath.slice(rule.schemaPath.length).split("/").filter((s) => s === "properties" || s === "items").length;
  const parts = e.instancePath.split("/");
  return parts.slice(0, parts.length - extra).join("/");
}

/** Checks JSON Schema cannot express, run after the schema validator. */
export function checkExtraRules(data: unknown, rules: readonly ExtraRule[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const r of rules) {
    if (r.kind === "sameLength") {
      const [a, b] = r.paths.map((p) => valueAt(data, p!));
      if (Array.isArray(a) && (Array.isArray(b) ? a.length !== b.length : b === undefined))
        out.push({ path: r.paths[0]!, message: `${r.message} (got ${a.length} and ${Array.isArray(b) ? b.length : 0})` });
    }
  }
  return out;
}
