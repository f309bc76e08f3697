// `modelgen validate`: check payload files (a task, an array of tasks, or JSON Lines) against the generated
// validators, finding each task's model through its `model` field, and report in text, json or GitHub
// workflow annotations with the line of the offending property.
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { globSync } from "tinyglobby";
import { parseJson } from "./load/read.js";
import { SpecError, pointerKeys, systemErrorText } from "./errors.js";
import { isPlain } from "./normalize/walk.js";
import type { SourceDocument, SourceLocation, ValidationIssue } from "./ir/types.js";

/** What validate needs of a model: the registry's entries and the in-process validators both have it. */
export interface TaskValidator {
  validateTask(task: unknown): readonly ValidationIssue[];
}

/** Validators by model id. */
export type ModelValidators = Readonly<Record<string, TaskValidator>>;

/** One task of an input file, and where its properties stand in the file. */
export interface InputTask {
  readonly task: unknown;
  /** Its index in an array of tasks or in JSON Lines; null for a file that is one task. */
  readonly index: number | null;
  locate(ptr: string): SourceLocation | undefined;
}

/** One issue of a task, or one line for a valid task (valid: true, and line…message null). */
export interface ValidationResult {
  readonly file: string;
  readonly index: number | null;
  readonly model: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly path: string | null;
  readonly message: string | null;
  readonly valid: boolean;
}

export type ResultFormat = "text" | "json" | "github";

/** Levenshtein distance, for "did you mean" on model ids (two rows: the previous one and the one being filled). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let result = b.length;
  for (let i = 0; i < a.length; i++) {
    let diag = i;
    let left = i + 1;
    const row = [left];
    for (const [j, up] of prev.slice(1).entries()) {
      left = Math.min(up + 1, left + 1, diag + (a[i] === b[j] ? 0 : 1));
      diag = up;
      row.push(left);
    }
    prev = row;
    result = left;
  }
  return result;
}

export function closestIds(id: string, ids: readonly string[], n = 3): string[] {
  return [...ids].sort((x, y) => distance(String(id), x) - distance(String(id), y) || (x < y ? -1 : 1)).slice(0, n);
}

/** Expand file arguments and globs (sorted, deduplicated); `-` is standard input. */
export function expandInputs(args: readonly string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a === "-") out.push("-");
    else if (/[*?[\]{}]/.test(a)) {
      const found = globSync(a, { cwd, onlyFiles: true, absolute: path.isAbsolute(a) }).sort();
      if (found.length === 0) throw new SpecError(a, "", "the pattern matches no file");
      out.push(...found);
    } else {
      if (!existsSync(path.resolve(cwd, a))) throw new SpecError(a, "", "no such file");
      out.push(a);
    }
  }
  return [...new Set(out)];
}

/** Parse an input file into tasks with a locator for each. */
export function readTasks(file: string, text: string): InputTask[] {
  const name = file === "-" ? "<stdin>" : file;
  const trimmed = text.trim();
  if (trimmed === "") throw new SpecError(name, "1:1", "the input is empty; expected a JSON task, an array of tasks, or JSON Lines");
  let doc: SourceDocument;
  try {
    doc = parseJson(name, text);
  } catch (wholeError) {
    // JSON Lines: one task per non-empty line. A file that is neither reports the first error as JSON.
    const lines = text.split("\n");
    if (lines.filter((l) => l.trim()).length < 2) throw wholeError;
    const tasks: InputTask[] = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let d: SourceDocument;
      try {
        d = parseJson(name, line);
      } catch (e) {
        if (!(e instanceof SpecError)) throw e;
        throw new SpecError(name, `${i + 1}:${e.where.split(":")[1] ?? 1}`, `${e.expected} (read as JSON Lines: one task per line)`);
      }
      tasks.push({ task: d.value, index: tasks.length, locate: (ptr) => ({ line: i + 1, column: d.locate(pointerKeys(ptr))?.column ?? 1 }) });
    });
    return tasks;
  }
  if (Array.isArray(doc.value)) return doc.value.map((task: unknown, index) => ({ task, index, locate: (ptr) => doc.locate([index, ...pointerKeys(ptr)]) ?? doc.locate([index]) }));
  return [{ task: doc.value, index: null, locate: (ptr) => doc.locate(pointerKeys(ptr)) ?? { line: 1, column: 1 } }];
}

/** The registry of generated models: `<dir>/index.js`. */
export async function loadRegistry(dir: string): Promise<ModelValidators> {
  const file = path.resolve(dir, "index.js");
  if (!existsSync(file)) throw new SpecError(dir, "", "no generated registry here (index.js); run `npm run generate`, or pass --registry or --specs");
  const mod: unknown = await import(pathToFileURL(file).href);
  const models = isPlain(mod) ? mod.models : undefined;
  const out: Record<string, TaskValidator> = {};
  for (const [id, entry] of Object.entries(isPlain(models) ? models : {})) if (isTaskValidator(entry)) out[id] = entry;
  if (!isPlain(models) || Object.keys(out).length !== Object.keys(models).length)
    throw new SpecError(dir, "", "index.js is not a modelgen registry (expected `models`: id → { validateTask }); run `npm run generate`");
  return out;
}

