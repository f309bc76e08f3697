// Response types, direction reversed: what a consumer reads. A removed field is breaking when a response the new
// schema allows lacks something the old one guaranteed (checked with Ajv on both response schemas); an added
// field never is.
import Ajv2020Module from "ajv/dist/2020.js";
import { sampleValue } from "../analyze/witness.js";
import { ajvOptions } from "../compile/validator.js";
import { isPlain } from "../json.js";
import { mapSchema } from "../normalize/walk.js";
import { pathPointer, pathText } from "./payload.js";
import { ITEMS, placeId, type Place } from "../ir/path.js";
import type { Json, ModelIR, Schema, SchemaObject } from "../ir/types.js";
import type { Candidate } from "./candidate.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

interface Field {
  readonly path: Place;
  readonly required: boolean;
}

/** Is `child` inside `parent` (a strict extension of it)? */
const isBelow = (child: Place, parent: Place): boolean => parent.length < child.length && parent.every((step, i) => step === child[i]);

/** The fields of a response schema by their place's identity (placeId), items as ITEMS. */
function fieldsOf(schema: Schema | null): Map<string, Field> {
  const out = new Map<string, Field>();
  const visit = (s: Schema | undefined, at: Place, requiredSoFar: boolean) => {
    if (!isPlain(s)) return;
    const required = new Set(s.required ?? []);
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      const path = [...at, name];
      out.set(placeId(path), { path, required: requiredSoFar && required.has(name) });
      visit(sub, path, requiredSoFar && required.has(name));
    }
    if (isPlain(s.items)) visit(s.items, [...at, ITEMS], false);
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
    for (const [id, field] of before) {
      if (after.has(id) || [...before].some(([pid, p]) => !after.has(pid) && isBelow(field.path, p.path))) continue;
      const name = pathText(field.path);
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
    for (const [id, field] of after)
      if (!before.has(id) && ![...after].some(([pid, p]) => !before.has(pid) && isBelow(field.path, p.path)))
        out.push({ kind: "response-field-added", path: pathPointer(field.path), message: `${where} field ${pathText(field.path)} was added`, direction: "widening", checked: { witness: null, breaking: false, note: "" } });
  }
  return out;
}
