// `modelgen validate`: check payload files (a task, an array of tasks, or JSON Lines) against the generated
// validators, finding each task's model through its `model` field, and report in text, json or GitHub
// workflow annotations with the line of the offending property.
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { globSync } from "tinyglobby";
import { parseJson } from "./load/read.js";
import { SpecError, pointerKeys } from "./errors.js";

/** Levenshtein distance, for "did you mean" on model ids. */
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function closestIds(id, ids, n = 3) {
  return [...ids].sort((x, y) => distance(String(id), x) - distance(String(id), y) || (x < y ? -1 : 1)).slice(0, n);
}

/** Expand file arguments and globs (sorted, deduplicated); `-` is standard input. */
export function expandInputs(args, cwd = process.cwd()) {
  const out = [];
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

/** Parse an input file into tasks with a locator for each: { task, index, locate(pointer) → line/column }. */
export function readTasks(file, text) {
  const name = file === "-" ? "<stdin>" : file;
  const trimmed = text.trim();
  if (trimmed === "") throw new SpecError(name, "1:1", "the input is empty; expected a JSON task, an array of tasks, or JSON Lines");
  let doc;
  try {
    doc = parseJson(name, text);
  } catch (wholeError) {
    // JSON Lines: one task per non-empty line. A file that is neither reports the first error as JSON.
    const lines = text.split("\n");
    if (lines.filter((l) => l.trim()).length < 2) throw wholeError;
    const tasks = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let d;
      try {
        d = parseJson(name, line);
      } catch (e) {
        throw new SpecError(name, `${i + 1}:${String(e.where).split(":")[1] ?? 1}`, `${e.expected} (read as JSON Lines: one task per line)`);
      }
      tasks.push({ task: d.value, index: tasks.length, locate: (ptr) => ({ line: i + 1, column: d.locate(pointerKeys(ptr))?.column ?? 1 }) });
    });
    return tasks;
  }
  if (Array.isArray(doc.value)) return doc.value.map((task, index) => ({ task, index, locate: (ptr) => doc.locate([index, ...pointerKeys(ptr)]) ?? doc.locate([index]) }));
  return [{ task: doc.value, index: null, locate: (ptr) => doc.locate(pointerKeys(ptr)) ?? { line: 1, column: 1 } }];
}

/** The registry of generated models: `<dir>/index.js`. */
export async function loadRegistry(dir) {
  const file = path.resolve(dir, "index.js");
  if (!existsSync(file)) throw new SpecError(dir, "", "no generated registry here (index.js); run `npm run generate`, or pass --registry or --specs");
  const mod = await import(pathToFileURL(file).href);
  return mod.models;
}

/** Deepest existing ancestor of a pointer that the locator knows (an issue may name a missing property). */
function locateIssue(t, issuePath) {
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
 * model for all tasks (for bodies without a `model` field, such as Runflow's).
 * @returns {{ file, index, model, line, column, path, message }[]} results (valid tasks have no issues)
 */
export function validateInputs(inputs, models, { model: forced, read = (f) => readFileSync(f, "utf8") } = {}) {
  const results = [];
  const ids = Object.keys(models);
  for (const file of inputs) {
    let text;
    try {
      text = file === "-" ? readFileSync(0, "utf8") : read(file);
    } catch (e) {
      throw new SpecError(file, "", `cannot read the file (${e.code ?? e.message})`);
    }
    for (const t of readTasks(file, text)) {
      const id = forced ?? t.task?.model;
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

const escapeGithub = (s) => String(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeGithubProp = (s) => escapeGithub(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** Render results in a format: text (colour when `color`), json, github. */
export function renderResults(results, format, { color = false } = {}) {
  const red = (s) => (color ? `\x1b[31m${s}\x1b[39m` : s);
  const green = (s) => (color ? `\x1b[32m${s}\x1b[39m` : s);
  const dim = (s) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const tasks = new Map();
  for (const r of results) {
    const key = `${r.file}\0${r.index}`;
    if (!tasks.has(key)) tasks.set(key, []);
    tasks.get(key).push(r);
  }
  const invalid = [...tasks.values()].filter((rs) => rs.some((r) => !r.valid)).length;
  if (format === "json") return JSON.stringify({ valid: tasks.size - invalid, invalid, results: results.filter((r) => !r.valid).map(({ valid, ...r }) => r) }, null, 2) + "\n";
  if (format === "github") {
    const lines = results.filter((r) => !r.valid).map((r) => `::error file=${escapeGithubProp(r.file)},line=${r.line},col=${r.column},title=${escapeGithubProp(`modelgen: ${r.model ?? "task"}`)}::${escapeGithub(`${r.path ? `${r.path}: ` : ""}${r.message}`)}`);
    return lines.join("\n") + (lines.length ? "\n" : "") + `${tasks.size - invalid} valid, ${invalid} invalid\n`;
  }
  const out = [];
  for (const rs of tasks.values()) {
    const r0 = rs[0];
    const name = `${r0.file}${r0.index === null ? "" : `[${r0.index}]`}`;
    if (rs.every((r) => r.valid)) out.push(`${green("✓")} ${name} ${dim(r0.model)}`);
    else {
      out.push(`${red("✗")} ${name} ${dim(r0.model ?? "")}`);
      for (const r of rs) out.push(`    ${dim(`${r.file}:${r.line}:${r.column}`)} ${r.message}`);
    }
  }
  out.push(`${tasks.size - invalid} valid, ${invalid} invalid`);
  return out.join("\n") + "\n";
}
