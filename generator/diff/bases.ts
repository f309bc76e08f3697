// Valid payloads of one side, to mutate toward each change: one per cube of the case split (joined with a
// compatible cube of every other group, as lint does), lint's witnesses when given, and the valid examples.
// Each is kept only when the side's own validator accepts it.
import { witnessOf } from "../analyze/witness.js";
import { stableStringify } from "../json.js";
import type { Cube, Json, Value, Variable } from "../ir/types.js";
import type { ModelSide } from "./types.js";

/** At most this many payloads per side (a split of a few hundred cubes is the largest seen in real specs). */
const MAX_BASES = 400;

export function basePayloads(side: ModelSide): Json[] {
  const { ir, validator } = side;
  const seen = new Set<string>();
  const out: Json[] = [];
  const add = (p: Json) => {
    if (out.length >= MAX_BASES) return;
    const key = stableStringify(p);
    if (seen.has(key) || !validator.check(p)) return;
    seen.add(key);
    out.push(p);
  };
  for (const w of side.witnesses ?? []) add(w.witness);
  const groups = ir.split.groups;
  const vars = new Map<string, Variable>();
  for (const g of groups) for (const [k, v] of g.vars) vars.set(k, v);
  if (groups.length === 0) add(witnessOf(new Map(), vars, ir.task));
  groups.forEach((own, gi) => {
    for (const cube of own.cubes) {
      const merged = new Map<string, Value>(cube);
      groups.forEach((g, i) => {
        if (i === gi) return;
        const c: Cube | undefined = g.cubes.find((x) => [...x].every(([k, val]) => !merged.has(k) || merged.get(k) === val)) ?? g.cubes[0];
        for (const [k, val] of c ?? []) if (!merged.has(k)) merged.set(k, val);
      });
      add(witnessOf(merged, vars, ir.task));
    }
  });
  for (const ex of ir.examples) {
    if (ex.expect === "invalid") continue;
    const tasks = ir.meta.bodyIsArray && Array.isArray(ex.value) ? (ex.value as readonly Json[]) : [ex.value];
    for (const t of tasks) add(t);
  }
  return out;
}
