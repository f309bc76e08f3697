// The text passes that compact the first-error guard and what it shares with validate (generator/compile/
// validator.ts): what each rewrites, what it leaves alone, and that the rewritten code gives the same verdicts.
// The shipped guard's verdicts are pinned by test/e2e/guard.test.ts and the differential tests.
import vm from "node:vm";
import { expect, test } from "vitest";
import { MIN_ENUM_SET, withCheckedFirst, withEnumSets, withObjectFlags, withoutUnreadPassing, withSharedStrings } from "../../generator/compile/validator.js";

/** The function `validate0` a code text declares, run in a fresh context. */
const run = (code: string, globals: Record<string, unknown> = {}) => vm.runInNewContext(`${code}\nvalidate0;`, { ...globals }) as (data: unknown) => unknown;

const VALUES: unknown[] = [null, undefined, 0, 1, "", "a", "b", "x", [], [1], {}, { a: 1 }, { a: "x" }, { a: {} }, { a: { b: 1 } }, { a: [] }, { b: 2 }, { a: null }];

test("object tests read a flag bound beside the value, and give the same verdicts", () => {
  const code = [
    "function validate0(data){",
    "let errors = 0;",
    'if(data && typeof data == "object" && !Array.isArray(data)){',
    "if(data.a !== undefined){",
    "let data0 = data.a;",
    'if(!(data0 && typeof data0 == "object" && !Array.isArray(data0))){',
    "errors++;",
    "}",
    "}",
    "}",
    'else if(data && typeof data == "object" && !Array.isArray(data)){ errors++; }',
    "return errors === 0;",
    "}",
  ].join("\n");
  const out = withObjectFlags(code);
  expect(out).toContain('function validate0(data){\nconst __odata = data && typeof data == "object" && !Array.isArray(data);\n');
  expect(out).toContain('let data0 = data.a;\nconst __odata0 = data0 && typeof data0 == "object" && !Array.isArray(data0);\nif(!(__odata0)){');
  expect(out.match(/typeof/g)).toHaveLength(2);
  const [before, after] = [run(code), run(out)];
  for (const v of VALUES) expect([v, after(v)]).toEqual([v, before(v)]);
  // A binding assigned again keeps its tests.
  const reassigned = 'function validate0(data){\nlet data0 = data;\ndata0 = 1;\nreturn !!(data0 && typeof data0 == "object" && !Array.isArray(data0));\n}';
  expect(withObjectFlags(reassigned)).toContain("return !!(data0 && typeof data0");
  expect(withObjectFlags(reassigned)).not.toContain("__odata0");
});

test("a property checked when present counts its errors before the test, same verdicts", () => {
  const code = [
    "function validate0(data){",
    "let errors = 0;",
    "let any = false;",
    "if(data.a !== undefined){",
    "let data0 = data.a;",
    "const _errs1 = errors;",
    "if(data0 !== 1){",
    "errors++;",
    "}",
    "var valid0 = _errs1 === errors;",
    "}",
    "else {",
    "var valid0 = true;",
    "}",
    "any = valid0;",
    "if(data.b !== undefined){",
    "const _errs2 = errors;",
    'if(typeof data.b !== "string"){',
    "errors++;",
    "}",
    "var valid1 = _errs2 === errors;",
    "}",
    "else {",
    "var valid1 = true;",
    "}",
    "return [any, valid1, errors];",
    "}",
  ].join("\n");
  const out = withCheckedFirst(code);
  expect(out).toContain("const _errs1 = errors;\nif(data.a !== undefined){\nlet data0 = data.a;\nif(data0 !== 1){\nerrors++;\n}\n}\nvar valid0 = _errs1 === errors;\nany = valid0;");
  expect(out).toContain("const _errs2 = errors;\nif(data.b !== undefined){");
  expect(out).not.toContain("= true;");
  const [before, after] = [run(code), run(out)];
  for (const v of [{}, { a: 1 }, { a: 2 }, { b: "s" }, { b: 1 }, { a: 2, b: 1 }]) expect(after(v)).toEqual(before(v));
  // Braces that do not balance between the two ends: left as it is.
  const odd = "if(data.a !== undefined){\nconst _errs1 = errors;\n}{\nvar valid0 = _errs1 === errors;\n}\nelse {\nvar valid0 = true;\n}\n";
  expect(withCheckedFirst(odd)).toBe(odd);
});

test("oneOf's record of passing branches goes when nothing reads it", () => {
  const unread = "let passing0 = null;\nif(a){\npassing0 = 0;\n}\nif(b){\npassing0 = [passing0, 1];\n}\n";
  expect(withoutUnreadPassing(unread)).toBe("if(a){\n}\nif(b){\n}\n");
  const read = `${unread}f({passingSchemas: passing0});\n`;
  expect(withoutUnreadPassing(read)).toBe(read);
});

test("enum chains of strings become one Set shared by both parts, same verdicts", () => {
  const values = ["a", "b", "c", 'q"uote', "e"];
  const chain = (x: string, vs: readonly string[]) => vs.slice(1).reduce((acc, v) => `(${acc} || (${x} === ${JSON.stringify(v)}))`, `(${x} === ${JSON.stringify(vs[0])})`);
  const code = [
    `function validate0(data){\nreturn !(${chain("data", values)});\n}`,
    `function guard0(data){\nif(!(${chain("data", [...values].reverse())})){\nreturn false;\n}\nreturn true;\n}`,
    `function short0(data){\nreturn ${chain("data", values.slice(0, MIN_ENUM_SET - 1))};\n}`,
    `const s = ${JSON.stringify(chain("data", values))};`,
  ].join("\n");
  const out = withEnumSets(code);
  expect(out.match(/new Set\(/g)).toHaveLength(1);
  expect(out).toContain("return !(__es0.has(data));");
  expect(out).toContain("if(!(__es0.has(data))){");
  // A short chain, and one inside a string literal, are left alone.
  expect(out).toContain(`return ${chain("data", values.slice(0, MIN_ENUM_SET - 1))};`);
  expect(out).toContain('const s = "((((');
  const ctx = (c: string) => vm.runInNewContext(`${c}\n[validate0, guard0, short0];`) as ((d: unknown) => unknown)[];
  const [before, after] = [ctx(code), ctx(out)];
  for (const v of [...values, "d", "", 0, null, undefined, "a ", ["a"]]) for (let i = 0; i < 3; i++) expect(after[i]!(v)).toBe(before[i]!(v));
  // Chains over different values or of numbers are not merged.
  expect(withEnumSets(`x(${chain("d", ["1", "2", "3", "4"])}); y(${chain("d", ["1", "2", "3", "5"])});`).match(/new Set\(/g)).toHaveLength(2);
  const numbers = "((((d === 1) || (d === 2)) || (d === 3)) || (d === 4))";
  expect(withEnumSets(numbers)).toBe(numbers);
});

test("shared strings leave the guard's `in` tests literal", () => {
  const code = 'const a = "avatar" in P;\nf("avatar", "avatar", "avatar", "avatar");\n';
  const out = withSharedStrings(code);
  expect(out).toContain('"avatar" in P');
  expect(out).toMatch(/^const __s0 = "avatar";/);
});
