// The validate command, shared by `modelgen validate` and the generated package's bin (`npx <package> validate`):
// the same inputs, formats, exit codes, streaming and limits, whichever runs it. Each CLI says where the models
// come from (the generator: --registry or --specs; the package: its own registry).
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SpecError, UsageError } from "./errors.js";
import { escapeTerminal } from "./escape.js";
import { expandInputs } from "./inputs.js";
import { createReporter } from "./report.js";
import { loadRegistry, validateInputs, type ModelSource, type ResultFormat } from "./run.js";
import { MAX_DEPTH } from "./scan.js";

const FORMATS: readonly ResultFormat[] = ["text", "json", "github"];
const isFormat = (f: string): f is ResultFormat => (FORMATS as readonly string[]).includes(f);

/** The options both CLIs share, for their help texts. */
export const VALIDATE_OPTIONS_HELP = `  Each input is a JSON task, an array of tasks, or JSON Lines (- reads standard input), read as a stream: a file
  of any size is checked a task at a time. Input nested more than ${MAX_DEPTH} levels deep, or that is not JSON, stops
  the run with exit 2 and its line:column (the tasks before it are reported).
  --model <id>     one model for every task (for bodies without a model field, such as Runflow's)
  --format text    one line per task, with each broken rule in words (colour when on a terminal); control
                   characters in file names, model ids and property names are shown as escapes (\\x1b)
  --format json    { results: [{ file, index, model, line, column, path, message }], valid, invalid }
                   (and error, when bad input stopped the run: the tasks before it are reported)
  --format github  workflow annotations: ::error file=…,line=…::message
  Exit: 0 all valid, 1 some invalid, 2 bad usage or unreadable input.`;

/**
 * Validate `patterns` (files, globs, -) against `models` (asked for after the inputs are found), writing the report
 * to standard output as it goes; exit code 1 when a task is invalid. Bad input throws a SpecError after the tasks
 * before it are reported; a wrong option is a UsageError.
 */
export async function runValidate(patterns: readonly string[], { format = "text", model }: { format?: string | undefined; model?: string | undefined }, models: () => Promise<ModelSource>): Promise<void> {
  if (!isFormat(format)) throw new UsageError(`--format must be text, json or github, not ${JSON.stringify(format)}`);
  if (patterns.length === 0) throw new UsageError("validate needs at least one file, glob or - (see `validate --help`)");
  let pending = "";
  const flush = async (): Promise<void> => {
    const text = pending;
    pending = "";
    if (text && !process.stdout.write(text)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  };
  const reporter = createReporter(format, (text) => void (pending += text), { color: format === "text" && process.stdout.isTTY === true && !process.env.NO_COLOR });
  let summary;
  try {
    let inputs: string[];
    let source: ModelSource;
    try {
      inputs = expandInputs(patterns);
      source = await models();
    } catch (e) {
      // No input found, no registry: --format json still writes one JSON document, with the error in it.
      reporter.abort(e);
      throw e;
    }
    summary = await validateInputs(inputs, source, reporter, { model, after: () => (pending.length > 65536 ? flush() : undefined) });
  } finally {
    // On bad input too: the results decided before it, then the error (on stderr).
    await flush();
  }
  if (summary.invalid > 0) process.exitCode = 1;
}

/** Exit code of an error no check expected (EX_SOFTWARE): neither findings (1) nor bad input (2). */
export const INTERNAL_EXIT = 70;
/** Exit code when the reader of standard output went away (`| head`): 128 + SIGPIPE, as a shell reports it. */
export const PIPE_CLOSED_EXIT = 141;

/**
 * An error that no check expected (a bug, a full disk): one line with its message, escaped, and exit 70; the stack
 * trace (escaped too: its first line is the message) only with --debug.
 */
export function internalError(e: unknown, debug: boolean): void {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack.split("\n").map(escapeTerminal).join("\n")}\n`);
  process.stderr.write(`modelgen: unexpected error: ${escapeTerminal(text)}${debug ? "" : " (--debug shows the stack trace)"}\n`);
  process.exitCode = INTERNAL_EXIT;
}

/**
 * What neither CLI's try/catch sees: a write to standard output that fails later (an 'error' event), an exception
 * or rejection outside the awaited chain. A closed pipe ends the run quietly (exit 141, as SIGPIPE would); anything
 * else is an internal error. Without this Node prints its own stack trace.
 */
export function guardProcess(debug: boolean): void {
  // Installed once per process (a test may call main many times), with the last call's --debug.
  guardDebug = debug;
  if (guarded) return;
  guarded = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") internalError(e, guardDebug);
    process.exit(e.code === "EPIPE" ? PIPE_CLOSED_EXIT : INTERNAL_EXIT);
  });
  const crash = (e: unknown): void => {
    internalError(e, guardDebug);
    process.exit(INTERNAL_EXIT);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
}
let guarded = false;
let guardDebug = false;

/** The one way an error reaches the terminal: one line, control characters as escapes, exit 2. */
function fail(message: string, code = 2): void {
  process.stderr.write(`modelgen: ${escapeTerminal(message)}\n`);
  process.exitCode = code;
}

/** The package's bin: `<package> validate <file|glob|->… [--model <id>] [--format text|json|github]`, over `registry` (its index.js). */
export async function packageMain(argv: readonly string[], registry: URL): Promise<void> {
  const help = `Usage: npx <this package> validate <file|glob|->… [--model <id>] [--format text|json|github] [--debug]

  Checks payload files against this package's validators; a task's model is found through its \`model\` field,
  and only the models the tasks name are loaded.
${VALIDATE_OPTIONS_HELP}`;
  const [command, ...rest] = argv;
  const debug = rest.includes("--debug");
  guardProcess(debug);
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(help + "\n");
    if (command === undefined) process.exitCode = 2;
    return;
  }
  if (command !== "validate") return fail(`unknown command ${JSON.stringify(command)}; the command is validate (see --help)`);
  try {
    const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: { model: { type: "string" }, format: { type: "string" }, debug: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
    if (values.help) return void process.stdout.write(help + "\n");
    await runValidate(positionals, values, () => loadRegistry(fileURLToPath(new URL(".", registry))));
  } catch (e) {
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("ERR_PARSE_ARGS")) return fail(`${e.message} (see \`validate --help\`)`);
    if (e instanceof SpecError) return fail(e.message, e.exitCode);
    if (e instanceof UsageError) return fail(e.message);
    internalError(e, debug);
  }
}
