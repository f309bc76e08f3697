// `modelgen validate`: every rule of the Wan 2.7 spec with its exact message, the three formats, exit codes.
import { describe, expect, test } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { readFileSync } from "node:fs";
import { ROOT, importModel } from "../helpers/generated.js";
import { runCli } from "../helpers/cli.js";

const wan = await importModel(path.join(ROOT, "generated"), "runware/alibaba-wan2-7");
const base = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: "alibaba:wan@2.7" };
const t2v = { ...base, positivePrompt: "a fox", width: 1280, height: 720 };
const image = "https://assets.example.com/a.jpg";
const allowed =
  "allowed: 1280×720 (720p (16:9)), 720×1280 (720p (9:16)), 960×960 (720p (1:1)), 1088×832 (720p (~4:3)), 832×1088 (720p (~3:4)), 1920×1080 (1080p (16:9)), 1080×1920 (1080p (9:16)), 1440×1440 (1080p (1:1)), 1632×1248 (1080p (~4:3)), 1248×1632 (1080p (~3:4))";

describe("validateTask: one message in words per broken rule of the Wan 2.7 spec", () => {
  const cases: [string, object, { path: string; message: string }[]][] = [
    ["allOf[0] dependentRequired + allOf[1] + allOf[2]: width without height", { ...base, positivePrompt: "x", width: 1280 }, [
      { path: "/width", message: "width requires height" },
      { path: "/width", message: "width/height are required when width or height is given" },
      { path: "", message: "width/height are required unless inputs.frameImages is given" },
    ]],
    ["allOf[1]: a size that is not in the table", { ...t2v, width: 1280, height: 1280 }, [{ path: "/width", message: `width/height 1280×1280 is not an allowed combination; ${allowed}` }]],
    ["allOf[2] then: frameImages with a size", { ...t2v, inputs: { frameImages: [{ image }] } }, [{ path: "/width", message: "inputs.frameImages cannot be combined with width/height" }]],
    ["allOf[2] else: no size and no frameImages", { ...base, positivePrompt: "x" }, [{ path: "", message: "width/height are required unless inputs.frameImages is given" }]],
    ["allOf[3]: frameImages with referenceImages", { ...base, inputs: { frameImages: [{ image }], referenceImages: [image] } }, [{ path: "/inputs/referenceImages", message: "inputs.frameImages cannot be combined with inputs.referenceImages" }]],
    ["allOf[4]: frameImages with referenceVideos", { ...base, inputs: { frameImages: [{ image }], referenceVideos: [image] } }, [{ path: "/inputs/referenceVideos", message: "inputs.frameImages cannot be combined with inputs.referenceVideos" }]],
    ["allOf[5]: duration over 10 with references", { ...t2v, duration: 15, inputs: { referenceImages: [image] } }, [{ path: "/duration", message: "duration must be at most 10 when inputs.referenceImages or inputs.referenceVideos is given (got 15)" }]],
    ["allOf[6]: shotType without a reference", { ...t2v, settings: { shotType: "multi" } }, [{ path: "/settings/shotType", message: "settings.shotType requires inputs.referenceImages or inputs.referenceVideos" }]],
    ["allOf[7]: no positivePrompt and no frameImages", { ...base, width: 1280, height: 720 }, [{ path: "", message: "positivePrompt is required unless inputs.frameImages is given" }]],
    ["unknown property", { ...t2v, colour: "red" }, [{ path: "/colour", message: "colour is not a known property" }]],
    ["wrong enum", { ...t2v, outputFormat: "GIF" }, [{ path: "/outputFormat", message: 'outputFormat must be one of "MP4", "WEBM", "MOV" (got "GIF")' }]],
    ["range", { ...t2v, duration: 20 }, [{ path: "/duration", message: "duration must be at most 15 (got 20)" }]],
    ["type", { ...t2v, seed: "42" }, [{ path: "/seed", message: 'seed must be an integer (got string)' }]],
    ["image input alternatives", { ...t2v, inputs: { referenceImages: ["not an image"] } }, [{ path: "/inputs/referenceImages/0", message: "inputs.referenceImages[0] must be a UUID, a URI, a string matching ^data:image\\/[a-zA-Z]+;base64,[a-zA-Z0-9+/=]+$ or a string matching ^[a-zA-Z0-9+/=]+$" }]],
    ["a valid image-to-video task", { ...base, inputs: { frameImages: [{ image, frame: "first" }] } }, []],
  ];
  for (const [name, task, issues] of cases) test(name, () => expect(wan.validateTask(task)).toEqual(issues));
});

