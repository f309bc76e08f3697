// OpenAPI 3.0 (JSON Schema Wright draft 00, §5.3 and §5.5): `exclusiveMaximum` / `exclusiveMinimum` are booleans
// that make `maximum` / `minimum` exclusive. 2020-12 spells an exclusive bound as the number itself.
import { mapSchema, omitKeywords } from "../walk.js";
import type { SchemaObject } from "../../ir/types.js";
import type { OpenApi30Rule } from "./rule.js";

function oneBound(s: SchemaObject, exclusive: "exclusiveMinimum" | "exclusiveMaximum", bound: "minimum" | "maximum"): SchemaObject {
  const flag: unknown = s[exclusive];
  if (typeof flag !== "boolean") return s; // already the number form (3.1 / 2020-12), or absent
  const rest = omitKeywords(s, (k) => k === exclusive);
  const value: unknown = s[bound];
  if (!flag || typeof value !== "number") return rest; // false, or true without a bound: no constraint
  return { ...omitKeywords(rest, (k) => k === bound), [exclusive]: value };
}

export const exclusiveBounds: OpenApi30Rule = {
  name: "Write 3.0's boolean exclusiveMinimum/exclusiveMaximum as 2020-12's number form ({minimum: m, exclusiveMinimum: true} → {exclusiveMinimum: m}); false means an inclusive bound, so the flag is dropped",
  apply: (schema) => ({ schema: mapSchema(schema, (s) => oneBound(oneBound(s, "exclusiveMinimum", "minimum"), "exclusiveMaximum", "maximum")), notes: [] }),
};
