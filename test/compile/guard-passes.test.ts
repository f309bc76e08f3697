// The text passes that compact the first-error guard and what it shares with validate (generator/compile/
// validator.ts): what each rewrites, what it leaves alone, and that the rewritten code gives the same verdicts.
// The shipped guard's verdicts are pinned by test/e2e/guard.test.ts and the differential tests.
import vm from "node:vm";
import { expect, test } from "vitest";
import { MIN_ENUM_SET, withBoundFirst, withCheckedFirst, withCountedTests, withEnumSets, withObjectFlags, withoutUnreadPassing, withParamsCalls, withSharedParams, withSharedPaths, withSharedStrings, withUnchangedCounts, withoutRepeatedDeclarations } from "../../generator/compile/validator.js";

/** The function `validate0` a code text declares, run in a fresh context. */
const run = (code: string, globals: Record<string, unknown> = {}) => vm.runInNewContext(`${code}\nvalidate0;`, { ...globals }) as (data: unknown) => unknown;

const VALUES: unknown[] = [null, undefined, 0, 1, "", "a", "b", "x", [], [1], {}, { a: 1 }, { a: "x" }, { a: {} }, { a: { b: 1 } }, { a: [] }, { b: 2 }, { a: null }];

/** The error sites' calls (`__e(…)`) a piece of validate's code makes when run, with their arguments. */
const errorCalls = (c: string) => vm.runInNewContext(`const got = [];\nconst __e = (...a) => got.push(a);\nconst instancePath = "";\nconst key0 = "k";\n${c}\ngot;`) as unknown[];

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
  // A property whose name holds a brace and a template's text: the test is written again whole.
  const named = code.replaceAll("data.b", 'data["b`${x}"]');
  expect(withCheckedFirst(named)).toContain('const _errs2 = errors;\nif(data["b`${x}"] !== undefined){\nif(typeof data["b`${x}"] !== "string"){');
  const [b2, a2] = [run(named), run(withCheckedFirst(named))];
  for (const v of [{}, { "b`${x}": "s" }, { "b`${x}": 1 }]) expect(a2(v)).toEqual(b2(v));
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

test("a test counted around one increment becomes a boolean, same values and counts", () => {
  const code = [
    "function validate0(data){",
    "let errors = 0;",
    "const _errs1 = errors;",
    "if(data.width !== undefined){",
    "if(512 !== data.width){",
    "errors++;",
    "}",
    "}",
    "var valid0 = _errs1 === errors;",
    "const _errs2 = errors;",
    'if(typeof data.name !== "string"){',
    "errors++;",
    "}",
    "var valid1 = _errs2 === errors;",
    "const _errs3 = errors;",
    "if(data.n !== undefined){",
    "if(data.n > 3){",
    "errors++;",
    "}",
    "}",
    "var valid2 = _errs3 === errors;",
    "errors = _errs3;",
    "return [valid0, valid1, valid2, errors];",
    "}",
  ].join("\n");
  const out = withCountedTests(code);
  expect(out).toContain("var valid0 = !(data.width !== undefined) || !(512 !== data.width);\nif(!valid0){\nerrors++;\n}");
  expect(out).toContain('var valid1 = !(typeof data.name !== "string");\nif(!valid1){\nerrors++;\n}');
  // _errs3 is read again (a reset): left as it is.
  expect(out).toContain("const _errs3 = errors;");
  const [before, after] = [run(code), run(out)];
  for (const v of [{}, { width: 512 }, { width: 1 }, { name: "a" }, { name: 1, width: 2, n: 4 }, { n: 1 }]) expect(after(v)).toEqual(before(v));
  // A condition that reads or changes the count is not moved.
  const reads = "const _errs1 = errors;\nif(errors > 0){\nerrors++;\n}\nvar valid0 = _errs1 === errors;";
  expect(withCountedTests(reads)).toBe(reads);
  const assigns = "const _errs1 = errors;\nif((x = 1)){\nerrors++;\n}\nvar valid0 = _errs1 === errors;";
  expect(withCountedTests(assigns)).toBe(assigns);
});