describe("modelgen validate (the CLI)", () => {
  // The five seed 001 examples, saved as files the way a team keeps payloads.
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-payloads-"));
  const overlay = YAML.parse(readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-7.overlay.yaml"), "utf8"));
  const examples = overlay.actions.find((a: any) => a.update?.examples).update.examples;
  for (const [name, ex] of Object.entries<any>(examples)) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(ex.value[0], null, 2) + "\n");

  test("text: passes three, fails the two that combine frameImages with width/height with one message each, exit 1", () => {
    const r = runCli(["validate", path.join(dir, "*.json")]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("✓"))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith("✗")).map((l) => path.basename(l.split(" ")[1]!))).toEqual(["tidal-basilica-of-kites.json", "volcanic-violinist-arrival-sequence.json"]);
    expect(lines.filter((l) => l.includes("cannot be combined"))).toHaveLength(2);
    expect(lines.at(-1)).toBe("3 valid, 2 invalid");
  });

  test("github: one annotation per broken rule, with the line of the offending property", () => {
    const file = path.join(dir, "tidal-basilica-of-kites.json");
    const r = runCli(["validate", "--format", "github", file]);
    expect(r.code).toBe(1);
    const widthLine = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes('"width"')) + 1;
    expect(r.stdout).toBe(`::error file=${file.replace(/:/g, "%3A")},line=${widthLine},col=3,title=modelgen%3A alibaba%3Awan@2.7::/width: inputs.frameImages cannot be combined with width/height\n0 valid, 1 invalid\n`);
  });

  test("json: machine-readable results; all valid exits 0", () => {
    const r = runCli(["validate", "--format", "json", path.join(dir, "frosted-railway-balloon-ascent.json"), path.join(dir, "glacial-caravan-on-mirrorplain.json")]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: 2, invalid: 0, results: [] });
  });

  test("arrays of tasks and JSON Lines from stdin; an unknown model names the closest ids", () => {
    const second = JSON.stringify({ ...t2v, model: "alibaba:wan@2.8" });
    const lines = [JSON.stringify(t2v), second].join("\n");
    const r = runCli(["validate", "--format", "json", "-"], { input: lines });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results).toEqual([
      { file: "<stdin>", index: 1, model: "alibaba:wan@2.8", line: 2, column: second.indexOf('"model"') + 1, path: "/model", message: 'unknown model "alibaba:wan@2.8"; the closest known ids: alibaba:wan@2.6, alibaba:wan@2.7, alibaba:wan@2.7-image' },
    ]);
  });

  test("--specs compiles specs instead of using the registry", () => {
    const r = runCli(["validate", "--specs", "test/fixtures/specs/seed/alibaba-wan2-7.json", path.join(dir, "frosted-railway-balloon-ascent.json")]);
    expect(r.code).toBe(0);
  });

  test("bad usage and unreadable input exit 2 with no stack trace", () => {
    for (const args of [["validate"], ["validate", "--format", "xml", "a.json"], ["validate", "nope.json"], ["validate", "--nope"]]) {
      const r = runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^modelgen: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const bad = path.join(dir, "broken.txt");
    writeFileSync(bad, '{"model": "alibaba:wan@2.7",, }');
    const r = runCli(["validate", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelgen: ${bad}:1:29: invalid JSON (expected a property name in double quotes)\n`);
  });
});
