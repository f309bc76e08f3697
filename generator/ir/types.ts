// The contract between the stages. load/ makes a LoadedSpec; ir/build.ts turns it into a ModelIR (normalize/, then
// rules/: rules as formulas, case split, messages; ir/declarations.ts: the declared types); analyze/ adds what needs the validator (lint, example verdicts) and returns
// an AnalyzedIR. Every emitter reads an AnalyzedIR and nothing else: never the raw spec, never analysis again.
// Everything here is readonly by type and deep-frozen in fact (ir/freeze.ts).
import type { ExtraRule, RuleMessage, ValidationIssue } from "../../templates/validation/issues.js";
import type { Place } from "./path.js";

export type { ExtraRule, RuleMessage, ValidationIssue };

// ---------------------------------------------------------------------------------------------------------------
// JSON and JSON Schema

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: Json;
}

export type JsonType = "null" | "boolean" | "object" | "array" | "number" | "integer" | "string";

/**
 * A JSON Schema 2020-12 object as the pipeline reads it: every keyword load/ accepts (ir/build.ts KNOWN_KEYWORDS;
 * their shapes are checked against the meta-schema before analysis), and the extensions the pipeline reads. Closed:
 * any other `x-` extension a spec carries stays in the object, unread; code that looks a keyword up by a name it
 * holds as a string goes through normalize/walk.ts `keywordOf`. A type alias, not an interface, so that it is a
 * `Record<string, unknown>` (what `isPlain` narrows to) without an index signature.
 */
export type SchemaObject = {
  // core (§8)
  readonly $schema?: string;
  readonly $id?: string;
  readonly $ref?: string;
  readonly $anchor?: string;
  readonly $comment?: string;
  readonly $vocabulary?: { readonly [uri: string]: boolean };
  readonly $defs?: { readonly [name: string]: Schema };
  readonly definitions?: { readonly [name: string]: Schema };
  // applicators (§10)
  readonly allOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly not?: Schema;
  readonly if?: Schema;
  readonly then?: Schema;
  readonly else?: Schema;
  readonly dependentSchemas?: { readonly [name: string]: Schema };
  readonly prefixItems?: readonly Schema[];
  readonly items?: Schema;
  readonly contains?: Schema;
  readonly properties?: { readonly [name: string]: Schema };
  readonly patternProperties?: { readonly [pattern: string]: Schema };
  readonly additionalProperties?: Schema;
  readonly propertyNames?: Schema;
  // unevaluated (§11)
  readonly unevaluatedItems?: Schema;
  readonly unevaluatedProperties?: Schema;
  // validation (§6)
  readonly type?: JsonType | readonly JsonType[];
  readonly const?: Json;
  readonly enum?: readonly Json[];
  readonly multipleOf?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minContains?: number;
  readonly maxContains?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly required?: readonly string[];
  readonly dependentRequired?: { readonly [name: string]: readonly string[] };
  // format and content (§7, §8 of the validation vocabulary)
  readonly format?: string;
  readonly contentEncoding?: string;
  readonly contentMediaType?: string;
  readonly contentSchema?: Schema;
  // meta-data (§9)
  readonly title?: string;
  readonly description?: string;
  readonly default?: Json;
  readonly deprecated?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  readonly examples?: readonly Json[];
  // OpenAPI's schema extras (not checked by the meta-schema)
  readonly example?: Json;
  readonly discriminator?: Json;
  readonly xml?: Json;
  readonly externalDocs?: Json;
  readonly nullable?: Json;
  // extensions the pipeline reads (as written: each is checked where it is read)
  /** Checks JSON Schema cannot say (ir/build.ts checkExtraRule). */
  readonly "x-modelgen-rules"?: Json;
  /** Names a person chose for the task's modes (ir/build.ts modeNamesOf). */
  readonly "x-modelgen-mode-names"?: Json;
  /** A provider's reading order of the properties, as its documents give it (its provider module reads it). */
  readonly "x-fal-order-properties"?: Json;
};
export type Schema = boolean | SchemaObject;

// ---------------------------------------------------------------------------------------------------------------
// load/