test("error params written alike share one constant; params with other values or in strings do not", () => {
  const sites = Array.from({ length: 4 }, (_, i) => `__e(instancePath+"/a${i}", "#/type", {type: "string"});`);
  const code = [
    ...sites,
    '__e(instancePath, "#/required", {missingProperty: "a"}, "required");',
    '__e(instancePath, "#/required", {missingProperty: "a"}, "required");',
    '__e(instancePath, "#/required", {missingProperty: "a"}, "required");',
    '__e(instancePath, "#/additionalProperties", {additionalProperty: key0});',
    '__e(instancePath, "#/additionalProperties", {additionalProperty: key0});',
    'const s = "__e(x, {type: \\"string\\"});";',
  ].join("\n");
  const out = withSharedParams(code);
  expect(out).toMatch(/^const __p0 = \{missingProperty: "a"\};\nconst __p1 = \{type: "string"\};\n/);
  expect(out).toContain('__e(instancePath+"/a3", "#/type", __p1);');
  expect(out).toContain('__e(instancePath, "#/required", __p0, "required");');
  expect(out).toContain("{additionalProperty: key0}");
  expect(out).toContain('const s = "__e(x, {type: \\"string\\"});";');
  // The same errors come out.
  expect(errorCalls(out)).toEqual(errorCalls(code));
});

test("schema paths that differ in one segment share their tail", () => {
  const values = Array.from({ length: 24 }, (_, i) => `#/allOf/1/then/oneOf/${i}/properties/${i % 2 ? "width" : "height"}/const`);
  values.push("#/allOf/1/then/oneOf/x1/properties/width/const", "#/allOf/1/then/oneOf/01/properties/width/const");
  const paths = values.map((v) => JSON.stringify(v));
  const code = withSharedPaths(paths.map((_, i) => `out.push(\0${i}\0);\n`).join(""), paths);
  const out: string[] = [];
  vm.runInNewContext(code, { out });
  expect(out).toEqual(values);
  expect(code).toContain('const __sx1 = "/properties/width/const";');
  expect(code).toContain("out.push(__sp0 + 13 + __sx1);");
  expect(code).toContain('out.push(__sp0 + "01" + __sx1);');
});

test("a count nothing can change between its snapshot and its tests is true", () => {
  const code = [
    "function validate0(data){",
    "let errors = 0;",
    "const _errs1 = errors;",
    'if(typeof data.a !== "string"){',
    "return false;",
    "}",
    "var valid0 = _errs1 === errors;",
    "const _errs2 = errors;",
    "if(data.b !== 1){",
    "errors++;",
    "}",
    "var valid1 = _errs2 === errors;",
    "const _errs3 = errors;",
    "for(let i = 0; i < 2; i++){",
    "var valid2 = _errs3 === errors;",
    "if(data.c === i){",
    "errors++;",
    "}",
    "}",
    "return [valid0, valid1, valid2, errors];",
    "}",
  ].join("\n");
  const out = withUnchangedCounts(code);
  expect(out).toContain("var valid0 = true;");
  expect(out).not.toContain("_errs1");
  // A count that changes, and one a loop changes after its test, stay.
  expect(out).toContain("var valid1 = _errs2 === errors;");
  expect(out).toContain("var valid2 = _errs3 === errors;");
  const [before, after] = [run(code), run(out)];
  for (const v of [{ a: "s" }, { a: 1 }, { a: "s", b: 1 }, { a: "s", c: 0 }, { a: "s", c: 1 }]) expect(after(v)).toEqual(before(v));
});

