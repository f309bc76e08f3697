// A reference page per model (README.md beside its module), generated from its AnalyzedIR: modes with what each
// requires and forbids and why, allowed combinations, the rules and every property's constraints in the words
// validateTask uses (templates/validation/words.ts), lint findings, the spec's examples with their verdicts, and
// a type-checked snippet per mode. GitHub-flavoured Markdown, deterministic.
import { modeKey } from "../ir/modes.js";
import { rulePointerText } from "../errors.js";
import { escapeJsonText, markdownCell, markdownCode, markdownParagraph, stringifyJson } from "../text/escape.js";
import { fillPlaceholders } from "../../templates/validation/placeholders.js";
import type { AnalyzedIR, Cube, Json, PropertyIR, SchemaObject, Variable } from "../ir/types.js";
import type { TypesSummary } from "./types.js";
import { providerNamed } from "../providers/index.js";
import { docLines } from "../ir/declarations.js";
import { sharedField } from "./shared-fields.js";
import { tsLiteral } from "./code.js";
import type { SharedFieldsDoc } from "../providers/provider.js";

const isObject = (v: unknown): v is SchemaObject => v !== null && typeof v === "object" && !Array.isArray(v);

/** Spec text in a table cell, a heading or a list item (text/escape.ts: no HTML, link, image, mention or line break). */
const cell = markdownCell;
/** Inline code in a table cell (pipes escaped) and elsewhere. */
const code = (text: unknown) => markdownCode(text, { inTable: true });
const inlineCode = (text: unknown) => markdownCode(text);
/** A rule message as the page shows it: {path} is *the value*, {/a/b} is *a.b*. */
const withPlaceholders = (text: string) => fillPlaceholders(text, (p) => (p.kind === "path" ? "*the value*" : `*${p.pointer.slice(1).replace(/\//g, ".")}*`));

/** Characters of a shared field's description (its first line) past which the table links to the shared page. */
const README_LINK_OVER = 60;

/** Objects deep the property table goes (0: the task's own properties). */
const TABLE_DEPTH = 4;

/** A property's name in the table: nested ones as a.b, an array's items as a[].b (names as written). */
const rowLabel = (place: PropertyIR["path"]): string =>
  place.map((s, i) => (typeof s !== "string" ? (s.step === "items" ? "[]" : "") : i === 0 ? s : `.${s}`)).join("");

/** The import path of a model's module: the package's name (modelgen.config.json) and the model's folder. */
function moduleSpecifier(ir: AnalyzedIR, packageName: string): string {
  return `${packageName}/${ir.meta.name}`;
}

/** The checked payload of a mode (analysis found it), as the provider's snippet sends it (client-filled fields dropped). */
function snippetFor(ir: AnalyzedIR, cube: Cube): Json | null {
  const payload = ir.modeWitnesses.get(modeKey(cube));
  if (payload === undefined) return null;
  return providerNamed(ir.meta.provider).readme.snippetInput(ir, payload);
}

/**
 * The page of one model. Reads only the IR (examples' verdicts from `ir.checkedExamples`, findings from
 * `ir.lint`, the snippets' payloads from `ir.modeWitnesses`) and `summary` (emit/types).
 */
/**
 * `shared`: the provider's fields described once (emit/shared-fields.ts) and the runtime folder relative to the
 * page: a property in those words links to its section of the shared page instead of repeating them.
 */
