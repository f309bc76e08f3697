// format/: generate formats each top-level statement apart and remembers it by its text (format/chunks.ts,
// format/prettier.ts). That is only a saving if it gives prettier's bytes: here every file the fixtures emit, and the
// registry over them, is formatted both ways, statement by statement and whole (prettier with the parser the file's
// name selects, as generate ran it before), and must come out the same. Tricky texts the emitters could produce
// (regular expressions, templates, braces inside strings and comments, a comment before a union's next member)
// are checked the same way, and so is the cutter's refusal of what it cannot follow.
import { describe, expect, test } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { emitSpec, type ModelRecord } from "../../generator/pipeline.js";
import { findSpecFiles } from "../../generator/load/spec.js";
import { emitRegistry } from "../../generator/emit/registry.js";
import { SpecError } from "../../generator/errors.js";
import { formatFiles, formatFilesWhole, formatText, formatStats } from "../../generator/format/prettier.js";
import { splitTopLevel } from "../../generator/format/chunks.js";

/** The fixture folders generate reads in the tests and the repository's own specs/ (generated/). */
const FOLDERS = ["specs", "test/fixtures/specs", "test/fixtures/real-specs", "test/fixtures/hostile/valid"];
/** fal's catalog fixture: every fourth document (the others add little and cost about 0.2 s each). */
const FAL = "test/fixtures/fal-catalog";

function falDocuments(): string[] {
  const all = findSpecFiles([path.join(ROOT, FAL)]).map((e) => e.file).sort();
  return all.filter((_, i) => i % 4 === 0);
}

describe("formatting statement by statement gives prettier's bytes for the whole file", () => {
  test("every file the fixture specs emit, and the registry over them", async () => {
    const entries = [...FOLDERS.flatMap((f) => findSpecFiles([path.join(ROOT, f)])), ...falDocuments().map((file) => ({ file, root: path.join(ROOT, FAL) }))];
    const records: ModelRecord[] = [];
    let files = 0;
    let refused = 0;
    const before = { ...formatStats };
    for (const entry of entries) {
      let emitted;
      try {
        emitted = await emitSpec(entry, { overlays: [], limit: 64, debug: false, packageName: "modelgen-models" });
      } catch (e) {
        if (!(e instanceof SpecError)) throw e;
        refused++; // a hostile spec generate refuses: nothing to format
        continue;
      }
      const fast = await formatFiles(emitted.files);
      const whole = await formatFilesWhole(emitted.files);
      for (const file of Object.keys(emitted.files)) expect(fast[file], `${entry.file}: ${file}`).toBe(whole[file]);
      files += Object.keys(emitted.files).length;
      records.push({ ...emitted.record, files: {} });
    }
    const registry = emitRegistry(records, {});
    expect(await formatFiles(registry)).toEqual(await formatFilesWhole(registry));
    // What was really exercised: the models, their files, and statements both formatted now and remembered.
    expect(records.length).toBeGreaterThanOrEqual(75);
    expect(refused).toBeLessThan(entries.length / 4);
    expect(files).toBeGreaterThanOrEqual(records.length * 4);
    expect(formatStats.formatted - before.formatted).toBeGreaterThan(500);
    expect(formatStats.remembered - before.remembered).toBeGreaterThan(1000);
  }, 300_000);
});

describe("the cutter", () => {
  const samples: [string, string, string][] = [
    ["babel", "regular expressions, braces in strings and comments", 'export const a = /[}{]\\/;"/g.test("x");\nconst b = "}{"; // }\n/* { */\nexport function f(x) {\n  return x / 2 / /}/.source.length;\n}\nexport const c = 1;\n'],
    ["babel", "templates with expressions", "export const t = `a ${ { b: `}` }.b } c`;\nexport const u = `\n}\nexport const v = 1;\n`;\nexport const w = 2;\n"],
    ["babel-ts", "a comment before a union's next member stays with its type", 'export type A = {\n a: string\n}\n/** the other */\n| { b: number };\nexport interface B {\nx: 1\n}\n\n\n/** doc */\nexport declare const c: "}";\n'],
    ["babel-ts", "blank lines kept once, none kept where there were none", "export type A = 1;\nexport type B = 2;\n\n\n\nexport type C = 3;\n// trailing\n"],
  ];
  for (const [parser, what, text] of samples) {
    test(what, async () => {
      const chunks = splitTopLevel(text);
      expect(chunks?.length).toBeGreaterThan(1);
      const reference = (await formatFilesWhole({ [parser === "babel" ? "x.js" : "x.d.ts"]: text }))[parser === "babel" ? "x.js" : "x.d.ts"];
      expect(await formatText(text, parser)).toBe(reference);
    });
  }

  test("a comment before `| B` is no place to cut", () => {
    expect(splitTopLevel("export type A = {\n}\n/** doc */\n| B;\n")).toEqual([{ text: "export type A = {\n}\n/** doc */\n| B;", blankBefore: false }]);
  });

  test("what it cannot follow is not cut (the whole file is formatted)", async () => {
    expect(splitTopLevel('export const a = "unclosed;\nexport const b = 1;\n')).toBeNull();
    expect(splitTopLevel("export const a = 1; /* unclosed\nexport const b = 1;\n")).toBeNull();
    expect(splitTopLevel("export const a = (1;\nexport const b = 1;\n")).toBeNull();
    await expect(formatText("export const a = (1;\n", "babel")).rejects.toThrow();
  });
});

test("the fixture folders exist", () => {
  for (const f of [...FOLDERS, FAL]) expect(readdirSync(path.join(ROOT, f)).length, f).toBeGreaterThan(0);
});
