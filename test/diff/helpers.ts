// Shared by the diff tests: real specs copied into temporary base/head folders and edited in code, and plain Ajv
// (the project's Ajv options, the runtime's formats, not strict) on the spec files as written.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { ajvOptions } from "../../generator/compile/validator.js";
import { runtimeModules } from "../../generator/in-process.js";
import type { DiffReport } from "../../generator/diff/types.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const REAL = path.join(ROOT, "test/fixtures/real-specs");

// The spec files are JSON of arbitrary shape: tests reach into them by key.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

export const readDoc = (file: string): Doc => JSON.parse(readFileSync(file, "utf8")) as Doc;
/** The task schema of a Runware spec (the items of its RequestBody array). */
export const taskOf = (doc: Doc): Doc => (doc.components.schemas.RequestBody.type === "array" ? doc.components.schemas.RequestBody.items : doc.components.schemas.RequestBody) as Doc;

/** base/ and head/ folders, each with `real-specs/<name>`; `edit` changes the head copy. */
export function basePair(name: string, edit: (doc: Doc) => void): { base: string; head: string; oldFile: string; newFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-test-"));
  const base = path.join(dir, "base");
  const head = path.join(dir, "head");
  for (const d of [base, head]) mkdirSync(path.join(d, "runware"), { recursive: true });
  const oldFile = path.join(base, "runware", name);
  const newFile = path.join(head, "runware", name);
  cpSync(path.join(REAL, name), oldFile);
  const doc = readDoc(path.join(REAL, name));
  edit(doc);
  writeFileSync(newFile, JSON.stringify(doc, null, 2));
  return { base, head, oldFile, newFile };
}

/** Nested $ids are repeated in Runware specs (Ajv refuses duplicates); nothing else changes. */
function withoutNestedIds(schema: unknown, top = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withoutNestedIds(s, false));
  if (schema && typeof schema === "object") return Object.fromEntries(Object.entries(schema).filter(([k]) => top || k !== "$id").map(([k, v]) => [k, withoutNestedIds(v, false)]));
  return schema;
}

/** Plain Ajv on a spec file as written (no normalisation). */
export async function plainAjv(file: string): Promise<(task: unknown) => boolean> {
  const { formats } = await runtimeModules();
  const ajv = new Ajv2020({ ...ajvOptions(formats), strict: false, logger: false });
  const validate = ajv.compile(withoutNestedIds(taskOf(readDoc(file))) as object);
  return (t) => validate(t) === true;
}

/** Every breaking change's witness: plain Ajv on the unmodified old file accepts it, on the new file rejects it. */
export async function expectWitnessesHold(report: DiffReport, oldFile: string, newFile: string): Promise<number> {
  const before = await plainAjv(oldFile);
  const after = await plainAjv(newFile);
  let n = 0;
  for (const m of report.models)
    for (const c of m.changes) {
      if (!c.breaking) continue;
      if (c.kind.startsWith("response-")) continue;
      if (c.witness === undefined) throw new Error(`breaking change without a witness: ${c.kind} ${c.path}`);
      if (!before(c.witness)) throw new Error(`${c.kind} ${c.path}: plain Ajv rejects the witness on the old file: ${JSON.stringify(c.witness)}`);
      if (after(c.witness)) throw new Error(`${c.kind} ${c.path}: plain Ajv accepts the witness on the new file: ${JSON.stringify(c.witness)}`);
      n++;
    }
  return n;
}
