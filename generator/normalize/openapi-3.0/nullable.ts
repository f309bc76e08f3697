// OpenAPI 3.0.3 §4.7.24.1 `nullable`: "A true value adds "null" to the allowed types specified by the type
// keyword, only if type is explicitly defined within the same Schema Object." (and `null` to an enum).
import { mapSchema, omitKeywords } from "../walk.js";
import type { Json, JsonType } from "../../ir/types.js";
import type { OpenApi30Rule } from "./rule.js";

export const nullable: OpenApi30Rule = {
  name: "Write 3.0's `nullable: true` as a type that includes null (and null in its enum); without a type it has no effect (3.0.3), so it is dropped",
  apply: (schema) => ({
    schema: mapSchema(schema, (s) => {
      if (!("nullable" in s)) return s;
      const rest = omitKeywords(s, (k) => k === "nullable");
      if (s.nullable !== true || s.type === undefined) return rest;
      const types: readonly JsonType[] = Array.isArray(s.type) ? s.type : [s.type as JsonType];
      const type = types.includes("null") ? types : [...types, "null" as const];
      const withEnum = Array.isArray(s.enum) && !s.enum.includes(null) ? { enum: [...s.enum, null as Json] } : {};
      return { ...rest, type, ...withEnum };
    }),
    notes: [],
  }),
};
