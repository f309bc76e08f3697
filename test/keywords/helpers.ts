// What each keyword family test asks of the stages, on small schemas written in code: a rule's formula at a place
// of a small task, a property's TypeScript in TaskCommon, a constraint's words, and whether Ajv (with the
// validators' formats) accepts a family's witness.
import Ajv2020 from "ajv/dist/2020.js";
import { expect } from "vitest";
import { translate } from "../../generator/rules/formula.js";
import { sampleValue } from "../../generator/analyze/witness.js";
import { emitTypes } from "../../generator/emit/types.js";
import { ajvOptions } from "../../generator/compile/validator.js";
import { formats } from "../../templates/validation/formats.js";
import { WORDS, type ConstraintKeyword } from "../../templates/validation/words.js";
import { modelIR, obj, p } from "../helpers/ir.js";
import type { KeywordFamily } from "../../generator/keywords/family.js";
import type { Formula, Json, Schema, SchemaObject } from "../../generator/ir/types.js";

/** The formula of `rule` applied at `at` (dotted) of the task `root`. */
export const formulaOf = (rule: Schema, root: SchemaObject, at = ""): Formula => translate(rule, p(at), root);

/** The TypeScript of the property `x` declared as `schema`, as TaskCommon states it. */
export function tsOf(schema: Schema): string {
  const { text } = emitTypes(modelIR(obj({ x: schema })));
  const line = /^x\?: (.*);$/m.exec(text);
  if (!line?.[1]) throw new Error(`no x in\n${text}`);
  return line[1];
}

const ajv = new Ajv2020.default({ ...ajvOptions(formats), strict: false });

/** sampleValue's witness for `schema`, checked with Ajv: the witness is returned for a closer look. */
export function witnessAccepted(schema: SchemaObject): Json {
  const w = sampleValue(schema);
  const validate = ajv.compile(schema);
  expect(validate(w), `${JSON.stringify(w)} against ${JSON.stringify(schema)}: ${JSON.stringify(validate.errors)}`).toBe(true);
  return w;
}

/** The family's words are the runtime catalogue's own functions, for exactly the keywords listed. */
export function expectSameWords(family: KeywordFamily, keywords: readonly ConstraintKeyword[]): void {
  expect(Object.keys(family.words.predicates).sort()).toEqual([...keywords].sort());
  for (const k of keywords) expect(family.words.predicates[k]).toBe(WORDS[k]);
}
