// LoadedSpec → ModelIR: everything the emitters need that does not take a validator, computed once and frozen:
// metadata, the normalized task schema and its declared properties, the rules as formulas with their case split,
// the declared types as a tree (with the splits of nested objects), the rule messages, examples as written,
// normalized response schemas.
import { fromOpenApi30, isOpenApi30, normalize } from "../normalize/index.js";
import { caseSplit } from "../rules/case-split.js";
import { declareTask } from "./declarations.js";
import { constraintWords, typeWords } from "./property-words.js";
import { SpecError } from "../errors.js";
import { pointerOf, tokensOf } from "../../templates/validation/pointer.js";
import { ITEMS, option, presenceKey, type Place } from "./path.js";
import { describeRules, describeAlternatives } from "../rules/describe.js";
import { isPlain } from "../json.js";
import { deepFreeze } from "./freeze.js";
import { providerNamed } from "../providers/index.js";
import { checkSchemaShape } from "../compile/validator.js";
import type {
  CaseSplit,
  Delivery,
  ExampleIR,
  ExtraRule,
  Json,
  JsonObject,
  LoadedSpec,
  ModelIR,
  ModelMeta,
  Path,
  PropertyIR,
  Schema,
  SchemaObject,
} from "./types.js";

export interface BuildOptions {
  /** Variants per group of rules before the widest rule is left to the validator. */
  readonly limit?: number;
  /** The formats the validators implement (name → checker): a `format` outside them is refused. */
  readonly formats?: Readonly<Record<string, unknown>>;
}

export function buildIR(written: LoadedSpec, { limit = 64, formats }: BuildOptions = {}): ModelIR {
  // An OpenAPI 3.0 document's schemas are read as the 2020-12 schemas they mean (normalize/openapi-3.0).
  // The provider may read its own extensions (fal's property order) on top.
  const dialect = isOpenApi30(written.doc.openapi);
  const provider = providerNamed(written.provider);
  const read = (schema: SchemaObject): SchemaObject => provider.readSchema?.(schema) ?? schema;
  const converted = dialect ? fromOpenApi30(written.taskSchema, { formats }) : null;
  const spec = { ...written, taskSchema: read(converted?.schema ?? written.taskSchema) };
  const cleanSchema = (v: Json | undefined): Schema | null => {
    if (v === undefined) return null;
    if (typeof v === "boolean") return v;
    if (!isPlain(v)) return null;
    const schema = read(dialect ? fromOpenApi30(v as SchemaObject, {}).schema : (v as SchemaObject));
    // A response schema's keywords are read by the Output's type generation: their shapes are checked first too
    // (an `enum: {}` crashed json-schema-to-typescript), at the place the schema stands in the document.
    // The place is found (a walk of the document) only for a schema that fails: the check, asked again with it.
    try {
      checkSchemaShape(schema, { file: spec.file });
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      checkSchemaShape(schema, { file: spec.file, pointer: locate(written.doc, v) ?? "" });
      throw e;
    }
    return cleanResponse(schema);
  };
  checkStrings(spec, formats);
  const task = normalize(spec.taskSchema);
  // Every keyword of the right shape before the analysis reads them (it assumes the meta-schema holds).
  checkSchemaShape(task, { file: spec.file, pointer: spec.taskSourcePointer });
  const meta = modelMeta(spec, task);
  const split = caseSplit(task, { limit });
  const responses = provider.responses(spec.doc, cleanSchema);
  // The case split's rules are the task's (collectRules): their words need not translate them again.
  const ruleMessages = [...describeRules(task, split.rules), ...describeAlternatives(task)];
  const modeNames = modeNamesOf(spec, split);
  return deepFreeze({
    meta,
    task,
    properties: declaredProperties(task),
    split,
    declaration: declareTask(task, split, limit, { modeNames, ruleMessages }),
    ruleMessages,
    modeNames,
    extraRules: (asArray(spec.taskSchema["x-modelgen-rules"]) ?? []).map((r, i) => checkExtraRule(spec, r, i)),
    examples: examplesOf(spec),
    responses,
    // Each note starts with its pointer into the task schema: made a pointer into the file, as errors are.
    ...(converted?.notes.length ? { dialectNotes: converted.notes.map((n) => `${written.taskSourcePointer}${n}`) } : {}),
  });
}

/**
 * Where `target` (an object of `doc`, by identity) stands in `doc`, as a JSON Pointer: the shallowest place (a
 * schema reached through a $ref stands in components/schemas too); undefined when it is not there.
 */
