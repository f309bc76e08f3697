// Runs the real CLI entry (the built generator/cli.ts `main`, dist/generator/cli.js) for many argument lists in one Node process, each as if it were
// `modelgen <args>`: what it writes to stdout and stderr, and the exit code it would end with (an
// exception that escapes main is what Node would print for an uncaught error, exit code 1). One process for many
// runs saves loading the generator each time; broken.test.ts still spawns the real bin for a few cases.
//
//   node test/hostile/cli-driver.mjs <jobs.json> <results.json>     jobs: [{ args: string[] }]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [jobsFile, resultsFile] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsFile, "utf8"));
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/generator/cli.js");

const stdoutWrite = process.stdout.write.bind(process.stdout);
const stderrWrite = process.stderr.write.bind(process.stderr);
const capture = { stdout: "", stderr: "" };
process.stdout.write = (chunk) => ((capture.stdout += String(chunk)), true);
process.stderr.write = (chunk) => ((capture.stderr += String(chunk)), true);

// Importing cli.js runs it once with process.argv: make that `help`, which only prints.
process.argv = [process.execPath, cli, "help"];
const { main } = await import(cli);

const results = [];
for (const job of jobs) {
  capture.stdout = "";
  capture.stderr = "";
  process.exitCode = undefined;
  let code;
  try {
    await main(job.args);
    code = process.exitCode ?? 0;
  } catch (e) {
    capture.stderr += `${e?.stack ?? e}\n`;
    code = 1;
  }
  results.push({ code, stdout: capture.stdout, stderr: capture.stderr });
}
process.exitCode = 0;
process.stdout.write = stdoutWrite;
process.stderr.write = stderrWrite;
writeFileSync(resultsFile, JSON.stringify(results));
