// Turn Ajv's errors into one message in words per broken rule, each with the JSON Pointer of its place.
// The rule messages are derived from the schema at generation time (generator/rules/describe.ts); this file
// picks the right one for each error and fills in the payload's values. Both take their words from words.ts.
import { escapeToken, unescapeToken } from "./pointer.js";
import { fillPlaceholders, mentionsPath } from "./placeholders.js";
import { RULE_WORDS, WORDS, constraintSentence, gotWords, valueWords, type Predicate } from "./words.js";

export interface ValidationIssue {
  /** JSON Pointer of the offending place in the payload ("" for the task itself). */
  path: string;
  message: string;
}

/** A message for the errors at or below an Ajv schema path, with placeholders (placeholders.ts) filled when shown. */
export interface RuleMessage {
  schemaPath: string;
  message: string;
  /** Where the issue points when no focus is present ("" when left out: the task). */
  path?: string;
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
    const key = unescapeToken(raw);
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
    .map(unescapeToken)
    .map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`))
    .join("");
}

const join = (p: string, k: unknown) => `${p}/${escapeToken(String(k))}`;

/** A rule message with its placeholders filled: {path} by the issue's place, {/a/b} by the payload's value there. */
function fill(template: string, data: unknown, instancePath: string): string {
  return fillPlaceholders(template, (p) => (p.kind === "path" ? pointerText(instancePath) : valueWords(valueAt(data, p.pointer))));
}

const LIMITED = ["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "minLength", "maxLength", "minItems", "maxItems"] as const;
type Limited = (typeof LIMITED)[number];
const isLimited = (k: string): k is Limited => (LIMITED as readonly string[]).includes(k);

/** A value constraint broken: "duration must be at most 15 (got 20)". */
function broken(e: AjvError, value: unknown, predicate: Predicate): ValidationIssue {
  return { path: e.instancePath, message: `${constraintSentence(pointerText(e.instancePath), [predicate])}${RULE_WORDS.got(gotWords(e.keyword, value))}` };
}

/** The message of one plain keyword error, from Ajv's params. */
function keywordMessage(e: AjvError, data: unknown): ValidationIssue {
  const at = pointerText(e.instancePath);
  const value = valueAt(data, e.instancePath);
  const p = e.params;
  if (isLimited(e.keyword)) return broken(e, value, WORDS[e.keyword](Number(p.limit)));
  switch (e.keyword) {
    case "required": {
      const path = join(e.instancePath, p.missingProperty);
      return { path, message: RULE_WORDS.required(pointerText(path)) };
    }
    case "dependentRequired": {
      const path = join(e.instancePath, p.property);
      return { path, message: RULE_WORDS.requires(pointerText(path), pointerText(join(e.instancePath, p.missingProperty))) };
    }
    case "additionalProperties": {
      const path = join(e.instancePath, p.additionalProperty);
      return { path, message: RULE_WORDS.notAKnownProperty(pointerText(path), e.instancePath ? at : null) };
    }
    case "type":
      return broken(e, value, WORDS.type(String(p.type).split(",")));
    case "const":
      return broken(e, value, WORDS.const(p.allowedValue));
    case "enum":
      return broken(e, value, WORDS.enum(Array.isArray(p.allowedValues) ? p.allowedValues : []));
    case "multipleOf":
      return broken(e, value, WORDS.multipleOf(Number(p.multipleOf)));
    case "pattern":
      return { path: e.instancePath, message: constraintSentence(at, [WORDS.pattern(String(p.pattern))]) };
    case "format":
      return broken(e, value, WORDS.format(String(p.format)));
    case "uniqueItems":
      return { path: e.instancePath, message: `${constraintSentence(at, [WORDS.uniqueItems()])} (items ${String(p.j)} and ${String(p.i)} are equal)` };
    case "contains":
      return { path: e.instancePath, message: constraintSentence(at, [WORDS.contains()]) };
    case "false schema":
      return { path: e.instancePath, message: RULE_WORDS.notAllowed(at) };
    default:
      return { path: e.instancePath, message: `${at} ${e.message ?? `fails ${e.keyword}`}` };
  }
}

const indexes = new WeakMap<readonly RuleMessage[], (schemaPath: string) => RuleMessage | undefined>();
/**
 * The rule with the longest schema path that is this path or an ancestor of it, for one rule table (each generated
 * module has one): rules by schema path built once, and each schema path's answer remembered (a validator reports
 * the same few schema paths again and again).
 */
function ruleFinder(rules: readonly RuleMessage[]): (schemaPath: string) => RuleMessage | undefined {
  let find = indexes.get(rules);
  if (!find) {
    const byPath = new Map<string, RuleMessage>();
    for (const r of rules) if (!byPath.has(r.schemaPath)) byPath.set(r.schemaPath, r);
    const answers = new Map<string, RuleMessage | null>();
    find = (schemaPath) => {
      const known = answers.get(schemaPath);
      if (known !== undefined) return known ?? undefined;
      let found: RuleMessage | undefined;
      for (let p = schemaPath; p.length > 0 && !found; p = p.slice(0, Math.max(0, p.lastIndexOf("/")))) found = byPath.get(p);
      answers.set(schemaPath, found ?? null);
      return found;
    };
    indexes.set(rules, find);
  }
  return find;
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
  const ruleFor = ruleFinder(rules);
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
    if (rule && !mentionsPath(rule.message) && done.has(rule)) continue; // its message is out already
    if (rule) {
      done.add(rule);
      const focus = (rule.focus ?? []).find((p) => valueAt(data, p) !== undefined);
      const path = mentionsPath(rule.message) ? anyOfPath(e, rule) : (focus ?? rule.path ?? "");
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
