// The intermediate representation of one model: everything the emitters need, computed once and frozen.
// Emitters never look at the raw spec.
import { normalize } from "../normalize/index.js";
import { caseSplit } from "../analyze/case-split.js";
import { SpecError, pointer } from "../errors.js";
import { describeRules, describeAlternatives } from "../analyze/describe.js";

function deepFreeze(v) {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

const CLIENT_FILLED = ["taskType", "taskUUID", "model"];

/** @param {Awaited<ReturnType<typeof import("../load/spec.js").loadSpec>>} spec */
export function buildIR(spec, { limit = 64, formats } = {}) {
  const info = spec.doc.info ?? {};
  checkStrings(spec, formats);
  const task = normalize(spec.taskSchema);
  const props = task.properties ?? {};
  const provider = info["x-provider"] ?? (JSON.stringify(spec.doc.servers ?? []).includes("runflow") ? "runflow" : "runware");
  const modelId =
    info["x-model-id"] && provider === "runflow"
      ? info["x-model-id"]
      : props.model?.const ?? (Array.isArray(props.model?.enum) && props.model.enum.length === 1 ? props.model.enum[0] : info["x-model-id"]);
  if (typeof modelId !== "string")
    throw new SpecError(spec.file, `${spec.taskSourcePointer}/properties/model`, "expected the task's `model` to be a const (the model id), or `info.x-model-id`");
  const delivery = props.deliveryMethod ? literalsOf(props.deliveryMethod) : [];
  const split = caseSplit(task, { limit });
  const extraRules = (spec.taskSchema["x-modelgen-rules"] ?? []).map((r, i) => checkExtraRule(spec, r, i));
  const examples = Object.keys(spec.examples)
    .sort()
    .map((key) => ({
      key,
      summary: spec.examples[key].summary ?? key,
      expect: spec.examples[key]["x-modelgen-expect"] ?? null,
      reason: spec.examples[key]["x-modelgen-reason"] ?? null,
      value: spec.examples[key].value,
    }));
  return deepFreeze({
    name: spec.name,
    file: spec.file,
    hash: spec.hash,
    overlays: spec.overlays,
    provider,
    modelId,
    title: info.title ?? modelId,
    version: info.version ?? "",
    description: info.description ?? "",
    taskType: props.taskType?.const ?? null,
    deliveryMethods: delivery.filter((d) => d === "sync" || d === "async"),
    defaultDelivery: props.deliveryMethod?.default ?? (delivery.length === 1 ? delivery[0] : null),
    operation: spec.operation,
    bodyIsArray: spec.bodyIsArray,
    taskPointer: spec.taskSourcePointer,
    task,
    clientFilled: provider === "runware" ? CLIENT_FILLED.filter((k) => k in props) : [],
    split,
    ruleMessages: [...describeRules(task), ...describeAlternatives(task)],
    extraRules,
    examples,
    responses: spec.doc.components?.schemas ?? {},
    webhooks: spec.doc.webhooks ?? {},
  });
}

/** Keywords of JSON Schema 2020-12 that the pipeline does not implement: reported, never silently ignored. */
const UNSUPPORTED_KEYWORDS = new Set(["$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "dependencies"]);

/** Keywords of JSON Schema 2020-12 (core, applicator, validation, format, content, meta-data) and OpenAPI 3.1's schema extras. */
const KNOWN_KEYWORDS = new Set(
  ("$schema $id $ref $anchor $defs $comment $vocabulary definitions allOf anyOf oneOf not if then else dependentSchemas prefixItems items contains " +
    "properties patternProperties additionalProperties propertyNames unevaluatedItems unevaluatedProperties type enum const multipleOf maximum " +
    "exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems minItems uniqueItems maxContains minContains maxProperties " +
    "minProperties required dependentRequired format contentEncoding contentMediaType contentSchema title description default deprecated readOnly " +
    "writeOnly examples example discriminator xml externalDocs nullable").split(" "),
);
/** Keywords whose value maps names to subschemas (or lists): their keys are names, not keywords. */
const MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependentRequired"]);

/**
 * Patterns and formats, checked on the schema as written so errors point at the place in the file: every
 * `pattern` must be an ECMAScript regular expression (with the u flag, as the validator runs it) and every
 * `format` one the validators implement.
 */
function checkStrings(spec, formats) {
  const visit = (node, keys) => {
    if (Array.isArray(node)) return node.forEach((x, i) => visit(x, [...keys, i]));
    if (node === null || typeof node !== "object") return;
    const inSchema = !MAPS.has(keys.at(-1)) && keys.at(-1) !== "examples" && keys.at(-1) !== "default" && keys.at(-1) !== "const" && keys.at(-1) !== "enum";
    if (inSchema && typeof node.pattern === "string") {
      try {
        new RegExp(node.pattern, "u");
      } catch (e) {
        throw new SpecError(spec.file, `${spec.taskSourcePointer}${pointer([...keys, "pattern"])}`, `pattern ${JSON.stringify(node.pattern)} is not a valid ECMAScript regular expression (${String(e.message).replace(/^Invalid regular expression: /, "")})`);
      }
    }
    if (inSchema && !Array.isArray(node)) {
      const unsupported = Object.keys(node).find((k) => UNSUPPORTED_KEYWORDS.has(k));
      if (unsupported)
        throw new SpecError(spec.file, `${spec.taskSourcePointer}${pointer([...keys, unsupported])}`, `unsupported keyword ${JSON.stringify(unsupported)}: modelgen's validators and types do not implement it, and ignoring it would accept payloads the spec rejects`);
      const unknown = Object.keys(node).find((k) => !KNOWN_KEYWORDS.has(k) && !k.startsWith("x-"));
      if (unknown)
        throw new SpecError(spec.file, `${spec.taskSourcePointer}${pointer([...keys, unknown])}`, `unknown keyword ${JSON.stringify(unknown)}: not JSON Schema 2020-12 or OpenAPI; a rule that depends on it would be silently ignored (a typo?)`);
    }
    if (inSchema && formats && typeof node.format === "string" && !(node.format in formats))
      throw new SpecError(spec.file, `${spec.taskSourcePointer}${pointer([...keys, "format"])}`, `unsupported format ${JSON.stringify(node.format)}; the validators implement ${Object.keys(formats).sort().join(", ")}`);
    for (const [k, v] of Object.entries(node)) if (!["examples", "example", "default", "const", "enum"].includes(k) && !k.startsWith("x-")) visit(v, [...keys, k]);
  };
  visit(spec.taskSchema, []);
}

function literalsOf(s) {
  if ("const" in s) return [s.const];
  if (Array.isArray(s.enum)) return s.enum;
  const bs = s.oneOf ?? s.anyOf;
  if (Array.isArray(bs) && bs.every((b) => "const" in b)) return bs.map((b) => b.const);
  return [];
}

/** `x-modelgen-rules`: checks JSON Schema cannot say, run by the generated validator after Ajv. */
function checkExtraRule(spec, r, i) {
  const where = `${spec.taskSourcePointer}/x-modelgen-rules/${i}`;
  if (!r || r.kind !== "sameLength" || !Array.isArray(r.paths) || r.paths.length !== 2 || !r.paths.every((p) => typeof p === "string" && p.startsWith("/")))
    throw new SpecError(spec.file, where, 'expected {kind: "sameLength", paths: [<JSON Pointer>, <JSON Pointer>], message}');
  return { kind: r.kind, paths: r.paths, message: typeof r.message === "string" ? r.message : `${r.paths[0]} and ${r.paths[1]} must have the same length` };
}