export function emitReadme(ir: AnalyzedIR, summary: TypesSummary, bannerText: string, packageName = "modelgen-models", shared?: { doc: SharedFieldsDoc; runtime: string }): string {
  const meta = ir.meta;
  const out = [bannerText, `# ${cell(meta.title)}`, ""];
  out.push(`| | |`, `|---|---|`);
  out.push(`| Model id | ${code(meta.modelId)} |`);
  out.push(`| Provider | ${cell(meta.provider)} |`);
  if (meta.taskType) out.push(`| Task type | ${code(meta.taskType)} |`);
  out.push(`| Delivery | ${providerNamed(meta.provider).readme.delivery(meta, code)} |`);
  out.push(`| Spec | ${code(meta.file)}, version ${cell(meta.version)} |`);
  out.push(`| Overlays applied | ${meta.overlays.length ? meta.overlays.map(code).join(", ") : "none"} |`);
  out.push(`| Import | ${code(moduleSpecifier(ir, packageName))} |`, "");
  if (meta.description) out.push(markdownParagraph(meta.description), "");

  out.push("## Modes", "");
  if (summary.groups.length === 0) out.push("The spec has no rules between properties: any combination of the properties below is allowed.", "");
  summary.groups.forEach((g) => {
    if (summary.groups.length > 1) out.push(`### ${cell(g.name)}`, "", `From the rules ${g.rules.map((r) => inlineCode(rulePointerText(r))).join(", ")}; a task matches one of these modes in each group.`, "");
    else out.push(`A task is in exactly one of these modes (from the rules ${g.rules.map((r) => inlineCode(rulePointerText(r))).join(", ")}).`, "");
    out.push("| Mode | Requires | Forbids | Because of |", "|---|---|---|---|");
    for (const v of g.variants) {
      const req = [...v.requires.map((f) => code(f.path)), ...(v.relation ? [`one of the ${code(v.relation)} combinations`] : [])];
      const why = [...new Set([...v.requires, ...v.forbids].flatMap((f) => f.rules))].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
      out.push(`| ${code(v.name)} | ${req.join(", ") || "—"} | ${v.forbids.map((f) => code(f.path)).join(", ") || "—"} | ${why.map(code).join(", ") || "—"} |`);
    }
    out.push("");
    for (const rel of g.relations) {
      out.push(`#### ${cell(rel.name)}: allowed ${rel.keys.map(inlineCode).join(" / ")}`, "", `| ${rel.keys.map(cell).join(" | ")} | Title |`, `|${rel.keys.map(() => "---").join("|")}|---|`);
      for (const row of rel.rows) out.push(`| ${row.values.map((v) => (v === null ? "other" : v === undefined ? "any" : code(JSON.stringify(v)))).join(" | ")} | ${cell(row.title ?? "")} |`);
      out.push("");
    }
  });

  const noRules = ir.ruleMessages.length === 0 && ir.extraRules.length === 0;
  out.push("## Rules in words", "", ...(noRules ? [] : ["The messages `validateTask` gives when a rule is broken:", ""]));
  for (const m of ir.ruleMessages) out.push(`- ${inlineCode(m.schemaPath)}: ${withPlaceholders(cell(m.message))}`);
  if (noRules) out.push("None beyond the properties' own types, values and bounds (their messages name the property and what it must be).");
  for (const r of ir.extraRules) out.push(`- ${inlineCode(`x-modelgen-rules ${r.kind} ${r.paths.join(", ")}`)}: ${cell(r.message)}`);
  out.push("");

  out.push("## Properties", "");
  const rows: string[] = [];
  let linked = false;
  for (const r of ir.properties) {
    if (r.depth > TABLE_DEPTH) continue;
    const s: SchemaObject = isObject(r.schema) ? r.schema : {};
    // A set of values: each value's JSON text in code, between escaped pipes (so is any text holding a pipe).
    const type = r.typeWords.join(" \\| ");
    const description = s.title && s.description ? `${s.title}: ${s.description.split("\n")[0]}` : (s.title ?? s.description?.split("\n")[0] ?? "");
    const name = r.path.at(-1);
    const common = shared && typeof name === "string" ? sharedField(shared.doc, r.path.slice(0, -1), name, docLines(s)) : null;
    // A long description becomes its title linking to the field's section of the shared page; a short one costs
    // less than the link and stays.
    const link = common && description.length > README_LINK_OVER && s.title ? `[${cell(s.title)}](${linkPath(`${shared?.runtime}/${common.page}`)})` : null;
    if (link) linked = true;
    const described = link ?? cell(description);
    rows.push(`| ${code(rowLabel(r.path))} | ${type.includes("\\|") ? r.typeWords.map((x) => code(x)).join(" \\| ") : cell(type)} | ${r.required ? "yes" : ""} | ${s.default !== undefined ? code(JSON.stringify(s.default)) : ""} | ${r.constraints.map(cell).join("<br>")} | ${described} |`);
  }
  if (linked && shared) out.push(`A description that is only a linked title is one of ${cell(shared.doc.provider)}'s common fields, in the words [its page](${linkPath(`${shared.runtime}/${shared.doc.page}`)}) gives once for every model.`, "");
  out.push("| Property | Type | Required | Default | Constraints | Description |", "|---|---|---|---|---|---|", ...rows, "");

  out.push("## Lint", "");
  const findings = ir.lint.findings;
  // Without rules there are no modes to find unusable: the sentence about them would say nothing.
  if (findings.length === 0) out.push(summary.groups.length ? "No findings: every mode the rules describe can be used (each backed by a payload the validator accepts)." : "No findings.", "");
  else for (const f of findings) out.push(`- **${f.severity}** (${f.kind}): ${cell(f.message)}`);
  if (findings.length) out.push("");

  out.push("## Examples", "");
  if (ir.checkedExamples.length === 0) out.push("The spec has no request examples.", "");
  for (const ex of ir.checkedExamples) {
    out.push(`### ${cell(ex.summary)}`, "", `Declared ${ex.expect ?? "(no verdict)"}; the validator finds it **${ex.valid ? "valid" : "invalid"}**.${ex.reason ? ` ${cell(ex.reason)}` : ""}`, "");
    for (const i of ex.issues) out.push(`- ${inlineCode(i.path || "/")}: ${cell(i.message)}`);
    if (ex.issues.length) out.push("");
    out.push("<details><summary>Request body</summary>", "", "```json", stringifyJson(ex.value, 2), "```", "", "</details>", "");
  }

  const provider = providerNamed(meta.provider);
  // A model without rules has one mode: any task (the empty cube).
  const groups = summary.groups.length ? summary.groups : [{ variants: [{ name: "Task", cube: new Map(), vars: new Map() }] }];
  const snippets = groups.flatMap((g) => g.variants.flatMap((v) => ((input) => (input ? [{ name: v.name, input }] : []))(snippetFor(ir, v.cube))));
  const compiled = "Each snippet type-checks against this module (a test compiles them).";
  out.push("## Usage, one snippet per mode", "", snippets.length > 1 ? `The first makes a client and runs its task; the others give their mode's task, run the same way. ${compiled}` : compiled, "");
  const specifier = moduleSpecifier(ir, packageName);
  snippets.forEach(({ name, input }, i) => {
    // The client and the call are the same for every mode: written once, in the first snippet.
    const lines = i === 0 ? provider.readme.snippet(specifier, input) : [`import type { TaskInput } from "${specifier}";`, "", `const ${provider.readme.inputName}: TaskInput = ${tsLiteral(input, `const ${provider.readme.inputName}: TaskInput = `.length)};`];
    // The snippet is fixed text around the payload's JSON: bidi and separator characters in it become \u escapes.
    out.push(`### ${cell(name)}`, "", "```ts", ...lines.map(escapeJsonText), "```", "");
  });
  return out.join("\n") + "\n";
}

