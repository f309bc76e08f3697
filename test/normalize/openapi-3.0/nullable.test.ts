// OpenAPI 3.0.3 nullable: adds null to an explicit type (and to an enum); no effect without a type.
import { test } from "vitest";
import { nullable } from "../../../generator/normalize/openapi-3.0/nullable.js";
import { checkRule } from "./helpers.js";

test("nullable: true with a type accepts null too", () => {
  checkRule(nullable, { type: "object", properties: { a: { type: "string", nullable: true }, b: { type: "integer", nullable: false } } }, { type: "object", properties: { a: { type: ["string", "null"] }, b: { type: "integer" } } }, [
    [{ a: null }, true],
    [{ a: "x" }, true],
    [{ a: 1 }, false],
    [{ b: null }, false],
  ]);
});

test("nullable: true on an enum adds null to the enum", () => {
  checkRule(nullable, { type: "object", properties: { a: { type: "string", enum: ["x", "y"], nullable: true } } }, { type: "object", properties: { a: { type: ["string", "null"], enum: ["x", "y", null] } } }, [
    [{ a: null }, true],
    [{ a: "x" }, true],
    [{ a: "z" }, false],
  ]);
});

test("nullable without a type has no effect (3.0.3) and is dropped", () => {
  checkRule(nullable, { type: "object", properties: { a: { nullable: true, anyOf: [{ type: "string" }, { type: "integer" }] } } }, { type: "object", properties: { a: { anyOf: [{ type: "string" }, { type: "integer" }] } } }, [
    [{ a: "x" }, true],
    [{ a: null }, false],
  ]);
});
