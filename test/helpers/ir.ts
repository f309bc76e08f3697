// Factories for stage tests: schema fragments, paths and rules, and a whole frozen ModelIR assembled from a task
// schema in code (the real case split; no spec file, no loader, no normalize: the task is given normalized).
import { presenceKey, valueKey } from "../../generator/ir/path.js";
import { caseSplit } from "../../generator/rules/case-split.js";
import { declareTask } from "../../generator/ir/declarations.js";
import { constraintWords, typeWords } from "../../generator/ir/property-words.js";
import { translate } from "../../generator/rules/formula.js";
import { has, implies } from "../../generator/keywords/algebra.js";
import { deepFreeze } from "../../generator/ir/freeze.js";
import type { ExampleIR, Json, ModelIR, ModelMeta, Path, PropertyIR, Rule, RuleMessage, Schema, SchemaObject } from "../../generator/ir/types.js";

// ---------------------------------------------------------------------------------------------------------------
// Schema fragments

export const str = (extra: SchemaObject = {}): SchemaObject => ({ type: "string", ...extra });
export const int = (extra: SchemaObject = {}): SchemaObject => ({ type: "integer", ...extra });
export const bool = (): SchemaObject => ({ type: "boolean" });
export const oneOfConsts = (...values: Json[]): SchemaObject => ({ enum: values });
/** An object with these properties (and, optionally, required names and rule keywords). */
export const obj = (properties: { readonly [name: string]: Schema }, extra: SchemaObject = {}): SchemaObject => ({
  type: "object",
  properties,
  ...extra,
});
/** `{ properties: { name: { const: value } } }`: the branch shape of a size table or a mode switch. */
export const whenConst = (values: { readonly [name: string]: Json }): SchemaObject => ({
  properties: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { const: v }])),
});

// ---------------------------------------------------------------------------------------------------------------
// Paths, variable keys and rules

/** "inputs.frameImages" → ["inputs", "frameImages"]. */
export const p = (dotted: string): Path => (dotted === "" ? [] : dotted.split("."));
export const hasKey = (dotted: string) => presenceKey(p(dotted));
export const eqKey = (dotted: string) => valueKey(p(dotted));

/** A rule as collectRules makes it: `schema` applied at `at` (dotted) of `root`, at `pointer`. */
export function ruleOf(pointer: string, schema: SchemaObject, root: SchemaObject, at = ""): Rule {
  const path = p(at);
  const f = translate(schema, path, root);
  return { pointer, at: path, schema, formula: path.length ? implies(has(path), f) : f };
}

// ---------------------------------------------------------------------------------------------------------------
// A whole model

export interface ModelOptions {
  readonly limit?: number;
  readonly examples?: readonly ExampleIR[];
  readonly ruleMessages?: readonly RuleMessage[];
  readonly meta?: Partial<ModelMeta>;
}

/** A request example (no declared verdict unless given). */
export const example = (key: string, value: Json, expect: ExampleIR["expect"] = null): ExampleIR => ({ key, summary: key, expect, reason: null, value });

/** A frozen ModelIR around a normalized task schema, with its real case split and declaration tree. */
export function modelIR(task: SchemaObject, { limit = 64, examples = [], ruleMessages = [], meta = {} }: ModelOptions = {}): ModelIR {
  const required = new Set(task.required ?? []);
  const properties: PropertyIR[] = Object.entries(task.properties ?? {}).map(([name, schema]) => ({
    path: [name],
    depth: 0,
    typeWords: typeWords(schema),
    constraints: constraintWords(schema),
    pointer: `/properties/${name}`,
    schema,
    required: required.has(name),
  }));
  const split = caseSplit(task, { limit });
  return deepFreeze({
    meta: {
      name: "test/model",
      file: "test/model.json",
      hash: "0".repeat(64),
      overlays: [],
      provider: "runware",
      modelId: "test:model@1",
      title: "Test model",
      version: "1.0.0",
      description: "",
      taskType: null,
      deliveryMethods: [],
      defaultDelivery: null,
      operation: { path: "/tasks", operationId: undefined },
      bodyIsArray: false,
      taskPointer: "/components/schemas/Task",
      clientFilled: [],
      ...meta,
    },
    task,
    properties,
    split,
    declaration: declareTask(task, split, limit),
    ruleMessages,
    modeNames: [],
    extraRules: [],
    examples,
    responses: {},
  });
}
