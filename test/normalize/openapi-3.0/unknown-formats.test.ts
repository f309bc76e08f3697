// A format the validators do not implement is dropped (3.0 formats are open; Ajv ignores unknown ones), with a note.
import { test } from "vitest";
import { unknownFormats } from "../../../generator/normalize/openapi-3.0/unknown-formats.js";
import { checkRule } from "./helpers.js";

test("binary and uuid4 are dropped and noted; uri is kept and checked", () => {
  checkRule(
    unknownFormats,
    { type: "object", properties: { f: { type: "string", format: "binary" }, id: { type: "string", format: "uuid4" }, u: { type: "string", format: "uri" } } },
    { type: "object", properties: { f: { type: "string" }, id: { type: "string" }, u: { type: "string", format: "uri" } } },
    [[{ f: "raw bytes", id: "not-a-uuid" }, true], [{ u: "https://example.com/a.png" }, true], [{ u: "not a uri" }, false]],
    [
      '/properties/f/format: format "binary" is not checked (the validators do not implement it; Ajv ignores unknown formats too)',
      '/properties/id/format: format "uuid4" is not checked (the validators do not implement it; Ajv ignores unknown formats too)',
    ],
  );
});
