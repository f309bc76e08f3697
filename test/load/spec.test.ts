// load/spec: from a spec file to a LoadedSpec. The task schema is the first POST's JSON body, or its items when
// the body is an array (Runware posts an array of tasks); a body that is not an object schema is refused with
// the JSON Pointer (and line:column) of the schema as written.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { canonical } from "../../generator/json.js";
import { findSpecFiles, loadSpec, moduleName } from "../../generator/load/spec.js";
import { SpecError } from "../../generator/errors.js";
import { writeSpecs } from "../helpers/spec-factory.js";

const task = { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] };

const openapi = (body: unknown, extra: Record<string, unknown> = {}) => ({
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: { "/v1": { post: { operationId: "run", requestBody: { content: { "application/json": { schema: body, ...extra } } } } } },
  components: { schemas: { Task: task } },
});

async function load(spec: unknown) {
  const dir = writeSpecs({ "m.json": spec });
  return loadSpec({ file: path.join(dir, "m.json"), root: dir });
}

async function loadError(spec: unknown): Promise<SpecError> {
  const e = await load(spec).then(
    () => undefined,
    (err: unknown) => err,
  );
  if (e instanceof SpecError) return e;
  throw new Error(`expected a SpecError, got ${String(e)}`);
}

describe("the task schema", () => {
  test("from an array body: its items, through a $ref, with both pointers", async () => {
    const s = await load(openapi({ type: "array", items: { $ref: "#/components/schemas/Task" } }));
    expect(s.bodyIsArray).toBe(true);
    expect(s.taskSchema).toEqual(task);
    expect(s.taskPointer).toBe("/paths/~1v1/post/requestBody/content/application~1json/schema/items");
    expect(s.taskSourcePointer).toBe("/paths/~1v1/post/requestBody/content/application~1json/schema/items");
    expect(s.operation).toEqual({ path: "/v1", operationId: "run" });
    expect(s.name).toBe("m");
  });

  test("from an object body given as a $ref: the source pointer is the $ref's target", async () => {
    const s = await load(openapi({ $ref: "#/components/schemas/Task" }));
    expect(s.bodyIsArray).toBe(false);
    expect(s.taskSchema).toEqual(task);
    expect(s.taskSourcePointer).toBe("/components/schemas/Task");
    expect(s.taskPointer).toBe("/paths/~1v1/post/requestBody/content/application~1json/schema");
  });

  test("a non-object body is refused with its pointer and position", async () => {
    const e = await loadError(openapi({ type: "string" }));
    expect(e.message).toMatch(/m\.json:\d+:\d+ \(\/paths\/~1v1\/post\/requestBody\/content\/application~1json\/schema\): expected the task schema to be an object schema \(type: object\), found "string"$/);
  });

  test("an array of non-objects is refused at its items", async () => {
    const e = await loadError(openapi({ type: "array", items: { type: "integer" } }));
    expect(e.where).toMatch(/\(\/paths\/~1v1\/post\/requestBody\/content\/application~1json\/schema\/items\)$/);
    expect(e.expected).toBe('expected the task schema to be an object schema (type: object), found "integer"');
  });

  test("no POST with a body, or no JSON schema, is refused", async () => {
    expect((await loadError({ ...openapi(task), paths: { "/v1": { get: {} } } })).expected).toBe("expected a POST operation with a requestBody (the model's task)");
    expect((await loadError({ ...openapi(task), paths: { "/v1": { post: { requestBody: { content: { "text/plain": {} } } } } } })).expected).toBe("expected an application/json request body with a schema");
  });
});

describe("the document", () => {
  test("keys sorted, $refs bundled into a tree (no shared objects)", async () => {
    const s = await load({ ...openapi({ $ref: "#/components/schemas/Task" }), components: { schemas: { Task: task, Other: { $ref: "#/components/schemas/Task" } } } });
    expect(Object.keys(s.doc)).toEqual(["components", "info", "openapi", "paths"]);
    const schemas = (s.doc.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.Other).toEqual(schemas.Task);
    expect(schemas.Other).not.toBe(schemas.Task);
    expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("not OpenAPI 3, an unresolvable $ref and a circular one are refused where they stand", async () => {
    expect((await loadError({ swagger: "2.0" })).expected).toBe("expected `openapi: 3.x.y`, found swagger 2.0");
    expect((await loadError(openapi({ $ref: "#/components/schemas/Nope" }))).expected).toBe('unresolvable $ref "#/components/schemas/Nope": nothing at that pointer');
    const loop = { ...openapi({ $ref: "#/components/schemas/A" }), components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } } };
    expect((await loadError(loop)).expected).toBe('circular $ref "#/components/schemas/B" (#/components/schemas/B → #/components/schemas/A → #/components/schemas/B); a request schema must be finite');
    expect((await loadError(openapi({ $ref: "https://example.com/s.json" }))).expected).toMatch(/points at a URL; modelgen never fetches/);
  });

  test("request examples keep the Example fields of the right type", async () => {
    const examples = { a: { summary: "A", value: { prompt: "p" }, "x-modelgen-expect": "invalid", "x-modelgen-reason": "why" }, b: { summary: 3, "x-modelgen-expect": "maybe" }, c: "not an object" };
    const s = await load(openapi(task, { examples }));
    expect(s.examples).toEqual({ a: examples.a, b: {}, c: {} });
  });
});

test("spec files under a folder, sorted, overlays left out; module names from the root", () => {
  const dir = writeSpecs({ "b.json": "{}", "a.yaml": "", "a.overlay.yaml": "", "notes.txt": "" });
  expect(findSpecFiles([dir]).map((e) => [path.basename(e.file), e.root === null])).toEqual([
    ["a.yaml", false],
    ["b.json", false],
  ]);
  expect(moduleName("specs/runware/x.openapi.json", "specs")).toBe("runware/x");
  expect(moduleName("elsewhere/y.yml", null)).toBe("y");
  expect(() => findSpecFiles([path.join(dir, "missing")])).toThrow(/no such file or directory/);
});

test("canonical: every object's keys sorted, arrays kept in order", () => {
  expect(JSON.stringify(canonical({ b: 1, a: [{ d: 1, c: 2 }] }))).toBe('{"a":[{"c":2,"d":1}],"b":1}');
});
