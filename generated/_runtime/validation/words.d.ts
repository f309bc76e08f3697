/**
 * What a value must be, split so that several constraints on one value read as one sentence:
 * "must be at least 2 and at most 10". `verb` follows "must".
 */
export interface Predicate {
  readonly verb: "be" | "have" | "match" | "contain" | "not contain";
  readonly words: string;
}
/** A value as a message shows it: JSON, or "nothing" for a missing one. */
export declare function valueWords(v: unknown): string;
/** The names the formats the validators implement go by in a sentence. */
export declare const FORMAT_WORDS: Readonly<Record<string, string>>;
export declare function formatWords(format: string): string;
/** "integer" → "an integer"; "null" stays "null". */
export declare function typeWords(type: string): string;
/** One entry per constraint keyword: its limit (as the schema and Ajv's params state it) → what the value must be. */
export declare const WORDS: {
  readonly minimum: (limit: number) => Predicate;
  readonly exclusiveMinimum: (limit: number) => Predicate;
  readonly maximum: (limit: number) => Predicate;
  readonly exclusiveMaximum: (limit: number) => Predicate;
  readonly multipleOf: (n: number) => Predicate;
  readonly minLength: (limit: number) => Predicate;
  readonly maxLength: (limit: number) => Predicate;
  readonly minItems: (limit: number) => Predicate;
  readonly maxItems: (limit: number) => Predicate;
  readonly pattern: (pattern: string) => Predicate;
  readonly format: (format: string) => Predicate;
  readonly enum: (values: readonly unknown[]) => Predicate;
  readonly const: (value: unknown) => Predicate;
  readonly type: (types: readonly string[]) => Predicate;
  readonly uniqueItems: () => Predicate;
  readonly contains: () => Predicate;
};
export type ConstraintKeyword = keyof typeof WORDS;
/** The keywords of a value's own constraints, in the order their words are read. */
export declare const CONSTRAINT_ORDER: readonly ConstraintKeyword[];
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
export declare function predicateOf(schema: Constraints, keyword: ConstraintKeyword): Predicate | null;
/** The predicates of the given keywords of a schema, in CONSTRAINT_ORDER. */
export declare function predicatesOf(schema: Constraints, keywords?: readonly ConstraintKeyword[]): Predicate[];
/** "must be at least 2 and at most 10 and have at most 3 items": one "must", the verb repeated only when it changes. */
export declare function mustText(predicates: readonly Predicate[]): string;
/** What "(got …)" shows for a value that breaks `keyword`: its length for length and count keywords. */
export declare function gotWords(keyword: string, value: unknown): string;
/** The JSON type name of a value, as a type error reports what it got. */
export declare function jsonTypeOf(v: unknown): string;
/** "a", "a and b", "a, b or c". */
export declare function listWords(labels: readonly string[], op?: "and" | "or"): string;
export declare const RULE_WORDS: {
  readonly required: (subject: string, many?: boolean) => string;
  readonly requires: (subject: string, needed: string) => string;
  readonly notAllowed: (subject: string, many?: boolean) => string;
  readonly cannotCombine: (subject: string, other: string) => string;
  readonly notAKnownProperty: (subject: string, of: string | null) => string;
  readonly given: (subject: string, many?: boolean) => string;
  readonly notGiven: (subject: string) => string;
  readonly when: (condition: string) => string;
  readonly unless: (condition: string) => string;
  readonly got: (words: string) => string;
};
/** "duration must be at most 10": a subject and what it must be. */
export declare function constraintSentence(subject: string, predicates: readonly Predicate[]): string;
