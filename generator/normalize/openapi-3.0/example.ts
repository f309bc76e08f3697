// OpenAPI 3.0.3 §4.7.24.1 `example`: a free-form example of an instance, an annotation. 2020-12 has `examples`
// (§9.5), a list: the example joins it, so README pages and witnesses can use it, and nothing checks it.
import { mapSchema, omitKeywords } from "../walk.js";
import type { OpenApi30Rule } from "./rule.js";

export const example: OpenApi30Rule = {
  name: "Move 3.0's `example` into 2020-12's `examples` list (both are annotations: nothing validates them)",
  apply: (schema) => ({
    schema: mapSchema(schema, (s) => {
      if (!("example" in s)) return s;
      const rest = omitKeywords(s, (k) => k === "example");
      const examples: unknown = s.examples;
      if (Array.isArray(examples)) return examples.some((e) => JSON.stringify(e) === JSON.stringify(s.example)) ? rest : { ...rest, examples: [...examples, s.example] };
      return { ...rest, examples: [s.example] };
    }),
    notes: [],
  }),
};
