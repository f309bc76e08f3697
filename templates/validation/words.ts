// The words for every constraint keyword (JSON Schema 2020-12 §6: validation vocabulary) and for the rule
// phrasings, in one place: the generator writes rule messages and README pages with them, and the runtime turns
// Ajv's errors into messages with them, so a constraint reads the same wherever it shows. A plain module (no
// imports): it is bundled into generated/_runtime/validation/index.js.

/**
 * What a value must be, split so that several constraints on one value read as one sentence:
 * "must be at least 2 and at most 10". `verb` follows "must".
 */
export interface Predicate {
  readonly verb: "be" | "have" | "match" | "contain" | "not contain";
  readonly words: string;
}

/** A value as a message shows it: JSON, or "nothing" for a missing one. */
export function valueWords(v: unknown): string {
  if (v === undefined) return "nothing";
  return JSON.stringify(v) ?? String(v);
}

/** The names the formats the validators implement go by in a sentence. */
export const FORMAT_WORDS: Readonly<Record<string, string>> = {
  uuid: "a UUID",
  uri: "a URI",
  "uri-reference": "a URI reference",
  "date-time": "a date-time",
  date: "a date",
  time: "a time",
  email: "an email address",
  hostname: "a hostname",
  ipv4: "an IPv4 address",
};

export function formatWords(format: string): string {
  return FORMAT_WORDS[format] ?? `a valid ${format}`;
}

