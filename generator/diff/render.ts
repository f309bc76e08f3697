// The report as text (for a person), JSON (for tools) and Markdown (for a pull-request comment). Models and
// changes come sorted from the diff; nothing here reorders. Model ids, file names, paths and messages carry spec
// text, so each format escapes them for where it goes (text/escape.ts).
import type { Change, DiffReport, ModelDiff } from "./types.js";
import { escapeTerminal, markdownCell, markdownCode, markdownHtml, stringifyJson } from "../text/escape.js";

export type DiffFormat = "text" | "json" | "markdown";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const breakingOf = (m: ModelDiff) => m.changes.filter((c) => c.breaking).length;

function summary(report: DiffReport): string {
  const count = (s: ModelDiff["status"]) => report.models.filter((m) => m.status === s).length;
  const breaking = report.models.reduce((n, m) => n + breakingOf(m), 0);
  return `${plural(report.models.length, "model")}: ${count("changed")} changed, ${count("added")} added, ${count("removed")} removed, ${count("unchanged")} unchanged; ${plural(breaking, "breaking change")}`;
}

export function renderText(report: DiffReport): string {
  const lines: string[] = [];
  for (const m of report.models) {
    if (m.status === "unchanged") continue;
    const counts = m.status === "changed" ? `, ${plural(m.changes.length, "change")}, ${breakingOf(m)} breaking` : "";
    lines.push(`${m.file} (${m.modelId}): ${m.status}${counts}`);
    for (const c of m.changes) {
      lines.push(`  ${c.breaking ? "BREAKING" : "ok      "} ${c.kind} ${c.path || "/"}: ${c.message}`);
      if (c.witness !== undefined) lines.push(`           ${c.breaking ? "old accepts, new rejects" : "new accepts, old rejects"}: ${JSON.stringify(c.witness)}`);
    }
  }
  lines.push(summary(report));
  return lines.map(escapeTerminal).join("\n") + "\n";
}

export function renderJson(report: DiffReport): string {
  const change = (c: Change) => ({ kind: c.kind, path: c.path, message: c.message, breaking: c.breaking, ...(c.witness !== undefined ? { witness: c.witness } : {}) });
  return stringifyJson({ models: report.models.map((m) => ({ modelId: m.modelId, file: m.file, status: m.status, changes: m.changes.map(change) })) }, 2) + "\n";
}

const code = (s: string) => markdownCode(s, { inTable: true });

export function renderMarkdown(report: DiffReport): string {
  const out: string[] = [`## modelgen diff`, "", summary(report), ""];
  const listed = report.models.filter((m) => m.status !== "unchanged");
  if (listed.length) {
    out.push("| model | file | status | changes | breaking |", "|---|---|---|---|---|");
    for (const m of listed) out.push(`| ${code(m.modelId)} | ${code(m.file)} | ${m.status} | ${m.changes.length} | ${breakingOf(m)} |`);
    out.push("");
  }
  for (const m of listed.filter((x) => x.changes.length)) {
    out.push(`### ${markdownCode(m.modelId)} (${markdownCode(m.file)})`, "", "| | kind | path | change |", "|---|---|---|---|");
    for (const c of m.changes) out.push(`| ${c.breaking ? "**breaking**" : "ok"} | ${code(c.kind)} | ${code(c.path || "/")} | ${markdownCell(c.message)} |`);
    out.push("");
    for (const c of m.changes.filter((x) => x.witness !== undefined)) {
      const what = c.breaking ? "the old spec accepts, the new one rejects" : "the new spec accepts, the old one rejects";
      // Pretty JSON puts a quote or a bracket on every line, so no line of it can close the fence.
      out.push(`<details><summary>${markdownHtml(`${c.kind} ${c.path || "/"}`)}: ${what}</summary>`, "", "```json", stringifyJson(c.witness, 2), "```", "", "</details>", "");
    }
  }
  return out.join("\n");
}

export function renderReport(report: DiffReport, format: DiffFormat): string {
  return format === "json" ? renderJson(report) : format === "markdown" ? renderMarkdown(report) : renderText(report);
}
