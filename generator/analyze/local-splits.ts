// Placeholder until the emit helper writes the real traversal: no nested object gets a split of its own yet.
import type { LocalSplit, SchemaObject } from "../ir/types.js";

export function localSplitKey(schema: SchemaObject): string {
  return JSON.stringify(schema);
}

export function localSplits(_task: SchemaObject, _limit: number): ReadonlyMap<string, LocalSplit> {
  return new Map();
}
