// properties, additionalProperties, dependentSchemas, patternProperties (JSON Schema 2020-12 §10.3.2, §10.2.2.4):
// on an object with declared properties, a property's subschema applies when it is present, a closed object
// forbids the declared properties a rule does not list; the object's declaration (an interface or a record).
import { ANY_PROPERTY } from "../ir/path.js";
import { isPlain } from "../json.js";
import { TRUE, and, has, implies, not } from "./algebra.js";
import type { KeywordFamily } from "./family.js";
import type { Formula, SchemaObject } from "../ir/types.js";
import type { AtomContext } from "./family.js";

function objectKeyword(k: string, s: SchemaObject, ctx: AtomContext): Formula | undefined {
  const { at, declared } = ctx;
  const child = (name: string) => [...at, name];
  switch (k) {
    case "properties":
      return and(Object.entries(s.properties ?? {}).map(([name, sub]) => implies(has(child(name)), ctx.translate(sub, child(name)))));
    case "dependentSchemas":
      return and(Object.entries(s.dependentSchemas ?? {}).map(([name, sub]) => implies(has(child(name)), ctx.sub(sub))));
    case "additionalProperties": {
      const v = s.additionalProperties;
      if (v === true || (isPlain(v) && Object.keys(v).length === 0)) return TRUE;
      if (v === false && declared.additionalProperties === false && !s.patternProperties) {
        const listed = new Set(Object.keys(s.properties ?? {}));
        return and(
          Object.keys(declared.properties ?? {})
            .filter((p) => !listed.has(p))
            .sort()
            .map((p) => not(has(child(p)))),
        );
      }
      return ctx.opaque({ additionalProperties: v, properties: Object.keys(s.properties ?? {}) });
    }
  }
  // patternProperties: not modelled.
  return undefined;
}

export const properties: KeywordFamily = {
  name: "properties",
  section: "§10.3.2 keywords for applying subschemas to objects, §10.2.2.4 dependentSchemas",
  keywords: ["properties", "additionalProperties", "dependentSchemas", "patternProperties"],
  atoms: (k, s, ctx) => (ctx.isObject && k !== "patternProperties" ? objectKeyword(k, s, ctx) : undefined),
  declaration: {
    kinds: {
      // A named interface for declared properties; otherwise a record of what additionalProperties allows.
      object: (schema, ctx) => {
        if (isPlain(schema.properties) && Object.keys(schema.properties).length) return ctx.object(schema, ctx.path);
        if (schema.additionalProperties === false) return { kind: "record", values: null };
        return { kind: "record", values: isPlain(schema.additionalProperties) ? ctx.decl(schema.additionalProperties, [...ctx.path, ANY_PROPERTY]) : { kind: "unknown" } };
      },
    },
  },
  words: { predicates: {}, rules: "rules/describe.ts: a property's own constraints under its name (valueRequirement)" },
  witness: {},
};
