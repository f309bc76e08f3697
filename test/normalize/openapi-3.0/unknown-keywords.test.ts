// Keys that are neither JSON Schema, OpenAPI nor x- extensions (fal's UI hints) are dropped, each noted.
import { test } from "vitest";
import { unknownKeywords } from "../../../generator/normalize/openapi-3.0/unknown-keywords.js";
import { checkRule } from "./helpers.js";

test("UI hints (max, step) and an items written as a map of positions are ignored, as Ajv does outside strict mode", () => {
  checkRule(
    unknownKeywords,
    {
      type: "object",
      properties: {
        fps: { type: "integer", min: 1, max: 60, step: 1 },
        rgb: { type: "array", minItems: 3, maxItems: 3, items: { "0": { type: "integer" }, "1": { type: "integer" } } },
      },
    },
    { type: "object", properties: { fps: { type: "integer" }, rgb: { type: "array", minItems: 3, maxItems: 3, items: {} } } },
    [
      [{ fps: 500 }, true],
      [{ rgb: ["a", null, 3] }, true],
      [{ rgb: [1, 2] }, false],
      [{ fps: 1.5 }, false],
    ],
    [
      '/properties/fps/min: "min" is not a schema keyword; ignored',
      '/properties/fps/max: "max" is not a schema keyword; ignored',
      '/properties/fps/step: "step" is not a schema keyword; ignored',
      '/properties/rgb/items/0: "0" is not a schema keyword; ignored',
      '/properties/rgb/items/1: "1" is not a schema keyword; ignored',
    ],
  );
});
