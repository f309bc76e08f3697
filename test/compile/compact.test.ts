// The text passes that compact validate's code (generator/compile/validator.ts): what each rewrites, and what it must
// leave alone. The verdicts and error lists are pinned by the differential tests; these pin the edges.
import vm from "node:vm";
import { expect, test } from "vitest";
import { withErrorCalls, withOwnPropertyTests, withSharedPaths, withSharedStrings } from "../../generator/compile/validator.js";

test("every marked schema path evaluates to itself, prefixes shared", () => {
  const values: string[] = [];
  for (let a = 0; a < 8; a++) for (const k of ["type", "const", "required"]) values.push(`#/allOf/${a}/then/oneOf/${a % 3}/properties/width/${k}`);
  values.push("#/type", "#/properties/x/type", "#/properties/</script>/enum", "#/properties/a b/type", "#/allOf/1/then/oneOf/");
  const paths = values.map((v) => JSON.stringify(v));
  const marked = paths.map((_, i) => `out.push(\0${i}\0);\n`).join("");
  const code = withSharedPaths(marked, paths);
  const out: string[] = [];
  vm.runInNewContext(code, { out });
  expect(out).toEqual(values);
  expect(code).toMatch(/^const __sp0 = "#\/allOf\/"/);
  expect(code.length).toBeLessThan(paths.map((p) => `out.push(${p});\n`).join("").length);
  // Nothing to share: the paths as they were.
  expect(withSharedPaths("f(\u00000\u0000);", ['"#/type"'])).toBe('f("#/type");');
});

test("own-property tests become ajvHas calls only where the access and the name agree", () => {
  const used = new Map<string, string>();
  const code = [
    "const func0 = Object.prototype.hasOwnProperty;",
    'if((data.width !== undefined && func0.call(data, "width"))){',
    'if(((data["a-b"] === undefined) || (!(func0.call(data, "a-b")))) && (missing0 = "a-b")){',
    'if((data.width !== undefined && func0.call(data, "height"))){',
    'const s = "(data.x !== undefined && func0.call(data, \\"x\\"))";',
  ].join("\n");
  const out = withOwnPropertyTests(code, used);
  expect(out.split("\n")).toEqual([
    "const func0 = Object.prototype.hasOwnProperty;",
    'if((__ajvHas(data, "width"))){',
    'if((!__ajvHas(data, "a-b")) && (missing0 = "a-b")){',
    'if((data.width !== undefined && func0.call(data, "height"))){',
    'const s = "(data.x !== undefined && func0.call(data, \\"x\\"))";',
  ]);
  expect([...used.keys()]).toEqual(["ajvHas"]);
});

test("error sites call one closure per function, params over several lines included", () => {
  const fn = 'function validate0(data, {instancePath=""}={}){\nlet vErrors = null;\nlet errors = 0;\n';
  const code = `${fn}vErrors = __ajvError(vErrors, instancePath, "#/type", {type: "object",\n    x: 1});\nerrors++;\nreturn errors === 0;\n}`;
  expect(withErrorCalls(code)).toBe(`${fn}const __e = (...a) => {\nvErrors = __ajvError(vErrors, ...a);\nerrors++;\n};\n__e(instancePath, "#/type", {type: "object",\n    x: 1});\nreturn errors === 0;\n}`);
  // A site outside any function Ajv wrote stays as it is.
  const loose = 'vErrors = __ajvError(vErrors, instancePath, "#/type", {});\nerrors++;';
  expect(withErrorCalls(loose)).toBe(loose);
});

test("evaluated properties are tracked only for a schema that reads them", async () => {
  const { compileValidator } = await import("../../generator/compile/validator.js");
  const { formats } = await import("../../templates/validation/formats.js");
  const reads = compileValidator({ type: "object", allOf: [{ properties: { a: { type: "integer" } } }], unevaluatedProperties: false }, formats);
  expect([reads.validate({ a: 1 }), reads.validate({ a: 1, b: 2 })]).toEqual([true, false]);
  expect(await reads.standalone("./r.js")).toMatch(/evaluated/);
  const plain = compileValidator({ type: "object", allOf: [{ properties: { a: { type: "integer" } } }], additionalProperties: false }, formats);
  expect([plain.validate({}), plain.validate({ b: 2 })]).toEqual([true, false]);
  expect(await plain.standalone("./r.js")).not.toMatch(/evaluated/);
});

test("repeated string literals become constants, but not keys, typeof operands or other quotes", () => {
  const name = '"/inputs/frameImages/"';
  const code = [
    `out.push(${name}, ${name}, ${name}, 'x\\'y', "a", "a", "a");`,
    `const o = {${name}: 1, "k": ${name}};`,
    'if (typeof v == "string" && typeof v == "string" && typeof v == "string") out.push(o["/inputs/frameImages/"], Object.keys(o)[0]);',
  ].join("\n");
  const out = withSharedStrings(code);
  expect(out.startsWith(`const __s0 = ${name};\n`)).toBe(true);
  expect(out).toContain('typeof v == "string" && typeof v == "string"');
  expect(out).toContain(`{${name}: 1, "k": __s0}`);
  const run = (text: string) => {
    const pushed: unknown[] = [];
    vm.runInNewContext(text, { out: pushed, v: "s" });
    return pushed;
  };
  expect(run(out)).toEqual(run(code));
});
