#!/usr/bin/env node
// modelgen's command line: a thin layer over the pipeline. Exit codes: 0 ok, 1 findings, 2 usage or bad input.
import { parseArgs } from "node:util";
import path from "node:path";
import { generate } from "./pipeline.js";
import { diffOutput, writeOutput } from "./write/write.js";
import { SpecError } from "./errors.js";

const HELP = {
  main: `modelgen: compile per-model OpenAPI specs into exact types, precompiled validators and clients.

Usage: modelgen <command> [options]

Commands:
  generate   specs/ → generated/ (one module per spec, a registry, a package.json)
  lint       find rules that can never pass, vacuous combinators and examples that fail their spec
  validate   check payload files against the generated validators (for CI)

Run \`modelgen <command> --help\` for a command's options.
Exit codes: 0 ok, 1 findings (drift, invalid input, lint errors), 2 usage or unreadable input.`,
  generate: `Usage: modelgen generate [--specs <dir|file>]… [--out <dir>] [--overlay <file>]… [--check] [--debug]

  --specs <dir|file>  spec files or folders of them (default: specs). A spec at <root>/a/b.json is written to
                      <out>/a/b/; a single file given with --specs lands in <out>/<name>/.
  --out <dir>         output folder (default: generated)
  --overlay <file>    an OpenAPI Overlay to apply to every spec (after <name>.overlay.yaml beside the spec)
  --check             write nothing; exit 1 naming each file that would change
  --debug             time each stage; show stack traces`,
};

const USAGE_EXIT = 2;

function fail(message, code = USAGE_EXIT) {
  process.stderr.write(`modelgen: ${message}\n`);
  process.exitCode = code;
}

async function cmdGenerate(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      specs: { type: "string", multiple: true },
      out: { type: "string" },
      overlay: { type: "string", multiple: true },
      check: { type: "boolean" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return void process.stdout.write(HELP.generate + "\n");
  const specs = values.specs ?? ["specs"];
  const out = values.out ?? "generated";
  const result = await generate({ specs, overlays: values.overlay ?? [], debug: values.debug });
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  if (values.check) {
    const { changed, added, removed } = diffOutput(out, result.files);
    const all = [...changed.map((f) => `changed: ${f}`), ...added.map((f) => `missing: ${f}`), ...removed.map((f) => `stale: ${f}`)];
    if (all.length) {
      process.stdout.write(`${out} is out of date (${all.length} file${all.length === 1 ? "" : "s"}); run \`npm run generate\`:\n${all.map((l) => `  ${path.join(out, l.split(": ")[1])} (${l.split(":")[0]})`).join("\n")}\n`);
      process.exitCode = 1;
    } else process.stdout.write(`${out} is up to date (${result.models.length} models)\n`);
    return;
  }
  writeOutput(out, result.files);
  process.stdout.write(`generated ${result.models.length} model${result.models.length === 1 ? "" : "s"} into ${out}: ${result.models.map((m) => m.ir.modelId).join(", ")}\n`);
}

const COMMANDS = { generate: cmdGenerate };

export async function main(argv) {
  const [command, ...rest] = argv;
  const debug = rest.includes("--debug");
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP.main + "\n");
    if (!command) process.exitCode = USAGE_EXIT;
    return;
  }
  const run = COMMANDS[command];
  if (!run) return fail(`unknown command ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(", ")} (see --help)`);
  try {
    await run(rest);
  } catch (e) {
    if (e?.code?.startsWith?.("ERR_PARSE_ARGS")) return fail(`${e.message} (see \`modelgen ${command} --help\`)`);
    if (e instanceof SpecError) return fail(debug ? e.stack : e.message, e.exitCode);
    throw e;
  }
}

await main(process.argv.slice(2));