/** A spec to generate: the file, and the --specs folder it was found under (null: given as a file). */
export interface SpecEntry {
  readonly file: string;
  readonly root: string | null;
}

/** Where a key path stands in the file as written. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

export interface SourceDocument {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  locate(keys: readonly (string | number)[]): SourceLocation | undefined;
}

export interface Operation {
  readonly path: string;
  readonly operationId: string | undefined;
}

export interface RequestExample {
  readonly summary?: string;
  readonly value?: Json;
  readonly "x-modelgen-expect"?: "valid" | "invalid";
  readonly "x-modelgen-reason"?: string;
}

/** One spec after reading, overlays, $ref bundling and finding the task schema. Not frozen: ir/build copies. */
export interface LoadedSpec {
  readonly file: string;
  /** Output folder, relative to the output root (`runware/alibaba-wan2-7`). */
  readonly name: string;
  /** sha256 of the spec's and its overlays' canonical JSON. */
  readonly hash: string;
  readonly overlays: readonly string[];
  /** The provider whose document this is (recognised at load, or named by `info.x-modelgen-provider`). */
  readonly provider: Provider;
  readonly source: SourceDocument;
  /** The whole document, overlays applied, keys sorted, $refs bundled (a tree: no shared objects). */
  readonly doc: JsonObject;
  /** The task schema as written (before normalize). */
  readonly taskSchema: SchemaObject;
  /** JSON Pointer of the task schema in the file as written (through one level of $ref), for messages. */
  readonly taskSourcePointer: string;
  /** JSON Pointer of the task schema in the bundled document. */
  readonly taskPointer: string;
  readonly bodyIsArray: boolean;
  readonly operation: Operation;
  readonly examples: { readonly [key: string]: RequestExample };
}

// ---------------------------------------------------------------------------------------------------------------
// Rules as formulas (rules/formula.ts). Paths are property names from the task root.

export type Path = readonly string[];

export interface True {
  readonly t: "true";
}
export interface False {
  readonly t: "false";
}
/** The property at `path` is present. */
export interface Has {
  readonly t: "has";
  readonly path: Path;
  /** Variable key, `has:["a","b"]` (ir/path.ts). */
  readonly key: string;
}
/** The present property at `path` equals the scalar `value`. */
export interface Eq {
  readonly t: "eq";
  readonly path: Path;
  readonly value: Json;
  /** Variable key, `eq:["a","b"]` (ir/path.ts). */
  readonly key: string;
  /** Key of the presence variable of the same path, `has:["a","b"]`. */
  readonly presence: string;
}
/** A check the formulas do not model (range, length, pattern, …): free to be true or false, so types stay sound. */
export interface Opaque {
  readonly t: "opaque";
  /** Where the check applies. */
  readonly at: Path;
  /** The check as a schema (`{maximum: 10}`), for its words. */
  readonly check: object;
  readonly key: string;
}
export interface And {
  readonly t: "and";
  readonly xs: readonly Formula[];
}
export interface Or {
  readonly t: "or";
  readonly xs: readonly Formula[];
}
export interface Not {
  readonly t: "not";
  readonly x: Formula;
}
export type Atom = Has | Eq | Opaque;
export type Formula = True | False | Atom | And | Or | Not;

/** One rule keyword (allOf entry, if/then/else, oneOf, anyOf, not, dependentRequired, dependentSchemas) of an object. */
export interface Rule {
  /** JSON Pointer of the rule in the normalized task schema (`/allOf/2`, `/properties/inputs/oneOf`). */
  readonly pointer: string;
  /** The instance path of the object it applies to. */
  readonly at: Path;
  readonly schema: SchemaObject;
  readonly formula: Formula;
}

// ---------------------------------------------------------------------------------------------------------------
// The case split (rules/case-split.ts)

/** "Any other value" in an eq variable's domain: the declared literals the rules do not name, or any value. */
export const OTHER: unique symbol = Symbol("other");
export type Value = Json | typeof OTHER;

