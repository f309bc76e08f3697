// What an editor shows on hover over a task's property, asked of TypeScript's language service (quick info, as
// VS Code asks it) against the committed Wan 2.7 module. Runware's common fields take their words from the runtime
// (_runtime/runtime/runware/fields.d.ts, emit/shared-fields.ts): the model's members say @inheritDoc, and the
// hover must still show those words, beside the model's own link and the words of a mode that forbids the field.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "../helpers/generated.js";

const MODULE = path.join(ROOT, "generated/runware/alibaba-wan2-7/index.js");
const FAL = path.join(ROOT, "generated/fal/fal-ai/kling-video/v2.5-turbo/pro/text-to-video/index.js");
const FILE = path.join(ROOT, "test/.out/hover-docs/use.ts");
const SOURCE = `import type { Task, TaskInput } from ${JSON.stringify(MODULE)};
const input: TaskInput = { positivePrompt: "p", uploadEndpoint: "https://example.com/up", taskUUID: "x" };
declare const task: Task;
task.uploadEndpoint; task.width; task.taskUUID; task.negativePrompt; task.positivePrompt;
import type { Output } from ${JSON.stringify(FAL)};
declare const output: Output;
output.video.url;
`;

/** The quick info at the n-th occurrence of `word` in SOURCE: its documentation and its tags, as text. */
function hover(word: string, nth: number): { doc: string; tags: string[] } {
  // ES5's library alone (Pick, Omit, Partial: the model's interfaces extend them): quick info needs the module's
  // declarations, not a type-correct program (the DOM's library would cost a second).
  const options: ts.CompilerOptions = { lib: ["lib.es5.d.ts"], types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => (f === FILE ? ts.ScriptSnapshot.fromString(SOURCE) : ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, "utf8")) : undefined),
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f === FILE || ts.sys.fileExists(f),
    readFile: (f) => (f === FILE ? SOURCE : ts.sys.readFile(f)),
  };
  service ??= ts.createLanguageService(host);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = SOURCE.indexOf(word, at + 1);
  if (at < 0) throw new Error(`no ${word} #${nth} in the source`);
  const info = service.getQuickInfoAtPosition(FILE, at + 1);
  return { doc: ts.displayPartsToString(info?.documentation), tags: (info?.tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`.trim()) };
}
let service: ts.LanguageService | undefined;

describe("hover over a Runware model's common field shows the shared words", () => {
  test("uploadEndpoint, in a TaskInput literal and on a Task: Runware's words and this model's own link", () => {
    for (const [word, nth] of [["uploadEndpoint", 0], ["uploadEndpoint", 1]] as const) {
      const { doc, tags } = hover(word, nth);
      expect(doc).toMatch(/^Upload Endpoint\nSpecifies a URL where the generated content will be automatically uploaded using the HTTP PUT method\./);
      expect(doc).toContain("https://storage.example.com/uploads/generated-image.jpg");
      expect(tags).toContain("@see [Read full documentation](https://runware.ai/docs/models/alibaba-wan2-7#uploadEndpoint)");
    }
  });

  test("width, which a mode forbids: the shared words, then the mode's rule", () => {
    const { doc } = hover("width", 0);
    expect(doc).toMatch(/^Width\nWidth of the generated media in pixels\.\n+Not in ImageToVideo: /);
  });

  test("positivePrompt, which a mode requires (its declaration there has no words): the shared words", () => {
    expect(hover("positivePrompt", 1).doc).toBe("Positive Prompt\nText prompt describing elements to include in the generated output.");
  });

  test("fal: a file of the output (fal's File, declared once in the runtime) shows its words", () => {
    expect(hover(".url", 0).doc).toBe("The URL where the file can be downloaded from.");
  });

  test("taskUUID shared, negativePrompt the model's own words (not shared): both shown", () => {
    expect(hover("taskUUID", 1).doc).toBe("Task UUID\nUUID v4 identifier for tracking tasks and matching async responses. Must be unique per task.");
    expect(hover("negativePrompt", 0).doc).toMatch(/^Negative Prompt\nPrompt to guide what to exclude from generation\./);
  });
});
