// Hostile but valid specs through the pipeline: they generate; every generated file compiles under tsc --strict
// (one program, with each payload as `const t: Task = …`); importing a generated module runs nothing; the validator
// gives every payload's verdict, as Ajv does on the spec; spec text stands only in string literals and sanitised
// comments (never in code, never as a directive a tool obeys, never with a raw U+2028/U+2029 or `</script`).
import { afterAll, describe, expect, test } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import YAML from "yaml";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { ROOT, listFiles } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";
import { generate } from "../../generator/pipeline.js";
import { writeOutput } from "../../generator/write/write.js";
import { tsLiteral } from "../conformance/generate-all.js";
import { HOSTILE_MARKERS, VALID, VALID_DIR, type ValidCase } from "./cases.js";
import { directives, markerInCode } from "./scan.js";

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-hostile-"));
const out = path.join(work, "out");
const result = await generate({ specs: [path.join(ROOT, VALID_DIR)], cacheDir: path.join(work, "cache") });
writeOutput(out, result.files);
const moduleName = (c: ValidCase) => c.file.replace(/\.(json|ya?ml)$/, "");

/** Ajv compiled at run time from the spec file as written (plus what its overlay does), as the e2e tests do. */
function reference(c: ValidCase) {
  const text = readFileSync(path.join(ROOT, VALID_DIR, c.file), "utf8");
  const doc = /\.ya?ml$/.test(c.file) ? YAML.parse(text) : JSON.parse(text);
  let task = doc.components.schemas.RequestBody.items;
  if (c.referencePatch) task = c.referencePatch(structuredClone(task));
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(task);
}

// Import every generated module and run every payload through it with traps set: the hostile text tries to write
// globalThis.__modelgenTrap and to call process.exit; neither may happen.
const sprung: string[] = [];
const realExit = process.exit;
Object.defineProperty(globalThis, "__modelgenTrap", {
  configurable: true,
  get: () => void sprung.push("read globalThis.__modelgenTrap"),
  set: (v) => void sprung.push(`globalThis.__modelgenTrap = ${JSON.stringify(v)}`),
});
process.exit = ((code?: number) => {
  sprung.push(`process.exit(${code})`);
  throw new Error("process.exit called by generated code");
}) as typeof process.exit;
const verdicts = new Map<string, { isTask: boolean; validateTask: boolean }[]>();
const importErrors: string[] = [];
try {
  await import(pathToFileURL(path.join(out, "index.js")).href).catch((e) => importErrors.push(`index.js: ${e}`));
  for (const c of VALID) {
    const mod = await import(pathToFileURL(path.join(out, moduleName(c), "index.js")).href).catch((e) => void importErrors.push(`${moduleName(c)}: ${e}`));
    if (!mod) continue;
    verdicts.set(
      c.file,
      c.payloads.map((p) => ({ isTask: mod.isTask(p.data), validateTask: mod.validateTask(p.data).length === 0 })),
    );
  }
} finally {
  process.exit = realExit;
  delete (globalThis as Record<string, unknown>).__modelgenTrap;
}

