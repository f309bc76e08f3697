// inProcessValidator keeps compilations by the task schema's text (generator/in-process.ts): a spec whose task is
// another's text takes that compilation. What it gives must be what a compilation of its own would: the same code
// for each import path asked, its own messages and extra rules, and never another schema's verdicts.
import { expect, test } from "vitest";
import { compileValidator } from "../../generator/compile/validator.js";
import { inProcessValidator, runtimeModules } from "../../generator/in-process.js";
import type { ModelIR, SchemaObject } from "../../generator/ir/types.js";

const { formats, issuesModule } = runtimeModules();

/** The parts of a ModelIR inProcessValidator reads. */
const irOf = (task: SchemaObject, file: string, extraRules: unknown[] = []): ModelIR =>
  ({ task, meta: { file, taskPointer: "/paths/~1run/post/requestBody/content/application~1json/schema" }, ruleMessages: [], extraRules }) as unknown as ModelIR;

const schema = (): SchemaObject & { properties: Record<string, SchemaObject> } => ({ type: "object", properties: { a: { type: "array", items: { type: "string", format: "uri" } }, b: { type: "array" }, n: { type: "integer", maximum: 3 } }, required: ["n"] });

test("a task with the text of one compiled before: the code each import path gives is a fresh compilation's", async () => {
  const first = inProcessValidator(irOf(schema(), "specs/a.json"), formats, issuesModule);
  const again = inProcessValidator(irOf(schema(), "specs/deeper/b.json"), formats, issuesModule);
  for (const at of ["../_runtime/validation/index.js", "../../_runtime/validation/index.js"]) {
    const fresh = await compileValidator(schema(), formats, { file: "specs/deeper/b.json" }).standalone(at);
    expect(await again.standalone(at)).toBe(fresh);
    expect(await first.standalone(at)).toBe(fresh);
    expect(fresh).toContain(JSON.stringify(at));
  }
});

test("each spec checks with its own extra rules, and another schema's text is compiled on its own", async () => {
  const sameLength = { kind: "sameLength", paths: ["/a", "/b"], message: "a and b must have the same length" };
  const plain = inProcessValidator(irOf(schema(), "specs/a.json"), formats, issuesModule);
  const ruled = inProcessValidator(irOf(schema(), "specs/b.json", [sameLength]), formats, issuesModule);
  const payload = { n: 1, a: ["https://x.test/1"], b: [] };
  expect(plain.check(payload)).toBe(true);
  expect(ruled.check(payload)).toBe(false);
  expect(ruled.validateTask(payload).map((i) => i.path)).toEqual(["/a"]);
  // The same keywords, another bound: a verdict of its own.
  const other = inProcessValidator(irOf({ ...schema(), properties: { ...schema().properties, n: { type: "integer", maximum: 0 } } }, "specs/c.json"), formats, issuesModule);
  expect(other.check({ n: 1 })).toBe(false);
  expect(plain.check({ n: 1 })).toBe(true);
  expect(await other.standalone("../_runtime/validation/index.js")).not.toBe(await plain.standalone("../_runtime/validation/index.js"));
});

test("a schema the compile refuses is refused for each spec that has it, naming that spec", () => {
  const bad = { type: "object", properties: { x: { type: "string", minLength: "3" } } } as unknown as SchemaObject;
  expect(() => inProcessValidator(irOf(bad, "specs/one.json"), formats, issuesModule)).toThrow(/specs\/one\.json/);
  expect(() => inProcessValidator(irOf(bad, "specs/two.json"), formats, issuesModule)).toThrow(/specs\/two\.json/);
});

test("a compilation for its code only (run: false) ships the same code, the guard's included, and its function is never run", async () => {
  const at = "../_runtime/validation/index.js";
  for (const task of [schema(), { type: "object", properties: { a: { oneOf: [{ const: 1 }, { const: 2 }] }, b: { $ref: "#/$defs/b" } }, $defs: { b: { type: "array", items: { $ref: "#/$defs/b" } } } } as SchemaObject]) {
    const runnable = compileValidator(task, formats);
    const codeOnly = compileValidator(task, formats, { run: false });
    expect(await codeOnly.standalone(at)).toBe(await runnable.standalone(at));
    expect(runnable.validate({})).toBe(!(task.required ?? []).length);
    expect(() => codeOnly.validate({})).toThrow(/for its code only/);
  }
});