const isTaskValidator = (v: unknown): v is TaskValidator => isPlain(v) && typeof v.validateTask === "function";

/** Deepest existing ancestor of a pointer that the locator knows (an issue may name a missing property). */
function locateIssue(t: InputTask, issuePath: string): SourceLocation {
  const keys = pointerKeys(issuePath);
  for (let n = keys.length; n >= 0; n--) {
    const ptr = keys.slice(0, n).map((k) => `/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
    const loc = t.locate(ptr);
    if (loc) return loc;
  }
  return { line: 1, column: 1 };
}

/**
 * Validate every task of every input. `models` is the registry ({ id: { validateTask } }); `model` forces one
 * model for all tasks (for bodies without a `model` field, such as Runflow's). A valid task has one result
 * (valid: true), an invalid one a result per issue.
 */
export function validateInputs(
  inputs: readonly string[],
  models: ModelValidators,
  { model: forced, read = (f: string) => readFileSync(f, "utf8") }: { model?: string | undefined; read?: (file: string) => string } = {},
): ValidationResult[] {
  const results: ValidationResult[] = [];
  const ids = Object.keys(models);
  for (const file of inputs) {
    let text: string;
    try {
      text = file === "-" ? readFileSync(0, "utf8") : read(file);
    } catch (e) {
      throw new SpecError(file, "", `cannot read the file (${systemErrorText(e)})`);
    }
    for (const t of readTasks(file, text)) {
      const id = forced ?? (isPlain(t.task) ? t.task.model : undefined);
      const where = { file: file === "-" ? "<stdin>" : file, index: t.index };
      if (typeof id !== "string") {
        const loc = locateIssue(t, "");
        results.push({ ...where, model: null, ...loc, path: "/model", message: `the task has no \`model\` field, so its model is unknown; known models: ${ids.join(", ")} (or pass --model)`, valid: false });
        continue;
      }
      const entry = models[id];
      if (!entry) {
        const loc = locateIssue(t, "/model");
        results.push({ ...where, model: id, ...loc, path: "/model", message: `unknown model ${JSON.stringify(id)}; the closest known ids: ${closestIds(id, ids).join(", ")}`, valid: false });
        continue;
      }
      const issues = entry.validateTask(t.task);
      if (issues.length === 0) results.push({ ...where, model: id, line: null, column: null, path: null, message: null, valid: true });
      for (const issue of issues) results.push({ ...where, model: id, ...locateIssue(t, issue.path), path: issue.path, message: issue.message, valid: false });
    }
  }
  return results;
}

const escapeGithub = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeGithubProp = (s: string): string => escapeGithub(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** Render results in a format: text (colour when `color`), json, github. */
export function renderResults(results: readonly ValidationResult[], format: ResultFormat, { color = false }: { color?: boolean } = {}): string {
  const red = (s: string): string => (color ? `\x1b[31m${s}\x1b[39m` : s);
  const green = (s: string): string => (color ? `\x1b[32m${s}\x1b[39m` : s);
  const dim = (s: string): string => (color ? `\x1b[2m${s}\x1b[22m` : s);
  // Results grouped by task, in the order the tasks come.
  const tasks = new Map<string, [ValidationResult, ...ValidationResult[]]>();
  for (const r of results) {
    const key = `${r.file}\0${r.index}`;
    const rs = tasks.get(key);
    if (rs) rs.push(r);
    else tasks.set(key, [r]);
  }
  const invalid = [...tasks.values()].filter((rs) => rs.some((r) => !r.valid)).length;
  if (format === "json") return JSON.stringify({ valid: tasks.size - invalid, invalid, results: results.filter((r) => !r.valid).map(({ valid, ...r }) => r) }, null, 2) + "\n";
  if (format === "github") {
    const lines = results.filter((r) => !r.valid).map((r) => `::error file=${escapeGithubProp(r.file)},line=${r.line},col=${r.column},title=${escapeGithubProp(`modelgen: ${r.model ?? "task"}`)}::${escapeGithub(`${r.path ? `${r.path}: ` : ""}${r.message}`)}`);
    return lines.join("\n") + (lines.length ? "\n" : "") + `${tasks.size - invalid} valid, ${invalid} invalid\n`;
  }
  const out: string[] = [];
  for (const rs of tasks.values()) {
    const r0 = rs[0];
    const name = `${r0.file}${r0.index === null ? "" : `[${r0.index}]`}`;
    if (rs.every((r) => r.valid)) out.push(`${green("✓")} ${name} ${dim(String(r0.model))}`);
    else {
      out.push(`${red("✗")} ${name} ${dim(r0.model ?? "")}`);
      for (const r of rs) out.push(`    ${dim(`${r.file}:${r.line}:${r.column}`)} ${r.message}`);
    }
  }
  out.push(`${tasks.size - invalid} valid, ${invalid} invalid`);
  return out.join("\n") + "\n";
}
