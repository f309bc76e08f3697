#!/usr/bin/env node
// modelgen's command line: a thin layer over the pipeline. Exit codes: 0 ok, 1 findings, 2 usage or bad input,
// 70 an unexpected error (one line; the stack with --debug), 141 standard output's reader went away.
// Each command's modules load when that command runs (see COMMANDS): `validate --registry`, `pull` and the usage
// errors do not pay for the pipeline (Ajv, prettier, the loaders), about 0.2 s of start-up per run.
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import path from "node:path";
import { SpecError } from "./errors.js";
import { escapeTerminal, stringifyJson } from "./text/escape.js";
import { progress, summaryLine, type Progress, type ProgressStream } from "./progress.js";
import { loadRegistry, sourceFromValidators, type ModelValidators, type TaskValidator } from "../templates/validate/run.js";
import { guardProcess, internalError, runValidate, VALIDATE_OPTIONS_HELP } from "../templates/validate/cli.js";
import { UsageError } from "../templates/validate/errors.js";
import type { LintResult } from "./ir/types.js";

const HELP: Readonly<Record<"main" | "generate" | "lint" | "validate", string>> = {
  main: `modelgen: compile per-model OpenAPI specs into exact types, precompiled validators and clients.

Usage: modelgen <command> [options]

Commands:
  generate   specs/ → generated/ (one module per spec, a registry, a package.json)
  lint       find rules that can never pass, vacuous combinators and examples that fail their spec
  validate   check payload files against the generated validators (for CI)
  diff       what a spec change means for tasks: breaking changes, each proved by a payload (for pull requests)
  pull       bring specs/<provider>/ in step with the provider's catalog (new, changed and removed models)
  version    set the generated package's version from what the specs changed (major only on a proved break)

Run \`modelgen <command> --help\` for a command's options.
Exit codes: 0 ok, 1 findings (drift, invalid input, lint errors), 2 usage or unreadable input.`,
  generate: `Usage: modelgen generate [--specs <dir|file>]… [--out <dir>] [--overlay <file>]… [--check] [--skip-broken] [--verbose] [--debug]

  --specs <dir|file>  spec files or folders of them (default: specs). A spec at <root>/a/b.json is written to
                      <out>/a/b/; a single file given with --specs lands in <out>/<name>/.
  --out <dir>         output folder (default: generated)
  --overlay <file>    an OpenAPI Overlay to apply to every spec (after <name>.overlay.yaml beside the spec)
  --check             write nothing; exit 1 naming each file that would change
  --skip-broken       generate the specs that can be: each broken one is left out and named ("skipped: <file>:
                      <why>") instead of stopping the run; without it, one broken spec stops all (exit 2)
  --no-cache          regenerate every spec (by default unchanged specs come from .modelgen-cache/,
                      keyed by the spec's and its overlays' text and the generator's own hash;
                      MODELGEN_CACHE_DIR moves it)
  --verbose           list every model id in the summary, with how it came (generated, from cache, unchanged)
  --debug             time each stage; show stack traces

On a terminal, progress (specs done out of the total, elapsed time) is shown on stderr and cleared at the end.`,
  lint: `Usage: modelgen lint [--specs <dir|file>]… [--overlay <file>]… [--format text|json] [--verbose]

  Reports, per spec: modes that can never be valid (with the rules that forbid them), vacuous combinators
  (a oneOf whose branches can all match one task, an if that can never hold, a then that can never hold),
  and request examples that fail their spec or whose declared verdict (x-modelgen-expect) differs.
  --verbose           print the witness payload behind each possible mode
  Exit: 1 when there are errors, 0 when only warnings.`,
  validate: `Usage: modelgen validate <file|glob|->… [--specs <dir|file>]… [--registry <dir>] [--model <id>] [--format text|json|github]

  A task's model is found through its \`model\` field: in the generated registry (--registry, default:
  generated; only the models the tasks name are loaded), or in specs compiled now (--specs). The generated
  package runs the same command on its own: \`npx <package> validate …\`.
${VALIDATE_OPTIONS_HELP}`,
};

/** A model's lint findings, as `lint` reports them and `generate` prints them. */
interface ModelFindings extends LintResult {
  readonly file: string;
  readonly modelId: string;
  readonly overlays: readonly string[];
}

