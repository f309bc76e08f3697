// Shared by the e2e tests: where the fixture specs were generated (once, by global-setup.ts), and how to load
// what the tests compare against.
import { inject } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import AjvDraft07 from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

declare module "vitest" {
  export interface ProvidedContext {
    fixturesOut: string;
  }
}

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const fixturesOut = () => inject("fixturesOut");

/** The fixture specs the e2e tests generate, with the module name each lands in. */
export const FIXTURE_SPECS = {
  seed: path.join(ROOT, "test/fixtures/specs"),
  real: path.join(ROOT, "test/fixtures/real-specs"),
};

export interface GoldenGroup {
  description: string;
  tests: { description: string; data: unknown; valid: boolean; structural?: boolean }[];
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** Import a generated model module from a folder, as a consumer would. */
export async function importModel(dir: string, name: string) {
  return import(pathToFileURL(path.join(dir, name, "index.js")).href);
}

/** Strip nested $id (Runware repeats them; Ajv refuses duplicates). Nothing else of the spec changes. */
function withoutNestedIds(schema: unknown, top = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withoutNestedIds(s, false));
  if (schema && typeof schema === "object") {
    return Object.fromEntries(Object.entries(schema).filter(([k]) => top || k !== "$id").map(([k, v]) => [k, withoutNestedIds(v, false)]));
  }
  return schema;
}

/**
 * Ajv compiled at run time from a spec file as published (no normalisation, no strict mode): the reference the
 * generated validators must agree with. `patch` applies a fix to the task schema (the overlay's size rule).
 */
export function referenceValidator(specFile: string, patch?: (task: any) => any) {
  const doc = readJson<any>(specFile);
  if (doc.info?.["x-fal-metadata"]) return falReference(doc).validate;
  const body = doc.components.schemas.RequestBody;
  let task = body.type === "array" ? body.items : body;
  if (patch) task = patch(structuredClone(task));
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(withoutNestedIds(task) as object);
}

/**
 * A fal document's reference: Ajv (draft-07, as OpenAPI 3.0 means) on the Input schema as written. The one 3.0 bit
 * Ajv needs: `nullable` without `type` (no effect in 3.0.3) is refused by Ajv, so it goes.
 */
export function falReference(doc: any) {
  const id: string = doc.info["x-fal-metadata"].endpointId;
  const input = doc.paths[`/${id}`].post.requestBody.content["application/json"].schema;
  const components = JSON.parse(JSON.stringify(doc.components), (_k, v) => (v && typeof v === "object" && !Array.isArray(v) && "nullable" in v && !("type" in v) ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "nullable")) : v));
  const ajv = new AjvDraft07.default({ strict: false, logger: false, allErrors: false });
  addFormats.default(ajv);
  return { input, validate: ajv.compile({ ...input, components }) };
}

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))])).sort();
}
