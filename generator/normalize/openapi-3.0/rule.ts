// A rewrite from the OpenAPI 3.0 Schema Object dialect (OpenAPI 3.0.3 §4.7.24) to JSON Schema 2020-12, which the
// rest of the pipeline reads. Each returns a new schema (never mutates) and, where it leaves something unchecked,
// notes that say so (lint reports them).
import type { SchemaObject } from "../../ir/types.js";

export interface OpenApi30Context {
  /** The formats the validators implement (name → checker); undefined: formats are left as they are. */
  readonly formats?: Readonly<Record<string, unknown>> | undefined;
}

export interface OpenApi30Result {
  readonly schema: SchemaObject;
  /** What the rewrite left unchecked, one sentence each, with the JSON Pointer of the place. */
  readonly notes: readonly string[];
}

export interface OpenApi30Rule {
  /** What it does, as a sentence, and why it keeps what a 3.0 reader accepts. */
  readonly name: string;
  readonly apply: (schema: SchemaObject, ctx: OpenApi30Context) => OpenApi30Result;
}
