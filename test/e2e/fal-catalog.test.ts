// fal's real catalog (test/fixtures/fal-catalog: 232 documents as fal serves them, 2 of them error answers):
// every real document generates in one run; the error answers, and a document with a $ref to a schema that is not
// there, are refused with one line naming the file; --skip-broken generates the rest and names each. For every
// document, random payloads (fast-check, fixed seed) get from the generated `isTask` the verdict Ajv gives on the
// unmodified Input schema, and the payloads Ajv accepts compile as the module's `Task`.
// `npm test` runs a sample of 5 documents; `npm run test:long` (MODELGEN_LONG=1) runs all of it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "../../generator/pipeline.js";
import { writeOutput } from "../../generator/write/write.js";
import { importModule, tsLiteral } from "../conformance/generate-all.js";
import { runCli } from "../helpers/cli.js";
import { falReference, ROOT } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";
import { payloadArbitrary } from "../helpers/schema-payloads.js";

const CATALOG = path.join(ROOT, "test/fixtures/fal-catalog");
const LONG = process.env.MODELGEN_LONG === "1";
/** Payloads per document. */
const RUNS = 60;
/** The documents `npm test` runs: well-known models and the ones that carry each 3.0 oddity. */
const SAMPLE = [
  "text-to-video/fal-ai/kling-video/v2.5-turbo/pro/text-to-video.json",
  "text-to-video/fal-ai/animatediff-sparsectrl-lcm.json", // nullable
  "video-to-video/cassetteai/video-sound-effects-generator.json", // format: binary, $ref with siblings
  "video-to-video/fal-ai/ben/v2/video.json", // items written as a map of positions
  "video-to-video/fal-ai/latentsync.json", // a `step` UI hint
];
const ERROR_ANSWERS = ["text-to-video/fal-ai/kling-video/v1/pro/text-to-video.json", "text-to-video/fal-ai/wan/v2.1/1.3b/text-to-video.json"];

type Doc = Record<string, any>;

function jsonFiles(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? jsonFiles(dir, path.posix.join(rel, e.name)) : e.name.endsWith(".json") ? [path.posix.join(rel, e.name)] : []))
    .sort();
}

const ALL = jsonFiles(CATALOG);
const readDoc = (rel: string): Doc => JSON.parse(readFileSync(path.join(CATALOG, rel), "utf8"));
const isErrorAnswer = (doc: Doc) => doc.openapi === undefined && typeof doc.error === "object";

const reference = (doc: Doc) => falReference(doc);

const temp: string[] = [];
const tempDir = (p: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), p));
  temp.push(d);
  return d;
};
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

