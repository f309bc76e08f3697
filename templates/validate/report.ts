// validate's report, written as it goes: text for a person (colour on a terminal), json, or GitHub workflow
// annotations. Everything from payloads and file names is escaped for where it goes.
import type { ResultFormat, ValidationResult } from "./run.js";
import { SpecError } from "./errors.js";
import { escapeJsonText, escapeTerminal } from "./escape.js";


/** Where validate's report goes, a task at a time (the results of one task together). */
export interface Reporter {
  task(results: readonly [ValidationResult, ...ValidationResult[]]): void;
  /** The summary, after the last task. */
  end(): void;
  /**
   * The run stopped at bad input (the CLI prints `error` on stderr and exits 2): close the report, so that what was
   * written stays readable (json: still one JSON document, with the error in it).
   */
  abort(error: unknown): void;
}

const escapeGithub = (s: string): string => escapeTerminal(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
const escapeGithubProp = (s: string): string => escapeGithub(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * A reporter that writes as it goes, in a format: text (colour when `color`; one line per task, each broken rule
 * under it), json (`{ "results": [...], "valid": n, "invalid": n }`), github (workflow annotations). Text from the
 * payloads and file names is escaped for the terminal.
 */
export function createReporter(format: ResultFormat, write: (text: string) => void, { color = false }: { color?: boolean } = {}): Reporter {
  const red = (s: string): string => (color ? `\x1b[31m${s}\x1b[39m` : s);
  const green = (s: string): string => (color ? `\x1b[32m${s}\x1b[39m` : s);
  const dim = (s: string): string => (color ? `\x1b[2m${s}\x1b[22m` : s);
  let valid = 0;
  let invalid = 0;
  let first = true;
  if (format === "json") write('{\n  "results": [');
  return {
    task(rs) {
      const r0 = rs[0];
      if (r0.valid) valid++;
      else invalid++;
      if (format === "json") {
        if (r0.valid) return;
        let text = "";
        for (const { valid: _, ...r } of rs) {
          text += `${first ? "" : ","}\n    ${escapeJsonText(JSON.stringify(r))}`;
          first = false;
        }
        write(text);
      } else if (format === "github") {
        if (r0.valid) return;
        write(rs.map((r) => `::error file=${escapeGithubProp(r.file)},line=${r.line},col=${r.column},title=${escapeGithubProp(`modelgen: ${r.model ?? "task"}`)}::${escapeGithub(`${r.path ? `${r.path}: ` : ""}${r.message}`)}\n`).join(""));
      } else {
        const name = `${escapeTerminal(r0.file)}${r0.index === null ? "" : `[${r0.index}]`}`;
        if (r0.valid) write(`${green("✓")} ${name} ${dim(escapeTerminal(String(r0.model)))}\n`);
        else write(`${red("✗")} ${name} ${dim(escapeTerminal(r0.model ?? ""))}\n${rs.map((r) => `    ${dim(`${escapeTerminal(r.file)}:${r.line}:${r.column}`)} ${escapeTerminal(String(r.message))}\n`).join("")}`);
      }
    },
    end() {
      if (format === "json") write(`${first ? "]" : "\n  ]"},\n  "valid": ${valid},\n  "invalid": ${invalid}\n}\n`);
      else write(`${valid} valid, ${invalid} invalid\n`);
    },
    abort(error) {
      const message = error instanceof Error ? error.message : String(error);
      if (format === "json") write(`${first ? "]" : "\n  ]"},\n  "valid": ${valid},\n  "invalid": ${invalid},\n  "error": ${escapeJsonText(JSON.stringify(message))}\n}\n`);
      else if (format === "github" && error instanceof SpecError) {
        const [line, column] = /^\d+:\d+$/.test(error.where) ? error.where.split(":") : [];
        write(`::error file=${escapeGithubProp(error.file)}${line ? `,line=${line},col=${column}` : ""},title=modelgen::${escapeGithub(error.expected)}\n`);
      }
    },
  };
}
