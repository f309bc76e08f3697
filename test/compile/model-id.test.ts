// Models whose task schemas differ only in the model id share one compilation (generator/in-process.ts): the id is
// compiled as a token, and written into the shipped code where the token stands as a string literal. The code each
// model ships must check its own id (and only it), word any id safely, and answer as a compilation of its own does.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { compileValidator } from "../../generator/compile/validator.js";
import { compilationsMade, evaluateShipped, inProcessValidator, runtimeModules, shippingValidator, taskWithIdToken, withIdWritten } from "../../generator/in-process.js";
import type { ModelIR, SchemaObject } from "../../generator/ir/types.js";

const { formats, issuesModule } = runtimeModules();
/** The runtime as built (`npm ci` builds dist/), imported by the code under test as a generated module imports it. */
const RUNTIME = pathToFileURL(path.resolve("dist/templates/validation/index.js")).href;

const irOf = (task: SchemaObject, modelId: string): ModelIR =>
  ({ task, meta: { file: "specs/m.json", name: "m", taskPointer: "/paths/~1/post/requestBody", modelId }, ruleMessages: [], extraRules: [] }) as unknown as ModelIR;

/** A Runware-shaped task: the id pinned by `model`'s const, and again in an enum of ids (a family's spec). */
const taskFor = (modelId: string): SchemaObject => ({
  type: "object",
  properties: {
    model: { const: modelId },
    fallback: { enum: [modelId, "other:model@1", "third:model@1", "fourth:model@1"] },
    prompt: { type: "string", minLength: 2 },
    note: { const: "an id-like string that is not the id" },
  },
  required: ["model", "prompt"],
  additionalProperties: false,
});

interface Shipped {
  validate: ((t: unknown) => boolean) & { errors?: { params?: Record<string, unknown> }[] | null };
  guard: (t: unknown) => boolean;
}

