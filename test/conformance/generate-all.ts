// Shared by the conformance, fuzz and hostile tests: generate a folder of specs with the real pipeline, a spec the
// generator rejects set aside with its message (so one bad spec does not hide the others), and turn a JSON value into
// TypeScript source for `const t: Task = <value>`.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as pipeline from "../../generator/pipeline.js";
import { compileTemplates, readTemplates } from "../../generator/emit/templates.js";
import { SpecError } from "../../generator/errors.js";
import { writeOutput } from "../../generator/write/write.js";

const { generate } = pipeline;

export interface Rejected {
  /** The spec file, relative to the specs folder. */
  file: string;
  /** "error": a SpecError (a clear error); "crash": any other exception (a generator bug). */
  kind: "error" | "crash";
  message: string;
}

export interface GeneratedFolder {
  out: string;
  warnings: readonly string[];
  rejected: Rejected[];
  /** Module names generated (relative to `out`). */
  modules: string[];
}

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? specFiles(path.join(dir, e.name)) : /\.(json|ya?ml)$/.test(e.name) && !/\.overlay\./.test(e.name) ? [path.join(dir, e.name)] : []))
    .map((f) => path.resolve(f))
    .sort();
}

const crashText = (e: unknown) => `${(e as Error)?.stack ?? e}`.split("\n").slice(0, 3).map((l) => l.trim()).join(" | ");

const PROBE = {
  openapi: "3.1.0",
  info: { title: "probe", version: "1" },
  paths: { "/": { post: { requestBody: { content: { "application/json": { schema: { type: "array", items: { type: "object", properties: { model: { const: "test:probe@1" } }, required: ["model"] } } } } }, responses: {} } } },
};

/**
 * What generate() would say about each spec alone: undefined (fine) or the error. Uses the pipeline's per-spec stage
 * (generateSpecs, in this thread, no cache) when it takes a probe spec as expected, else generate() per spec.
 */
async function screen(files: string[], root: string, cacheDir: string): Promise<(unknown | undefined)[]> {
  const p = pipeline as Record<string, any>;
  let perSpec = (file: string) => generate({ specs: [file], cacheDir });
  if (typeof p.generateSpecs === "function") {
    const options = { overlays: [], limit: 64, debug: false, compiled: { modules: await compileTemplates(readTemplates()) } };
    const probe = path.join(`${root}.probe`, "probe.json");
    mkdirSync(path.dirname(probe), { recursive: true });
    writeFileSync(probe, JSON.stringify(PROBE));
    const works = await p.generateSpecs([{ file: probe, root: path.dirname(probe) }], options).then((m: unknown) => m instanceof Map && m.size === 1, () => false);
    rmSync(path.dirname(probe), { recursive: true, force: true });
    if (works) perSpec = (file: string) => p.generateSpecs([{ file, root }], options);
  }
  const out: (unknown | undefined)[] = [];
  for (const file of files) out.push(await perSpec(file).then(() => undefined, (e: unknown) => e ?? new Error("undefined thrown")));
  return out;
}

/** One spec among `files` that generate() fails on, by halving. */
async function bisect(files: string[], cacheDir: string): Promise<{ file: string; error: unknown } | undefined> {
  const failure = (specs: string[]) => generate({ specs, cacheDir }).then(() => undefined, (e: unknown) => e);
  let suspects = files;
  while (suspects.length > 1) {
    const half = suspects.slice(0, Math.ceil(suspects.length / 2));
    suspects = (await failure(half)) !== undefined ? half : suspects.slice(half.length);
  }
  const error = suspects.length ? await failure(suspects) : undefined;
  return error === undefined ? undefined : { file: suspects[0]!, error };
}

/**
 * Generate every spec under `specsDir` into `out` with one generate() call (cache in `cacheDir`). When it throws, the
 * specs that fail alone are moved to `<specsDir>.rejected/` with their error and the rest generated again: a
 * SpecError is a clear error; any other exception is a crash, a generator bug. (Should the rest still fail, the spec
 * a SpecError names, or one found by halving the folder, is set aside, and so on.)
 */
export async function generateAll(specsDir: string, out: string, cacheDir: string): Promise<GeneratedFolder> {
  const root = path.resolve(specsDir);
  const rejected: Rejected[] = [];
  const reject = (file: string, error: unknown) => {
    const rel = path.relative(root, file).replace(/\\/g, "/");
    rejected.push({ file: rel, kind: error instanceof SpecError ? "error" : "crash", message: error instanceof SpecError ? (error as Error).message : crashText(error) });
    const target = path.join(`${root}.rejected`, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(file, target);
  };
  let screened = false;
  for (;;) {
    let result;
    try {
      result = await generate({ specs: [root], cacheDir });
    } catch (e) {
      if (!screened) {
        // Failed once: find every spec that fails alone, set them all aside, and generate the rest in one go.
        screened = true;
        const files = specFiles(root);
        const errors = await screen(files, root, cacheDir);
        files.forEach((f, i) => errors[i] !== undefined && reject(f, errors[i]));
        if (errors.some((x) => x !== undefined)) continue;
      }
      let file = e instanceof SpecError ? path.resolve((e as { file: string }).file) : undefined;
      let error = e;
      if (file === undefined || !existsSync(file) || path.relative(root, file).startsWith("..")) {
        const found = await bisect(specFiles(root), cacheDir);
        if (!found) throw e; // cannot isolate it
        ({ file, error } = found);
      }
      reject(file!, error);
      continue;
    }
    writeOutput(out, result.files);
    return { out, warnings: result.warnings, rejected, modules: result.models.map((m: any) => (m.name ?? m.ir?.name) as string) };
  }
}

export async function importModule(out: string, name: string) {
  return import(pathToFileURL(path.join(out, name, "index.js")).href);
}

/**
 * A JSON value as a TypeScript expression. Keys are quoted; `__proto__` is written as a computed key, which (unlike
 * `"__proto__": v`) makes an own property in JavaScript and is an ordinary property to the type checker.
 */
export function tsLiteral(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`no literal for ${value}`);
    return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(", ")}]`;
  const entries = Object.entries(value).map(([k, v]) => `${k === "__proto__" ? `[${JSON.stringify(k)}]` : tsLiteral(k)}: ${tsLiteral(v)}`);
  return `{ ${entries.join(", ")} }`;
}

/** Run `fn` over `items` with at most `limit` at a time. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
