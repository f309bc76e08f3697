// format/: generate lays out each top-level statement apart (format/chunks.ts), by its own printer
// (format/printer.ts) or, for a statement the printer declines, by prettier (format/prettier.ts). That is only right
// if it gives prettier's bytes: here every file the fixtures emit, and the registry over them, is formatted both
// ways, statement by statement and whole (prettier with the parser the file's name selects, as generate ran it
// before), and must come out the same; and the printer must lay out nearly all of their statements itself (prettier
// then only checks the layout here, instead of running on every spec). Tricky texts the emitters could produce
// (regular expressions, templates, braces inside strings and comments, a comment before a union's next member, long
// unions and strings, trailing comments) are checked the same way, and so is the cutter's refusal of what it
// cannot follow.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { readdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { emitSpec, type ModelRecord } from "../../generator/pipeline.js";
import { findSpecFiles } from "../../generator/load/spec.js";
import { emitRegistry } from "../../generator/emit/registry.js";
import { SpecError } from "../../generator/errors.js";
import { formatFiles, formatFilesWhole, formatText, formatStats } from "../../generator/format/prettier.js";
import { splitTopLevel } from "../../generator/format/chunks.js";
import { printJson, printStatement } from "../../generator/format/printer.js";

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
    // The printer lays out the statements; prettier only those it declines (a few in the hostile fixtures).
    const printed = formatStats.printed - before.printed;
    const declined = formatStats.formatted - before.formatted + formatStats.remembered - before.remembered;
    expect(printed).toBeGreaterThan(3000);
    expect(declined).toBeLessThan(printed / 500);
    expect(formatStats.wholeFiles - before.wholeFiles).toBe(0);

  }, 300_000);
});

