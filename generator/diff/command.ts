// `modelgen diff`: what a spec change means for the tasks people send. Compares each spec under --base (a folder
// or a git ref) with the spec at the same relative path under --specs, overlays applied on both sides as
// `generate` applies them, and proves each breaking change with a task the old validator accepts and the new
// one rejects. Exit 0 nothing breaking, 1 something breaking, 2 bad input.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SpecError } from "../errors.js";
import { providerNamed } from "../providers/index.js";
import { buildIR } from "../ir/build.js";
import { findSpecFiles, loadSpec } from "../load/spec.js";
import type { Formats, IssuesModule } from "../pipeline.js";
import { inProcessValidator, runtimeModules } from "../in-process.js";
import { isPlain, stableStringify } from "../json.js";
import { diffModels } from "./models.js";
import { renderReport, type DiffFormat } from "./render.js";
import { resolveBase, type BaseSide } from "./sides.js";
import { sameContract } from "./same.js";
import { isBreaking, type DiffReport, type ModelDiff, type ModelSide } from "./types.js";
import type { LoadedSpec, SpecEntry } from "../ir/types.js";

export const DIFF_HELP = `Usage: modelgen diff --base <dir|git-ref> [--specs <dir|file>]… [--overlay <file>]… [--format text|json|markdown]

  Compares each spec under --base with the spec at the same relative path under --specs (default: specs),
  overlays applied on both sides as generate applies them. Every model is added, removed, changed or unchanged;
  each change has a kind, a JSON Pointer into the task, a message and whether it is breaking. A change is
  breaking only when a witness task was found that the old validator accepts and the new one rejects (both run).
  --base <dir|ref>    a folder of specs laid out like --specs, or a git ref (origin/main, HEAD~1, a tag):
                      the specs and overlays at that commit, read with git
  --format text       for a person (default)
  --format json       { models: [{ modelId, file, status, changes: [{ kind, path, message, breaking, witness? }] }] }
  --format markdown   for a pull-request comment (a table per changed model, witnesses in <details>)
  --debug             time each stage; show stack traces
  Exit: 0 nothing breaking, 1 something breaking, 2 bad usage or unreadable input.`;

/** Bad usage. Its code makes cli.ts's existing ERR_PARSE_ARGS handling print it and exit 2. */
export class DiffUsageError extends Error {
  readonly code = "ERR_PARSE_ARGS_INVALID_OPTION_VALUE";
}

const FORMATS: readonly DiffFormat[] = ["text", "json", "markdown"];
const isFormat = (f: string): f is DiffFormat => (FORMATS as readonly string[]).includes(f);

/** The options of a command that compares specs with a base (diff, version): parseArgs' table. */
export const COMPARE_OPTIONS = {
  base: { type: "string" },
  specs: { type: "string", multiple: true },
  overlay: { type: "string", multiple: true },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function diffCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { ...COMPARE_OPTIONS, format: { type: "string" } },
    strict: true,
  });
  if (values.help) return void process.stdout.write(DIFF_HELP + "\n");
  const format = values.format ?? "text";
  if (!isFormat(format)) throw new DiffUsageError(`--format must be text, json or markdown, not ${JSON.stringify(format)}`);
  if (values.base === undefined) throw new DiffUsageError("diff needs --base <dir|git-ref> (see `modelgen diff --help`)");
  const report = await diffSpecs({ base: values.base, specs: values.specs ?? ["specs"], overlays: values.overlay ?? [], debug: values.debug === true });
  process.stdout.write(renderReport(report, format));
  process.exitCode = isBreaking(report) ? 1 : 0;
}

export interface DiffOptions {
  readonly base: string;
  readonly specs: readonly string[];
  readonly overlays?: readonly string[];
  /** The base side's --overlay files, when not `overlays` (a package's _specs/ has its overlays applied already: []). */
  readonly baseOverlays?: readonly string[];
  readonly debug?: boolean;
}

/** The key that matches a spec across sides: its path under its --specs folder, or its name when given alone. */
const keyOf = (e: SpecEntry) => (e.root !== null ? path.relative(e.root, e.file) : path.basename(e.file)).replace(/\\/g, "/");

/** The model id as buildIR finds it, read from the loaded spec without building the IR (for unchanged models). */
function modelIdOf(spec: LoadedSpec): string {
  return providerNamed(spec.provider).modelId(spec) ?? path.basename(spec.file);
}

export async function diffSpecs({ base, specs, overlays = [], baseOverlays, debug = false }: DiffOptions): Promise<DiffReport> {
  const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await fn();
    if (debug) process.stderr.write(`modelgen: diff ${stage} ${(performance.now() - t).toFixed(1)} ms\n`);
    return result;
  };
  const headEntries = findSpecFiles(specs);
  const side: BaseSide = await time("read base", () => resolveBase(base, specs, baseOverlays ?? overlays));
  try {
    const baseEntries = findSpecFiles(side.specs.filter((s) => existsSync(s)));
    const { formats, issuesModule } = await time("runtime", () => runtimeModules());
    const heads = new Map(headEntries.map((e) => [keyOf(e), e]));
    const bases = new Map(baseEntries.map((e) => [keyOf(e), e]));
    const keys = [...new Set([...heads.keys(), ...bases.keys()])].sort();
    const models: ModelDiff[] = [];
    for (const key of keys) {
      // Back to the event loop between specs: a SIGINT or SIGTERM is handled here (the base's temporary folder is
      // removed, sides.ts), not only after the last spec.
      await new Promise((resolve) => setImmediate(resolve));
      const h = heads.get(key);
      const b = bases.get(key);
      const headSpec = h ? await loadSpec({ ...h, overlays }) : undefined;
      const baseSpec = b ? await onBase(side, () => loadSpec({ ...b, overlays: side.overlays })) : undefined;
      if (headSpec && !baseSpec) models.push({ modelId: modelIdOf(headSpec), file: headSpec.file, status: "added", changes: [] });
      else if (baseSpec && !headSpec) models.push({ modelId: modelIdOf(baseSpec), file: side.display(baseSpec.file), status: "removed", changes: [] });
      else if (headSpec && baseSpec) {
        if (sameContract(headSpec, baseSpec)) models.push({ modelId: modelIdOf(headSpec), file: headSpec.file, status: "unchanged", changes: [], ...(stableStringify(headSpec.doc) !== stableStringify(baseSpec.doc) ? { reworded: true } : {}) });
        else {
          const before = await time(`build ${side.display(baseSpec.file)}`, () => onBase(side, () => sideOf(baseSpec, formats, issuesModule)));
          const after = await time(`build ${headSpec.file}`, () => sideOf(headSpec, formats, issuesModule));
          models.push(await time(`compare ${key}`, () => diffModels(before, after)));
        }
      }
    }
    return { models };
  } finally {
    side.dispose();
  }
}

function sideOf(spec: LoadedSpec, formats: Formats, issuesModule: IssuesModule): ModelSide {
  const ir = buildIR(spec, { formats });
  return { ir, validator: inProcessValidator(ir, formats, issuesModule) };
}

/** Run a step on the base side; a SpecError names the base file as the user knows it (`origin/main:specs/a.json`). */
async function onBase<T>(side: BaseSide, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SpecError) throw new SpecError(side.display(e.file), e.where, e.expected, e.exitCode);
    throw e;
  }
}