function printFindings(results: readonly ModelFindings[], { verbose = false, stream = process.stdout }: { verbose?: boolean | undefined; stream?: NodeJS.WritableStream } = {}): void {
  for (const r of results) {
    const errors = r.findings.filter((f) => f.severity === "error").length;
    stream.write(`${escapeTerminal(`${r.file} (${r.modelId})${r.overlays.length ? ` with ${r.overlays.join(", ")}` : ""}`)}: ${errors} error${errors === 1 ? "" : "s"}, ${r.findings.length - errors} warning${r.findings.length - errors === 1 ? "" : "s"}\n`);
    for (const f of r.findings) stream.write(`  ${f.severity}: ${escapeTerminal(`${f.message}${f.pointers.length ? ` [${f.pointers.map((p) => `#${p}`).join(", ")}]` : ""}`)}\n`);
    if (verbose) for (const w of r.witnesses) stream.write(`  possible: a task with ${escapeTerminal(`${w.mode}, e.g. ${JSON.stringify(w.witness)}`)}\n`);
  }
}

/** `format` is one of `allowed`. */
function isOneOf<F extends string>(format: string, allowed: readonly F[]): format is F {
  const names: readonly string[] = allowed;
  return names.includes(format);
}

async function cmdLint(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      specs: { type: "string", multiple: true },
      overlay: { type: "string", multiple: true },
      format: { type: "string" },
      verbose: { type: "boolean", short: "v" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return void process.stdout.write(HELP.lint + "\n");
  const format = values.format ?? "text";
  if (!isOneOf(format, ["text", "json"])) throw new UsageError(`--format must be text or json, not ${JSON.stringify(format)}`);
  const { lint } = await import("./pipeline.js");
  const results = await lint({ specs: values.specs ?? ["specs"], overlays: values.overlay ?? [] });
  if (format === "json") process.stdout.write(stringifyJson(results.map(({ witnesses, ...r }) => (values.verbose ? { ...r, witnesses } : r)), 2) + "\n");
  else printFindings(results, { verbose: values.verbose });
  if (results.some((r) => r.findings.some((f) => f.severity === "error"))) process.exitCode = 1;
}


/** Validators for --specs: compiled in this process from the specs (same code path as generation). */
async function registryFromSpecs(specs: readonly string[], overlays: readonly string[]): Promise<ModelValidators> {
  const [{ inProcessValidator, runtimeModules }, { findSpecFiles, loadSpec }, { buildIR }] = await Promise.all([import("./in-process.js"), import("./load/spec.js"), import("./ir/build.js")]);
  const { formats, issuesModule } = runtimeModules();
  const models: Record<string, TaskValidator> = {};
  for (const entry of findSpecFiles(specs)) {
    const ir = buildIR(await loadSpec({ ...entry, overlays }), { formats });
    models[ir.meta.modelId] = { validateTask: inProcessValidator(ir, formats, issuesModule).validateTask };
  }
  return models;
}

async function cmdValidate(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      specs: { type: "string", multiple: true },
      overlay: { type: "string", multiple: true },
      registry: { type: "string" },
      model: { type: "string" },
      format: { type: "string" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return void process.stdout.write(HELP.validate + "\n");
  await runValidate(positionals, values, async () => (values.specs ? sourceFromValidators(await registryFromSpecs(values.specs, values.overlay ?? [])) : loadRegistry(values.registry ?? "generated")));
}

const USAGE_EXIT = 2;

/** The one way an error reaches the terminal: control characters from file names, ids or spec text as escapes. */
function fail(message: string, code = USAGE_EXIT): void {
  process.stderr.write(`modelgen: ${escapeTerminal(message)}\n`);
  process.exitCode = code;
}

async function cmdGenerate(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      specs: { type: "string", multiple: true },
      out: { type: "string" },
      overlay: { type: "string", multiple: true },
      check: { type: "boolean" },
      "no-cache": { type: "boolean" },
      verbose: { type: "boolean", short: "v" },
      "skip-broken": { type: "boolean" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return void process.stdout.write(HELP.generate + "\n");
  const [{ generate }, { diffOutput, lockOutput, outputFolder, OutputStage, writeOutput }, { loadPackageConfig }, { readPackageVersion }] = await Promise.all([
    import("./pipeline.js"),
    import("./write/write.js"),
    import("./package/config.js"),
    import("./package/manifest.js"),
  ]);
  const specs = values.specs ?? ["specs"];
  const out = values.out ?? "generated";
  // --out is checked before any work (a file, the working folder, a dangling link: exit 2), and a second generate
  // into the same folder is refused while this one runs (the lock is taken here, the parent made if missing).
  const outDir = outputFolder(out);
  const release = values.check ? () => {} : lockOutput(out);
  // A first write into a new or empty folder stages each model's files as its spec is done (see OutputStage).
  let stage: InstanceType<typeof OutputStage> | undefined;
  try {
    if (!values.check) stage = new OutputStage(out);
    // --debug writes its stage timings to stderr, line by line: no progress line to tangle them with.
    const stream: ProgressStream = values.debug ? { isTTY: false, write: () => true } : process.stderr;
    let bar: Progress | undefined;
    const onProgress = (done: number, total: number) => (bar ??= progress(stream, total)).update(done);
    let result;
    try {
      result = await generate({ specs, overlays: values.overlay ?? [], debug: values.debug, package: loadPackageConfig(), version: readPackageVersion(outDir), cacheDir: values["no-cache"] ? null : process.env.MODELGEN_CACHE_DIR || undefined, outDir, onProgress, ...(stage ? { onFiles: (files) => stage!.add(files) } : {}), skipBroken: values["skip-broken"] === true });
    } finally {
      bar?.end();
    }
    for (const s of result.skipped) process.stderr.write(`skipped: ${escapeTerminal(s.message)}\n`);
    if (result.skipped.length) process.stderr.write(`modelgen: skipped ${result.skipped.length} broken spec${result.skipped.length === 1 ? "" : "s"} (--skip-broken)\n`);
    for (const w of result.warnings) process.stderr.write(`warning: ${escapeTerminal(w)}\n`);
    const withFindings = result.models.filter((m) => m.lint.findings.length).map((m) => ({ file: m.file, modelId: m.modelId, overlays: m.overlays, ...m.lint }));
    if (withFindings.length) printFindings(withFindings, { stream: process.stderr });
    if (values.check) {
      const { changed, added, removed } = diffOutput(out, result.files, result.onDisk);
      const all = [...changed.map((f) => [f, "changed"] as const), ...added.map((f) => [f, "missing"] as const), ...removed.map((f) => [f, "stale"] as const)];
      if (all.length) {
        process.stdout.write(`${escapeTerminal(out)} is out of date (${all.length} file${all.length === 1 ? "" : "s"}); run \`npm run generate\`:\n${all.map(([f, why]) => `  ${escapeTerminal(path.join(out, f))} (${why})`).join("\n")}\n`);
        process.exitCode = 1;
      } else process.stdout.write(`${escapeTerminal(out)} is up to date (${result.models.length} models)\n`);
      return;
    }
    // Only what changed is written; a model is unchanged when every file of it was already on disk as generated.
    const { changed, added } = writeOutput(out, result.files, stage, result.onDisk);
    const touched = new Set([...changed, ...added]);
    result.afterWrite(touched);
    const unchanged = new Set(result.models.filter((m) => Object.keys(m.files).every((f) => !touched.has(f))).map((m) => m.modelId));
    process.stdout.write(`${escapeTerminal(summaryLine(out, result.models.length, { ...result.counts, unchanged: unchanged.size }))}\n`);
    if (values.verbose) {
      const fresh = new Set(result.generatedIds);
      for (const m of result.models) process.stdout.write(`  ${escapeTerminal(m.modelId)} (${fresh.has(m.modelId) ? "generated" : "from cache"}${unchanged.has(m.modelId) ? ", unchanged" : ""})\n`);
    }
  } finally {
    stage?.discard();
    release();
  }
}

const COMMANDS: Readonly<Record<string, (argv: string[]) => Promise<void>>> = {
  generate: cmdGenerate,
  lint: cmdLint,
  validate: cmdValidate,
  diff: async (argv) => (await import("./diff/command.js")).diffCommand(argv),
  version: async (argv) => (await import("./version/command.js")).versionCommand(argv),
  pull: async (argv) => (await import("./pull/command.js")).pullCommand(argv),
};

export async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  const debug = rest.includes("--debug");
  guardProcess(debug);
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP.main + "\n");
    if (!command) process.exitCode = USAGE_EXIT;
    return;
  }
  // Own keys only: `modelgen constructor` is an unknown command, not Object's.
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) return fail(`unknown command ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(", ")} (see --help)`);
  try {
    await run(rest);
  } catch (e) {
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("ERR_PARSE_ARGS")) return fail(`${e.message} (see \`modelgen ${command} --help\`)`);
    if (e instanceof SpecError) {
      // The stack's first line is the message, with the spec's or the payload's text in it.
      if (debug) process.stderr.write(`${(e.stack ?? "").split("\n").map(escapeTerminal).join("\n")}\n`);
      return fail(e.message, e.exitCode);
    }
    if (e instanceof UsageError) return fail(e.message);
    internalError(e, debug);
  }
}

await main(process.argv.slice(2));
