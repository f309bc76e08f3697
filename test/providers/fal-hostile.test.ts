// fal documents are untrusted input like any spec: the endpoint id (the model id, written into code and the
// registry) and x-fal-order-properties come from the document. Hostile values stay data; an endpoint id that
// names no path of the document is refused with one line.
import { afterAll, describe, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "../../generator/pipeline.js";
import { writeOutput } from "../../generator/write/write.js";
import { importModule } from "../conformance/generate-all.js";
import { runCli } from "../helpers/cli.js";
import { ROOT } from "../helpers/generated.js";

const KLING = path.join(ROOT, "specs/fal/fal-ai/kling-video/v2.5-turbo/pro/text-to-video.json");
const OLD_ID = "fal-ai/kling-video/v2.5-turbo/pro/text-to-video";
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), "modelgen-fal-hostile-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The Kling document with its endpoint id replaced everywhere (metadata and the four paths). */
function withEndpoint(id: string, edit: (doc: any) => void = () => {}) {
  const doc = JSON.parse(readFileSync(KLING, "utf8"));
  doc.info["x-fal-metadata"].endpointId = id;
  doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([p, v]) => [p.replace(`/${OLD_ID}`, `/${id}`), v]));
  edit(doc);
  return doc;
}

describe("hostile fal documents", () => {
  test("an endpoint id with quotes, a comment end, a line separator and markup stays a string; hostile order lists are data", async () => {
    const id = 'evil"/*x*/\u2028`${process.exit(3)}`</script>-->';
    const doc = withEndpoint(id, (d) => {
      const input = d.components.schemas.KlingVideoV25TurboProTextToVideoInput;
      input["x-fal-order-properties"] = ["__proto__", "constructor", "cfg_scale", 42, "prompt"];
    });
    const specs = temp();
    writeFileSync(path.join(specs, "evil.json"), JSON.stringify(doc));
    const out = temp();
    const result = await generate({ specs: [specs], cacheDir: null });
    writeOutput(out, result.files);
    const mod = await importModule(out, "evil");
    expect(mod.modelId).toBe(id);
    expect(mod.provider).toBe("fal");
    expect(mod.isTask({ prompt: "a fox" })).toBe(true);
    const registry = await import(path.join(out, "index.js"));
    expect(registry.modelIds).toEqual([id]);
    // Listed names come first in their order; names that are not properties (or not strings) are ignored.
    const readme = readFileSync(path.join(out, "evil/README.md"), "utf8");
    const rows = readme.split("\n").filter((l) => l.startsWith("| `")).map((l) => l.split("|")[1]!.trim());
    expect(rows.slice(0, 2)).toEqual(["`cfg_scale`", "`prompt`"]);
  });

  test("an endpoint id that names no path of the document: exit 2, one line", () => {
    const doc = JSON.parse(readFileSync(KLING, "utf8"));
    doc.info["x-fal-metadata"].endpointId = "fal-ai/somewhere-else";
    const specs = temp();
    mkdirSync(path.join(specs, "fal"), { recursive: true });
    writeFileSync(path.join(specs, "fal/moved.json"), JSON.stringify(doc, null, 2));
    const r = runCli(["generate", "--specs", specs, "--out", path.join(specs, "out"), "--no-cache"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("fal/moved.json");
    expect(lines[0]).toContain('expected a POST operation with a requestBody (the model\'s task) at "/fal-ai/somewhere-else"');
  });
});
