// The intermediate representation of one model: everything the emitters need, computed once and frozen.
// Emitters never look at the raw spec.
import { normalize } from "../normalize/index.js";
import { caseSplit } from "../analyze/case-split.js";
import { SpecError } from "../errors.js";
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
export function buildIR(spec, { limit = 64 } = {}) {
  const info = spec.doc.info ?? {};
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