describe("the printer lays out what the emitters write as prettier does, and declines the rest", () => {
  const L = (n: number, c = "x"): string => c.repeat(n);
  const accepted: [string, string, string][] = [
    ["babel-ts", "a long union breaks one member a line", `export type A = ${Array.from({ length: 12 }, (_, i) => `"value-${i}-${L(6)}"`).join(" | ")};\n`],
    ["babel-ts", "a union that fits on the next line", `/** doc */\nexport type TaskMode =\n| (WithReferenceVideos & WidthHeight)\n| (WithReferenceImages & WidthHeight)\n| (WithoutShotType & WidthHeight);\n`],
    ["babel-ts", "unions under a property, in an array, in Array<>, hugged", `export interface A {\n/**\n   * Doc\n       * odd indent\n */\na?: ${Array.from({ length: 8 }, (_, i) => `"a${i}${L(12)}"`).join(" | ")};\nb: (${Array.from({ length: 8 }, (_, i) => `"b${i}${L(12)}"`).join(" | ")})[];\n\nc: Array<${Array.from({ length: 8 }, (_, i) => `"c${i}${L(12)}"`).join(" | ")}>;\nd: { ${Array.from({ length: 8 }, (_, i) => `k${i}: "${L(12)}"`).join("; ")} } | null;\n"e-f": readonly string[];\n"g": keyof X;\n[key: string]: unknown;\n}\n`],
    ["babel-ts", "object types: kept broken after `{`, else one line if they fit", `export type A = {\na: 1; b: { c: 2 } };\nexport type B = { a: 1; b: {\n c: 2 } };\nexport declare const c: ${Array.from({ length: 9 }, (_, i) => `"c${i}${L(10)}"`).join(" | ")};\n`],
    ["babel-ts", "heritage clauses", `export interface A extends ObjectMembers {\na: 1;\n}\nexport interface B extends Omit<TaskCommon, "taskType" | "taskUUID" | "model">, Partial<Pick<TaskCommon, "taskType" | "taskUUID" | "model">> {}\nexport interface C extends D, E {}\n`],
    ["babel-ts", "trailing comments after a union's members", `export type WH =\n| { width: 1280; height: 720 } // 720p (16:9)\n| { width: 720; height: 1280 } // 720p (9:16)\n| { width: 960; height: 960 }; // 1:1\n`],
    ["babel-ts", "literals: quotes, escapes, numbers, tuples, indexed access", `export type A = 'it\\'s' | "say \\"hi\\"" | "a'b\\"c\\"d" | 1.50 | 1E5 | -0.5 | .5 | [string, number?, ...boolean[]] | Object["toString"] | Record<string, never>;\n`],
    ["babel", "JavaScript values: long strings after long and short keys, arrays of objects, numbers", `export const a = [{"schemaPath": "#/a", "message": "${L(130)}", "path": "", "focus": []}, {"schemaPath": "#/b", "focus": ["/x"], "message": "m", "path": ""}];\nconst b = {"id": "${L(130)}", "ok": true, "n": null, "list": [1, 2.50, -3], "e": {}, "q": "a\\"b", "a-b": 1};\nexport const title = "${L(130)}";\n`],
    ["babel", "imports and exports, a destructured call", `import { validate, guard } from "./validator.js";\nimport { ${Array.from({ length: 14 }, (_, i) => `name${i}`).join(", ")} } from "./x.js";\nexport { a, b } from "./c.js";\nexport const { isTask, validateTask, taskSchema, createClient, parseWebhook, handleWebhook, createWebhookUrl } = runwareModel({ validate, guard, ruleMessages, extraRules }, { modelId, taskType: "videoInference", deliveryMethods: ["async"], defaultDelivery: "async" });\n`],
    ["babel", "the registry's calls: arguments hugged or broken out, new, arrow functions, dynamic imports", `export const models = Object.freeze(Object.assign(Object.create(null), Object.fromEntries([\n["a", Object.freeze({ modelId: "a", title: "${L(100)}" })],\n["b", Object.freeze({ modelId: "b" })]])));\nexport const modelIds = Object.keys(models);\nconst loaders = new Map([["a", () => import("./${L(120)}.js")], ["b", () => import("./b.js")]]);\nexport const loadModel = modelLoader(loaders, modelIds);\n`],
    ["babel-ts", "the registry's declarations: import types however long, a declared function", `export interface M {\n"a/b": typeof import("./${L(130)}/index.js");\n"c": typeof import("./c.js");\n}\nexport declare function loadModel<K extends ModelId>(id: K): Promise<ModelModules[K]>;\nexport type ModelId = keyof M;\n`],
    ["json", "JSON: objects kept broken as written, arrays joined when they fit", `${JSON.stringify({ name: "x", files: ["a", "b"], exports: { ".": { types: "./index.d.ts" } }, e: [{ a: 1, b: 2 }, { a: 1, b: 2 }], long: Array.from({ length: 12 }, (_, i) => `entry-${i}-${L(6)}`), empty: {}, none: [] }, null, 2)}\n`],
  ];
  accepted.push(
    ["babel-ts", "a renamed import", 'import type { ClientOptions, RunwareVideoResult as Result } from "../_runtime/runtime/index.js";\n'],
    ["babel-ts", "a renamed import that does not fit", `import type { ${Array.from({ length: 6 }, (_, i) => `Name${i}${L(8)} as N${i}`).join(", ")} } from "../_runtime/runtime/index.js";\n`],
  );
  const declined: [string, string, string][] = [
    ["babel-ts", "a function type", "export type F = (a: string) => void;\n"],
    ["babel-ts", "a numeric key", 'export interface A {\n"1": string;\n}\n'],
    ["babel-ts", "a tuple that does not fit", `export type T = [${Array.from({ length: 12 }, (_, i) => `"t${i}${L(10)}"`).join(", ")}];\n`],
    ["babel", "an array of numbers that does not fit", `export const n = [${Array.from({ length: 60 }, (_, i) => i * 1000).join(", ")}];\n`],
    ["babel", "a call with one argument", "export const { a } = f({ b });\n"],
    ["babel-ts", "a comment inside a type", "export type A = string /* c */ | number;\n"],
    ["babel-ts", "a wide character", 'export type A = "中文";\n'],
  ];

  const fileFor = (parser: string): string => (parser === "babel" ? "x.js" : parser === "json" ? "x.json" : "x.d.ts");
  for (const [parser, what, text] of accepted) {
    test(what, async () => {
      const file = fileFor(parser);
      const reference = (await formatFilesWhole({ [file]: text }))[file];
      expect(parser === "json" ? printJson(text) : printStatement(text, parser)).toBe(reference);
    });
  }
  for (const [parser, what, text] of declined) {
    test(`declined: ${what}`, async () => {
      expect(printStatement(text, parser)).toBeNull();
      // formatText still gives prettier's bytes (prettier formats the statement).
      const file = fileFor(parser);
      expect(await formatText(text, parser)).toBe((await formatFilesWhole({ [file]: text }))[file]);
    });
  }
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

describe("random files of tricky statements (fast-check, fixed seed)", () => {
  // Text that can sit inside a string, a template, a comment: brackets, quotes, slashes, the marker's own words.
  const piece = fc.constantFrom("{", "}", "(", ")", "[", "]", "'", '"', "`", "/", "*", "//", "/*", "${", "\\", " ", "x", "export ", "import ", ";", "@modelgen-format-cut", "|");
  const text = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(""));
  const jsString = text.map((t) => JSON.stringify(t));
  const comment = text.map((t) => `/** ${t.replace(/\*\//g, "* /")} */`);
  const expr = fc.oneof(
    jsString,
    text.map((t) => `\`${t.replace(/[`\\]/g, "").replace(/\$\{/g, "$ {")} \${ { k: ${JSON.stringify(t)} }.k } end\``),
    fc.constantFrom("/[}{]\\/;\"'`/g.test(\"}\")", "a / 2 / /}/.source.length", "(x) => ({ y: x })", "[1, [2, { a: '}' }]]", "{ a: { b: [] } }"),
    fc.array(jsString, { maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`),
  );
  const tsType = fc.oneof(
    jsString,
    fc.constantFrom("string", "{ a: string; b?: number }", "Array<{ x: 1 }>", "(a: string) => void", "{\n}\n| { b: 1 }"),
    fc.array(jsString, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(" | ")),
  );
  const separator = fc.constantFrom("\n", "\n\n", "\n\n\n", " // trailing\n", "\n// own line\n", "\n\n/* block */\n");
  const jsStatement = (i: number) =>
    fc.oneof(
      expr.map((e) => `export const a${i} = ${e};`),
      expr.map((e) => `export function f${i}(x) {\n  return ${e};\n}`),
      expr.map((e) => `const b${i} = { k: ${e}, n: [${e}] };`),
    );
  const tsStatement = (i: number) =>
    fc.oneof(
      tsType.map((t) => `export type T${i} = ${t};`),
      tsType.map((t) => `export interface I${i} {\nm: ${t};\n}`),
      tsType.map((t) => `export declare function g${i}(x: ${t}): ${t};`),
    );
  const file = (statement: (i: number) => fc.Arbitrary<string>) =>
    fc.integer({ min: 2, max: 7 }).chain((n) =>
      fc.tuple(...Array.from({ length: n }, (_, i) => fc.tuple(fc.option(comment, { nil: "" }), statement(i), separator))).map((parts) => parts.map(([c, st, sep]) => `${c ? `${c}\n` : ""}${st}${sep}`).join("")),
    );

  for (const [name, parser, file_, statement] of [
    ["JavaScript", "babel", "x.js", jsStatement],
    ["declarations", "babel-ts", "x.d.ts", tsStatement],
  ] as const) {
    test(`${name}: statement by statement, the bytes of the whole file`, async () => {
      let cases = 0;
      let cut = 0;
      await fc.assert(
        fc.asyncProperty(file(statement), async (source) => {
          let reference: string;
          try {
            reference = (await formatFilesWhole({ [file_]: source }))[file_]!;
          } catch {
            return; // not valid code (a generator's slip): nothing to compare
          }
          cases++;
          if ((splitTopLevel(source)?.length ?? 0) > 1) cut++;
          expect(await formatText(source, parser)).toBe(reference);
        }),
        { seed: 22, numRuns: 200 },
      );
      expect(cases).toBeGreaterThan(150);
      expect(cut).toBeGreaterThan(100);
    }, 120_000);
  }
});

describe("random long types and values: the printer's layout (fast-check, fixed seed)", () => {
  // Words of every length and the quotes and characters prettier treats apart, so that lines go past 120 columns.
  const word = fc.constantFrom("a", "value", "long-value-long-value-long-value", "it's", 'say "hi"', "x".repeat(50), "café", "a → b", "tab\\t");
  const str = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => JSON.stringify(ws.join(" ")));
  const key = fc.constantFrom("k", "key", "longer_key_name", '"quoted-key"', '"plain"');
  const { type } = fc.letrec<{ type: string }>((tie) => ({
    type: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      str,
      fc.constantFrom("string", "number", "unknown", "Foo", "-1", "2.50"),
      fc.array(tie("type"), { minLength: 2, maxLength: 8 }).map((ts) => ts.join(" | ")),
      fc.tuple(fc.array(fc.tuple(key, fc.boolean(), tie("type")), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([ms, nl]) => `{${nl ? "\n" : " "}${ms.map(([k, o, t]) => `${k}${o ? "?" : ""}: ${t}`).join("; ")} }`),
      fc.array(str, { minLength: 2, maxLength: 6 }).map((ts) => `(${ts.join(" | ")})[]`),
      tie("type").map((t) => `Array<${t}>`),
      fc.array(str, { minLength: 1, maxLength: 8 }).map((ts) => `Pick<Foo, ${ts.join(" | ")}>`),
      fc.tuple(tie("type"), tie("type")).map(([a, b]) => `Foo & ${b.includes("|") ? `(${b})` : b}${a.length < 0 ? "" : ""}`),
    ),
  }));
  const { value } = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      str,
      fc.constantFrom("1", "-2.50", "true", "null", "name"),
      fc.array(tie("value"), { maxLength: 5 }).map((vs) => `[${vs.join(", ")}]`),
      fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(", ")} }`),
      fc.tuple(tie("value"), tie("value")).map(([a, b]) => `Object.freeze(${a}, ${b})`),
      tie("value").map((v) => `f(${v})`),
    ),
  }));
  const doc = fc.constantFrom("", "/** One line. */\n", "/**\n   * Two\n * lines\n */\n");
  const declarations = fc.array(
    fc.oneof(
      fc.tuple(doc, type).map(([d, t]) => `${d}export type T = ${t};`),
      fc.tuple(doc, fc.array(fc.tuple(doc, key, type), { minLength: 1, maxLength: 4 })).map(([d, ms]) => `${d}export interface I extends Base {\n${ms.map(([md, k, t]) => `${md}${k}: ${t};`).join("\n")}\n}`),
      type.map((t) => `export declare const c: ${t};`),
    ),
    { minLength: 1, maxLength: 3 },
  ).map((xs) => `${xs.join("\n\n")}\n`);
  const javascript = fc.array(
    fc.oneof(
      fc.tuple(doc, value).map(([d, v]) => `${d}export const a = ${v};`),
      fc.tuple(value, value).map(([a, b]) => `const b = g(${a}, { k: ${b} });`),
    ),
    { minLength: 1, maxLength: 3 },
  ).map((xs) => `${xs.join("\n")}\n`);

  for (const [name, parser, file_, source, minPrinted] of [
    ["declarations", "babel-ts", "x.d.ts", declarations, 120],
    ["JavaScript", "babel", "x.js", javascript, 100],
  ] as const) {
    test(`${name}: the bytes prettier prints, and most statements laid out by the printer`, async () => {
      let cases = 0;
      let long = 0;
      const before = formatStats.printed;
      await fc.assert(
        fc.asyncProperty(source, async (text) => {
          const reference = (await formatFilesWhole({ [file_]: text }))[file_]!;
          cases++;
          if (reference.split("\n").some((l) => l.length > 120) || reference.split("\n").length > text.split("\n").length + 2) long++;
          expect(await formatText(text, parser)).toBe(reference);
        }),
        { seed: 2207, numRuns: 100 },
      );
      expect(cases).toBe(100);
      expect(long).toBeGreaterThan(30); // layouts that break lines, not only one-liners
      expect(formatStats.printed - before).toBeGreaterThan(minPrinted);
    }, 120_000);
  }
});

test("the fixture folders exist", () => {
  for (const f of [...FOLDERS, FAL]) expect(readdirSync(path.join(ROOT, f)).length, f).toBeGreaterThan(0);
});

test("the printer's memo keeps each parser's layout apart: a statement it printed as TypeScript is still declined as JavaScript", async () => {
  const text = "export interface Remembered {\n  a: string;\n}\n";
  const before = { ...formatStats };
  expect(await formatText(text, "babel-ts")).toBe(text);
  expect(await formatText(text, "babel-ts")).toBe(text);
  expect(formatStats.printed - before.printed).toBe(2);
  // As JavaScript the printer declines it (no types there), whatever the memo holds: it goes to prettier, whose
  // babel parser refuses an interface, as it does for the whole file.
  await expect(formatText(text, "babel")).rejects.toThrow(/Unexpected token/);
  await expect(formatFilesWhole({ "x.js": text })).rejects.toThrow(/Unexpected token/);
  expect(formatStats.printed - before.printed).toBe(2);
});
