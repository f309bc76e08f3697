// What a pull says. Text: one summary line, then a line per model added, changed, gone upstream or skipped (the
// unchanged ones only counted); lines hold catalog text (ids, fal's error messages), so the caller escapes each
// one for the terminal and redacts the key. JSON: the same, every list in full, for scripts.
import { stringifyJson } from "../text/escape.js";
import type { PullPlan } from "./plan.js";

export function renderPlan(provider: string, plan: PullPlan, { dryRun, prune }: { dryRun: boolean; prune: boolean }): string[] {
  const would = (done: string, future: string) => (dryRun ? future : done);
  const lines = [
    `pull ${provider}${dryRun ? " (dry run: nothing written)" : ""}: ${plan.added.length} added, ${plan.changed.length} changed, ${plan.unchanged.length} unchanged, ${plan.gone.length} gone upstream, ${plan.skipped.length} skipped`,
  ];
  for (const a of plan.added) lines.push(`  added     ${a.file}${dryRun ? " (would be written)" : ""}`);
  for (const c of plan.changed) lines.push(`  changed   ${c.file}${dryRun ? " (would be rewritten)" : ""}`);
  for (const g of plan.gone) lines.push(`  gone      ${g.file} (${prune ? would("deleted", "would be deleted") : "kept; --prune deletes it"})`);
  for (const s of plan.skipped) lines.push(`  skipped   ${s.id}: ${s.why}`);
  return lines;
}

/** The report as one JSON document (ids sorted in each list; files as the text report names them). */
export function planJson(provider: string, plan: PullPlan, { dryRun, prune }: { dryRun: boolean; prune: boolean }): string {
  const report = {
    provider,
    dryRun,
    added: plan.added.map(({ id, file }) => ({ id, file })),
    changed: plan.changed.map(({ id, file }) => ({ id, file })),
    unchanged: plan.unchanged,
    gone: plan.gone.map(({ id, file }) => ({ id, file, deleted: prune && !dryRun })),
    skipped: plan.skipped,
  };
  // The JSON escaper: catalog ids and fal's messages may hold U+2028/2029 and bidi controls, which JSON.stringify leaves raw.
  return stringifyJson(report, 2) + "\n";
}
