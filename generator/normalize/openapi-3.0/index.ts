// OpenAPI 3.0 documents (fal's, among others) write schemas in 3.0's dialect; the pipeline reads JSON Schema
// 2020-12. These rewrites, in order, take a 3.0 schema to the 2020-12 schema a 3.0 reader means (no maintained
// converter fits: @openapi-contrib/openapi-schema-to-json-schema targets draft 4, so boolean exclusive bounds stay
// booleans, and it turns a `nullable` without a type into a null branch, which 3.0.3 says has no effect). They
// apply to the task and response schemas of documents whose `openapi` is 3.0.x; 3.1 documents are 2020-12 already.
import { exclusiveBounds } from "./exclusive-bounds.js";
import { example } from "./example.js";
import { nullable } from "./nullable.js";
import { unknownFormats } from "./unknown-formats.js";
import { unknownKeywords } from "./unknown-keywords.js";
import type { SchemaObject } from "../../ir/types.js";
import type { OpenApi30Context, OpenApi30Result, OpenApi30Rule } from "./rule.js";

export type { OpenApi30Context, OpenApi30Result, OpenApi30Rule };

export const openApi30Rules: readonly OpenApi30Rule[] = [
  // Unknown keys first: a UI hint such as `items: {"0": …}` must be gone before the other rules read a subschema.
  unknownKeywords,
  nullable,
  exclusiveBounds,
  example,
  unknownFormats,
];

/** Whether a document's schemas are written in OpenAPI 3.0's dialect (its `openapi` field is 3.0.x). */
export const isOpenApi30 = (openapi: unknown): boolean => typeof openapi === "string" && /^3\.0\./.test(openapi);

/** Apply every rule in order; the notes of all of them, in order. */
export function fromOpenApi30(schema: SchemaObject, ctx: OpenApi30Context): OpenApi30Result {
  const notes: string[] = [];
  let out = schema;
  for (const rule of openApi30Rules) {
    const r = rule.apply(out, ctx);
    out = r.schema;
    notes.push(...r.notes);
  }
  return { schema: out, notes };
}
