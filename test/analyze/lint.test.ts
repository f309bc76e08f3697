// Lint: each finding kind on a small spec made for it; the seed spec's impossible frameImages mode; and a
// property check that every witness payload lint prints is accepted by the generated validator.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { lint } from "../../generator/pipeline.js";
import { ROOT } from "../helpers/generated.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import { referenceValidator } from "../helpers/generated.js";
import { fixSizeRule } from "../helpers/corpora.js";
import Ajv2020 from "ajv/dist/2020.js";
import { lintTask } from "../../generator/analyze/lint.js";
import type { ModelIR } from "../../generator/ir/types.js";
import { example, modelIR, obj, oneOfConsts, str } from "../helpers/ir.js";

const kinds = (r: Awaited<ReturnType<typeof lint>>[number]) => r.findings.map((f) => `${f.severity}:${f.kind}`);

describe("lint findings", () => {
  test("the raw seed spec: the frameImages mode can never be valid, naming both rules", async () => {
    const [r] = await lint({ specs: [path.join(ROOT, "test/fixtures/specs/seed/alibaba-wan2-7.json")] });
    const error = r!.findings.find((f) => f.kind === "unsatisfiable");
    expect(error?.message).toMatch(/^a task with inputs\.frameImages can never be valid: allOf\[1\]: its oneOf then matches all 10 branches .*; allOf\[2\]: inputs\.frameImages cannot be combined with width\/height$/);
    expect(error?.pointers).toEqual(["/allOf/1", "/allOf/2"]);
    expect(kinds(r!)).toContain("warning:vacuous-oneOf");
  });

  test("the seed spec with its overlay: no impossible mode, and the two doc examples that pair frameImages with a size fail as declared", async () => {
    const [r] = await lint({ specs: [path.join(ROOT, "specs/runware/alibaba-wan2-7.json")] });
    expect(r!.overlays).toEqual(["specs/runware/alibaba-wan2-7.overlay.yaml"]);
    expect(r!.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r!.witnesses.map((w) => w.mode)).toContain("inputs.frameImages");
  });

  test("an if whose condition can never hold, and a then that can never hold", async () => {
    const dir = writeSpecs({
      "a.json": runwareSpec({
        properties: { mode: { enum: ["a", "b"] }, x: { type: "string" }, y: { type: "string" } },
        allOf: [
          { if: { properties: { mode: { const: "zzz" } }, required: ["mode"] }, then: { required: ["x"] } },
          { if: { required: ["y"] }, then: { not: { required: ["y"] } } },
        ],
      }),
    });
    const [r] = await lint({ specs: [dir] });
    expect(kinds(r!)).toEqual(expect.arrayContaining(["warning:vacuous-if", "warning:vacuous-then", "error:unsatisfiable"]));
    expect(r!.findings.find((f) => f.kind === "unsatisfiable")?.message).toMatch(/^a task with y can never be valid: allOf\[1\]/);
  });

  test("examples: one failing its spec without a verdict, one whose declared verdict is wrong, one right", async () => {
    const task = (extra: object) => [{ taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: "test:model@1", ...extra }];
    const dir = writeSpecs({
      "a.json": runwareSpec(
        { properties: { n: { type: "integer", maximum: 3 } } },
        {
          examples: {
            "too-big": { value: task({ n: 9 }) },
            "declared-valid": { value: task({ n: 5 }), "x-modelgen-expect": "valid" },
            fine: { value: task({ n: 1 }), "x-modelgen-expect": "valid" },
          },
        },
      ),
    });
    const [r] = await lint({ specs: [dir] });
    expect(r!.findings.map((f) => `${f.kind}: ${f.message}`)).toEqual([
      "example-verdict: example declared-valid is declared valid but the validator finds it invalid: n must be at most 3 (got 5)",
      "example-invalid: example too-big fails its own spec: n must be at most 3 (got 9)",
    ]);
  });
});

