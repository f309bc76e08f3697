// One allocator for every name a module declares or imports: a model whose root properties are named after every
// type its module declares or imports (as written and camelCased: `runwareClient` becomes the interface name
// RunwareClient) still compiles under strict tsc, and its Task still takes a valid payload. The names are read from
// the module generated without them, so a type added to the module later is covered too.
import { afterAll, describe, expect, test } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import { generateAll, importModule, tsLiteral } from "../conformance/generate-all.js";
import { typeCheck } from "../helpers/tsc.js";
import { listFiles } from "../helpers/generated.js";

const MODEL = "test:names@1";
/** Rules that make the module declare modes, a relation type (WidthHeight) and a nested interface. */
const base = {
  properties: {
    width: { type: "integer", enum: [1280, 720] },
    height: { type: "integer", enum: [720, 1280] },
    inputs: { type: "object", additionalProperties: false, properties: { image: { type: "string" }, video: { type: "string" } } },
    prompt: { type: "string" },
  },
  required: ["prompt"],
  allOf: [
    { oneOf: [{ properties: { width: { const: 1280 }, height: { const: 720 } } }, { properties: { width: { const: 720 }, height: { const: 1280 } } }] },
    { if: { required: ["inputs"], properties: { inputs: { required: ["video"] } } }, then: { not: { required: ["width"] } } },
  ],
};
const valid = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: MODEL, prompt: "a fox", width: 1280, height: 720 };

const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-reserved-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function generate(name: string, task: Record<string, unknown>) {
  const out = path.join(work, name);
  const generated = await generateAll(writeSpecs({ "names.json": runwareSpec(task, { model: MODEL }) }), out, path.join(work, "cache"));
  expect(generated.rejected).toEqual([]);
  return out;
}

/** Type names a declaration file declares (exported or not) or imports. */
function typeNames(dts: string): string[] {
  const declared = [...dts.matchAll(/^(?:export )?(?:declare )?(?:type|interface) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!);
  // `import type { A, B as C, }`: the names in scope are A and C.
  const imported = [...dts.matchAll(/^import type \{([^}]*)\}/gm)].flatMap((m) =>
    m[1]!
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "")
      .map((s) => s.split(/\s+as\s+/).pop()!),
  );
  return [...new Set([...declared, ...imported])];
}

describe("root properties named after the module's own types", () => {
  test("the module compiles under strict tsc and its Task takes a valid payload", async () => {
    const first = await generate("first", base);
    const names = typeNames(readFileSync(path.join(first, "names/index.d.ts"), "utf8"));
    // What the module declares and imports today, at least (the list grows with the module, never shrinks).
    expect(names).toEqual(expect.arrayContaining(["Task", "TaskInput", "TaskCommon", "TaskMode", "Forbidden", "WidthHeight", "Inputs", "Result", "ResponseBody", "ErrorResponse", "ClientOptions", "RunwareModel", "ModelFunctions", "ValidationIssue"]));
    const camel = (n: string) => n.charAt(0).toLowerCase() + n.slice(1);
    const extra = Object.fromEntries([...names, ...names.map(camel)].map((n) => [n, { type: "object", properties: { x: { type: "string" } } }]));
    const out = await generate("second", { ...base, properties: { ...base.properties, ...extra } });
    const dts = readFileSync(path.join(out, "names/index.d.ts"), "utf8");
    // Each property is declared under its own name, and each became an interface of its own.
    for (const n of names) expect(dts).toContain(`${n}?: `);

    const files = listFiles(out).filter((f) => /\.(d\.ts|js)$/.test(f)).map((f) => path.join(out, f));
    const payload = { ...valid, runwareModel: { x: "y" }, ModelFunctions: { x: "w" }, Result: {}, taskInput: { x: "z" } };
    const { taskType: _t, taskUUID: _u, model: _m, ...input } = payload;
    const check = path.join(work, "check.ts");
    const diagnostics = typeCheck(files, { [check]: `import type { Task, TaskInput } from ${JSON.stringify(path.join(out, "names/index.js"))};\nexport const t: Task = ${tsLiteral(payload)};\nexport const i: TaskInput = ${tsLiteral(input)};\n` });
    expect(diagnostics.map((d) => `${path.relative(work, d.file)}:${d.line}: ${d.message.split("\n")[0]}`)).toEqual([]);
    expect((await importModule(out, "names")).isTask(payload)).toBe(true);
  });
});
