// Shared by the OpenAPI 3.0 rule tests: a rule's output compiles under the generator's strict Ajv 2020-12 and gives
// each payload the verdict a 3.0 reader gives the input.
import { expect } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { ajvOptions } from "../../../generator/compile/validator.js";
import { formats } from "../../../templates/validation/formats.js";
import type { OpenApi30Rule } from "../../../generator/normalize/openapi-3.0/index.js";
import type { SchemaObject } from "../../../generator/ir/types.js";

/** `input` is a 3.0 schema: its keywords may have shapes 2020-12 does not allow (boolean exclusive bounds). */
export function checkRule(rule: OpenApi30Rule, input: Record<string, unknown>, output: SchemaObject, payloads: readonly (readonly [unknown, boolean])[], notes: readonly string[] = []) {
  const frozen = JSON.parse(JSON.stringify(input));
  const result = rule.apply(input as SchemaObject, { formats });
  expect(result.schema).toEqual(output);
  expect(result.notes).toEqual(notes);
  expect(input).toEqual(frozen); // never mutates
  const validate = new Ajv2020({ ...ajvOptions(formats), strict: true }).compile(result.schema);
  expect(payloads.length).toBeGreaterThan(1);
  for (const [payload, verdict] of payloads) expect(validate(payload), JSON.stringify(payload)).toBe(verdict);
}