export interface PresenceVariable {
  readonly kind: "has";
  readonly key: string;
  readonly path: Path;
  readonly domain: readonly [true, false];
}
export interface ValueVariable {
  readonly kind: "eq";
  readonly key: string;
  readonly path: Path;
  /** The values the rules name, in the order they first name them. */
  readonly mentioned: readonly Json[];
  /** `mentioned` (those the declaration allows), then OTHER when anything else is allowed. */
  readonly domain: readonly Value[];
  /** What OTHER stands for: the declared literals not mentioned; null when it is any value of the declared type. */
  readonly otherLiterals: readonly Json[] | null;
}
export interface OpaqueVariable {
  readonly kind: "opaque";
  readonly key: string;
  readonly at: Path;
  readonly check: object;
}
export type Variable = PresenceVariable | ValueVariable | OpaqueVariable;

/** A partial assignment: variable key → value. Variables it leaves out are free (don't care). */
export type Cube = ReadonlyMap<string, Value>;

/** One mode of a group: its presence facts, and the value combinations allowed with them. */
export interface Variant {
  /** Presence variables fixed by the mode (`has:["a"]` → true: required; false: forbidden). */
  readonly presence: ReadonlyMap<string, boolean>;
  /** Value assignments allowed in this mode, one per cube it came from (empty maps when it fixes no value). */
  readonly tuples: readonly Cube[];
  /** The cubes it merges. */
  readonly cubes: readonly Cube[];
  /**
   * Per presence fact, the pointers of the rules that make it: those that become false when the fact is flipped,
   * else those that mention it.
   */
  readonly reasons: ReadonlyMap<string, readonly string[]>;
}

/** Rules that share structural variables, split on their own. Task = TaskCommon & one union per group. */
export interface RuleGroup {
  readonly rules: readonly Rule[];
  /** Variables in branching order. */
  readonly vars: ReadonlyMap<string, Variable>;
  /** A minimal cover of the group's satisfying assignments. */
  readonly cubes: readonly Cube[];
  readonly variants: readonly Variant[];
  /** Rules left to the validator because the split grew past the variant limit. */
  readonly dropped: readonly Rule[];
  /** What every payload meets by declaration (a child needs its parent; declared `required`). */
  readonly background: Formula;
}

