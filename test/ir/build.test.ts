// The IR stage: buildIR on small specs written in code (through the real loader), analyzeModel on top, and the
// IR's immutability in fact (Maps included), not only by type.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { loadSpec } from "../../generator/load/spec.js";
import { buildIR, declaredProperties } from "../../generator/ir/build.js";
import { ITEMS, option } from "../../generator/ir/path.js";
import { FrozenMap, deepFreeze } from "../../generator/ir/freeze.js";
import { analyzeModel } from "../../generator/analyze/model.js";
import { runtimeImport } from "../../generator/layout.js";
import { modeCube, modeKey } from "../../generator/ir/modes.js";
import { inProcessValidator, runtimeModules } from "../../generator/in-process.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import type { ModelIR, SchemaObject } from "../../generator/ir/types.js";
import { keywordOf } from "../../generator/normalize/walk.js";
import { readdirSync, readFileSync } from "node:fs";
import { runCli } from "../helpers/cli.js";

async function irOf(spec: object): Promise<ModelIR> {
  const dir = writeSpecs({ "m.json": spec });
  const { formats } = runtimeModules();
  return buildIR(await loadSpec({ file: path.join(dir, "m.json"), root: dir }), { formats });
}

const exclusion = runwareSpec(
  {
    properties: { image: { type: "string" }, video: { type: "string" }, size: { type: "object", properties: { w: { type: "integer" } } } },
    not: { required: ["image", "video"] },
  },
  { examples: { both: { value: [{ taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: "test:model@1", image: "a", video: "b" }], "x-modelgen-expect": "invalid" } } },
);

describe("x-modelgen-mode-names", () => {
  const two = { properties: { image: { type: "string" }, video: { type: "string" } }, oneOf: [{ required: ["image"] }, { required: ["video"] }] };

  test("names the one mode whose facts include what it lists; the others keep theirs (null)", async () => {
    const ir = await irOf(runwareSpec({ ...two, "x-modelgen-mode-names": { ImageToVideo: { requires: ["/image"] } } }));
    const modes = ir.split.groups[0]!.variants;
    expect(ir.modeNames[0]).toEqual(modes.map((v) => (v.presence.get('has:["image"]') ? "ImageToVideo" : null)));
  });

  test("an entry that matches no mode, several modes, or is no PascalCase name: a SpecError at its place", async () => {
    const where = "/components/schemas/RequestBody/items/x-modelgen-mode-names";
    await expect(irOf(runwareSpec({ ...two, "x-modelgen-mode-names": { Nothing: { requires: ["/missing"] } } }))).rejects.toMatchObject({ where: `${where}/Nothing`, expected: expect.stringContaining("no mode has these facts") });
    await expect(irOf(runwareSpec({ ...two, "x-modelgen-mode-names": { Any: {} } }))).rejects.toMatchObject({ where: `${where}/Any`, expected: expect.stringContaining("2 modes have these facts") });
    await expect(irOf(runwareSpec({ ...two, "x-modelgen-mode-names": { "bad name": { requires: ["/image"] } } }))).rejects.toMatchObject({ where: `${where}/bad name` });
    await expect(irOf(runwareSpec({ ...two, "x-modelgen-mode-names": { Task: { requires: ["/image"] } } }))).rejects.toMatchObject({ where: `${where}/Task` });
    await expect(irOf(runwareSpec({ ...two, "x-modelgen-mode-names": { A: { requires: "image" } } }))).rejects.toMatchObject({ where: `${where}/A/requires` });
    await expect(irOf(runwareSpec({ ...two, "x-modelgen-mode-names": ["A"] }))).rejects.toMatchObject({ where });
  });
});

