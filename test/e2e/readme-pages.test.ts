// The reference page of each model: every snippet on every page type-checks against its module, and the
// Wan 2.7 page answers "how do I make an image-to-video request, and what can't I combine".
import { describe, expect, test } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, fixturesOut, listFiles } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";

const pages = (dir: string) => listFiles(dir).filter((f) => f.endsWith("/README.md")).map((f) => ({ dir, rel: f, text: readFileSync(path.join(dir, f), "utf8") }));

describe("model reference pages", () => {
  const all = [...pages(path.join(ROOT, "generated")), ...pages(fixturesOut())];

  test("every ```ts snippet on every page type-checks (one strict program)", () => {
    const virtual: Record<string, string> = {};
    for (const p of all) {
      const moduleDir = path.join(p.dir, path.dirname(p.rel));
      const snippets = [...p.text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
      snippets.forEach((s, i) => {
        // The page imports the package path a consumer uses; point it at the module file for the check.
        const text = s.replace(/from "modelgen-models\/[^"]+"/, `from ${JSON.stringify(path.join(moduleDir, "index.js"))}`);
        virtual[path.join(ROOT, "test/.out/snippets", p.rel.replace(/\//g, "_"), `snippet-${i}.ts`)] = `declare const process: { env: Record<string, string | undefined> };\n${text}\nexport {};\n`;
      });
    }
    expect(Object.keys(virtual).length).toBeGreaterThan(20);
    const diagnostics = typeCheck([], virtual);
    expect(diagnostics.map((d) => `${path.relative(ROOT, d.file)}:${d.line}: ${d.message}`)).toEqual([]);
  });

  test("every relative link on every page reaches a file, and its #anchor a heading there (the shared fields' page)", () => {
    // GitHub's id of a heading: lower case, spaces as hyphens, other punctuation dropped.
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
    let anchors = 0;
    for (const p of all) {
      for (const [, target] of p.text.matchAll(/\]\(((?:\.\.?\/)[^)\s]*)\)/g)) {
        const [file, anchor] = decodeURIComponent(target!).split("#");
        const at = path.join(p.dir, path.dirname(p.rel), file!);
        expect(existsSync(at), `${p.rel} links to ${target}`).toBe(true);
        if (anchor === undefined) continue;
        anchors++;
        const headings = [...readFileSync(at, "utf8").matchAll(/^#+ (.*)$/gm)].map((m) => slug(m[1]!));
        expect(headings, `${p.rel} links to ${target}`).toContain(anchor);
      }
    }
    expect(anchors).toBeGreaterThan(50);
  });

  test("the Wan 2.7 page: the image-to-video mode, what it needs and what it cannot be combined with", () => {
    const page = readFileSync(path.join(ROOT, "generated/runware/alibaba-wan2-7/README.md"), "utf8");
    const cells = (l: string) => l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const row = page.split("\n").map(cells).find((c) => c[0] === "`ImageToVideo`");
    expect(row).toBeDefined();
    const [, requires, forbids] = row!;
    expect(requires).toBe("`inputs.frameImages`");
    expect(forbids).toBe("`height`, `inputs.referenceImages`, `inputs.referenceVideos`, `settings.shotType`, `width`");
    expect(page).toContain("- `#/allOf/2/then`: inputs.frameImages cannot be combined with width/height");
    expect(page).toMatch(/### ImageToVideo\n\n```ts\n[^`]*\bframeImages: \[/);
    expect(page).toContain("Declared invalid; the validator finds it **invalid**.");
    expect(page).toContain("`specs/runware/alibaba-wan2-7.overlay.yaml`");
  });

  test("generated/README.md lists every model with a link to its page", () => {
    const index = readFileSync(path.join(ROOT, "generated/README.md"), "utf8");
    const ids = index.split("\n").filter((l) => l.startsWith("| `")).map((l) => l.split("|")[1]!.trim());
    expect(ids).toEqual(["`alibaba:wan@2.6`", "`alibaba:wan@2.7`", "`alibaba:wan@2.7-image`", "`fal-ai/kling-video/o1/video-to-video/edit`", "`fal-ai/kling-video/v2.5-turbo/pro/text-to-video`", "`fal-ai/minimax/hailuo-02/standard/text-to-video`", "`fal-ai/veo3`", "`fal-ai/wan/v2.2-a14b/text-to-video`", "`runflow:alibaba/wan/v2.7/text-to-video`", "`veed/lipsync`"]);
    for (const link of index.matchAll(/\]\(\.\/([^)]+)\)/g)) expect(listFiles(path.join(ROOT, "generated"))).toContain(link[1]);
  });
});
