// Lint: each finding kind on a small spec made for it; the seed spec's impossible frameImages mode; and a
// property check that every witness payload lint prints is accepted by the generated validator.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { lint } from "../../generator/pipeline.js";
import { ROOT } from "../helpers/generated.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";
import { referenceValidator } from "../helpers/generated.js";
import { fixSizeRule } from "../helpers/corpora.js";

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

describe("the documentation examples on every spec", () => {
  test("each spec carries its page's examples, and each gets the verdict it declares", async () => {
    const results = await lint({ specs: [path.join(ROOT, "specs")] });
    const byModel = Object.fromEntries(results.map((r) => [r.modelId, r]));
    expect(Object.keys(byModel).sort()).toEqual(["alibaba:wan@2.6", "alibaba:wan@2.7", "alibaba:wan@2.7-image", "runflow:alibaba/wan/v2.7/text-to-video"]);
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