/** What the index reads of each model's record (pipeline.ts ModelRecord). */
export interface IndexEntry {
  readonly modelId: string;
  readonly title: string;
  readonly provider: string;
  readonly name: string;
  readonly groups: readonly { readonly variants: readonly { readonly name: string }[] }[];
}

/** generated/README.md: every model with its id, modes and a link to its page. */
export function emitIndexReadme(models: readonly IndexEntry[], { name = "modelgen-models", description = "" }: { name?: string; description?: string } = {}): string {
  const out = ["<!-- Generated by modelgen. Do not edit: run `npm run generate` to regenerate. -->", `# ${cell(name)}`, ""];
  if (description) out.push(cell(description), "");
  out.push(
    "```js",
    `import { loadModel } from "${name}";`,
    "const model = await loadModel(task.model); // only that model's validator and client are loaded",
    "const issues = model.validateTask(task);",
    "```",
    "",
    `Check payload files (a task, an array of tasks or JSON Lines) with the package alone: \`npx ${name} validate "payloads/**/*.json" --format github\`.`,
    "",
    "## Models",
    "",
    "| Model id | Title | Provider | Modes | Page |",
    "|---|---|---|---|---|",
  );
  for (const m of [...models].sort((a, b) => (a.modelId < b.modelId ? -1 : 1))) {
    const modes = m.groups.map((g) => g.variants.map((v) => code(v.name)).join(", ")).join("; ") || "one (no rules)";
    out.push(`| ${code(m.modelId)} | ${cell(m.title)} | ${cell(m.provider)} | ${modes} | [${cell(m.name)}](./${linkPath(m.name)}/README.md) |`);
  }
  return out.join("\n") + "\n";
}

/** A folder name as a Markdown link target: spaces and parentheses encoded, or the link would end there. */
const linkPath = (name: string): string => name.replace(/[ ()]/g, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`));
