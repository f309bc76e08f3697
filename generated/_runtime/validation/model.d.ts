import { type AjvError, type ExtraRule, type RuleMessage, type ValidationIssue } from "./issues.js";
import { type StandardSchemaV1 } from "./standard.js";
/** A model's compiled validators (its validator.js) and the words for its rules (its index.js). */
export interface ModelValidator {
  /** All errors, behind validateTask. */
  readonly validate: ((value: unknown) => boolean) & {
    errors?: AjvError[] | null;
  };
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
export declare const runtime: () => Promise<Runtime>;
/** isTask (the first-error guard, then the extra rules), validateTask (every error, in words) and taskSchema. */
export declare function taskChecks({ validate, guard, ruleMessages, extraRules }: ModelValidator): TaskChecks;
/**
 * createClient: refuses a bad API key at once (a TypeError), then loads the runtime and makes the provider's client
 * at the first call; each method waits for it. Another bad option surfaces at the first call, not as an unhandled
 * rejection.
 */
export declare function lazyClient<C>(
  make: (runtime: Runtime, options: unknown) => C,
  methods: readonly (keyof C & string)[],
): (options: unknown) => Record<string, (...args: unknown[]) => Promise<unknown>>;
export type Options<F extends (...args: never[]) => unknown> = Parameters<F>[1];
