// The generated validators against the official JSON Schema Test Suite (draft 2020-12), for the keywords our specs
// use: every test group's schema becomes one model spec, all of them are generated in one pipeline run, and each
// generated validator must give every test case's `valid`. Valid data must also compile as the model's Task.
//
// The generator takes object task schemas only (it rejects `type: integer` and the like), so each group's schema
// is wrapped: the task is `{ model: <const>, value: <group schema> }` (additionalProperties false, both required)
// and each test's data is sent as `{ model, value: data }`. The group schema stands at #/components/schemas/Value
// and its own local $refs (#/$defs/…) are rebased there; nothing else of it changes.
import { afterAll, describe, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";
import { generateAll, importModule, tsLiteral } from "./generate-all.js";

const SUITE = path.join(ROOT, "test/fixtures/json-schema-test-suite/draft2020-12");

/** The keyword files, in the order the README lists them. */
export const KEYWORD_FILES = [
  "if-then-else",
  "dependentRequired",
  "oneOf",
  "anyOf",
  "allOf",
  "not",
  "const",
  "enum",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "optional/format/uuid",
  "optional/format/uri",
];

interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

/** Rebase the group schema's local $refs ("#", "#/$defs/x") onto where it stands in the spec. */
function rebase(schema: unknown, base: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rebase(s, base));
  if (schema && typeof schema === "object") {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith("#") ? `#${base}${v.slice(1)}` : rebase(v, base)]),
    );
  }
  return schema;
}

function wrappedSpec(modelId: string, title: string, schema: unknown) {
  return {
    openapi: "3.1.0",
    info: { title, version: "1.0.0" },
    paths: {
      "/": {
        post: {
          operationId: "run",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RequestBody" } } } },
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      schemas: {
        RequestBody: {
          type: "array",
          items: {
            type: "object",
            properties: { model: { const: modelId }, value: { $ref: "#/components/schemas/Value" } },
            required: ["model", "value"],
            additionalProperties: false,
          },
        },
        Value: rebase(schema, "/components/schemas/Value"),
      },
    },
  };
}

const slug = (file: string) => file.replace(/\//g, "-");

interface Case {
  file: string;
  group: string;
  module: string;
  modelId: string;
  description: string;
  data: unknown;
  valid: boolean;
  tsFile: string;
}

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-jsts-"));
const specsDir = path.join(work, "specs");
const cases: Case[] = [];
for (const file of KEYWORD_FILES) {
  const groups = JSON.parse(readFileSync(path.join(SUITE, `${file}.json`), "utf8")) as SuiteGroup[];
  groups.forEach((g, gi) => {
    const module = `${slug(file)}/g${gi}`;
    const modelId = `test:jsts-${slug(file)}-${gi}@1`;
    mkdirSync(path.join(specsDir, slug(file)), { recursive: true });
    writeFileSync(path.join(specsDir, `${module}.json`), JSON.stringify(wrappedSpec(modelId, `JSON Schema Test Suite ${file}: ${g.description}`, g.schema), null, 2));
    g.tests.forEach((t, ti) =>
      cases.push({ file, group: g.description, module, modelId, description: t.description, data: t.data, valid: t.valid, tsFile: path.join(work, "types", slug(file), `g${gi}-t${ti}.ts`) }),
    );
  });
}

const generated = await generateAll(specsDir, path.join(work, "out"), path.join(work, "cache"));
const rejectedModules = new Map(generated.rejected.map((r) => [r.file.replace(/\.json$/, ""), r.message]));
const modules = new Map<string, any>();
for (const name of generated.modules) modules.set(name, await importModule(generated.out, name));

/** Pass counts per keyword file, printed when the file is done. */
const tally = new Map<string, { pass: number; total: number }>(KEYWORD_FILES.map((f) => [f, { pass: 0, total: 0 }]));

describe("JSON Schema Test Suite (draft 2020-12) through the whole generator", () => {
  test("the suite has the 497 tests the README counts", () => {
    expect(cases.length).toBe(497);
  });

  test("the generator accepts every group schema", () => {
    expect(generated.rejected.map((r) => `${r.kind}: ${r.file}: ${r.message}`)).toEqual([]);
  });

  for (const file of KEYWORD_FILES) {
    describe(file, () => {
      for (const c of cases.filter((x) => x.file === file)) {
        test(`${c.group}: ${c.description}`, () => {
          const t = tally.get(file)!;
          t.total++;
          const mod = modules.get(c.module);
          expect(mod, `not generated: ${rejectedModules.get(c.module) ?? "missing module"}`).toBeDefined();
          const task = { model: c.modelId, value: c.data };
          const verdict = { isTask: mod.isTask(task), validateTask: mod.validateTask(task).length === 0 };
          expect(verdict).toEqual({ isTask: c.valid, validateTask: c.valid });
          t.pass++;
        });
      }
    });
  }

  describe("valid data compiles as the model's Task (one tsc program)", () => {
    const typed = cases.filter((c) => c.valid && modules.has(c.module));
    const virtual = Object.fromEntries(
      typed.map((c) => [c.tsFile, `import type { Task } from ${JSON.stringify(path.join(generated.out, c.module, "index.js"))};\nexport const t: Task = ${tsLiteral({ model: c.modelId, value: c.data })};\n`]),
    );
    const diagnostics = typeCheck([], virtual);
    const byFile = new Map<string, string[]>();
    for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), `${d.line}: ${d.message.split("\n")[0]}`]);

    test("no diagnostics outside the payload files (the generated declarations compile)", () => {
      expect(diagnostics.filter((d) => !(d.file in virtual)).map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
    });
    for (const c of typed) {
      test(`${c.file} › ${c.group}: ${c.description}`, () => {
        expect(byFile.get(c.tsFile) ?? []).toEqual([]);
      });
    }
  });

  afterAll(() => {
    const rows = KEYWORD_FILES.map((f) => `| ${f} | ${tally.get(f)!.pass} / ${tally.get(f)!.total} |`);
    const pass = [...tally.values()].reduce((a, t) => a + t.pass, 0);
    const total = [...tally.values()].reduce((a, t) => a + t.total, 0);
    console.log(`\nJSON Schema Test Suite, generated validators:\n| file | pass |\n|---|---|\n${rows.join("\n")}\n| total | ${pass} / ${total} |\n`);
    rmSync(work, { recursive: true, force: true });
  });
});