test("the guard reads validate's constants where they are declared alike", () => {
  const outer = [
    "const schema0 = {\"properties\":{\"a\":{\"enum\":[\"x\"]},\"b\":0}};",
    "const func0 = Object.prototype.hasOwnProperty;",
    'const pattern0 = new RegExp("^a", "u");',
    'const pattern1 = new RegExp("^b", "gu");',
    'const pattern2 = new RegExp("^c", "u");',
  ].join("\n");
  const guard = [
    "const schema0 = {\"properties\":{\"a\":0,\"b\":0}};",
    "const func0 = Object.prototype.hasOwnProperty;",
    'const pattern0 = new RegExp("^a", "u");',
    'const pattern1 = new RegExp("^b", "gu");',
    'const pattern2 = new RegExp("^d", "u");',
    "function validate0(data){",
    "for(const key0 in data){",
    "if(!(func0.call(schema0.properties, key0))){",
    "return false;",
    "}",
    "}",
    "return pattern0.test(data.s) && pattern1.test(data.s) && pattern2.test(data.s);",
    "}",
  ].join("\n");
  const out = withoutRepeatedDeclarations(guard, outer);
  expect(out).not.toContain("const schema0");
  expect(out).not.toContain("const func0");
  expect(out).not.toContain("const pattern0");
  // A stateful RegExp, and one of another pattern, stay the guard's own.
  expect(out).toContain('const pattern1 = new RegExp("^b", "gu");');
  expect(out).toContain('const pattern2 = new RegExp("^d", "u");');
  const verdicts = (g: string) => {
    const f = vm.runInNewContext(`${outer}\n(() => {\n${g}\nreturn validate0;\n})()`) as (d: unknown) => unknown;
    return [{ s: "a" }, { a: 1, s: "a" }, { c: 1, s: "a" }, {}].map((d) => f(d));
  };
  expect(verdicts(out)).toEqual(verdicts(guard));
  // Other keys in validate's literal, or a read of more than keys: the guard keeps its own.
  expect(withoutRepeatedDeclarations(guard, outer.replace('"b":0', '"b":0,"c":0'))).toContain("const schema0");
  const reads = guard.replace("return pattern0", "return schema0.properties.a && pattern0");
  expect(withoutRepeatedDeclarations(reads, outer)).toContain("const schema0");
});

test("one-key error params left unshared become calls of one arrow per key, same errors", () => {
  const code = [
    ...[512, 632, 424, 600].map((v, i) => `__e(instancePath+"/width", "#/oneOf/${i}/properties/width/const", {allowedValue: ${v}});`),
    '__e(instancePath, "#/additionalProperties", {additionalProperty: key0});',
    '__e(instancePath, "#/x", {limit: 1});',
    'const s = "__e(x, {allowedValue: 1});";',
  ].join("\n");
  const out = withParamsCalls(code);
  expect(out).toMatch(/^const __pk0 = \(v\) => \(\{allowedValue: v\}\);\n/);
  expect(out).toContain('__e(instancePath+"/width", "#/oneOf/3/properties/width/const", __pk0(600));');
  // A key written once costs more as a function: left as it is, and so is a string's text.
  expect(out).toContain("{additionalProperty: key0}");
  expect(out).toContain('const s = "__e(x, {allowedValue: 1});";');
  expect(errorCalls(out)).toEqual(errorCalls(code));
});

test("a property is bound before its presence test, same verdicts", () => {
  const code = [
    "function validate0(data){",
    "if(data.a !== undefined){",
    "let data0 = data.a;",
    'if(typeof data0 !== "string"){',
    "return false;",
    "}",
    "}",
    "else {",
    "return data.b === 1;",
    "}",
    "if(data.c !== undefined){",
    "const x = data.c;",
    "}",
    "return true;",
    "}",
  ].join("\n");
  const out = withBoundFirst(code);
  expect(out).toContain("let data0 = data.a;\nif(data0 !== undefined){\nif(typeof data0");
  // Only Ajv's `let dataN` bindings move.
  expect(out).toContain("if(data.c !== undefined){\nconst x = data.c;");
  const [before, after] = [run(code), run(out)];
  for (const v of [{}, { a: "s" }, { a: 1 }, { b: 1 }, { a: undefined, b: 1 }]) expect(after(v)).toBe(before(v));
});