describe("fal's real catalog", () => {
  test("the catalog holds 232 documents, 230 specs and 2 error answers", () => {
    expect(ALL).toHaveLength(232);
    expect(ALL.filter((f) => isErrorAnswer(readDoc(f)))).toEqual(ERROR_ANSWERS);
    for (const f of SAMPLE) expect(ALL).toContain(f);
  });

  describe(LONG ? "every real document" : `a sample of ${SAMPLE.length} real documents`, () => {
    const files = LONG ? ALL.filter((f) => !ERROR_ANSWERS.includes(f)) : SAMPLE;
    let out = "";
    let names: Map<string, string>;

    beforeAll(async () => {
      const specs = tempDir("modelgen-fal-specs-");
      for (const f of files) {
        mkdirSync(path.dirname(path.join(specs, f)), { recursive: true });
        cpSync(path.join(CATALOG, f), path.join(specs, f));
      }
      out = tempDir("modelgen-fal-out-");
      // One run, all or nothing: a single broken document would throw here.
      const result = await generate({ specs: [specs], cacheDir: null });
      writeOutput(out, result.files);
      expect(result.models).toHaveLength(files.length);
      expect(new Set(result.models.map((m) => m.provider))).toEqual(new Set(["fal"]));
      names = new Map(result.models.map((m) => [m.modelId, m.name]));
    }, 900_000);

    test(
      "isTask gives Ajv's verdict on random payloads, and Ajv-valid payloads compile as Task",
      async () => {
        let exercised = 0;
        let valid = 0;
        const checks: Record<string, string> = {};
        for (const [i, f] of files.entries()) {
          const doc = readDoc(f);
          const id: string = doc.info["x-fal-metadata"].endpointId;
          const name = names.get(id);
          expect(name, `${f} was generated`).toBeDefined();
          const mod = await importModule(out, name!);
          expect(mod.modelId).toBe(id);
          expect(mod.provider).toBe("fal");
          const { input, validate } = reference(doc);
          const accepted: unknown[] = [];
          fc.assert(
            fc.property(payloadArbitrary(doc, input), (payload) => {
              exercised++;
              const verdict = validate(payload) === true;
              expect(mod.isTask(payload), `${f}: ${JSON.stringify(payload).slice(0, 400)}`).toBe(verdict);
              expect(mod.validateTask(payload).length === 0).toBe(verdict);
              if (verdict) {
                valid++;
                if (accepted.length < 4) accepted.push(payload);
              }
            }),
            { seed: 20 + i, numRuns: RUNS, endOnFailure: true },
          );
          const from = `./${name}/index.js`;
          checks[path.join(out, `check-${i}.ts`)] = `import type { Task, TaskInput } from ${JSON.stringify(from)};\n${accepted.map((p, j) => `export const t${j}: Task = ${tsLiteral(p)};\nexport const u${j}: TaskInput = t${j};`).join("\n")}\n`;
        }
        console.log(`fal catalog: ${files.length} documents, ${exercised} payloads, ${valid} valid per Ajv`);
        expect(exercised).toBe(files.length * RUNS);
        // Both verdicts occur: the payloads are not all valid, nor all invalid.
        expect(valid).toBeGreaterThan(exercised / 10);
        expect(valid).toBeLessThan(exercised);
        const diagnostics = typeCheck([], checks);
        expect(diagnostics.map((d) => `${path.basename(d.file)}:${d.line}: ${d.message}`)).toEqual([]);
      },
      LONG ? 1_800_000 : 300_000,
    );

    test("each module binds the fal client and its webhooks", async () => {
      const first = names.values().next().value!;
      const mod = await importModule(out, first);
      for (const k of ["createClient", "parseWebhook", "handleWebhook", "isTask", "validateTask"]) expect(typeof mod[k], k).toBe("function");
      const client = mod.createClient({ apiKey: "fal-test-key-0123456789" });
      expect(Object.keys(client).sort()).toEqual(["cancel", "result", "run", "status", "submit"]);
      const dts = readFileSync(path.join(out, first, "index.d.ts"), "utf8");
      expect(dts).toContain("type ModelFunctions = FalModel<Task, TaskInput, Output>;");
      expect(dts).toContain('export declare const createClient: ModelFunctions["createClient"];');
      expect(dts).toMatch(/export type Output =|export interface Output /);
    });
  });

  describe("broken documents", () => {
    const good = SAMPLE.slice(0, 1);
    const folder = (extra: Record<string, unknown>) => {
      const specs = tempDir("modelgen-fal-broken-");
      for (const f of good) {
        mkdirSync(path.dirname(path.join(specs, f)), { recursive: true });
        cpSync(path.join(CATALOG, f), path.join(specs, f));
      }
      for (const [rel, doc] of Object.entries(extra)) {
        mkdirSync(path.dirname(path.join(specs, rel)), { recursive: true });
        writeFileSync(path.join(specs, rel), JSON.stringify(doc, null, 2));
      }
      return specs;
    };
    // A real document whose Input refers to a schema the document does not define (fal's TrackPoint case).
    const missingRef = () => {
      const doc = readDoc(SAMPLE[0]!);
      const input = doc.components.schemas.KlingVideoV25TurboProTextToVideoInput;
      input.properties.trajectory = { type: "array", items: { $ref: "#/components/schemas/TrackPoint" } };
      return doc;
    };

    test("an error answer, and a $ref to a missing schema: exit 2, one line naming the file; nothing written", () => {
      for (const [rel, doc, words] of [
        [ERROR_ANSWERS[0]!, readDoc(ERROR_ANSWERS[0]!), /an error answer instead of a spec \(expansion_failed: OpenAPI schema not available for this endpoint\)/],
        ["text-to-video/fal-ai/broken/track.json", missingRef(), /unresolvable \$ref "#\/components\/schemas\/TrackPoint": nothing at that pointer/],
      ] as const) {
        const specs = folder({ [rel]: doc });
        const out = path.join(specs, "..", `${path.basename(specs)}-out`);
        const r = runCli(["generate", "--specs", specs, "--out", out, "--no-cache"]);
        expect(r.code).toBe(2);
        const lines = r.stderr.trim().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(rel);
        expect(lines[0]).toMatch(words);
        expect(existsSync(out)).toBe(false);
      }
    });

    test("--skip-broken generates the rest and names each broken document", () => {
      const specs = folder({ [ERROR_ANSWERS[1]!]: readDoc(ERROR_ANSWERS[1]!), "text-to-video/fal-ai/broken/track.json": missingRef() });
      const out = tempDir("modelgen-fal-skip-out-");
      const r = runCli(["generate", "--specs", specs, "--out", out, "--no-cache", "--skip-broken"]);
      expect(r.code).toBe(0);
      const skipped = r.stderr.split("\n").filter((l) => l.startsWith("skipped: "));
      expect(skipped).toHaveLength(2);
      expect(skipped[0]).toContain("fal-ai/broken/track.json");
      expect(skipped[1]).toContain(ERROR_ANSWERS[1]);
      expect(r.stderr).toContain("modelgen: skipped 2 broken specs (--skip-broken)");
      const registry = readFileSync(path.join(out, "index.js"), "utf8");
      for (const f of good) expect(registry).toContain(readDoc(f).info["x-fal-metadata"].endpointId);
      expect(registry).not.toContain("wan/v2.1/1.3b");
    });
  });
});
