// ModelIR → AnalyzedIR: what takes the compiled validator. Lint (modes that can never be valid, vacuous
// combinators, examples against their declared verdicts, each "possible" backed by a witness the validator
// accepts), the verdict on every request example, which the README page shows, and the validator's code as it
// ships, so that the emitters read nothing but the AnalyzedIR.
import { checkExamples, lintTask } from "./lint.js";
import { modeCube, modeKey } from "../ir/modes.js";
import { witnessOf } from "./witness.js";
import { deepFreeze } from "../ir/freeze.js";
import { runtimeImport } from "../layout.js";
import type { AnalyzedIR, CheckedExample, InProcessValidator, Json, LintResult, ModelIR } from "../ir/types.js";

/** Lint and the examples' verdicts: what `modelgen lint` needs (it ships no code, so none is made). */
export function lintModel(ir: ModelIR, validator: InProcessValidator): { readonly lint: LintResult; readonly checkedExamples: readonly CheckedExample[] } {
  const checkedExamples = checkExamples(ir, validator.validateTask);
  const found = lintTask(ir, { check: validator.check, validate: validator.validateTask }, checkedExamples);
  // What the spec's dialect left unchecked (normalize/openapi-3.0) is said beside lint's own findings.
  const notes = (ir.dialectNotes ?? []).map((message) => ({ severity: "warning" as const, kind: "not-checked", message, pointers: [] }));
  const lint = notes.length ? { ...found, findings: [...found.findings, ...notes] } : found;
  return { lint, checkedExamples };
}

export async function analyzeModel(ir: ModelIR, validator: InProcessValidator): Promise<AnalyzedIR> {
  // The code is asked for first: esbuild minifies it in its own process while lint runs here.
  const code = validator.standalone(runtimeImport(ir.meta.name, "validation/index.js"));
  // Awaited below; if lint throws first, its failure is the one reported (not an unhandled rejection of this).
  code.catch(() => {});
  const { lint, checkedExamples } = lintModel(ir, validator);
  // The compilation that decided lint and the examples is the one that ships (Ajv compiles each spec once).
  const validatorCode = await code;
  return deepFreeze({ ...ir, lint, checkedExamples, modeWitnesses: modeWitnesses(ir, validator), validatorCode });
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
