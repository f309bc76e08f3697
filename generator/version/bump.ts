// What a spec comparison means for the package's version (semantic versioning by proof) and the CHANGELOG entry
// that says why. Pure: a diff report and versions in, a version and Markdown out.
//
//   major  a breaking change with its witness (a task the old validator accepts and the new one rejects), or a
//          model removed (its module leaves the package)
//   minor  a model added, or a change that widens or is not proved breaking (modes, values, optional properties…)
//   patch  words only (descriptions, titles, examples), or a contract that differs with no change the diff names
//   none   nothing changed
// Before 1.0.0, npm's convention for 0.x (caret ranges): a breaking change bumps the minor version, anything
// else the patch version.
import type { Change, DiffReport, ModelDiff } from "../diff/types.js";
import { SEMVER } from "../package/manifest.js";
import { markdownCode, markdownParagraph, stringifyJson } from "../text/escape.js";

export type Bump = "major" | "minor" | "patch" | "none";

/** The counts `modelgen version` prints. */
export interface VersionCounts {
  readonly breaking: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly reworded: number;
}

const isBreakingModel = (m: ModelDiff): boolean => m.status === "removed" || m.changes.some((c) => c.breaking);

/** The bump a comparison calls for. */
export function bumpOf(report: DiffReport): Bump {
  if (report.models.some(isBreakingModel)) return "major";
  if (report.models.some((m) => m.status === "added" || m.changes.length > 0)) return "minor";
  if (report.models.some((m) => m.status === "changed" || m.reworded === true)) return "patch";
  return "none";
}

export function countsOf(report: DiffReport): VersionCounts {
  return {
    breaking: report.models.reduce((n, m) => n + m.changes.filter((c) => c.breaking).length + (m.status === "removed" ? 1 : 0), 0),
    added: report.models.filter((m) => m.status === "added").length,
    removed: report.models.filter((m) => m.status === "removed").length,
    changed: report.models.filter((m) => m.status === "changed").length,
    reworded: report.models.filter((m) => m.reworded === true).length,
  };
}

/** `version` bumped (its pre-release and build dropped); 0.x follows npm's convention (breaking → minor, else patch). */
export function nextVersion(version: string, bump: Bump): string {
  const m = SEMVER.exec(version);
  if (!m) throw new Error(`not a semver version: ${version}`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const pre = m[4] !== undefined;
  if (bump === "none") return version;
  const level: Exclude<Bump, "none"> = major === 0 ? (bump === "major" ? "minor" : "patch") : bump;
  // A pre-release of x.y.z becomes x.y.z itself when that is the bump it needs (1.2.0-rc.1 → 1.2.0).
  if (level === "major") return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
  if (level === "minor") return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
  return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
}

function changeLines(c: Change): string[] {
  const head = `- ${c.breaking ? "**breaking** " : ""}${markdownCode(c.kind)} at ${markdownCode(c.path || "/")}: ${markdownParagraph(c.message)}`;
  if (c.witness === undefined) return [head];
  const words = c.breaking ? "a task the previous version accepts and this one rejects" : "a task this version accepts and the previous one rejected";
  // A fence longer than any run of backticks in the JSON (JSON strings may hold backticks).
  const json = stringifyJson(c.witness, 2);
  const fence = "`".repeat(Math.max(3, ...[...json.matchAll(/`+/g)].map((r) => r[0].length + 1)));
  return [head, "", `  ${words}:`, "", `  ${fence}json`, ...json.split("\n").map((l) => `  ${l}`), `  ${fence}`, ""];
}

/** The CHANGELOG.md entry for `version`: each model that changed, breaking changes first, each with its witness. */
export function changelogEntry(version: string, previous: string, report: DiffReport): string {
  const out = [`## ${version}`, "", `From ${previous}: ${bumpOf(report)} (${summary(countsOf(report))}).`, ""];
  const order: Record<ModelDiff["status"], number> = { removed: 0, changed: 1, added: 2, unchanged: 3 };
  const shown = report.models.filter((m) => m.status !== "unchanged" || m.reworded).sort((a, b) => order[a.status] - order[b.status] || (a.modelId < b.modelId ? -1 : 1));
  for (const m of shown) {
    const status = m.status === "unchanged" ? "reworded (descriptions, titles or examples only)" : m.status === "removed" ? "removed (**breaking**: its module is gone)" : m.status;
    out.push(`### ${markdownCode(m.modelId)}: ${status}`, "");
    const changes = [...m.changes].sort((a, b) => Number(b.breaking) - Number(a.breaking));
    for (const c of changes) out.push(...changeLines(c));
    if (changes.length) out.push("");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

export function summary(c: VersionCounts): string {
  const n = (k: number, word: string) => `${k} ${word}`;
  return [n(c.breaking, c.breaking === 1 ? "breaking change" : "breaking changes"), n(c.added, "added"), n(c.removed, "removed"), n(c.changed, "changed"), n(c.reworded, "reworded")].join(", ");
}
