// What a provider is to the pipeline: one object per provider (generator/providers/<name>/index.ts), registered in
// generator/providers/index.ts. Every stage that differs by provider (which documents are its own, where the task
// and the model id are, what comes back, which client and webhook the module binds, the README's words) asks the
// provider of its model through this interface; no stage names a provider.
import type { Catalog } from "./catalog.js";
import type { Code } from "../emit/code.js";
import type { AnalyzedIR, Json, JsonObject, LoadedSpec, ModelMeta, ResponseSchemas, Schema, SchemaObject } from "../ir/types.js";

/** The fields of a model's metadata a provider decides (ir/build.ts fills the rest). */
export interface ProviderMeta {
  readonly modelId: string;
  /** Properties the client fills in when left out. */
  readonly clientFilled: readonly string[];
}

/** A JSON Schema of what comes back, turned into a declared type of the module by json-schema-to-typescript. */
export type SchemaType = (typeName: string, schema: Schema | null) => Promise<string>;

/**
 * Task fields that most of a provider's models describe in the same words, written once in the shipped runtime
 * (emit/shared-fields.ts renders and matches them): a model whose property has exactly these words (and, after them,
 * at most a link of its own) takes them from there instead of writing them again.
 */
export interface SharedFieldsDoc {
  /** The provider's name as the shared page says it ("Runware"). */
  readonly provider: string;
  /** The page for a person, relative to _runtime/ ("runware-fields.md"); a model's README links each field to it (absent: no fields, no page). */
  readonly page?: string;
  /** The declaration file, relative to _runtime/ ("runtime/runware/fields.d.ts"); a model's interfaces extend Pick<…> of its types. */
  readonly declarations: string;
  /** By object: its property names joined by dots ("" for the task, "inputs"), the type that holds its fields, the fields. */
  readonly places: readonly { readonly place: string; readonly type: string; readonly fields: readonly { readonly name: string; readonly title: string; readonly description: string }[] }[];
  /**
   * Declarations the models write word for word (json-schema-to-typescript's text of a response schema, e.g.
   * Runware's ErrorResponse): in the runtime's declaration file once; a model whose text is the same re-exports it.
   */
  readonly types?: readonly { readonly name: string; readonly text: string }[];
  /**
   * Object types the models write inline, word for word (json-schema-to-typescript's text of fal's File in an
   * output): declared once as interfaces of these names; a model's response types name them where the text is the same.
   */
  readonly inlineTypes?: readonly { readonly name: string; readonly text: string }[];
}

/** What emit/module.ts asks of the provider for one model's index.js and index.d.ts. */
export interface ProviderModule {
  /**
   * The validation runtime's function that makes this provider's model functions (templates/runtime/<name>/model.ts,
   * re-exported by templates/validation/index.ts), and the names the module exports of what it returns besides
   * isTask, validateTask and taskSchema (createClient and the webhook functions).
   */
  readonly model: string;
  readonly functions: readonly string[];
  /** The doc comment of the module's `modelId` export: what the id is to the provider's API. */
  readonly modelIdDoc: string;
  /**
   * The runtime's type of what the model function returns (templates/runtime/<name>/model.ts, exported by the client
   * runtime's index), imported by index.d.ts, which declares each function as one of its members; and its type
   * arguments, the module's own types (Task, TaskInput, Result, Output…).
   */
  readonly modelType: string;
  modelTypeArgs(ir: AnalyzedIR, runtimeImport: string): string;
  /** The model function's second argument (a JS object literal; `modelId` is the module's): what the client needs of this model. */
  binding(meta: ModelMeta): Code;
  /**
   * Types of the module that are the runtime's (Runware's Result: templates/runtime/runware/result.ts), imported from
   * the client runtime's index under the module's name for them (`as`) and exported by it. Absent: none.
   */
  runtimeTypes?(ir: AnalyzedIR): readonly { readonly name: string; readonly as: string }[];
  /** Declarations of the module's result types, appended after the task's types in index.d.ts. */
  responseTypes(ir: AnalyzedIR, schemaType: SchemaType): Promise<string>;
}

/** What the model's README page says that depends on the provider. */
export interface ProviderReadme {
  /** The "Delivery" row: how results come back (Markdown; `inline` writes a code span). */
  delivery(meta: ModelMeta, inline: (text: string) => string): string;
  /** The payload a usage snippet shows, from a payload the validator accepts (e.g. without client-filled fields). */
  snippetInput(ir: AnalyzedIR, payload: Json): Json;
  /** The name of the snippet's TaskInput constant ("task", "input"…): the other modes' snippets declare only it. */
  readonly inputName: string;
  /** The lines of a usage snippet (inside a ```ts fence) that import from `specifier` and send `input`. */
  snippet(specifier: string, input: Json): string[];
}

export interface Provider {
  /** The provider's name: each module's `provider` export, the registry's metadata, the README's Provider row. */
  readonly name: string;
  /** What recognition looks for, in words (the error for a document no provider recognises lists them). */
  readonly signs: string;
  /** Whether a document (as written, overlays applied, keys sorted, $refs not yet bundled) is one of this provider's. */
  recognise(doc: JsonObject): boolean;
  /**
   * The path whose POST request body is the task; undefined: the first POST operation with a body (paths sorted).
   * A body that is an array is a batch of tasks: the task is its items.
   */
  taskPath?(doc: JsonObject): string | undefined;
  /**
   * The task and response schemas as the provider means them, after the dialect is read and before normalize
   * (e.g. fal's property order); the same accepted payloads. Undefined: as written.
   */
  readSchema?(schema: SchemaObject): SchemaObject;
  /** The model id and the other fields of the model's metadata the provider decides; `task` is normalized. */
  meta(spec: LoadedSpec, task: SchemaObject): ProviderMeta;
  /** The model id read from a loaded spec without building its IR (diff lists unchanged models by it); undefined if none. */
  modelId(spec: LoadedSpec): string | undefined;
  /** What comes back (results, errors, callbacks), read from the bundled document; `clean` keeps JSON Schema only. */
  responses(doc: JsonObject, clean: (schema: Json | undefined) => Schema | null): ResponseSchemas;
  readonly module: ProviderModule;
  readonly readme: ProviderReadme;
  /** Task fields described once for all the provider's models (absent: none). */
  readonly sharedFields?: SharedFieldsDoc;
  /** How `modelgen pull` lists and fetches this provider's documents (catalog.ts); absent: no catalog to pull from. */
  readonly catalog?: Catalog;
}
