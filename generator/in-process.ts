// The validator as generated, run in this process: lint, diff, `validate --specs` and each spec's analysis check
// payloads with it. Apart from pipeline.ts so that a run whose specs all come from the cache, or are generated in
// the worker threads, does not load Ajv and esbuild on its main thread (pipeline.ts imports this on first need).
import { compileValidator, vouchShape, type CompiledValidator } from "./compile/validator.js";
import { mapSchema } from "./normalize/walk.js";
import { runtimeImport } from "./layout.js";
import { literal } from "./emit/code.js";
// The generator checks payloads with the very sources the runtime ships (built beside it into dist/templates/).
import * as runtimeIssues from "../templates/validation/issues.js";
import * as ajvHelpers from "../templates/validation/ajv-helpers.js";
import { formats as runtimeFormats } from "../templates/validation/formats.js";
import type { Formats, IssuesModule } from "./pipeline.js";
import type { InProcessValidator, ModelIR, SchemaObject } from "./ir/types.js";
import type { ValidateFunction } from "ajv";

/** A compilation kept for the next spec with the same task schema: its function, and its shipped code by import path. */
interface Compiled {
  readonly compiled: CompiledValidator;
  readonly shipped: Map<string, Promise<string>>;
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
let made = 0;

/** How many compilations this thread has made (the memo's misses): what shows that a task's compilation was shared. */
export const compilationsMade = (): number => made;

/** `run: false`: only the code is wanted (compileValidator's `run`), a compilation of its own under its own key. */
function compiledFor(task: SchemaObject, formats: Formats, place: { file: string; pointer: string }, run = true): Compiled {
  let byText = compilations.get(formats);
  if (!byText) compilations.set(formats, (byText = new Map()));
  const text = JSON.stringify(task);
  const key = `${run ? "run" : "code"}:${text}`;
  let hit = byText.get(key);
  if (hit) {
    // The most recently used last: the oldest goes first when the memo is full.
    byText.delete(key);
    byText.set(key, hit);
    return hit;
  }
  hit = { compiled: compileValidator(task, formats, { ...place, run, text }), shipped: new Map() };
  made++;
  if (byText.size >= COMPILED_LIMIT) byText.delete(byText.keys().next().value!);
  byText.set(key, hit);
  return hit;
}

/** The task with its model id made a parameter: each `const` and `enum` string equal to the id is `token`. */
export interface IdParameter {
  readonly task: SchemaObject;
  readonly token: string;
}

/**
 * A catalog's models often share their request schema but for the model id, which the task pins with a `const`
 * (Runware's `model`): `taskWithIdToken` writes the id in each `const` and `enum` string that equals it as a token
 * absent from the schema's text, so that such models compile once. Null when no const or enum holds the id.
 */
export function taskWithIdToken(task: SchemaObject, modelId: string): IdParameter | null {
  if (modelId === "") return null;
  const text = JSON.stringify(task);
  if (!text.includes(JSON.stringify(modelId))) return null;
  let n = 0;
  let token = "";
  do token = `__modelgen_model_id_${n++}__`;
  while (text.includes(token) || modelId.includes(token));
  let replaced = 0;
  const swap = (v: unknown): unknown => (v === modelId ? (replaced++, token) : v);
  const generic = mapSchema(task, (s) => {
    const c = s.const === modelId;
    const e = Array.isArray(s.enum) && s.enum.includes(modelId);
    if (!c && !e) return s;
    return { ...s, ...(c ? { const: swap(s.const) } : {}), ...(e ? { enum: (s.enum as unknown[]).map(swap) } : {}) } as SchemaObject;
  });
  if (!replaced) return null;
  // One string for another in const and enum: the keywords keep their shapes.
  vouchShape(generic, task);
  return { task: generic, token };
}

/**
 * The code compiled with the id as `token`, with the id written in: only where the token stands as a whole
 * double-quoted string literal (what Ajv writes for a const or an enum value, and esbuild keeps). Undefined if it
 * stands anywhere else (esbuild folded it into a longer string, say), so that the caller compiles the id's own
 * schema instead. A `"token"` cannot sit inside another literal: the token is absent from the schema's text, and
 * the code's other strings are the schema's own values and names, Ajv's paths and the runtime's import path.
 */
export function withIdWritten(code: string, token: string, modelId: string): string | undefined {
  const quoted = code.split(`"${token}"`);
  if (quoted.some((part) => part.includes(token))) return undefined;
  // The one safe literal of emitted code (emit/code.ts): U+2028, U+2029 and `</script` escaped.
  return quoted.join(literal(modelId).text);
}

/** A task validator and the code it ships by import path. */
interface Shipping {
  readonly validate: ValidateFunction;
  standalone(runtimeImport: string): Promise<string>;
}

/** A compilation's code for an import path, minified once (specs in flight together share the one minify). */
const codeOf = ({ compiled, shipped }: Compiled, runtimeImport: string): Promise<string> => {
  let code = shipped.get(runtimeImport);
  if (code === undefined) shipped.set(runtimeImport, (code = compiled.standalone(runtimeImport)));
  return code;
};

/**
 * The shipped code of a model whose task holds its id in a const or enum, from the compilation it shares with every
 * model whose task differs only in the id (taskWithIdToken), and its `validate` as this process runs that very code.
 * Undefined where that cannot be (the token stands where the id cannot be written in, the shared schema is refused,
 * the code does not evaluate): the caller compiles the model's own schema.
 */
async function sharedById(ir: ModelIR, formats: Formats, place: { file: string; pointer: string }): Promise<Shipping | undefined> {
  const param = taskWithIdToken(ir.task, ir.meta.modelId);
  if (!param) return undefined;
  let generic: Compiled;
  try {
    // Its function is never called: payloads are checked with the code it ships.
    generic = compiledFor(param.task, formats, place, false);
  } catch {
    return undefined; // the model's own compile names what is wrong, with its own values
  }
  const written = async (imported: string): Promise<string | undefined> => withIdWritten(await codeOf(generic, imported), param.token, ir.meta.modelId);
  const at = runtimeImport(ir.meta.name, "validation/index.js");
  const code = await written(at);
  const validate = code === undefined ? undefined : evaluateShipped(code, formats)?.validate;
  if (code === undefined || validate === undefined) return undefined;
  const standalone = async (imported: string): Promise<string> => (imported === at ? code : ((await written(imported)) ?? (await codeOf(compiledFor(ir.task, formats, place, false), imported))));
  return { validate, standalone };
}

const runtimes = new WeakMap<Formats, ReadonlyMap<string, unknown>>();
/** What the shipped code may import, by name: the runtime's Ajv helpers and each format's function (made once). */
function runtimeFor(formats: Formats): ReadonlyMap<string, unknown> {
  let runtime = runtimes.get(formats);
  if (!runtime) {
    const made = new Map<string, unknown>(Object.entries(ajvHelpers));
    for (const f of Object.values(formats)) made.set(f.name, f);
    runtimes.set(formats, (runtime = made));
  }
  return runtime;
}

/** The import of the shipped code as esbuild writes it (first), and its exports (last). */
const SHIPPED_IMPORT = /^import\{([^}]*)\}from"[^"\\]*";/;
const SHIPPED_EXPORTS = /export\{([^}]*)\};\n?$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The shipped validator.js, run in this process: the names its import binds become the parameters of a function
 * given the runtime's helpers and `formats`' functions (by the names the code imports), and its exports the
 * function's result. Undefined if its first or last statement is not what esbuild writes, it imports something the
 * runtime lacks, or it throws as it loads.
 */
