// The README page and the runtime speak with one voice: for every fixture model, each constraint the property
// table shows is the message validateTask gives for a payload that breaks only that constraint, and each rule
// message the runtime gives is one the page lists ("Rules in words"), placeholders filled from the payload.
import { describe, expect, test } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, fixturesOut, importModel, listFiles, readJson, type GoldenGroup } from "../helpers/generated.js";
import { lint } from "../../generator/pipeline.js";
import { loadSpec } from "../../generator/load/spec.js";
import { buildIR } from "../../generator/ir/build.js";
import { pointerText, valueAt } from "../../templates/validation/issues.js";
import type { Schema, SchemaObject } from "../../generator/ir/types.js";

interface Issue {
  path: string;
  message: string;
}
type ValidateTask = (task: unknown) => Issue[];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
/** A cell's text as a reader sees it (Markdown backslash escapes, entities, the zero-width space after @ and #). */
const unescapeCell = (s: string) => s.replace(/&#8203;/g, "").replace(/\\([!-/:-@[-`{-~])/g, "$1").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const cells = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());

/** The page's property table: path → the constraint words it shows. */
function constraintsOnPage(page: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const table = page.slice(page.indexOf("## Properties"), page.indexOf("## Lint"));
  for (const line of table.split("\n").filter((l) => l.startsWith("| `"))) {
    const [prop, , , , words] = cells(line);
    out.set(prop!.slice(1, -1), words ? words.split("<br>").map(unescapeCell) : []);
  }
  return out;
}

/** The page's rules in words, as templates: `*the value*` and `*a.b*` are where the payload's values go. */
function rulesOnPage(page: string): string[] {
  const section = page.slice(page.indexOf("## Rules in words"), page.indexOf("## Properties"));
  return section.split("\n").flatMap((l) => {
    const m = /^- `#[^`]*`: (.*)$/.exec(l);
    return m ? [unescapeCell(m[1]!)] : [];
  });
}

/** A page rule filled as the runtime fills it: *the value* is the issue's place, *a.b* the payload's value at /a/b. */
function fillPageRule(template: string, payload: unknown, issuePath: string): string {
  return template.replace(/\*([^*]+)\*/g, (_, inner: string) => {
    if (inner === "the value") return pointerText(issuePath);
    const v = valueAt(payload, `/${inner.replace(/\./g, "/")}`);
    return v === undefined ? "nothing" : JSON.stringify(v);
  });
}

/** The declared schema of a table row's property ("a.b", "a[].b"). */
function schemaAt(task: SchemaObject, row: string): SchemaObject | undefined {
  let node: Schema | undefined = task;
  for (const part of row.split(".")) {
    const array = part.endsWith("[]");
    const name = array ? part.slice(0, -2) : part;
    if (!isObject(node)) return undefined;
    const parent: SchemaObject = node;
    const withProperty = [parent, ...(parent.anyOf ?? []), ...(parent.oneOf ?? [])].find((s) => isObject(s) && isObject(s.properties) && name in s.properties);
    node = isObject(withProperty) ? withProperty.properties?.[name] : undefined;
    if (array) node = isObject(node) ? node.items : undefined;
  }
  return isObject(node) ? node : undefined;
}

/** A copy of `payload` with the value at a row's path set (arrays: their first item); undefined when unreachable. */
function setAt(payload: unknown, row: string, value: unknown): { payload: unknown; pointer: string } | undefined {
  const copy: unknown = structuredClone(payload);
  const keys = row.split(".").flatMap((p) => (p.endsWith("[]") ? [p.slice(0, -2), 0] : [p]));
  let node: unknown = copy;
  for (const k of keys.slice(0, -1)) {
    node = isObject(node) ? node[k as string] : Array.isArray(node) ? node[k as number] : undefined;
    if (node === undefined) return undefined;
  }
  const last = keys.at(-1)!;
  if (!isObject(node) || typeof last !== "string") return undefined;
  node[last] = value;
  return { payload: copy, pointer: keys.map((k) => `/${k}`).join("") };
}

/** Values that break one keyword of `s`, each with the "(got …)" the message should end with. */
function breakers(s: SchemaObject, current: unknown): { value: unknown; got: string }[] {
  const json = (v: unknown) => ` (got ${JSON.stringify(v)})`;
  const out: { value: unknown; got: string }[] = [];
  const step = s.multipleOf ?? 1;
  if (s.maximum !== undefined) out.push({ value: s.maximum + step, got: json(s.maximum + step) });
  if (s.minimum !== undefined) out.push({ value: s.minimum - step, got: json(s.minimum - step) });
  if (s.exclusiveMaximum !== undefined) out.push({ value: s.exclusiveMaximum, got: json(s.exclusiveMaximum) });
  if (s.exclusiveMinimum !== undefined) out.push({ value: s.exclusiveMinimum, got: json(s.exclusiveMinimum) });
  if (s.multipleOf !== undefined && typeof current === "number") out.push({ value: current + s.multipleOf / 2, got: json(current + s.multipleOf / 2) });
  if (s.maxLength !== undefined) out.push({ value: "a".repeat(s.maxLength + 1), got: ` (got ${s.maxLength + 1})` });
  if (s.minLength !== undefined && s.minLength > 0) out.push({ value: "a".repeat(s.minLength - 1), got: ` (got ${s.minLength - 1})` });
  const item = Array.isArray(current) ? current[0] : undefined;
  if (s.maxItems !== undefined && item !== undefined) out.push({ value: Array(s.maxItems + 1).fill(item), got: ` (got ${s.maxItems + 1})` });
  if (s.minItems !== undefined && s.minItems > 0 && item !== undefined) out.push({ value: Array(s.minItems - 1).fill(item), got: ` (got ${s.minItems - 1})` });
  if (s.format !== undefined) out.push({ value: "not valid", got: json("not valid") });
  if (s.pattern !== undefined) for (const v of ["", " ", "!"]) if (!new RegExp(s.pattern, "u").test(v)) out.push({ value: v, got: "" });
  if ((s.anyOf ?? s.oneOf)?.every((b) => isObject(b) && b.format)) out.push({ value: "not valid", got: "" });
  return out;
}

const models = listFiles(fixturesOut())
  .filter((f) => f.endsWith("/README.md"))
  .map((f) => path.dirname(f));

describe.each(models)("%s: the README's words are validateTask's words", (name) => {
  const page = readFileSync(path.join(fixturesOut(), name, "README.md"), "utf8");
  const specFile = path.join(ROOT, /\| Spec \| `([^`]+)`/.exec(page)![1]!);

  test("every constraint in the property table is the message for a payload that breaks it, and nothing else", async () => {
    const mod = (await importModel(fixturesOut(), name)) as { validateTask: ValidateTask };
    const task = buildIR(await loadSpec({ file: specFile, root: null })).task;
    const goldenFile = path.join(ROOT, "test/fixtures/payloads", path.basename(specFile));
    const golden = existsSync(goldenFile) ? readJson<GoldenGroup[]>(goldenFile).flatMap((g) => g.tests.filter((t) => t.valid).map((t) => t.data)) : [];
    const [report] = await lint({ specs: [specFile], cacheDir: null });
    const bases = [...golden, ...(report?.witnesses ?? []).map((w) => w.witness)].filter((b) => mod.validateTask(b).length === 0);
    expect(bases.length, "no valid payload to start from").toBeGreaterThan(0);

    const shown = constraintsOnPage(page);
    const confirmed = new Set<string>();
    const disagreements = new Set<string>();
    for (const [row, words] of shown) {
      const s = schemaAt(task, row);
      if (!s || words.length === 0) continue;
      for (const base of bases) {
        const current = setAt(base, row, undefined) && valueAt(base, `/${row.replace(/\[\]/g, ".0").split(".").join("/")}`);
        for (const { value, got } of breakers(s, current)) {
          const broken = setAt(base, row, value);
          if (!broken) continue;
          const issues = mod.validateTask(broken.payload);
          // Only payloads that break this one constraint and nothing else speak for it.
          if (issues.length !== 1 || issues[0]!.path !== broken.pointer) continue;
          const message = issues[0]!.message;
          const word = words.find((w) => message === `${pointerText(broken.pointer)} ${w}${got}`);
          if (word) confirmed.add(`${row}: ${word}`);
          else disagreements.add(`${row}: the page says ${JSON.stringify(words)}, validateTask says ${JSON.stringify(message)}`);
        }
      }
    }
    expect([...disagreements]).toEqual([]);
    const unconfirmed = [...shown].flatMap(([row, words]) => words.filter((w) => !confirmed.has(`${row}: ${w}`)).map((w) => `${row}: ${w}`));
    // Some constraints cannot be broken alone from the payloads at hand (an item's bound when no payload has the
    // array, a format whose value a rule also pins); most can.
    expect(confirmed.size, `unconfirmed: ${unconfirmed.join("; ")}`).toBeGreaterThan(unconfirmed.length);
  });

  test("every rule message validateTask gives for the golden payloads is on the page", async () => {
    const mod = (await importModel(fixturesOut(), name)) as { validateTask: ValidateTask };
    const goldenFile = path.join(ROOT, "test/fixtures/payloads", path.basename(specFile));
    if (!existsSync(goldenFile)) return;
    const rules = rulesOnPage(page);
    const payloads = readJson<GoldenGroup[]>(goldenFile).flatMap((g) => g.tests.map((t) => t.data));
    const offPage: string[] = [];
    let onPage = 0;
    for (const payload of payloads) {
      for (const issue of mod.validateTask(payload)) {
        if (rules.some((r) => fillPageRule(r, payload, issue.path) === issue.message)) onPage++;
        // A keyword's own message names its place first; any other message is a rule's and must be on the page.
        else if (!issue.message.startsWith(`${pointerText(issue.path)} `)) offPage.push(issue.message);
      }
    }
    expect(offPage).toEqual([]);
    if (rules.length && payloads.some((p) => mod.validateTask(p).length)) expect(onPage).toBeGreaterThan(0);
  });
});