let n = 0;
const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-model-id-"));
/** The shipped code, written to a file and imported as Node imports a generated validator.js. */
async function load(code: string): Promise<Shipped> {
  const file = path.join(dir, `v${n++}.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as Shipped;
}

const HOSTILE = [
  "alibaba:wan@2.7",
  "runware:101@1",
  'q"uote\\back`tick${x}',
  "line\u2028sep\u2029end",
  "</script><script>globalThis.__modelgenTrap = 1</script>",
  "__modelgen_model_id_0__",
  "emoji 🎬 id",
];

test("each id's code checks that id alone, and answers as a compilation of the id's own schema", async () => {
  let cases = 0;
  for (const id of HOSTILE) {
    const shipped = await load(await (await shippingValidator(irOf(taskFor(id), id), formats, issuesModule)).standalone(RUNTIME));
    const own = await load(await compileValidator(taskFor(id), formats).standalone(RUNTIME));
    const payloads: unknown[] = [
      { model: id, prompt: "hi" },
      { model: id, prompt: "hi", fallback: id },
      { model: id, prompt: "hi", fallback: "third:model@1" },
      { model: id, prompt: "hi", fallback: "__modelgen_model_id_0__" },
      { model: "__modelgen_model_id_0__", prompt: "hi" },
      { model: "__modelgen_model_id_1__", prompt: "hi" },
      { model: `${id} `, prompt: "hi" },
      { model: id, prompt: "h" },
      { model: id, prompt: "hi", note: id },
      ...HOSTILE.filter((other) => other !== id).map((other) => ({ model: other, prompt: "hi" })),
    ];
    for (const p of payloads) {
      const verdict = own.validate(p);
      expect(shipped.validate(p), `${id}: ${JSON.stringify(p)}`).toBe(verdict);
      expect(shipped.guard(p), `${id}: ${JSON.stringify(p)}`).toBe(verdict);
      expect(shipped.validate.errors ?? null).toEqual(own.validate.errors ?? null);
      cases++;
    }
    expect(shipped.validate({ model: id, prompt: "hi" })).toBe(true);
    expect(shipped.validate({ model: "runware:999@1", prompt: "hi" })).toBe(false);
    // The const's error names this model's id, as written in the spec.
    expect(shipped.validate.errors?.[0]?.params).toEqual({ allowedValue: id });
  }
  expect(cases).toBe(HOSTILE.length * (9 + HOSTILE.length - 1));
  expect((globalThis as { __modelgenTrap?: unknown }).__modelgenTrap).toBeUndefined();
});

test("two ids: the same code but for the id's literal (one compilation), never a line terminator or `<` in it", async () => {
  // A task of its own (no other test compiled it): the first id compiles it, the others take that compilation.
  const task = (id: string): SchemaObject => ({ ...taskFor(id), maxProperties: 7 });
  const code = async (id: string) => (await shippingValidator(irOf(task(id), id), formats, issuesModule)).standalone("../_runtime/validation/index.js");
  const before = compilationsMade();
  const a = await code("vendor:a@1");
  const b = await code("vendor:b@1");
  await code("vendor:c@1");
  // One compilation for the three: the shared one (no model compiled its own).
  expect(compilationsMade() - before).toBe(1);
  expect(a).toContain('"vendor:a@1"');
  expect(a.replaceAll('"vendor:a@1"', '"vendor:b@1"')).toBe(b);
  const hostile = await code("x</script>\u2028y");
  expect(hostile).toContain('"x<\\/script>\\u2028y"');
  expect(hostile).not.toMatch(/[\u2028\u2029]|<\/script/i);
});

test("the token is absent from the schema, and only const and enum values equal to the id become it", () => {
  const id = "m:1";
  const task: SchemaObject = {
    type: "object",
    properties: { model: { const: id }, [id]: { type: "string", default: id, pattern: "^m:1$" }, k: { enum: ["__modelgen_model_id_0__", id] } },
    required: [id],
  };
  const param = taskWithIdToken(task, id)!;
  expect(param.token).toBe("__modelgen_model_id_1__");
  const generic = param.task as { properties: Record<string, SchemaObject>; required: string[] };
  expect(generic.properties.model).toEqual({ const: param.token });
  expect(generic.properties.k).toEqual({ enum: ["__modelgen_model_id_0__", param.token] });
  // A property name, `required`, a default and a pattern keep the id.
  expect(generic.properties[id]).toEqual({ type: "string", default: id, pattern: "^m:1$" });
  expect(generic.required).toEqual([id]);
  // No const or enum holds the id, or there is no id: nothing to share.
  expect(taskWithIdToken({ type: "object", properties: { [id]: { default: id } } }, id)).toBeNull();
  expect(taskWithIdToken(task, "")).toBeNull();
});

test("the id is written only where the token is a whole double-quoted literal; anywhere else the caller compiles its own", () => {
  const t = "__modelgen_model_id_0__";
  expect(withIdWritten(`a==="${t}"||b("${t}")`, t, 'x"y')).toBe('a==="x\\"y"||b("x\\"y")');
  expect(withIdWritten("f()", t, "x")).toBe("f()");
  expect(withIdWritten(`a===\`${t}\``, t, "x")).toBeUndefined();
  expect(withIdWritten(`a==="${t}-suffix"`, t, "x")).toBeUndefined();
  expect(withIdWritten(`a.${t}`, t, "x")).toBeUndefined();
});

test("a task without the id in a const or enum is compiled as before: the code is a fresh compilation's", async () => {
  const task: SchemaObject = { type: "object", properties: { model: { type: "string" } } };
  const shipped = await (await shippingValidator(irOf(task, "vendor:a@1"), formats, issuesModule)).standalone("../_runtime/validation/index.js");
  expect(shipped).toBe(await compileValidator(task, formats).standalone("../_runtime/validation/index.js"));
});

test("generation checks payloads with the code it ships: the same verdicts and issues as the model's own Ajv compile", async () => {
  let cases = 0;
  let compiled = 0;
  for (const id of HOSTILE) {
    const before = compilationsMade();
    const shipping = await shippingValidator(irOf(taskFor(id), id), formats, issuesModule);
    compiled += compilationsMade() - before;
    const own = inProcessValidator(irOf(taskFor(id), id), formats, issuesModule);
    for (const p of [{ model: id, prompt: "hi" }, { model: id, prompt: "h", extra: 1 }, { model: "x", fallback: "y" }, { model: id, prompt: "hi", fallback: id }, [], null, "x"]) {
      expect(shipping.check(p)).toBe(own.check(p));
      expect(shipping.validateTask(p)).toEqual(own.validateTask(p));
      cases++;
    }
    // The issue a wrong id gets names this model's id (where it is plain words, as a message shows it).
    if (/^[\w:@.]+$/.test(id)) expect(shipping.validateTask({ model: "x", prompt: "hi" }).map((i) => i.message).join()).toContain(id);
  }
  expect(cases).toBe(HOSTILE.length * 7);
  // The shared compilations' code, not one per model: at most one per token (the id that is itself a token has
  // the next one), and none at all where an earlier test left the shared compilation in the memo.
  expect(compiled).toBeLessThanOrEqual(2);
});

test("evaluateShipped refuses code whose import or exports are not esbuild's, or that imports what the runtime lacks", () => {
  const ok = 'import{ajvObject as o}from"../_runtime/validation/index.js";const v=t=>o(t),g=t=>o(t);export{g as guard,v as validate};\n';
  const made = evaluateShipped(ok, formats)!;
  expect(made.validate({})).toBe(true);
  expect(made.guard([])).toBe(false);
  expect(evaluateShipped(ok.replace("ajvObject", "readFileSync"), formats)).toBeUndefined();
  expect(evaluateShipped(ok.replace("g as guard,", ""), formats)).toBeUndefined();
  expect(evaluateShipped(ok.replace("export{g as guard,v as validate};", "export default v;"), formats)).toBeUndefined();
  expect(evaluateShipped(ok.replace("as o}", "as o-o}"), formats)).toBeUndefined();
  // Code that throws as it loads is refused, not thrown.
  expect(evaluateShipped(ok.replace("const v", "null.x;const v"), formats)).toBeUndefined();
});