export function evaluateShipped(code: string, formats: Formats): { validate: ValidateFunction; guard: (t: unknown) => boolean } | undefined {
  const runtime = runtimeFor(formats);
  const imported = SHIPPED_IMPORT.exec(code);
  const exported = SHIPPED_EXPORTS.exec(code);
  if (!exported) return undefined;
  const bound: unknown[] = [];
  const locals: string[] = [];
  for (const spec of imported ? imported[1]!.split(",") : []) {
    const [name = "", local = name] = spec.split(" as ");
    if (!runtime.has(name) || !IDENTIFIER.test(local)) return undefined;
    locals.push(local);
    bound.push(runtime.get(name));
  }
  const names = new Map<string, string>();
  for (const spec of exported[1]!.split(",")) {
    const [local = "", name = local] = spec.split(" as ");
    if (!IDENTIFIER.test(local) || !IDENTIFIER.test(name)) return undefined;
    names.set(name, local);
  }
  const validate = names.get("validate");
  const guard = names.get("guard");
  if (validate === undefined || guard === undefined) return undefined;
  const body = code.slice(imported ? imported[0].length : 0, exported.index);
  try {
    // A module is strict code; the runtime's helpers come in as the parameters the import named.
    const module = new Function(...locals, `"use strict";${body}\nreturn [${validate}, ${guard}];`) as (...helpers: unknown[]) => [ValidateFunction, (t: unknown) => boolean];
    const [v, g] = module(...bound);
    return typeof v === "function" && typeof g === "function" ? { validate: v, guard: g } : undefined;
  } catch {
    return undefined;
  }
}

/** The validator as generated (same Ajv options, formats and messages), run in this process. */
export function inProcessValidator(ir: ModelIR, formats: Formats, issuesModule: IssuesModule): InProcessValidator {
  const own = compiledFor(ir.task, formats, { file: ir.meta.file, pointer: ir.meta.taskPointer });
  return validatorOf(ir, issuesModule, { validate: own.compiled.validate, standalone: (imported) => codeOf(own, imported) });
}

/**
 * The validator of a model whose code will ship (generation): a model whose task differs from others' only in its
 * model id takes their shared compilation and checks payloads with the code it ships (sharedById); any other
 * compiles its own, as lint, diff and `validate` do (inProcessValidator).
 */
export async function shippingValidator(ir: ModelIR, formats: Formats, issuesModule: IssuesModule): Promise<InProcessValidator> {
  const shared = await sharedById(ir, formats, { file: ir.meta.file, pointer: ir.meta.taskPointer });
  return shared ? validatorOf(ir, issuesModule, shared) : inProcessValidator(ir, formats, issuesModule);
}

function validatorOf(ir: ModelIR, issuesModule: IssuesModule, { validate, standalone }: Shipping): InProcessValidator {
  const messages = ir.ruleMessages;
  const check = (t: unknown) => validate(t) && issuesModule.checkExtraRules(t, ir.extraRules).length === 0;
  const validateTask = (t: unknown) => [...(validate(t) ? [] : issuesModule.toIssues(validate.errors, t, messages)), ...issuesModule.checkExtraRules(t, ir.extraRules)];
  return { check, validateTask, standalone };
}

/** The formats and the message builder the shipped runtime uses, as this process runs them. */
export function runtimeModules(): { formats: Formats; issuesModule: IssuesModule } {
  return { formats: runtimeFormats, issuesModule: runtimeIssues };
}