function locate(doc: Json, target: Json): string | undefined {
  // Breadth first; each node remembers its parent's place in the queue and its key, so the pointer is made once,
  // for the node found, instead of for every node visited.
  const nodes: Json[] = [doc];
  const parents: number[] = [-1];
  const keys: string[] = [""];
  const seen = new Set<Json>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node === target) {
      const path: string[] = [];
      for (let at = i; at > 0; at = parents[at]!) path.push(keys[at]!);
      return pointerOf(path.reverse());
    }
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    for (const [k, v] of Object.entries(node)) {
      nodes.push(v);
      parents.push(i);
      keys.push(k);
    }
  }
  return undefined;
}

function modelMeta(spec: LoadedSpec, task: SchemaObject): ModelMeta {
  const info = objectAt(spec.doc, ["info"]) ?? {};
  const props = task.properties ?? {};
  const provider = providerNamed(spec.provider);
  const { modelId, clientFilled } = provider.meta(spec, task);
  const delivery = props.deliveryMethod;
  const deliveryLiterals = isPlain(delivery) ? literalsOf(delivery) : [];
  const isDelivery = (d: Json): d is Delivery => d === "sync" || d === "async";
  const deliveryDefault = isPlain(delivery) ? delivery.default : undefined;
  const single = deliveryLiterals.length === 1 ? deliveryLiterals[0] : undefined;
  const taskType = props.taskType;
  return {
    name: spec.name,
    file: spec.file,
    hash: spec.hash,
    overlays: spec.overlays,
    provider: provider.name,
    modelId,
    title: typeof info.title === "string" ? info.title : modelId,
    version: typeof info.version === "string" ? info.version : "",
    description: typeof info.description === "string" ? info.description : "",
    taskType: isPlain(taskType) && typeof taskType.const === "string" ? taskType.const : null,
    deliveryMethods: deliveryLiterals.filter(isDelivery),
    defaultDelivery: deliveryDefault !== undefined ? (isDelivery(deliveryDefault) ? deliveryDefault : null) : single !== undefined && isDelivery(single) ? single : null,
    operation: { path: spec.operation.path, operationId: spec.operation.operationId },
    bodyIsArray: spec.bodyIsArray,
    taskPointer: spec.taskSourcePointer,
    clientFilled,
  };
}

/**
 * Every declared property, depth first in spec order: nested objects as [a, b], array items' properties as
 * [a, ITEMS, b], and the properties of each alternative (anyOf, else oneOf) of an array's items after the items'
 * own, as [a, ITEMS, option(n), b].
 */
export function declaredProperties(task: SchemaObject): PropertyIR[] {
  const out: PropertyIR[] = [];
  const visit = (schema: SchemaObject, at: Place, ptr: string, depth: number) => {
    const required = new Set(schema.required ?? []);
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const path = [...at, name];
      const p = `${ptr}/properties/${pointerOf([name]).slice(1)}`;
      out.push({ path, depth, pointer: p, schema: sub, required: required.has(name), typeWords: typeWords(sub), constraints: constraintWords(sub) });
      if (!isPlain(sub)) continue;
      if (isPlain(sub.properties)) visit(sub, path, p, depth + 1);
      const items = sub.items;
      if (!isPlain(items)) continue;
      if (isPlain(items.properties)) visit(items, [...path, ITEMS], `${p}/items`, depth + 1);
      const [keyword, branches] = items.anyOf ? (["anyOf", items.anyOf] as const) : (["oneOf", items.oneOf ?? []] as const);
      branches.forEach((b, i) => {
        if (isPlain(b) && isPlain(b.properties)) visit(b, [...path, ITEMS, option(String(i + 1))], `${p}/items/${keyword}/${i}`, depth + 1);
      });
    }
  };
  visit(task, [], "", 0);
  return out;
}

function examplesOf(spec: LoadedSpec): ExampleIR[] {
  return Object.keys(spec.examples)
    .sort()
    .map((key) => {
      const ex = spec.examples[key] ?? {};
      const expect = ex["x-modelgen-expect"];
      return {
        key,
        summary: typeof ex.summary === "string" ? ex.summary : key,
        expect: expect === "valid" || expect === "invalid" ? expect : null,
        reason: typeof ex["x-modelgen-reason"] === "string" ? ex["x-modelgen-reason"] : null,
        value: ex.value ?? null,
      };
    });
}

/**
 * Response schemas keep their JSON Schema shape and nothing else: they go to json-schema-to-typescript, which
 * reads keywords of its own (`tsType`, `tsEnumNames`, `extends`, `$id` for names) that would let a spec write
 * TypeScript into every consumer's program. Only JSON Schema and OpenAPI keywords pass; data stays as data.
 */
