// Each model module's taskSchema is a Standard Schema v1: a real Hono app validates request bodies with it through
// @hono/standard-validator, with no adapter. A good task passes, typed as the model's Task; a wrong one answers
// 400 with validateTask's words, each path as keys.
import { describe, expect, test } from "vitest";
import path from "node:path";
import ts from "typescript";
import { pathToFileURL } from "node:url";
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { ROOT, fixturesOut } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";

interface Model {
  modelId: string;
  taskSchema: StandardSchemaV1<Record<string, unknown>>;
  validateTask(value: unknown): { path: string; message: string }[];
}

const out = fixturesOut();
const wan = (await import(pathToFileURL(path.join(out, "seed/alibaba-wan2-7/index.js")).href)) as Model;
const task = (extra: Record<string, unknown> = {}) => ({ taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: wan.modelId, positivePrompt: "a lighthouse", ...extra });

describe("taskSchema: Standard Schema v1", () => {
  test("the standard's properties: version 1, vendor modelgen, validate", () => {
    const std = wan.taskSchema["~standard"];
    expect(std.version).toBe(1);
    expect(std.vendor).toBe("modelgen");
    expect(typeof std.validate).toBe("function");
  });

  test("a valid task is the value; an invalid one gets validateTask's words, each path as keys (indices as numbers)", () => {
    const good = task({ width: 1280, height: 720 });
    expect(wan.taskSchema["~standard"].validate(good)).toEqual({ value: good });
    const bad = task({ width: 1280, height: 1280, inputs: { frameImages: [{ image: 42 }] } });
    const result = wan.taskSchema["~standard"].validate(bad) as StandardSchemaV1.FailureResult;
    const issues = wan.validateTask(bad);
    expect(issues.length).toBeGreaterThan(1);
    expect(result.issues.map((i) => i.message)).toEqual(issues.map((i) => i.message));
    expect(result.issues.map((i) => i.path)).toContainEqual(["inputs", "frameImages", 0, "image"]);
    expect(result.issues.map((i) => i.path)).toContainEqual(["width"]);
    // Not an object at all: an issue about the task itself has no path.
    expect((wan.taskSchema["~standard"].validate("nope") as StandardSchemaV1.FailureResult).issues[0]).toEqual({ message: wan.validateTask("nope")[0]!.message });
  });
});

describe("in a real Hono app (@hono/standard-validator)", () => {
  const app = new Hono().post("/tasks", sValidator("json", wan.taskSchema), (c) => {
    const body = c.req.valid("json");
    return c.json({ accepted: body.model });
  });
  const post = (body: unknown) => app.request("/tasks", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  test("a good task passes", async () => {
    const res = await post(task({ width: 1280, height: 720 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: wan.modelId });
  });

  test("a wrong one answers 400 with modelgen's messages", async () => {
    const bad = task({ width: 1280, height: 1280 });
    const res = await post(bad);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { success: boolean; error: { message: string; path?: unknown[] }[] };
    expect(body.success).toBe(false);
    expect(body.error).toEqual(wan.validateTask(bad).map((i) => ({ message: i.message, path: i.path.slice(1).split("/") })));
    expect(body.error[0]!.message).toMatch(/^width\/height 1280×1280 is not an allowed combination/);
  });

  test("typed: c.req.valid('json') is the model's Task (tsc)", () => {
    const file = path.join(ROOT, "test/package/.hono-consumer.ts");
    const modelPath = path.join(out, "seed/alibaba-wan2-7/index.js");
    const diagnostics = typeCheck([], {
      [file]: `import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { taskSchema, type Task } from ${JSON.stringify(modelPath)};
export const app = new Hono().post("/tasks", sValidator("json", taskSchema), (c) => {
  const body = c.req.valid("json");
  const same: Task = body;
  const width: number | undefined = body.width;
  // @ts-expect-error: a Task has no such property
  void body.notAProperty;
  return c.json({ model: same.model, width });
});
`,
    }, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] });
    expect(diagnostics).toEqual([]);
  });
});