describe("lint precision on shapes found in real Runware specs", () => {
  test("a oneOf of required-only branches (a watermark as text or as image, not both) is how JSON Schema says exactly one: no warning", async () => {
    const dir = writeSpecs({
      "a.json": runwareSpec({
        properties: { watermark: { type: "object", properties: { text: { type: "string" }, image: { type: "string" } }, oneOf: [{ required: ["text"] }, { required: ["image"] }] } },
      }),
    });
    const [r] = await lint({ specs: [dir] });
    expect(kinds(r!)).toEqual([]);
  });

  test("a oneOf branch that implies another can never match alone: warned at that branch", async () => {
    const dir = writeSpecs({
      "a.json": runwareSpec({
        properties: { a: { type: "string" }, b: { type: "string" } },
        oneOf: [{ required: ["a", "b"] }, { required: ["a"] }],
      }),
    });
    const [r] = await lint({ specs: [dir] });
    const f = r!.findings.find((x) => x.kind === "vacuous-oneOf");
    expect(f?.message).toBe("oneOf: branch 0 can never be the only one that matches (whenever it holds, branch 1 holds too), so a task in it always fails this oneOf");
    expect(f?.pointers).toEqual(["/oneOf/0"]);
  });

  test("a rule on properties the schema does not declare, under additionalProperties: false, is reported as dead, not as a mode without a witness", async () => {
    const dir = writeSpecs({
      "a.json": runwareSpec({
        properties: { acceleratorOptions: { type: "object", additionalProperties: false, properties: { teaCache: { type: "boolean" } } } },
        allOf: [{ properties: { acceleratorOptions: { not: { required: ["fbCache", "deepCache"] } } } }],
      }),
    });
    const [r] = await lint({ specs: [dir] });
    expect(kinds(r!)).toEqual(["warning:dead-rule"]);
    const f = r!.findings[0]!;
    expect(f.message).toMatch(/^allOf\[0\]: names acceleratorOptions\.fbCache and acceleratorOptions\.deepCache, which the schema does not declare; with additionalProperties: false no task can have them, so this rule is dead/);
    expect(f.pointers).toEqual(["/allOf/0"]);
  });
});

describe("the documentation examples on every spec", () => {
  test("each spec carries its page's examples, and each gets the verdict it declares", async () => {
    const results = await lint({ specs: [path.join(ROOT, "specs")] });
    const byModel = Object.fromEntries(results.map((r) => [r.modelId, r]));
    expect(Object.keys(byModel).sort()).toEqual([
      "alibaba:wan@2.6",
      "alibaba:wan@2.7",
      "alibaba:wan@2.7-image",
      "fal-ai/kling-video/o1/video-to-video/edit",
      "fal-ai/kling-video/v2.5-turbo/pro/text-to-video",
      "fal-ai/minimax/hailuo-02/standard/text-to-video",
      "fal-ai/veo3",
      "fal-ai/wan/v2.2-a14b/text-to-video",
      "runflow:alibaba/wan/v2.7/text-to-video",
      "veed/lipsync",
    ]);
    for (const r of results) expect(r.findings.filter((f) => f.kind.startsWith("example")), r.file).toEqual([]);
  });

  test("the counts: seed 001's five on Wan 2.7 (two invalid), seed 002's four, seed 004's four, Runflow's one", async () => {
    const { loadSpec } = await import("../../generator/load/spec.js");
    const count = async (file: string) => {
      const s = await loadSpec({ file: path.join(ROOT, file), root: null });
      return Object.values<any>(s.examples).map((e) => e["x-modelgen-expect"]).sort();
    };
    expect(await count("specs/runware/alibaba-wan2-7.json")).toEqual(["invalid", "invalid", "valid", "valid", "valid"]);
    expect(await count("specs/runware/alibaba-wan2-7-image.json")).toEqual(["valid", "valid", "valid", "valid"]);
    expect(await count("specs/runware/alibaba-wan2-6.json")).toEqual(["valid", "valid", "valid", "valid"]);
    expect(await count("specs/runflow/alibaba-wan-v2-7-text-to-video.json")).toEqual(["valid"]);
  });
});

describe("patterns that may backtrack catastrophically", () => {
  test("a nested quantifier is flagged with its JSON Pointer; anchored classes are not", async () => {
    const dir = writeSpecs({ "a.json": runwareSpec({ properties: { slug: { type: "string", pattern: "^(a+)+$" }, hex: { type: "string", pattern: "^#[0-9A-Fa-f]{6}$" } } }) });
    const [r] = await lint({ specs: [dir] });
    expect(r!.findings.filter((f) => f.kind === "redos-pattern").map((f) => f.pointers)).toEqual([["/components/schemas/RequestBody/items/properties/slug/pattern"]]);
  });
});