function cleanResponse(schema: SchemaObject): SchemaObject {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (!KNOWN_KEYWORDS.has(k) || NOT_FOR_TYPES.has(k)) continue;
    if (DATA.has(k)) out[k] = v;
    else if (MAPS.has(k)) out[k] = isPlain(v) ? Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, cleanSub(sub)])) : v;
    else out[k] = Array.isArray(v) ? v.map(cleanSub) : cleanSub(v);
  }
  return out as SchemaObject;
}
const cleanSub = (v: unknown): unknown => (isPlain(v) ? cleanResponse(v as SchemaObject) : v);
/** Core keywords that name or anchor a schema: json-schema-to-typescript would turn them into declaration names. */
const NOT_FOR_TYPES = new Set(["$id", "$schema", "$anchor", "$vocabulary", "$comment"]);

function objectAt(doc: JsonObject, keys: readonly string[]): JsonObject | undefined {
  let node: Json | undefined = doc;
  for (const k of keys) {
    if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, k)) return undefined;
    node = (node as JsonObject)[k];
  }
  return node !== null && typeof node === "object" && !Array.isArray(node) ? (node as JsonObject) : undefined;
}

const asArray = (v: unknown): readonly unknown[] | undefined => (Array.isArray(v) ? v : undefined);

/** Keywords of JSON Schema 2020-12 that the pipeline does not implement: reported, never silently ignored. */
const UNSUPPORTED_KEYWORDS = new Set(["$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "dependencies"]);

/** Keywords of JSON Schema 2020-12 (core, applicator, validation, format, content, meta-data) and OpenAPI 3.1's schema extras. */
export const KNOWN_KEYWORDS: ReadonlySet<string> = new Set(
  ("$schema $id $ref $anchor $defs $comment $vocabulary definitions allOf anyOf oneOf not if then else dependentSchemas prefixItems items contains " +
    "properties patternProperties additionalProperties propertyNames unevaluatedItems unevaluatedProperties type enum const multipleOf maximum " +
    "exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems minItems uniqueItems maxContains minContains maxProperties " +
    "minProperties required dependentRequired format contentEncoding contentMediaType contentSchema title description default deprecated readOnly " +
    "writeOnly examples example discriminator xml externalDocs nullable").split(" "),
);
/** Keywords whose value maps names to subschemas (or lists): their keys are names, not keywords. */
const MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependentRequired"]);
/** Keywords whose value is data, not schemas. */
const DATA = new Set(["examples", "example", "default", "const", "enum"]);

/**
 * Patterns and formats, checked on the schema as written so errors point at the place in the file: every
 * `pattern` must be an ECMAScript regular expression (with the u flag, as the validator runs it) and every
 * `format` one the validators implement.
 */
function checkStrings(spec: LoadedSpec, formats: BuildOptions["formats"]): void {
  const at = (keys: readonly (string | number)[], k: string) => `${spec.taskSourcePointer}${pointerOf([...keys, k])}`;
  const visit = (node: unknown, keys: readonly (string | number)[]): void => {
    if (Array.isArray(node)) return node.forEach((x, i) => visit(x, [...keys, i]));
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    const last = keys.at(-1);
    const inSchema = !(typeof last === "string" && (MAPS.has(last) || DATA.has(last)));
    if (inSchema && typeof o.pattern === "string") {
      try {
        new RegExp(o.pattern, "u");
      } catch (e) {
        const why = String(e instanceof Error ? e.message : e).replace(/^Invalid regular expression: /, "");
        throw new SpecError(spec.file, at(keys, "pattern"), `pattern ${JSON.stringify(o.pattern)} is not a valid ECMAScript regular expression (${why})`);
      }
    }
    if (inSchema) {
      const unsupported = Object.keys(o).find((k) => UNSUPPORTED_KEYWORDS.has(k));
      if (unsupported)
        throw new SpecError(spec.file, at(keys, unsupported), `unsupported keyword ${JSON.stringify(unsupported)}: modelgen's validators and types do not implement it, and ignoring it would accept payloads the spec rejects`);
      const unknown = Object.keys(o).find((k) => !KNOWN_KEYWORDS.has(k) && !k.startsWith("x-"));
      if (unknown)
        throw new SpecError(spec.file, at(keys, unknown), `unknown keyword ${JSON.stringify(unknown)}: not JSON Schema 2020-12 or OpenAPI; a rule that depends on it would be silently ignored (a typo?)`);
    }
    if (inSchema && formats && typeof o.format === "string" && !Object.prototype.hasOwnProperty.call(formats, o.format))
      throw new SpecError(spec.file, at(keys, "format"), `unsupported format ${JSON.stringify(o.format)}; the validators implement ${Object.keys(formats).sort().join(", ")}`);
    for (const [k, v] of Object.entries(o)) if (!DATA.has(k) && !k.startsWith("x-")) visit(v, [...keys, k]);
  };
  visit(spec.taskSchema, []);
}

function literalsOf(s: SchemaObject): readonly Json[] {
  if ("const" in s && s.const !== undefined) return [s.const];
  if (Array.isArray(s.enum)) return s.enum;
  const bs = s.oneOf ?? s.anyOf;
  if (Array.isArray(bs) && bs.every((b) => isPlain(b) && "const" in b)) return bs.map((b) => (b as SchemaObject).const ?? null);
  return [];
}

/**
 * `x-modelgen-mode-names` (on the task schema, usually from an overlay): names a person chose for the task-level
 * modes, `{ "TextToVideo": { "requires": ["/positivePrompt"], "forbids": ["/inputs/frameImages"] } }`. Each entry
 * names the one mode whose facts include every property it lists (JSON Pointers); per group, per mode, the name
 * or null (the derived name stays).
 */
function modeNamesOf(spec: LoadedSpec, split: CaseSplit): (string | null)[][] {
  const names = split.groups.map((g) => g.variants.map((): string | null => null));
  const raw = spec.taskSchema["x-modelgen-mode-names"];
  if (raw === undefined) return names;
  const where = `${spec.taskSourcePointer}/x-modelgen-mode-names`;
  if (!isPlain(raw)) throw new SpecError(spec.file, where, "x-modelgen-mode-names must be an object: mode name → { requires, forbids } (JSON Pointers)");
  for (const [name, entry] of Object.entries(raw)) {
    const at = `${where}${pointerOf([name])}`;
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name) || ["Task", "TaskInput", "TaskCommon", "TaskMode", "TaskInputCommon"].includes(name))
      throw new SpecError(spec.file, at, `a mode name must be a PascalCase identifier other than the module's own (Task, TaskInput, TaskCommon, TaskMode, TaskInputCommon); got ${JSON.stringify(name)}`);
    const list = (k: "requires" | "forbids"): string[] => {
      const v = isPlain(entry) ? entry[k] : undefined;
      if (v === undefined) return [];
      if (!Array.isArray(v) || !v.every((p) => typeof p === "string" && (p === "" || p.startsWith("/"))))
        throw new SpecError(spec.file, `${at}/${k}`, `${k} must be a list of JSON Pointers to properties ("/inputs/frameImages")`);
      return v as string[];
    };
    if (!isPlain(entry)) throw new SpecError(spec.file, at, "a mode name's entry must be an object { requires, forbids } of JSON Pointers");
    const requires = list("requires").map(tokensOf).map(presenceKey);
    const forbids = list("forbids").map(tokensOf).map(presenceKey);
    const matches = split.groups.flatMap((g, gi) => g.variants.flatMap((v, vi) => (requires.every((k) => v.presence.get(k) === true) && forbids.every((k) => v.presence.get(k) === false) ? [{ gi, vi }] : [])));
    const [only] = matches;
    if (!only || matches.length > 1)
      throw new SpecError(spec.file, at, `${matches.length ? `${matches.length} modes have` : "no mode has"} these facts; the task's modes are listed on its README page (list facts that hold in exactly one)`);
    if (names[only.gi]![only.vi] !== null) throw new SpecError(spec.file, at, `this mode is named ${names[only.gi]![only.vi]} already`);
    names[only.gi]![only.vi] = name;
  }
  return names;
}

/** `x-modelgen-rules`: checks JSON Schema cannot say, run by the generated validator after Ajv. */
function checkExtraRule(spec: LoadedSpec, r: unknown, i: number): ExtraRule {
  const where = `${spec.taskSourcePointer}/x-modelgen-rules/${i}`;
  const rule = isPlain(r) ? (r as Record<string, unknown>) : {};
  const paths = rule.paths;
  if (rule.kind !== "sameLength" || !Array.isArray(paths) || paths.length !== 2 || !paths.every((p): p is string => typeof p === "string" && p.startsWith("/")))
    throw new SpecError(spec.file, where, 'expected {kind: "sameLength", paths: [<JSON Pointer>, <JSON Pointer>], message}');
  const [a, b] = paths as [string, string];
  return { kind: "sameLength", paths: [a, b], message: typeof rule.message === "string" ? rule.message : `${a} and ${b} must have the same length` };
}
