// The generator, the runtime templates and the tests type-check under the project's own tsconfig.json: the build
// strips types with esbuild, so without this test a type error in generator/ would fail nothing that CI runs.
// One tsc program (the real compiler, in-process) holds every project file plus three planted files with one type
// error each; the only diagnostics allowed are those three, which also proves the check reports what it finds.
import { describe, expect, test } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "../helpers/generated.js";

const PLANTED: Record<string, string> = {
  [path.join(ROOT, "generator/__planted_type_error__.ts")]: `export const planted: number = "generator";\n`,
  [path.join(ROOT, "templates/runtime/__planted_type_error__.ts")]: `export const planted: number = "templates";\n`,
  [path.join(ROOT, "test/__planted_type_error__.ts")]: `export const planted: number = "test";\n`,
};

function projectConfig(): ts.ParsedCommandLine {
  const file = path.join(ROOT, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(file, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
  if (!parsed) throw new Error(`cannot read ${file}`);
  return parsed;
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(c|m)?ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}__snapshots__${path.sep}`) && !f.includes(`${path.sep}fixtures${path.sep}`));
}

describe("the project type-checks (tsc -p tsconfig.json --noEmit)", () => {
  const config = projectConfig();

  test("tsconfig.json's program holds every TypeScript file in generator/, templates/ and test/", () => {
    const inProgram = new Set(config.fileNames.map((f) => path.normalize(f)));
    const onDisk = ["generator", "templates", "test"].flatMap(tsFilesUnder);
    expect(onDisk.length).toBeGreaterThan(100);
    expect(onDisk.filter((f) => !inProgram.has(f)).map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  test("no type error but the three planted ones", () => {
    const host = ts.createCompilerHost(config.options, true);
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = (f) => f in PLANTED || fileExists.call(host, f);
    host.readFile = (f) => (f in PLANTED ? PLANTED[f] : readFile.call(host, f));
    host.getSourceFile = (f, lang, onError, create) =>
      f in PLANTED ? ts.createSourceFile(f, PLANTED[f]!, lang, true) : getSourceFile.call(host, f, lang, onError, create);
    const program = ts.createProgram({ rootNames: [...config.fileNames, ...Object.keys(PLANTED)], options: config.options, host, configFileParsingDiagnostics: config.errors });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${path.relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "tsconfig.json";
      return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(diagnostics.sort()).toEqual([
      `generator/__planted_type_error__.ts:1: TS2322 Type 'string' is not assignable to type 'number'.`,
      `templates/runtime/__planted_type_error__.ts:1: TS2322 Type 'string' is not assignable to type 'number'.`,
      `test/__planted_type_error__.ts:1: TS2322 Type 'string' is not assignable to type 'number'.`,
    ]);
    // One program over the whole project: about 30 s alone on 2 cores, several times that beside the other test files.
  }, 300_000);
});
