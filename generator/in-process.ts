// The validator as generated, run in this process: lint, diff, `validate --specs` and each spec's analysis check
// payloads with it. Apart from pipeline.ts so that a run whose specs all come from the cache, or are generated in
// the worker threads, does not load Ajv and esbuild on its main thread (pipeline.ts imports this on first need).
import { compileValidator, type CompiledValidator } from "./compile/validator.js";
// The generator checks payloads with the very sources the runtime ships (built beside it into dist/templates/).
import * as runtimeIssues from "../templates/validation/issues.js";
import { formats as runtimeFormats } from "../templates/validation/formats.js";
import type { Formats, IssuesModule } from "./pipeline.js";
import type { InProcessValidator, ModelIR } from "./ir/types.js";

/** A compilation kept for the next spec with the same task schema: its function, and its shipped code by import path. */
interface Compiled {
  readonly compiled: CompiledValidator;
  readonly shipped: Map<string, string>;
}

/**
 * Compilations by the task schema's JSON text, per set of formats, the most recent COMPILED_LIMIT of them (each holds
 * its Ajv and its code, about 1 MB for a Runware task; fal's repeats are at most eight documents apart in either worker's
 * order). A catalog repeats task schemas (a tenth of fal's documents have the input of a sibling: `v1.5/pro/effects`
 * and `v1.6/pro/effects`, `ray-2` and `ray-2-flash`), and Ajv's two compiles and esbuild's minify are half of what a
 * spec costs. compileValidator's function and code depend on the schema and the formats alone (the file and pointer
 * only place its complaints, and a schema it refuses is never kept), and the code on the import path it is asked for.
 */
const compilations = new WeakMap<Formats, Map<string, Compiled>>();
const COMPILED_LIMIT = 8;

function compiledFor(ir: ModelIR, formats: Formats): Compiled {
  let byText = compilations.get(formats);
  if (!byText) compilations.set(formats, (byText = new Map()));
  const key = JSON.stringify(ir.task);
  let hit = byText.get(key);
  if (hit) {
    // The most recently used last: the oldest goes first when the memo is full.
    byText.delete(key);
    byText.set(key, hit);
    return hit;
  }
  hit = { compiled: compileValidator(ir.task, formats, { file: ir.meta.file, pointer: ir.meta.taskPointer }), shipped: new Map() };
  if (byText.size >= COMPILED_LIMIT) byText.delete(byText.keys().next().value!);
  byText.set(key, hit);
  return hit;
}

/** The validator as generated (same Ajv options, formats and messages), run in this process. */
export function inProcessValidator(ir: ModelIR, formats: Formats, issuesModule: IssuesModule): InProcessValidator {
  const { compiled, shipped } = compiledFor(ir, formats);
  const validate = compiled.validate;
  const messages = ir.ruleMessages;
  const check = (t: unknown) => validate(t) && issuesModule.checkExtraRules(t, ir.extraRules).length === 0;
  const validateTask = (t: unknown) => [...(validate(t) ? [] : issuesModule.toIssues(validate.errors, t, messages)), ...issuesModule.checkExtraRules(t, ir.extraRules)];
  const standalone = (runtimeImport: string): string => {
    let code = shipped.get(runtimeImport);
    if (code === undefined) shipped.set(runtimeImport, (code = compiled.standalone(runtimeImport)));
    return code;
  };
  return { check, validateTask, standalone };
}

/** The formats and the message builder the shipped runtime uses, as this process runs them. */
export function runtimeModules(): { formats: Formats; issuesModule: IssuesModule } {
  return { formats: runtimeFormats, issuesModule: runtimeIssues };
}