/** "integer" → "an integer"; "null" stays "null". */
export function typeWords(type: string): string {
  if (type === "null") return "null";
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One entry per constraint keyword: its limit (as the schema and Ajv's params state it) → what the value must be. */
export const WORDS = {
  minimum: (limit: number): Predicate => ({ verb: "be", words: `at least ${limit}` }),
  exclusiveMinimum: (limit: number): Predicate => ({ verb: "be", words: `more than ${limit}` }),
  maximum: (limit: number): Predicate => ({ verb: "be", words: `at most ${limit}` }),
  exclusiveMaximum: (limit: number): Predicate => ({ verb: "be", words: `less than ${limit}` }),
  multipleOf: (n: number): Predicate => ({ verb: "be", words: `a multiple of ${n}` }),
  minLength: (limit: number): Predicate => ({ verb: "be", words: `at least ${plural(limit, "character", "characters")} long` }),
  maxLength: (limit: number): Predicate => ({ verb: "be", words: `at most ${plural(limit, "character", "characters")} long` }),
  minItems: (limit: number): Predicate => ({ verb: "have", words: `at least ${plural(limit, "item", "items")}` }),
  maxItems: (limit: number): Predicate => ({ verb: "have", words: `at most ${plural(limit, "item", "items")}` }),
  pattern: (pattern: string): Predicate => ({ verb: "match", words: `the pattern ${pattern}` }),
  format: (format: string): Predicate => ({ verb: "be", words: formatWords(format) }),
  enum: (values: readonly unknown[]): Predicate => ({ verb: "be", words: `one of ${values.map(valueWords).join(", ")}` }),
  const: (value: unknown): Predicate => ({ verb: "be", words: valueWords(value) }),
  type: (types: readonly string[]): Predicate => ({ verb: "be", words: types.map(typeWords).join(" or ") }),
  uniqueItems: (): Predicate => ({ verb: "not contain", words: "duplicates" }),
  contains: (): Predicate => ({ verb: "contain", words: "a matching item" }),
} as const;

export type ConstraintKeyword = keyof typeof WORDS;

/** The keywords of a value's own constraints, in the order their words are read. */
export const CONSTRAINT_ORDER: readonly ConstraintKeyword[] = [
  "type",
  "const",
  "enum",
  "format",
  "pattern",
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
];

/** The constraint keywords of a schema as they are written (a JSON Schema object; other keywords ignored). */
export interface Constraints {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly contains?: unknown;
}

/** The predicate of one keyword of a schema, or null when the schema does not state it (or states it vacuously). */
export function predicateOf(schema: Constraints, keyword: ConstraintKeyword): Predicate | null {
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  switch (keyword) {
    case "type":
      return typeof schema.type === "string" ? WORDS.type([schema.type]) : Array.isArray(schema.type) ? WORDS.type(schema.type) : null;
    case "const":
      return "const" in schema ? WORDS.const(schema.const) : null;
    case "enum":
      return Array.isArray(schema.enum) ? WORDS.enum(schema.enum) : null;
    case "format":
      return typeof schema.format === "string" ? WORDS.format(schema.format) : null;
    case "pattern":
      return typeof schema.pattern === "string" ? WORDS.pattern(schema.pattern) : null;
    case "uniqueItems":
      return schema.uniqueItems === true ? WORDS.uniqueItems() : null;
    case "contains":
      return "contains" in schema ? WORDS.contains() : null;
    default: {
      const limit = num(schema[keyword]);
      return limit === null ? null : WORDS[keyword](limit);
    }
  }
}

/** The predicates of the given keywords of a schema, in CONSTRAINT_ORDER. */
export function predicatesOf(schema: Constraints, keywords: readonly ConstraintKeyword[] = CONSTRAINT_ORDER): Predicate[] {
  return CONSTRAINT_ORDER.filter((k) => keywords.includes(k)).flatMap((k) => predicateOf(schema, k) ?? []);
}

/** "must be at least 2 and at most 10 and have at most 3 items": one "must", the verb repeated only when it changes. */
export function mustText(predicates: readonly Predicate[]): string {
  let text = "";
  let verb: Predicate["verb"] | null = null;
  for (const p of predicates) {
    text += verb === null ? `must ${p.verb} ${p.words}` : p.verb === verb ? ` and ${p.words}` : ` and ${p.verb} ${p.words}`;
    verb = p.verb;
  }
  return text;
}

/** What "(got …)" shows for a value that breaks `keyword`: its length for length and count keywords. */
export function gotWords(keyword: string, value: unknown): string {
  if (keyword === "minLength" || keyword === "maxLength") return typeof value === "string" ? String([...value].length) : "?";
  if (keyword === "minItems" || keyword === "maxItems") return Array.isArray(value) ? String(value.length) : "?";
  if (keyword === "type") return jsonTypeOf(value);
  return valueWords(value);
}

/** The JSON type name of a value, as a type error reports what it got. */
export function jsonTypeOf(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;
}

// The phrasings of rules between properties. Subjects are the places' names in words ("inputs.frameImages",
// "width/height", or a placeholder).

/** "a", "a and b", "a, b or c". */
export function listWords(labels: readonly string[], op: "and" | "or" = "and"): string {
  return labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} ${op} ${labels[labels.length - 1]}`;
}

export const RULE_WORDS = {
  required: (subject: string, many = false) => `${subject} ${many ? "are" : "is"} required`,
  requires: (subject: string, needed: string) => `${subject} requires ${needed}`,
  notAllowed: (subject: string, many = false) => `${subject} ${many ? "are" : "is"} not allowed`,
  cannotCombine: (subject: string, other: string) => `${subject} cannot be combined with ${other}`,
  notAKnownProperty: (subject: string, of: string | null) => `${subject} is not a known property${of === null ? "" : ` of ${of}`}`,
  given: (subject: string, many = false) => `${subject} ${many ? "are" : "is"} given`,
  notGiven: (subject: string) => `${subject} is not given`,
  when: (condition: string) => ` when ${condition}`,
  unless: (condition: string) => ` unless ${condition}`,
  got: (words: string) => ` (got ${words})`,
} as const;

/** "duration must be at most 10": a subject and what it must be. */
export function constraintSentence(subject: string, predicates: readonly Predicate[]): string {
  return `${subject} ${mustText(predicates)}`;
}