describe("witnesses", () => {
  const specs = [path.join(ROOT, "specs"), path.join(ROOT, "test/fixtures/real-specs")];
  test("every witness payload lint prints is accepted by Ajv on the spec (as generated, overlays applied)", async () => {
    const results = await lint({ specs });
    let count = 0;
    for (const r of results) {
      const file = path.join(ROOT, r.file);
      if (r.provider === "runflow") continue; // its body is {input, …}; the Runware specs below cover the witnesses
      // The only overlay in specs/ is the seed's size fix, which the reference applies the same way.
      const reference = referenceValidator(file, r.overlays.length ? fixSizeRule : undefined);
      for (const w of r.witnesses) {
        count++;
        expect(reference(w.witness), `${r.file}: ${w.mode}: ${JSON.stringify(w.witness)}`).toBe(true);
      }
      expect(r.findings.filter((f) => f.kind === "no-witness")).toEqual([]);
    }
    expect(count).toBeGreaterThan(40);
  });
});

describe("lintTask on an IR built in code", () => {
  // The validator lint is given: plain Ajv on the task schema, one issue per error.
  const validatorOf = (ir: ModelIR) => {
    const validate = new Ajv2020.default({ strict: false, allErrors: true }).compile(ir.task);
    return {
      check: (payload: unknown) => validate(payload),
      validate: (payload: unknown) => (validate(payload) ? [] : (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: `${e.instancePath || "the task"} ${e.message}` }))),
    };
  };

  test("an impossible mode names its unsat core with the rules' messages, placeholders left out", () => {
    const ir = modelIR(obj({ a: str(), b: str(), c: str() }, { allOf: [{ dependentRequired: { a: ["b"] } }, { not: { required: ["b"] } }] }), {
      ruleMessages: [{ schemaPath: "#/allOf/0", message: "{path} needs b (got {/a})", path: "" }],
    });
    const v = validatorOf(ir);
    const { findings, witnesses } = lintTask(ir, v);
    expect(findings.map((f) => [f.kind, f.message, f.pointers])).toEqual([
      // Modes in branching order: b, which both rules test, first.
      ["unsatisfiable", "a task with b can never be valid: allOf[1]: constrains it", ["/allOf/1"]],
      ["unsatisfiable", "a task with a can never be valid: allOf[0]: … needs b (got …); allOf[1]: constrains it", ["/allOf/0", "/allOf/1"]],
    ]);
    expect(witnesses).toEqual([]);
  });

  test("witnesses are payloads the validator accepts, one per possible mode", () => {
    const ir = modelIR(obj({ mode: oneOfConsts("x", "y"), a: str(), b: str() }, { required: ["mode"], dependentRequired: { a: ["b"] } }));
    const v = validatorOf(ir);
    const { findings, witnesses } = lintTask(ir, v);
    expect(findings.map((f) => f.kind)).toEqual([]);
    expect(witnesses.map((w) => w.mode).sort()).toEqual(["a", "b"]);
    expect(witnesses.find((w) => w.mode === "a")?.witness).toEqual({ mode: "x", a: "a", b: "a" });
    for (const w of witnesses) expect(v.check(w.witness)).toBe(true);
  });

  test("examples: read from the IR, the body as an array of tasks when the meta says so", () => {
    const ir = modelIR(obj({ n: { type: "integer", maximum: 3 } }), {
      meta: { bodyIsArray: true, taskPointer: "/components/schemas/Task" },
      examples: [example("ok", [{ n: 1 }, { n: 2 }], "valid"), example("bad", [{ n: 1 }, { n: 9 }], "valid"), example("undeclared", [{ n: 7 }])],
    });
    const { findings } = lintTask(ir, validatorOf(ir));
    expect(findings.map((f) => f.kind)).toEqual(["example-verdict", "example-invalid"]);
    expect(findings[0]?.message).toBe("example bad is declared valid but the validator finds it invalid: /n must be <= 3");
  });

  test("a pattern that may backtrack is reported under the task's pointer in the file", () => {
    const ir = modelIR(obj({ slug: str({ pattern: "^(a+)+$" }) }), { meta: { taskPointer: "/components/schemas/Task" } });
    expect(lintTask(ir, validatorOf(ir)).findings.map((f) => f.pointers)).toEqual([["/components/schemas/Task/properties/slug/pattern"]]);
  });
});
