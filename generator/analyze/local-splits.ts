// Case splits of nested objects that the task-level split cannot reach: objects below `items`/`prefixItems`
// (JSON Schema 2020-12 §10.3.1) and objects inside `oneOf`/`anyOf` alternatives (§10.2.1), merged into their base.
// Their rules constrain each item or alternative on its own, so each gets its own split, found by the same walk
// that emit/types makes to declare their types, and keyed by the object schema it meets.
import { caseSplit } from "./case-split.js";
import { declaredLiterals } from "../keywords/const-enum.js";
import { localSplitKey } from "../ir/modes.js";
import { isPlain } from "../json.js";
import { alternativePath, alternativesOf, mergeBranch, typesOf } from "../normalize/shape.js";
import { ANY_PROPERTY, ITEMS, isLocalPlace, type Place } from "../ir/path.js";
import type { LocalSplit, Schema, SchemaObject } from "../ir/types.js";

/**
 * The split of every object schema with rules that emit/types declares at a local place (see isLocalPlace), keyed by
 * localSplitKey. The walk follows emit/types' DeclaredTypes: literals stop it; alternatives are merged into their
 * base; arrays go to `prefixItems` and `items`; objects to their properties and `additionalProperties`.
 */
export function localSplits(task: SchemaObject, limit: number): ReadonlyMap<string, LocalSplit> {
  const out = new Map<string, LocalSplit>();
  const visit = (schema: Schema | undefined, path: Place): void => {
    if (!isPlain(schema) || declaredLiterals(schema)) return;
    const alternatives = alternativesOf(schema);
    if (alternatives) {
      const { base, branches } = alternatives;
      branches.forEach((b, i) => visit(mergeBranch(base, b), alternativePath(base, branches, i, path)));
      return;
    }
    for (const t of typesOf(schema) ?? []) {
      if (t === "array") {
        const item = [...path, ITEMS];
        for (const s of schema.prefixItems ?? []) visit(s, item);
        if (schema.items !== false) visit(schema.items, item);
      } else if (t === "object") {
        const properties = isPlain(schema.properties) ? Object.entries(schema.properties) : [];
        if (properties.length && isLocalPlace(path)) addSplit(schema);
        for (const [key, sub] of properties) visit(sub, [...path, key]);
        if (schema.additionalProperties !== false) visit(schema.additionalProperties, [...path, ANY_PROPERTY]);
      }
    }
  };
  const addSplit = (schema: SchemaObject): void => {
    const key = localSplitKey(schema);
    if (out.has(key)) return;
    const split = caseSplit(schema, { limit });
    if (split.rules.length) out.set(key, { schema, split });
  };
  visit(task, []);
  return out;
}
