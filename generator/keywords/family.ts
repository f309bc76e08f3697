// What one family of JSON Schema keywords brings to each stage, in one object (like Ajv's vocabularies, where a
// keyword's code and its error live together): how it becomes formula atoms (rules/formula.ts), the type it
// declares (ir/declarations.ts; emit/types.ts prints it), its words (templates/validation/words.ts, shared with the
// runtime; rules/describe.ts) and a value that satisfies it (analyze/witness.ts). The families are listed in keywords/index.ts.
import type { Place } from "../ir/path.js";
import type { ConstraintKeyword, Predicate, WORDS } from "../../templates/validation/words.js";
import type { Decl, Formula, Json, JsonType, ObjectDecl, Opaque, Path, Schema, SchemaObject } from "../ir/types.js";

/** Where a keyword is translated: the place, its declaration, and translation of subschemas. */
export interface AtomContext {
  /** Instance path the schema applies at (property names from the task root). */
  readonly at: Path;
  /** The declared task schema (its properties tree): every valid payload satisfies it. */
  readonly root: SchemaObject;
  /** The declaration at `at`. */
  readonly declared: SchemaObject;
  /** Its declared JSON types (the task root is an object). */
  readonly declaredTypes: readonly JsonType[] | undefined;
  /** The declaration at `at` is an object with properties: object keywords become presence atoms. */
  readonly isObject: boolean;
  /** Translate a subschema applied at the same place. */
  readonly sub: (s: Schema | undefined) => Formula;
  /** Translate a subschema applied at another place. */
  readonly translate: (s: Schema | undefined, at: Path) => Formula;
  /** The opaque atom of a check at this place. */
  readonly opaque: (check: object) => Opaque;
}

/** Where a schema's declaration is asked for: the place, and the declaration walker's own recursion. */
export interface DeclContext {
  readonly path: Place;
  /** The declaration of a schema at an instance place (ir/declarations.ts). */
  readonly decl: (s: Schema | undefined, path: Place) => Decl;
  /** The declaration of an object schema with properties (a named interface): its properties, index, rules. */
  readonly object: (schema: SchemaObject, path: Place) => ObjectDecl;
  /** The declaration of a value of JSON type `kind` (the `kinds` entry of the family that shapes it; else unknown). */
  readonly kind: (kind: JsonType, schema: SchemaObject) => Decl;
}

/**
 * The declared type a family contributes (ir/declarations.ts asks the families in registry order for a schema's
 * `type`, the first answer wins; the type family then asks each JSON type's owner for its `kinds` entry).
 * emit/types prints the declarations as TypeScript.
 */
export interface DeclarationPart {
  /** The declaration of a schema this family decides (literals, alternatives), or undefined: the next family's turn. */
  readonly type?: (schema: SchemaObject, ctx: DeclContext) => Decl | undefined;
  /** The declaration of a value of one JSON type, shaped by the family's keywords (`items` → an array). */
  readonly kinds?: Partial<Readonly<Record<JsonType, (schema: SchemaObject, ctx: DeclContext) => Decl>>>;
  /** Why the keywords leave the declared type alone (a range stays `number`: it is the validator's job). */
  readonly unchanged?: string;
}

/** The family's words: the runtime catalogue's entries for its constraint keywords, and how it reads in a rule. */
export interface WordsPart {
  /** Its constraint keywords' entries of templates/validation/words.ts WORDS (the same functions, one wording). */
  readonly predicates: Partial<typeof WORDS>;
  /** Keywords whose "(got …)" shows the value itself (not a count of characters or items, not a type). */
  readonly comparesValue?: readonly ConstraintKeyword[];
  /** Words for one property-level alternative it recognises ("a UUID"), or undefined (the next family's turn). */
  readonly alternative?: (b: SchemaObject) => string | undefined;
  /** For families without constraint words (rules between properties): where their sentences are composed. */
  readonly rules?: string;
}

/** Where a witness value is asked for: the schema's first type, and sampling of subschemas one level down. */
export interface WitnessContext {
  /** The schema's first declared type, or "object" when it only has properties. */
  readonly type: JsonType | undefined;
  readonly sample: (s: Schema | undefined) => Json;
}

/** Values that satisfy the family's keywords. */
export interface WitnessPart {
  /** The one value the keyword allows (const): taken before the schema's examples and default. */
  readonly pinned?: (schema: SchemaObject) => Json | undefined;
  /** A value that satisfies the keywords when no example or default gives one; undefined: the next family's turn. */
  readonly sample?: (schema: SchemaObject, ctx: WitnessContext) => Json | undefined;
}

export interface KeywordFamily {
  readonly name: string;
  /** The JSON Schema 2020-12 sections it implements. */
  readonly section: string;
  readonly keywords: readonly string[];
  /**
   * The formula of `keyword` of `schema`; undefined when it is not modelled at this place: then it is an opaque
   * check, unless the declaration implies it (see `implied`).
   */
  readonly atoms?: (keyword: string, schema: SchemaObject, ctx: AtomContext) => Formula | undefined;
  /** Does the declared value `declared` of `keyword` already imply `value`? Default: the same JSON. */
  readonly implied?: (keyword: string, value: unknown, declared: unknown) => boolean;
  readonly declaration: DeclarationPart;
  readonly words: WordsPart;
  readonly witness: WitnessPart;
}

export type { Predicate };
