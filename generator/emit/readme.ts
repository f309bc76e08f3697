// A reference page per model (README.md beside its module), generated from its rules: modes with what each
// requires and forbids and why, allowed combinations, every property, lint findings, the spec's examples with
// their verdicts, and a type-checked snippet per mode. GitHub-flavoured Markdown, deterministic.
import { witnessOf } from "../analyze/witness.js";
import { rulePointerText } from "../errors.js";
import { isPlain } from "../normalize/walk.js";
import { declaredLiterals } from "../analyze/formula.js";

/** Text safe inside a Markdown table cell (spec text: no pipes, newlines or raw HTML). */
export function cell(text) {
  return String(text ?? "")
    .replace(/\r?\n|[\u2028\u2029]/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/`/g, "\\`")
    .trim();
}
const code = (text) => `\`${String(text).replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n|[\u2028\u2029]/g, " ")}\``;
const para = (text) => String(text ?? "").replace(/[\u2028\u2029]/g, "\n").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Rows of the property table: every declared property, nested ones as a.b, array items as a[]. */
function propertyRows(schema, prefix = "", required = new Set(schema.required ?? []), depth = 0) {
  const rows = [];
  for (const [name, sub] of Object.entries(isPlain(schema.properties) ? schema.properties : {})) {
    const p = `${prefix}${name}`;
    rows.push({ path: p, schema: sub, required: required.has(name) });
    if (depth < 4 && isPlain(sub)) {
      if (isPlain(sub.properties)) rows.push(...propertyRows(sub, `${p}.`, new Set(sub.required ?? []), depth + 1));
      const items = sub.items;
      if (isPlain(items) && isPlain(items.properties)) rows.push(...propertyRows(items, `${p}[].`, new Set(items.required ?? []), depth + 1));
      for (const b of isPlain(items) ? items.anyOf ?? items.oneOf ?? [] : []) if (isPlain(b) && isPlain(b.properties)) rows.push(...propertyRows(b, `${p}[].`, new Set(b.required ?? []), depth + 1));
    }
  }
  return rows;
}

function typeText(s) {
  if (!isPlain(s)) return "any";
  const lits = declaredLiterals(s);
  if (lits) return lits.map((v) => JSON.stringify(v)).join(" \\| ");
  const t = Array.isArray(s.type) ? s.type.join(" or ") : s.type;
  if (t === "array") return `array of ${typeText(s.items)}`;
  if (t) return t;
  const bs = s.anyOf ?? s.oneOf;
  if (Array.isArray(bs)) return [...new Set(bs.map(typeText))].join(" or ");
  return "any";
}

function boundsText(s) {
  if (!isPlain(s)) return "";
  const b = [];
  if (s.minimum !== undefined) b.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) b.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) b.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) b.push(`< ${s.exclusiveMaximum}`);
  if (s.multipleOf !== undefined) b.push(`multiple of ${s.multipleOf}`);
  if (s.minLength !== undefined) b.push(`≥ ${s.minLength} chars`);
  if (s.maxLength !== undefined) b.push(`≤ ${s.maxLength} chars`);
  if (s.minItems !== undefined) b.push(`≥ ${s.minItems} items`);
  if (s.maxItems !== undefined) b.push(`≤ ${s.maxItems} items`);
  if (s.format) b.push(`format ${s.format}`);
  const bs = s.anyOf ?? s.oneOf;
  if (Array.isArray(bs) && bs.every((x) => isPlain(x) && x.format)) b.push(`${bs.map((x) => x.format).join(" or ")}`);
  return b.join(", ");
}

function moduleSpecifier(ir) {
  return `modelgen-models/${ir.name}`;
}

/** A payload for a mode, checked by the validator; client-filled fields dropped for the TaskInput snippet. */
function snippetFor(ir, variant, check) {
  const payload = witnessOf(variant.cube, variant.vars, ir.task);
  if (!check(payload)) return null;
  const input = ir.provider === "runflow" ? payload : Object.fromEntries(Object.entries(payload).filter(([k]) => !ir.clientFilled.includes(k)));
  return input;
}