describe("hostile but valid specs", () => {
  test("every one generates, with its model id", () => {
    expect(result.models.map((m: any) => m.modelId ?? m.ir?.modelId).sort()).toEqual(VALID.map((c) => c.modelId).sort());
  });

  test("importing the generated modules and validating runs none of the spec's text", () => {
    expect(importErrors).toEqual([]);
    expect(sprung).toEqual([]);
  });

  describe("patterns prone to catastrophic backtracking are flagged with their JSON Pointer", () => {
    // generate() returns warnings as `warnings` and as each model's lint findings of severity "warning".
    const warnings: string[] = [
      ...result.warnings,
      ...result.models.flatMap((m: any) => (m.lint?.findings ?? []).filter((f: any) => f.severity === "warning").map((f: any) => `${m.file}: ${f.message} ${(f.pointers ?? []).join(" ")}`)),
    ];
    for (const c of VALID.filter((x) => x.warnAt || x.noWarnAt)) {
      for (const at of c.warnAt ?? []) {
        test(`${c.file}: warns about ${at}`, () => {
          expect(warnings.filter((w) => w.includes(at)), `warnings: ${JSON.stringify(warnings)}`).not.toEqual([]);
        });
      }
      for (const at of c.noWarnAt ?? []) {
        test(`${c.file}: no warning about ${at}`, () => {
          expect(warnings.filter((w) => w.includes(at))).toEqual([]);
        });
      }
    }
  });

  describe("the generated validator gives each payload's verdict, as Ajv does on the spec", () => {
    for (const c of VALID) {
      const ajv = reference(c);
      c.payloads.forEach((p, i) => {
        test(`${c.file}: ${p.note}`, () => {
          const got = verdicts.get(c.file)?.[i];
          expect(got, "the module did not load").toBeDefined();
          expect(got).toEqual({ isTask: p.valid, validateTask: p.valid });
          if (!p.ajvWrong) expect(ajv(p.data), "Ajv on the spec").toBe(p.valid);
        });
      });
    }
  });

  describe("generated files compile under tsc --strict, and each payload as the model's Task (one program)", () => {
    const real = listFiles(out).filter((f) => /\.(d\.ts|js)$/.test(f)).map((f) => path.join(out, f));
    const payloadFile = (c: ValidCase, i: number) => path.join(work, "types", moduleName(c), `payload-${i}.ts`);
    const virtual: Record<string, string> = {};
    for (const c of VALID) {
      c.payloads.forEach((p, i) => {
        if (!p.valid && !p.structural) return;
        virtual[payloadFile(c, i)] = `import type { Task } from ${JSON.stringify(path.join(out, moduleName(c), "index.js"))};\nexport const t: Task = ${tsLiteral(p.data)};\n`;
      });
    }
    const diagnostics = typeCheck(real, virtual);
    const errorsIn = (file: string) => diagnostics.filter((d) => d.file === file).map((d) => `${d.line}: ${d.message.split("\n")[0]}`);

    test("no diagnostics in the generated files", () => {
      expect(diagnostics.filter((d) => !(d.file in virtual)).map((d) => `${path.relative(out, d.file)}:${d.line}: ${d.message}`)).toEqual([]);
    });
    for (const c of VALID) {
      c.payloads.forEach((p, i) => {
        if (!p.valid && !p.structural) return;
        test(`${c.file}: ${p.note} ${p.valid ? "compiles" : "does not compile"}`, () => {
          if (p.valid) expect(errorsIn(payloadFile(c, i))).toEqual([]);
          else expect(errorsIn(payloadFile(c, i)).length, "a structurally invalid payload must not compile").toBeGreaterThan(0);
        });
      });
    }
  });

  describe("spec text stays inside string literals and sanitised comments", () => {
    const code = listFiles(out).filter((f) => /\.(d\.ts|js)$/.test(f) && !f.startsWith("_runtime/"));
    test("the files checked: each model's index.js, index.d.ts and validator.js, and the registry", () => {
      expect(code.length).toBe(VALID.length * 3 + 2);
    });
    for (const rel of code) {
      test(rel, () => {
        const text = readFileSync(path.join(out, rel), "utf8");
        const name = rel.endsWith(".d.ts") ? "file.d.ts" : "file.js";
        expect.soft(markerInCode(name, text, HOSTILE_MARKERS), "hostile text outside a string or comment").toEqual([]);
        expect.soft(directives(name, text), "comments a tool would obey").toEqual([]);
        expect.soft(/[\u2028\u2029]/.test(text), "a raw U+2028/U+2029 (ends a line in some parsers)").toBe(false);
        if (rel.endsWith(".js")) expect.soft(text.match(/.{0,40}<\/script.{0,20}/gi) ?? [], "`</script` in JavaScript (ends an inline <script>)").toEqual([]);
      });
    }
  });

  describe("generated READMEs show spec text, never as HTML", () => {
    for (const rel of listFiles(out).filter((f) => f.endsWith(".md"))) {
      test(rel, () => {
        const text = readFileSync(path.join(out, rel), "utf8");
        // Inside code spans and fenced blocks Markdown shows text as is; anywhere else a tag would be HTML.
        const prose = text.replace(/^```[\s\S]*?^```/gm, "").replace(/(`+)[\s\S]*?\1/g, "");
        expect(prose.match(/.{0,30}<\/?script.{0,20}/gi) ?? [], "a raw <script> tag").toEqual([]);
      });
    }
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));
});
