// OpenAPI 3.0's `example` joins 2020-12's `examples`; neither is validated.
import { test } from "vitest";
import { example } from "../../../generator/normalize/openapi-3.0/example.js";
import { checkRule } from "./helpers.js";

test("example becomes examples (or joins them, once)", () => {
  checkRule(
    example,
    { type: "object", properties: { a: { type: "string", example: "x" }, b: { type: "integer", example: 2, examples: [1] }, c: { type: "integer", example: 1, examples: [1] } } },
    { type: "object", properties: { a: { type: "string", examples: ["x"] }, b: { type: "integer", examples: [1, 2] }, c: { type: "integer", examples: [1] } } },
    [[{ a: "anything" }, true], [{ b: 7 }, true], [{ a: 1 }, false]],
  );
});
