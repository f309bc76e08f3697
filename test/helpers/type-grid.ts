// A grid of payloads against one generated module: each payload judged by the reference validator
// (@cfworker/json-schema, JSON Schema 2020-12) and type-checked as the module's Task by the real tsc, in one
// generate() and one program. Tests then ask which valid payloads do not compile (unsound types) and which
// invalid ones do (looser than the schema).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Validator } from "@cfworker/json-schema";
import { afterAll, beforeAll, expect } from "vitest";
import { runwareSpec, writeSpecs } from "./spec-factory.js";
import { generateAll, tsLiteral } from "../conformance/generate-all.js";
import { typeCheck, type Diagnostic } from "./tsc.js";

export interface GridCase {
  readonly payload: unknown;
  /** The reference validator's verdict. */
  readonly valid: boolean;
  /** The virtual file that assigns the payload to Task. */
  readonly file: string;
}

export interface TypeGrid {
  readonly cases: readonly GridCase[];
  /** Every diagnostic of the program (a test checks none falls outside the cases' files). */
  readonly diagnostics: readonly Diagnostic[];
  readonly warnings: readonly string[];
  /** The first line of each of tsc's errors on a case's file. */
  errorsOf(c: GridCase): string[];
  /** Diagnostics in no case's file, as `file:line: message` (the generated module's own errors). */
  strayDiagnostics(): string[];
  /** Removes the work folder. */
  dispose(): void;
}

/** Generates a Runware-shaped spec of `task` (model `model`) and checks every payload of `grid` both ways. */
export async function typeGrid(name: string, task: Record<string, unknown>, model: string, grid: readonly unknown[]): Promise<TypeGrid> {
  const work = mkdtempSync(path.join(os.tmpdir(), `modelgen-${name}-`));
  const spec = runwareSpec(task, { model });
  const result = await generateAll(writeSpecs({ "m.json": spec }), path.join(work, "out"), path.join(work, "cache"));
  expect(result.rejected).toEqual([]);
  const reference = new Validator(spec.components.schemas.RequestBody.items as object, "2020-12", false);
  const virtual: Record<string, string> = {};
  const cases: GridCase[] = grid.map((payload, i) => {
    const file = path.join(work, "types", `p${i}.ts`);
    virtual[file] = `import type { Task } from ${JSON.stringify(path.join(result.out, "m", "index.js"))};\nexport const t: Task = ${tsLiteral(payload)};\n`;
    return { payload, valid: reference.validate(payload).valid, file };
  });
  const diagnostics = typeCheck([], virtual);
  return {
    cases,
    diagnostics,
    warnings: result.warnings,
    errorsOf: (c) => diagnostics.filter((d) => d.file === c.file).map((d) => d.message.split("\n")[0]!),
    strayDiagnostics: () => diagnostics.filter((d) => !cases.some((c) => c.file === d.file)).map((d) => `${d.file}:${d.line}: ${d.message}`),
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}

/**
 * The same grid as a suite's fixture: generated and type-checked in beforeAll, removed in afterAll. Its members
 * are read in the tests (before beforeAll has run, reading one throws).
 */
export function useTypeGrid(name: string, task: Record<string, unknown>, model: string, grid: readonly unknown[]): TypeGrid {
  let g: TypeGrid | undefined;
  beforeAll(async () => {
    g = await typeGrid(name, task, model, grid);
  }, 300_000);
  afterAll(() => g?.dispose());
  const ready = (): TypeGrid => {
    if (!g) throw new Error(`the type grid ${name} is read before beforeAll made it`);
    return g;
  };
  return {
    get cases() {
      return ready().cases;
    },
    get diagnostics() {
      return ready().diagnostics;
    },
    get warnings() {
      return ready().warnings;
    },
    errorsOf: (c) => ready().errorsOf(c),
    strayDiagnostics: () => ready().strayDiagnostics(),
    dispose: () => ready().dispose(),
  };
}