describe("buildIR", () => {
  test("metadata, declared properties (nested ones with their paths), rules and their split", async () => {
    const ir = await irOf(exclusion);
    expect(ir.meta).toMatchObject({ modelId: "test:model@1", provider: "runware", taskType: "videoInference", bodyIsArray: true, clientFilled: ["taskType", "taskUUID", "model"] });
    // In the spec's order (runwareSpec lists the client fields first), not sorted.
    expect(ir.properties.map((p) => [p.path.join("."), p.required])).toEqual([
      ["taskType", true],
      ["taskUUID", true],
      ["model", true],
      ["image", false],
      ["video", false],
      ["size", false],
      ["size.w", false],
    ]);
    expect(ir.split.rules.map((r) => r.pointer)).toEqual(["/not"]);
    expect(ir.split.groups).toHaveLength(1);
    // Without both, with image only, with video only: the exclusion's variants.
    expect(ir.split.groups[0]!.variants.length).toBeGreaterThanOrEqual(2);
    expect(ir.examples.map((e) => [e.key, e.expect])).toEqual([["both", "invalid"]]);
  });

  test("response schemas reach the IR with JSON Schema keywords only (no tsType / tsEnumNames / extends / $id)", async () => {
    const spec = runwareSpec({ properties: {} }) as { components: { schemas: Record<string, unknown> } };
    spec.components.schemas.ResponseBody = {
      $id: "Evil",
      type: "object",
      tsType: "never; declare global { interface Array<T> { pwned: true } }",
      properties: { data: { type: "array", items: { type: "string", tsEnumNames: ["X"], "x-note": 1 } }, extra: { extends: ["Foo"], type: "object" } },
    };
    const ir = await irOf(spec);
    const text = JSON.stringify(ir.responses.responseBody?.schema);
    for (const k of ["tsType", "tsEnumNames", "extends", "$id", "x-note", "pwned"]) expect(text).not.toContain(k);
    expect(ir.responses.responseBody?.schema).toEqual({ type: "object", properties: { data: { type: "array", items: { type: "string" } }, extra: { type: "object" } } });
    expect(ir.responses.callbackPayload).toBeUndefined(); // a Runware model has no callback schema
  });

  test("through the real CLI, tsType code in a response schema reaches no generated file", () => {
    const spec = runwareSpec({ properties: {} }) as { components: { schemas: Record<string, unknown> } };
    spec.components.schemas.ResponseBody = { type: "object", properties: { data: { tsType: "never; declare global { interface Array<T> { pwned: true } }" } } };
    spec.components.schemas.ErrorResponse = { type: "object", tsType: "PWNED_ERROR" };
    const dir = writeSpecs({ "m.json": spec });
    const out = path.join(dir, "out");
    const r = runCli(["generate", "--no-cache", "--specs", path.join(dir, "m.json"), "--out", out]);
    expect(r.code).toBe(0);
    const dts = readFileSync(path.join(out, "m/index.d.ts"), "utf8");
    expect(dts).toContain("export interface ResponseBody");
    let checked = 0;
    for (const f of readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      const file = path.join(f.parentPath, f.name);
      const text = readFileSync(file, "utf8");
      // _specs/ is the spec itself, carried as JSON data for `modelgen version`: nothing compiles or imports it.
      if (path.relative(out, file).split(path.sep)[0] === "_specs") {
        expect(JSON.parse(text).components.schemas.ErrorResponse.tsType).toBe("PWNED_ERROR");
        continue;
      }
      checked++;
      expect(text, f.name).not.toContain("pwned");
      expect(text, f.name).not.toContain("PWNED_ERROR");
    }
    expect(checked).toBeGreaterThan(10);
  });

  test("the IR is frozen in fact: objects, arrays and Maps (the split's variables and cubes)", async () => {
    const ir = await irOf(exclusion);
    expect(Object.isFrozen(ir)).toBe(true);
    expect(Object.isFrozen(ir.split.groups[0]!.rules)).toBe(true);
    const vars = ir.split.groups[0]!.vars as Map<string, unknown>;
    expect(vars).toBeInstanceOf(FrozenMap);
    expect(() => vars.set('has:["x"]', {})).toThrow(TypeError);
    expect(() => vars.delete('has:["image"]')).toThrow(TypeError);
    const cube = ir.split.groups[0]!.cubes[0] as Map<string, unknown>;
    expect(() => cube.clear()).toThrow(TypeError);
    expect(() => (ir.meta as { modelId: string }).modelId = "x").toThrow(TypeError);
  });
});

describe("deepFreeze", () => {
  test("shared subtrees are frozen once and Maps inside arrays become FrozenMaps", () => {
    const shared = { a: [1] };
    const v = deepFreeze({ x: shared, y: shared, m: [new Map([["k", { z: 1 }]])] });
    expect(v.x).toBe(v.y);
    expect(v.m[0]).toBeInstanceOf(FrozenMap);
    expect(Object.isFrozen(v.m[0]!.get("k"))).toBe(true);
  });
});

describe("analyzeModel", () => {
  test("adds each example's verdict, lint, and a payload the validator accepts for every mode", async () => {
    const ir = await irOf(exclusion);
    const { formats, issuesModule } = runtimeModules();
    const validator = inProcessValidator(ir, formats, issuesModule);
    const analyzed = await analyzeModel(ir, validator);
    expect(analyzed.checkedExamples.map((e) => [e.key, e.valid, e.issues.map((i) => i.path)])).toEqual([["both", false, ["/video"]]]);
    expect(analyzed.lint.findings).toEqual([]);
    let modes = 0;
    for (const v of ir.split.groups[0]!.variants) {
      const payload = analyzed.modeWitnesses.get(modeKey(modeCube(v)));
      expect(payload, modeKey(modeCube(v))).toBeDefined();
      expect(validator.check(payload)).toBe(true);
      modes++;
    }
    expect(modes).toBe(ir.split.groups[0]!.variants.length);
    // validator.js's code, from the compilation that decided the verdicts above, importing the model's runtime.
    expect(analyzed.validatorCode).toContain(JSON.stringify(runtimeImport(ir.meta.name, "validation/index.js")));
    expect(analyzed.validatorCode).toMatch(/\bguard\b/);
    expect(Object.isFrozen(analyzed)).toBe(true);
  });

  test("declared properties: an array's items and each alternative of them, with places no property name can be", () => {
    const props = declaredProperties({
      type: "object",
      properties: {
        list: { type: "array", items: { properties: { a: { type: "string" } }, anyOf: [{ properties: { b: { type: "string" } } }, { required: ["a"] }] } },
        "[]": { type: "object", properties: { c: { type: "string" } } },
      },
    });
    expect(props.map((p) => [p.path, p.depth, p.pointer])).toEqual([
      [["list"], 0, "/properties/list"],
      [["list", ITEMS, "a"], 1, "/properties/list/items/properties/a"],
      [["list", ITEMS, option("1"), "b"], 1, "/properties/list/items/anyOf/0/properties/b"],
      [["[]"], 0, "/properties/[]"],
      [["[]", "c"], 1, "/properties/[]/properties/c"],
    ]);
  });

  test("SchemaObject is closed (tsc checks this file): a keyword it does not list is a type error, and is read through keywordOf", () => {
    // @ts-expect-error: not a keyword or extension the pipeline reads
    const s: SchemaObject = { type: "string", "x-unread": 1 };
    expect(keywordOf(s, "x-unread")).toBe(1);
    expect(keywordOf(s, "type")).toBe("string");
  });
});