/**
 * @param {object} ir the model's IR
 * @param {{ groups: object[] }} summary from emitTypes
 * @param {{ findings: object[] }} lint
 * @param {(p: unknown) => boolean} check the validator
 * @param {(p: unknown) => { path: string, message: string }[]} validateTask
 */
export function emitReadme(ir, summary, lint, check, validateTask, bannerText) {
  const out = [bannerText, `# ${cell(ir.title)}`, ""];
  out.push(`| | |`, `|---|---|`);
  out.push(`| Model id | ${code(ir.modelId)} |`);
  out.push(`| Provider | ${cell(ir.provider)} |`);
  if (ir.taskType) out.push(`| Task type | ${code(ir.taskType)} |`);
  out.push(`| Delivery | ${ir.provider === "runflow" ? "runs: create, then poll or callback" : ir.deliveryMethods.map((d) => `${code(d)}${d === ir.defaultDelivery ? " (default)" : ""}`).join(", ") || "not stated"} |`);
  out.push(`| Spec | ${code(ir.file)}, version ${cell(ir.version)} |`);
  out.push(`| Overlays applied | ${ir.overlays.length ? ir.overlays.map(code).join(", ") : "none"} |`);
  out.push(`| Import | ${code(moduleSpecifier(ir))} |`, "");
  if (ir.description) out.push(para(ir.description), "");

  out.push("## Modes", "");
  if (summary.groups.length === 0) out.push("The spec has no rules between properties: any combination of the properties below is allowed.", "");
  summary.groups.forEach((g) => {
    if (summary.groups.length > 1) out.push(`### ${g.name}`, "", `From the rules ${g.rules.map((r) => code(rulePointerText(r))).join(", ")}; a task matches one of these modes${summary.groups.length > 1 ? " in each group" : ""}.`, "");
    else out.push(`A task is in exactly one of these modes${g.variants.length > 1 ? "" : ""} (from the rules ${g.rules.map((r) => code(rulePointerText(r))).join(", ")}).`, "");
    out.push("| Mode | Requires | Forbids | Because of |", "|---|---|---|---|");
    for (const v of g.variants) {
      const req = [...v.requires.map((f) => code(f.path)), ...(v.relation ? [`one of the ${code(v.relation)} combinations`] : [])];
      const why = [...new Set([...v.requires, ...v.forbids].flatMap((f) => f.rules))].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
      out.push(`| ${code(v.name)} | ${req.join(", ") || "—"} | ${v.forbids.map((f) => code(f.path)).join(", ") || "—"} | ${why.map(code).join(", ") || "—"} |`);
    }
    out.push("");
    for (const rel of g.relations) {
      out.push(`#### ${rel.name}: allowed ${rel.keys.map(code).join(" / ")}`, "", `| ${rel.keys.map(cell).join(" | ")} | Title |`, `|${rel.keys.map(() => "---").join("|")}|---|`);
      for (const row of rel.rows) out.push(`| ${row.values.map((v) => (v === null ? "other" : code(JSON.stringify(v)))).join(" | ")} | ${cell(row.title ?? "")} |`);
      out.push("");
    }
  });

  out.push("## Rules in words", "", "The messages `validateTask` gives when a rule is broken:", "");
  const placeholders = (text) => text.replace(/\{path\}/g, "*the value*").replace(/\{(\/[^{}]*)\}/g, (_, p) => `*${p.slice(1).replace(/\//g, ".")}*`);
  for (const m of ir.ruleMessages) out.push(`- ${code(m.schemaPath)}: ${placeholders(cell(m.message))}`);
  if (ir.ruleMessages.length === 0 && ir.extraRules.length === 0) out.push("None beyond the properties' own types, values and bounds (their messages name the property and what it must be).");
  if (ir.extraRules.length) for (const r of ir.extraRules) out.push(`- ${code(`x-modelgen-rules ${r.kind} ${r.paths.join(", ")}`)}: ${cell(r.message)}`);
  out.push("");

  out.push("## Properties", "", "| Property | Type | Required | Default | Bounds | Description |", "|---|---|---|---|---|---|");
  for (const r of propertyRows(ir.task)) {
    const s = isPlain(r.schema) ? r.schema : {};
    out.push(`| ${code(r.path)} | ${typeText(s).includes("\\|") ? typeText(s).split(" \\| ").map((x) => code(x)).join(" \\| ") : cell(typeText(s))} | ${r.required ? "yes" : ""} | ${s.default !== undefined ? code(JSON.stringify(s.default)) : ""} | ${cell(boundsText(s))} | ${cell(s.title && s.description ? `${s.title}: ${s.description.split("\n")[0]}` : s.title ?? s.description?.split("\n")[0] ?? "")} |`);
  }
  out.push("");

  out.push("## Lint", "");
  if (lint.findings.length === 0) out.push("No findings: every mode the rules describe can be used (each backed by a payload the validator accepts).", "");
  else for (const f of lint.findings) out.push(`- **${f.severity}** (${f.kind}): ${cell(f.message)}`);
  if (lint.findings.length) out.push("");

  out.push("## Examples", "");
  if (ir.examples.length === 0) out.push("The spec has no request examples.", "");
  for (const ex of ir.examples) {
    const tasks = ir.bodyIsArray && Array.isArray(ex.value) ? ex.value : [ex.value];
    const issues = tasks.flatMap((t) => validateTask(t));
    const verdict = issues.length ? "invalid" : "valid";
    out.push(`### ${cell(ex.summary)}`, "", `Declared ${ex.expect ?? "(no verdict)"}; the validator finds it **${verdict}**.${ex.reason ? ` ${cell(ex.reason)}` : ""}`, "");
    for (const i of issues) out.push(`- ${code(i.path || "/")}: ${cell(i.message)}`);
    if (issues.length) out.push("");
    out.push("<details><summary>Request body</summary>", "", "```json", JSON.stringify(ex.value, null, 2), "```", "", "</details>", "");
  }

  out.push("## Usage, one snippet per mode", "", "Each snippet type-checks against this module (a test compiles them).", "");
  const isRunflow = ir.provider === "runflow";
  for (const g of summary.groups.length ? summary.groups : [{ variants: [{ name: "Task", cube: new Map(), vars: new Map() }] }]) {
    for (const v of g.variants) {
      const input = snippetFor(ir, v, check);
      if (!input) continue;
      out.push(`### ${cell(v.name)}`, "", "```ts");
      if (isRunflow) {
        out.push(`import { createClient, type TaskInput } from "${moduleSpecifier(ir)}";`, "", `const client = createClient({ apiKey: process.env.RUNFLOW_API_KEY! });`, `const body: TaskInput = ${JSON.stringify(input, null, 2)};`, `const run = await client.run(body.input);`, `console.log(run.output);`);
      } else {
        out.push(`import { createClient, type TaskInput } from "${moduleSpecifier(ir)}";`, "", `const client = createClient({ apiKey: process.env.RUNWARE_API_KEY! });`, `const task: TaskInput = ${JSON.stringify(input, null, 2)};`, `const results = await client.run(task);`, `console.log(results);`);
      }
      out.push("```", "");
    }
  }
  return out.join("\n") + "\n";
}

/** generated/README.md: every model with its id, modes and a link to its page. */
export function emitIndexReadme(models) {
  const out = ["<!-- Generated by modelgen. Do not edit: run `npm run generate` to regenerate. -->", "# Generated models", "", "| Model id | Title | Provider | Modes | Page |", "|---|---|---|---|---|"];
  for (const m of [...models].sort((a, b) => (a.modelId < b.modelId ? -1 : 1))) {
    const modes = m.groups.map((g) => g.variants.map((v) => code(v.name)).join(", ")).join("; ") || "one (no rules)";
    out.push(`| ${code(m.modelId)} | ${cell(m.title)} | ${cell(m.provider)} | ${modes} | [${cell(m.name)}](./${m.name}/README.md) |`);
  }
  return out.join("\n") + "\n";
}
