// ModelIR → AnalyzedIR: what takes the compiled validator. Lint (modes that can never be valid, vacuous
// combinators, examples against their declared verdicts, each "possible" backed by a witness the validator
// accepts) and the verdict on every request example, which the README page shows.
import { checkExamples, lintTask } from "./lint.js";
import { modeCube, modeKey } from "../ir/modes.js";
import { witnessOf } from "./witness.js";
import { deepFreeze } from "../ir/freeze.js";
import type { AnalyzedIR, InProcessValidator, Json, ModelIR } from "../ir/types.js";

export function analyzeModel(ir: ModelIR, validator: InProcessValidator): AnalyzedIR {
  const checkedExamples = checkExamples(ir, validator.validateTask);
  const found = lintTask(ir, { check: validator.check, validate: validator.validateTask }, checkedExamples);
  // What the spec's dialect left unchecked (normalize/openapi-3.0) is said beside lint's own findings.
  const notes = (ir.dialectNotes ?? []).map((message) => ({ severity: "warning" as const, kind: "not-checked", message, pointers: [] }));
  const lint = notes.length ? { ...found, findings: [...found.findings, ...notes] } : found;
  return deepFreeze({ ...ir, lint, checkedExamples, modeWitnesses: modeWitnesses(ir, validator) });
}

/** A checked payload per mode (the README's snippets), from the mode's representative cube. */
function modeWitnesses(ir: ModelIR, validator: InProcessValidator): Map<string, Json> {
  const out = new Map<string, Json>();
  const add = (key: string, payload: Json) => {
    if (!out.has(key) && validator.check(payload)) out.set(key, payload);
  };
  // A model without rules has one mode: any task (the empty cube).
  add(modeKey(new Map()), witnessOf(new Map(), new Map(), ir.task));
  for (const group of ir.split.groups) {
    for (const variant of group.variants) {
      const cube = modeCube(variant);
      add(modeKey(cube), witnessOf(cube, group.vars, ir.task));
    }
  }
  return out;
}
