// The validator as generated, run in this process: lint, diff, `validate --specs` and each spec's analysis check
// payloads with it. Apart from pipeline.ts so that a run whose specs all come from the cache, or are generated in
// the worker threads, does not load Ajv and esbuild on its main thread (pipeline.ts imports this on first need).
import { compileValidator } from "./compile/validator.js";
// The generator checks payloads with the very sources the runtime ships (built beside it into dist/templates/).
import * as runtimeIssues from "../templates/validation/issues.js";
import { formats as runtimeFormats } from "../templates/validation/formats.js";
import type { Formats, IssuesModule } from "./pipeline.js";
import type { InProcessValidator, ModelIR } from "./ir/types.js";

/** The validator as generated (same Ajv options, formats and messages), run in this process. */
export function inProcessValidator(ir: ModelIR, formats: Formats, issuesModule: IssuesModule): InProcessValidator {
  const compiled = compileValidator(ir.task, formats, { file: ir.meta.file, pointer: ir.meta.taskPointer });
  const validate = compiled.validate;
  const messages = ir.ruleMessages;
  const check = (t: unknown) => validate(t) && issuesModule.checkExtraRules(t, ir.extraRules).length === 0;
  const validateTask = (t: unknown) => [...(validate(t) ? [] : issuesModule.toIssues(validate.errors, t, messages)), ...issuesModule.checkExtraRules(t, ir.extraRules)];
  return { check, validateTask, standalone: compiled.standalone };
}

/** The formats and the message builder the shipped runtime uses, as this process runs them. */
export function runtimeModules(): { formats: Formats; issuesModule: IssuesModule } {
  return { formats: runtimeFormats, issuesModule: runtimeIssues };
}
