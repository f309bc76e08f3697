// validate (`modelgen validate`, and the generated package's own `npx <package> validate`): check payload files (a
// task, an array of tasks, or JSON Lines) against the generated validators, finding each task's model through its
// `model` field, and report in text, json or GitHub workflow annotations with the line of the offending property.
//
// Files are read as a stream, one task at a time: a 150 MB file of tasks is never held whole, as text or parsed.
// Each task is parsed by JSON.parse; its positions (line:column of a property) are worked out only for a task with
// issues. Models are loaded from the registry only when a task names them.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SpecError, systemErrorText } from "./errors.js";
import { escapeTerminal } from "./escape.js";
import { pointerOf, tokensOf } from "../validation/pointer.js";
import { closestIds } from "../registry/lookup.js";
import type { ValidationIssue } from "../validation/issues.js";
import { fileChunks } from "./inputs.js";
import { readTasks, type InputTask, type SourceLocation } from "./scan.js";
import type { Reporter } from "./report.js";

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** What validate needs of a model: the registry's modules and the in-process validators both have it. */
export interface TaskValidator {
  validateTask(task: unknown): readonly ValidationIssue[];
}

/** Validators by model id (own keys only are models). */
export type ModelValidators = Readonly<Record<string, TaskValidator>>;

/** Where validate finds models: every id (for "the closest ids"), and a model's validator, loaded on first use. */
export interface ModelSource {
  readonly ids: readonly string[];
  /** The validator of model `id`; undefined when no model has that id (own ids only: `constructor` is none). */
  load(id: string): Promise<TaskValidator | undefined>;
}


/** One issue of a task, or one line for a valid task (valid: true, and line…message null). */
export interface ValidationResult {
  readonly file: string;
  readonly index: number | null;
  readonly model: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly path: string | null;
  readonly message: string | null;
  readonly valid: boolean;
}

export type ResultFormat = "text" | "json" | "github";


/** Validators already in hand (`--specs` compiles them in this process), as a ModelSource. */
export function sourceFromValidators(validators: ModelValidators): ModelSource {
  return { ids: Object.keys(validators), load: async (id) => (Object.hasOwn(validators, id) ? validators[id] : undefined) };
}

const isTaskValidator = (v: unknown): v is TaskValidator => v !== null && typeof v === "object" && "validateTask" in v && typeof v.validateTask === "function";
const isLoader = (v: unknown): v is (id: string) => Promise<unknown> => typeof v === "function";

/**
 * The registry of generated models (`<dir>/index.js`): its metadata now, a model's module only when a task names
 * it (through the registry's loadModel), once per model.
 */
export async function loadRegistry(dir: string): Promise<ModelSource> {
  const file = path.resolve(dir, "index.js");
  if (!existsSync(file)) throw new SpecError(dir, "", "no generated registry here (index.js); run `npm run generate`, or pass --registry or --specs");
  const mod: unknown = await import(pathToFileURL(file).href);
  const models = isPlain(mod) ? mod.models : undefined;
  const loadModel = isPlain(mod) ? mod.loadModel : undefined;
  if (models === null || typeof models !== "object" || !isLoader(loadModel))
    throw new SpecError(dir, "", "index.js is not a modelgen registry (expected `models` and `loadModel`; a registry generated before loadModel must be regenerated); run `npm run generate`");
  const loaded = new Map<string, Promise<TaskValidator>>();
  const load = async (id: string): Promise<TaskValidator> => {
    let mod: unknown;
    try {
      mod = await loadModel(id);
    } catch (e) {
      throw new SpecError(dir, "", `cannot load the module of model ${JSON.stringify(id)} (${systemErrorText(e)}); run \`npm run generate\``);
    }
    if (!isTaskValidator(mod)) throw new SpecError(dir, "", `the module of model ${JSON.stringify(id)} has no validateTask; run \`npm run generate\``);
    return mod;
  };
  return {
    ids: Object.keys(models),
    load(id) {
      if (!Object.hasOwn(models, id)) return Promise.resolve(undefined);
      let p = loaded.get(id);
      if (!p) loaded.set(id, (p = load(id)));
      return p;
    },
  };
}

/** Deepest existing ancestor of a pointer that the locator knows (an issue may name a missing property). */
function locateIssue(t: InputTask, issuePath: string): SourceLocation {
  const keys = tokensOf(issuePath);
  for (let n = keys.length; n >= 0; n--) {
    const ptr = pointerOf(keys.slice(0, n));
    const loc = t.locate(ptr);
    if (loc) return loc;
  }
  return { line: 1, column: 1 };
}


/** The counts of a run. */
export interface ValidationSummary {
  readonly valid: number;
  readonly invalid: number;
}

/**
 * Validate every task of every input, streaming: each task's results go to `report` before the next task is read.
 * `models` finds a task's model by its `model` field (own ids only); `model` forces one model for all tasks (for
 * bodies without a `model` field, such as Runflow's). A valid task has one result (valid: true), an invalid one a
 * result per issue. `after` runs after each task (the CLI waits there for the terminal to drain its output).
 */
export async function validateInputs(
  inputs: readonly string[],
  models: ModelSource,
  report: Reporter,
  { model: forced, read, after }: { model?: string | undefined; read?: (file: string) => AsyncIterable<string>; after?: () => Promise<void> | void } = {},
): Promise<ValidationSummary> {
  let valid = 0;
  let invalid = 0;
  const ready = new Map<string, TaskValidator | undefined>();
  const closest = new Map<string, string[]>();
  try {
    for (const file of inputs) {
      const shown = escapeTerminal(file === "-" ? "<stdin>" : file);
      const chunks = read && file !== "-" ? read(file) : fileChunks(file, shown);
      for await (const t of readTasks(shown, chunks)) {
        const id = forced ?? (isPlain(t.task) ? t.task.model : undefined);
        const where = { file: file === "-" ? "<stdin>" : file, index: t.index };
        const results: ValidationResult[] = [];
        if (typeof id !== "string") {
          results.push({ ...where, model: null, ...locateIssue(t, ""), path: "/model", message: `the task has no \`model\` field, so its model is unknown; known models: ${models.ids.join(", ")} (or pass --model)`, valid: false });
        } else {
          let entry = ready.get(id);
          if (entry === undefined && !ready.has(id)) {
            entry = await models.load(id);
            if (ready.size < 10_000) ready.set(id, entry);
          }
          if (!entry) {
            let near = closest.get(id);
            if (!near) {
              near = closestIds(id, models.ids);
              if (closest.size < 1000) closest.set(id, near);
            }
            results.push({ ...where, model: id, ...locateIssue(t, "/model"), path: "/model", message: `unknown model ${JSON.stringify(id)}; the closest known ids: ${near.join(", ")}`, valid: false });
          } else {
            const issues = entry.validateTask(t.task);
            if (issues.length === 0) results.push({ ...where, model: id, line: null, column: null, path: null, message: null, valid: true });
            for (const issue of issues) results.push({ ...where, model: id, ...locateIssue(t, issue.path), path: issue.path, message: issue.message, valid: false });
          }
        }
        const [first, ...rest] = results;
        if (!first) continue;
        if (first.valid) valid++;
        else invalid++;
        report.task([first, ...rest]);
        await after?.();
      }
    }
  } catch (e) {
    report.abort(e);
    throw e;
  }
  report.end();
  return { valid, invalid };
}