export interface CaseSplit {
  readonly rules: readonly Rule[];
  readonly groups: readonly RuleGroup[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// The model

/** A provider's name: a key of the registry in generator/providers/index.ts. */
export type Provider = string;
export type Delivery = "sync" | "async";

export interface ModelMeta {
  /** Output folder relative to the output root. */
  readonly name: string;
  readonly file: string;
  readonly hash: string;
  readonly overlays: readonly string[];
  readonly provider: Provider;
  readonly modelId: string;
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly taskType: string | null;
  readonly deliveryMethods: readonly Delivery[];
  readonly defaultDelivery: Delivery | null;
  readonly operation: Operation;
  readonly bodyIsArray: boolean;
  /** JSON Pointer of the task schema in the file as written. */
  readonly taskPointer: string;
  /** Properties the client fills in when left out (Runware: taskType, taskUUID, model). */
  readonly clientFilled: readonly string[];
}

/** A declared property of the task or of a nested object, in spec order. */
export interface PropertyIR {
  /**
   * Property names from the task root, and markers (ir/path.ts): ITEMS into an array's items (a name "[]" is a
   * name), an option into the alternative of an array's items that declares it.
   */
  readonly path: Place;
  /** Objects between it and the task (0: a property of the task itself). */
  readonly depth: number;
  /** Its type in words, in pieces: one per literal value where it is a set of values (ir/property-words.ts). */
  readonly typeWords: readonly string[];
  /** Its constraints in validateTask's words, one per line ("must be at most 15"). */
  readonly constraints: readonly string[];
  /** JSON Pointer in the normalized task schema. */
  readonly pointer: string;
  readonly schema: Schema;
  readonly required: boolean;
}

/** A request example from the spec, as written. */
export interface ExampleIR {
  readonly key: string;
  readonly summary: string;
  /** The verdict the spec declares (x-modelgen-expect). */
  readonly expect: "valid" | "invalid" | null;
  readonly reason: string | null;
  readonly value: Json;
}

/** A schema of what comes back (a response, an error, a callback payload), cleaned like the task's declarations. */
export interface ResponseSchema {
  /** What it is, in words ("response", "run output"), for diff's messages. */
  readonly label: string;
  readonly schema: Schema | null;
}

/** What comes back, by the name the model's provider gives each schema (providers/<name>: `responses`). */
export type ResponseSchemas = Readonly<Record<string, ResponseSchema>>;

// ---------------------------------------------------------------------------------------------------------------
// Declarations (ir/declarations.ts): the task's declared types as a tree, made by one walk of the normalized task
// schema. emit/types prints it; nothing after ir/ reads the schema to find a type.

/** Any value: `true`, a schema that fixes no type. */
export interface UnknownDecl {
  readonly kind: "unknown";
}
/** No value: `false`, or literals none of which has the declared type. */
export interface NeverDecl {
  readonly kind: "never";
}
/** A closed set of literal values (const, enum, a oneOf/anyOf of consts): those of the declared type. */
export interface LiteralDecl {
  readonly kind: "literal";
  readonly values: readonly Json[];
}
/** A value of one JSON type that no keyword shapes further (integer is a number). */
export interface ScalarDecl {
  readonly kind: "scalar";
  readonly type: "string" | "number" | "boolean" | "null";
}
/** One of the members: a schema's oneOf/anyOf alternatives (each merged into its base), or its several types. */
export interface UnionDecl {
  readonly kind: "union";
  readonly members: readonly Decl[];
}
/** An array whose every item is `items`. */
export interface ArrayDecl {
  readonly kind: "array";
  readonly items: Decl;
}
/** An array with prefixItems: the first `minItems` of `prefix` present, then more items as `rest` (null: none). */
export interface TupleDecl {
  readonly kind: "tuple";
  readonly prefix: readonly Decl[];
  readonly minItems: number;
  readonly rest: Decl | null;
}
/** An object without declared properties: every name maps to `values` (null: no property is allowed). */
export interface RecordDecl {
  readonly kind: "record";
  readonly values: Decl | null;
}
/** A declared property of an object, in spec order. */
export interface PropertyDecl {
  readonly name: string;
  readonly optional: boolean;
  /** Its doc comment (title, description, default), line by line. */
  readonly doc: readonly string[];
  readonly type: Decl;
}
/** A fact of a mode: a property it requires or forbids, and the rules that make it so. */
export interface FactDecl {
  /** The presence variable's key. */
  readonly key: string;
  readonly path: Path;
  /** Required (true) or forbidden (false). */
  readonly present: boolean;
  /** Pointers of the rules that make it, relative to the object (Variant.reasons). */
  readonly rules: readonly string[];
  /** Those rules' messages in words (values left out, "…"), without repeats: the task's rules only. */
  readonly words: readonly string[];
}
/** A property whose values a mode fixes apart from any other (one literal, a few, or the declared type). */
export interface FixedValuesDecl {
  readonly variable: ValueVariable;
  /** The values its combinations allow (OTHER: the rest; undefined: a combination that leaves it free). */
  readonly values: readonly (Value | undefined)[];
}
/** Properties whose values vary together in a mode (e.g. width and height): the allowed combinations. */
export interface RelationDecl {
  /** Its value variables, in reading order (width before height). */
  readonly vars: readonly ValueVariable[];
  /** One row per combination, in the order the rules mention the values, with the title of the branch that allows it. */
  readonly rows: readonly { readonly cube: Cube; readonly title: string | null }[];
}
/** One mode of a group of rules, as its type states it. */
export interface ModeDecl {
  readonly variant: Variant;
  /** The name `x-modelgen-mode-names` gives it (task-level modes), or null. */
  readonly chosenName: string | null;
  /**
   * The name its rarest facts give it, distinct within its group where they can tell it apart (WithFrameImages,
   * WithoutShotType, AnyTask); a nested object's printer puts the object's name before it.
   */
  readonly derivedName: string;
  /** Its presence facts, in the variant's order. */
  readonly facts: readonly FactDecl[];
  /** Value variables it fixes on their own, in the order the split branches on them. */
  readonly fixed: readonly FixedValuesDecl[];
  readonly relation: RelationDecl | null;
}
/** A group of rules that makes modes (a union type): a group whose only mode fixes nothing makes none. */
export interface GroupDecl {
  readonly group: RuleGroup;
  /** Its index among the split's groups. */
  readonly index: number;
  readonly modes: readonly ModeDecl[];
}
/** The rules of an object as its types state them: the split into modes, and what the modes' members read. */
export interface RulesDecl {
  readonly split: CaseSplit;
  /** The groups that make modes, with their modes' facts, fixed values and relations. */
  readonly groups: readonly GroupDecl[];
  /** The declared type at each place a variable of the split names (by `pathId` of its path from the object). */
  readonly declared: ReadonlyMap<string, Decl>;
}
/**
 * An object with declared properties: a named interface, one per place (the first object met there names it).
 * Objects the task-level split cannot reach (array items, alternatives) carry their own rules.
 */
export interface ObjectDecl {
  readonly kind: "object";
  /** Where it is declared: the interface's name is made from it (ir/path.ts placeWords). */
  readonly place: Place;
  /** The object schema's doc comment (title, description, default), line by line; may be empty. */
  readonly doc: readonly string[];
  readonly properties: readonly PropertyDecl[];
  /** The type of undeclared properties (additionalProperties), or null when there may be none. */
  readonly index: Decl | null;
  /** The task's rules (at the root), an object's own rules where they make modes, else null. */
  readonly rules: RulesDecl | null;
}
export type Decl = UnknownDecl | NeverDecl | LiteralDecl | ScalarDecl | UnionDecl | ArrayDecl | TupleDecl | RecordDecl | ObjectDecl;

export interface ModelIR {
  readonly meta: ModelMeta;
  /** The normalized task schema. */
  readonly task: SchemaObject;
  readonly properties: readonly PropertyIR[];
  /** The task's rules as formulas, with their case split into variants. */
  readonly split: CaseSplit;
  /** The declared types: TaskCommon's properties and the nested objects, with the rules of each (the root's: `split`). */
  readonly declaration: ObjectDecl;
  /** Messages in words, by the schema path Ajv reports. */
  readonly ruleMessages: readonly RuleMessage[];
  /** Per task-level group, per mode: the name `x-modelgen-mode-names` gives it, or null (the derived name). */
  readonly modeNames: readonly (readonly (string | null)[])[];
  readonly extraRules: readonly ExtraRule[];
  readonly examples: readonly ExampleIR[];
  readonly responses: ResponseSchemas;
  /** What reading the spec's dialect left unchecked (OpenAPI 3.0: unknown formats, unknown keys); lint reports them. */
  readonly dialectNotes?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// analyze/: what needs the validator

export interface Finding {
  readonly severity: "error" | "warning";
  readonly kind: string;
  readonly message: string;
  readonly pointers: readonly string[];
}

export interface Witness {
  /** The mode, as the property path it makes present (`inputs.frameImages`). */
  readonly mode: string;
  readonly witness: Json;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly witnesses: readonly Witness[];
}

/** An example with what the generated validator says of each task in it. */
export interface CheckedExample extends ExampleIR {
  readonly issues: readonly ValidationIssue[];
  readonly valid: boolean;
}

export interface AnalyzedIR extends ModelIR {
  readonly lint: LintResult;
  readonly checkedExamples: readonly CheckedExample[];
  /**
   * A payload the validator accepts for each mode of each group (keyed by `modeKey` of the mode's cube: its
   * presence facts and first value combination; "" for a model without rules), where one was found.
   */
  readonly modeWitnesses: ReadonlyMap<string, Json>;
  /**
   * validator.js as it ships, without its banner: minified ESM exporting `validate` (all errors) and `guard`
   * (first error), importing the runtime's helpers relative to the model's folder.
   */
  readonly validatorCode: string;
}

/** The generated validator, run in this process (compile/validator compiles it once; the same code ships). */
export interface InProcessValidator {
  /** Schema and x-modelgen-rules both pass. */
  check(payload: unknown): boolean;
  /** One issue per broken rule, in words; empty when valid. */
  validateTask(payload: unknown): ValidationIssue[];
  /** The shipped ESM code of the same compilation, importing helpers from `runtimeValidationPath` (minified apart). */
  standalone(runtimeValidationPath: string): Promise<string>;
}
