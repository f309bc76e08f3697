// OpenAPI 3.0.3 §4.4 Data Types: `format` is an open value ("formats such as "email", "uuid", and so on, MAY be
// used even though undefined by this specification"); tools that do not know one ignore it, as Ajv does for a
// format it was not given. The validators here implement a fixed list: a format outside it is dropped, and the
// note says the value is not checked (`binary` file uploads, `uuid4`, …).
import { mapSchema, omitKeywords } from "../walk.js";
import { pointerOf } from "../../../templates/validation/pointer.js";
import type { OpenApi30Rule } from "./rule.js";

export const unknownFormats: OpenApi30Rule = {
  name: "Drop a format the validators do not implement (3.0 formats are open, and readers ignore the ones they do not know, as Ajv does); a note says it is not checked",
  apply: (schema, { formats }) => {
    if (formats === undefined) return { schema, notes: [] };
    const notes: string[] = [];
    const out = mapSchema(schema, (s, ctx) => {
      if (typeof s.format !== "string" || Object.prototype.hasOwnProperty.call(formats, s.format)) return s;
      notes.push(`${pointerOf([...ctx.keys, "format"]) || "/format"}: format ${JSON.stringify(s.format)} is not checked (the validators do not implement it; Ajv ignores unknown formats too)`);
      return omitKeywords(s, (k) => k === "format");
    });
    return { schema: out, notes };
  },
};
