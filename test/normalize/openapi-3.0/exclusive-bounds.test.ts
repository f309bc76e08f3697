// OpenAPI 3.0's boolean exclusiveMinimum/exclusiveMaximum become 2020-12's number form.
import { test } from "vitest";
import { exclusiveBounds } from "../../../generator/normalize/openapi-3.0/exclusive-bounds.js";
import { checkRule } from "./helpers.js";

test("true makes the bound exclusive", () => {
  checkRule(
    exclusiveBounds,
    { type: "object", properties: { a: { type: "number", minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true } } },
    { type: "object", properties: { a: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 } } },
    [[{ a: 0 }, false], [{ a: 0.5 }, true], [{ a: 1 }, false]],
  );
});

test("false keeps the bound inclusive; the number form (fal's documents) is left as it is", () => {
  checkRule(
    exclusiveBounds,
    { type: "object", properties: { a: { type: "number", minimum: 0, exclusiveMinimum: false }, b: { type: "number", exclusiveMaximum: 5 } } },
    { type: "object", properties: { a: { type: "number", minimum: 0 }, b: { type: "number", exclusiveMaximum: 5 } } },
    [[{ a: 0 }, true], [{ a: -1 }, false], [{ b: 5 }, false], [{ b: 4.9 }, true]],
  );
});

test("true without a bound constrains nothing", () => {
  checkRule(exclusiveBounds, { type: "object", properties: { a: { type: "number", exclusiveMinimum: true } } }, { type: "object", properties: { a: { type: "number" } } }, [
    [{ a: -100 }, true],
    [{ a: "x" }, false],
  ]);
});
