// Response types, direction reversed: what a consumer reads. A removed field is breaking when a response the new
// schema allows lacks something the old one guaranteed (checked with Ajv on both response schemas); an added
// field never is.
import Ajv2020Module from "ajv/dist/2020.js";
import { sampleValue } from "../analyze/witness.js";
import { ajvOptions } from "../emit/validator.js";
import { isPlain } from "../json.js";
import { mapSchema } from "../normalize/walk.js";
import { pathPointer, pathText } from "./payload.js";
import type { Json, ModelIR, Path, Schema, SchemaObject } from "../ir/types.js";
import type { Candidate } from "./candidate.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

interface Field {
  readonly path: Path;
  readonly required: boolean;
}

function fieldsOf(schema: Schema | null): Map<string, Field> {
  const out = new Map<string, Field>();
  const visit = (s: Schema | undefined, at: Path, requiredSoFar: boolean) => {
    if (!isPlain(s)) return;
    const required = new Set(s.required ?? []);
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      const path = [...at, name];
      out.set(pathText(path), { path, required: requiredSoFar && required.has(name) });
      visit(sub, path, requiredSoFar && required.has(name));
    }
    if (isPlain(s.items)) visit(s.items, [...at, "[]"], false);
  };
  visit(schema ?? undefined, [], true);
  return out;
}

/** A checker for a response schema (not strict: response schemas are documentation first); null if Ajv refuses it. */
function checker(schema: Schema): ((v: unknown) => boolean) | null {
  try {
    const ajv = new Ajv2020({ ...ajvOptions({}), strict: false, validateFormats: false, logger: false });
    const clean = typeof schema === "boolean" ? schema : mapSchema(schema, (s: SchemaObject) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$id")) as SchemaObject);
    const validate = ajv.compile(clean);
    return (v) => validate(v) === true;
  } catch {
    return null;
  }
}

export function responseChanges(oldIr: ModelIR, newIr: ModelIR): Candidate[] {
  const out: Candidate[] = [];
  for (const [which, response] of Object.entries(newIr.responses)) {
    const b = oldIr.responses[which]?.schema ?? null;
    const a = response.schema;
    if (b === null || a === null) continue;
    const before = fieldsOf(b);
    const after = fieldsOf(a);
    const where = response.label;
    for (const [name, field] of before) {
      if (after.has(name) || [...before.keys()].some((p) => p !== name && name.startsWith(p) && !after.has(p) && /^[.[]/.test(name.slice(p.length)))) continue;
      // A response the new schema allows (its smallest), which the old schema must reject for this to break anyone.
      const sample = sampleValue(a);
      const oldCheck = checker(b);
      const newCheck = checker(a);
      const witness = oldCheck && newCheck && newCheck(sample) && !oldCheck(sample) ? sample : null;
      out.push({
        kind: "response-field-removed",
        path: pathPointer(field.path),
        message: witness !== null ? `${where} field ${name} was removed: consumers that read it break` : `${where} field ${name} was removed${field.required ? "" : " (it was optional, so consumers already had to handle its absence)"}`,
        direction: "narrowing",
        checked: { witness, breaking: witness !== null, note: witness !== null ? "" : "no response the new schema allows and the old one rejects was found" },
      });
    }
    for (const [name, field] of after)
      if (!before.has(name) && ![...after.keys()].some((p) => p !== name && name.startsWith(p) && !before.has(p) && /^[.[]/.test(name.slice(p.length))))
        out.push({ kind: "response-field-added", path: pathPointer(field.path), message: `${where} field ${name} was added`, direction: "widening", checked: { witness: null, breaking: false, note: "" } });
  }
  return out;
}
