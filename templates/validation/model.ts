// What every model module exports besides its own data, written once: isTask, validateTask and taskSchema over
// the model's validator and rule messages, and createClient over the provider's client runtime (each provider's
// model function, templates/runtime/<name>/model.ts, adds its webhooks). A generated index.js is its metadata, its
// messages and one call of its provider's model function; its index.d.ts types what that returns with the model's
// own types.
//
// The client runtime loads with import() when a client is made or a webhook parsed, never when the module is
// imported: code that only validates never pays for it. Every client method is async, so the wrapper changes no
// signature. The import is written relative to this file (the bundler leaves it as written: see
// generator/emit/templates.ts), so every model reaches the one runtime of its package.
import { checkApiKey } from "./api-key.js";
import { checkExtraRules, toIssues, type AjvError, type ExtraRule, type RuleMessage, type ValidationIssue } from "./issues.js";
import { standardSchema, type StandardSchemaV1 } from "./standard.js";

/** A model's compiled validators (its validator.js) and the words for its rules (its index.js). */
export interface ModelValidator {
  /** All errors, behind validateTask. */
  readonly validate: ((value: unknown) => boolean) & { errors?: AjvError[] | null };
  /** The first-error guard, behind isTask. */
  readonly guard: (value: unknown) => boolean;
  /** Left out by a model without any (its index.js writes no empty list). */
  readonly ruleMessages?: readonly RuleMessage[];
  readonly extraRules?: readonly ExtraRule[];
}

/**
 * The task checks every model module exports, as its index.d.ts types them (`ModelFunctions["isTask"]`, …, over
 * the provider's RunwareModel, FalModel or RunflowModel): the words here are what an editor shows at each call.
 */
export interface TaskFunctions<Task> {
  /** True when `value` is a task this model accepts. */
  isTask(value: unknown): value is Task;
  /** Why `value` is not a valid task: one issue per broken rule; empty when valid. */
  validateTask(value: unknown): ValidationIssue[];
  /**
   * validateTask as a Standard Schema v1 (vendor "modelgen"): tRPC's `.input()`, Hono's `sValidator`, TanStack Form
   * and other tools that take a Standard Schema validate with it, typed as this model's `Task`; its issues are
   * validateTask's words, each path as keys (array indices as numbers).
   */
  readonly taskSchema: StandardSchemaV1<Task, Task>;
}

/** The task checks every model exports (untyped: index.d.ts types them with TaskFunctions). */
export interface TaskChecks {
  isTask(value: unknown): boolean;
  validateTask(value: unknown): ValidationIssue[];
  readonly taskSchema: StandardSchemaV1;
}

/** The client runtime (its bundle: _runtime/runtime/index.js), loaded on first use. */
export type Runtime = typeof import("../runtime/index.js");
export const runtime = (): Promise<Runtime> => import("../runtime/index.js");

/** isTask (the first-error guard, then the extra rules), validateTask (every error, in words) and taskSchema. */
export function taskChecks({ validate, guard, ruleMessages = [], extraRules = [] }: ModelValidator): TaskChecks {
  /**
   * True when `value` is a task this model accepts (the spec's schema and its x-modelgen-rules): the first-error
   * guard, which stops at the first broken rule; the guard itself when there are no extra rules (one call less on
   * a check that takes tens of nanoseconds).
   */
  const isTask: (value: unknown) => boolean = extraRules.length === 0 ? guard : (value) => guard(value) && checkExtraRules(value, extraRules).length === 0;
  /** Why `value` is not a valid task: one issue per broken rule, empty when it is valid. */
  function validateTask(value: unknown): ValidationIssue[] {
    const issues = validate(value) ? [] : toIssues(validate.errors, value, ruleMessages);
    return extraRules.length ? [...issues, ...checkExtraRules(value, extraRules)] : issues;
  }
  return { isTask, validateTask, taskSchema: standardSchema(validateTask) };
}

/**
 * createClient: refuses a bad API key at once (a TypeError), then loads the runtime and makes the provider's client
 * at the first call; each method waits for it. Another bad option surfaces at the first call, not as an unhandled
 * rejection.
 */
export function lazyClient<C>(make: (runtime: Runtime, options: unknown) => C, methods: readonly (keyof C & string)[]): (options: unknown) => Record<string, (...args: unknown[]) => Promise<unknown>> {
  return function createClient(options) {
    checkApiKey(options);
    const client = runtime().then((r) => make(r, options));
    client.catch(() => {});
    const out: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const m of methods) out[m] = (...args) => client.then((c) => (c[m] as (...a: unknown[]) => unknown)(...args));
    return out;
  };
}

export type Options<F extends (...args: never[]) => unknown> = Parameters<F>[1];
