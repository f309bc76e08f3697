// generated/ consumed as a package, the way an application or a CI job would: installed under node_modules as
// modelgen-models, imported by name (the registry and a model's subpath export) from plain Node.
import { expect, test } from "vitest";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";

test("import modelgen-models and modelgen-models/runware/alibaba-wan2-7 from plain Node", () => {
  const app = mkdtempSync(path.join(os.tmpdir(), "modelgen-consumer-"));
  mkdirSync(path.join(app, "node_modules"));
  symlinkSync(path.join(ROOT, "generated"), path.join(app, "node_modules", "modelgen-models"), "dir");
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ type: "module", private: true }));
  writeFileSync(
    path.join(app, "main.js"),
    `import { models, modelIds, loadModel } from "modelgen-models";
import { modelId, isTask, validateTask } from "modelgen-models/runware/alibaba-wan2-7";
const task = { taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: modelId, inputs: { frameImages: [{ image: "https://example.com/a.jpg" }] } };
const fromRegistry = (await loadModel(models[modelId].modelId)).validateTask({ ...task, width: 1280, height: 720 });
console.log(JSON.stringify({ modelIds, fromRegistry, isTask: isTask(task), issues: validateTask(task) }));
`,
  );
  const r = spawnSync(process.execPath, ["main.js"], { cwd: app, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(JSON.parse(r.stdout)).toEqual({
    modelIds: ["alibaba:wan@2.6", "alibaba:wan@2.7", "alibaba:wan@2.7-image", "fal-ai/kling-video/o1/video-to-video/edit", "fal-ai/kling-video/v2.5-turbo/pro/text-to-video", "fal-ai/minimax/hailuo-02/standard/text-to-video", "fal-ai/veo3", "fal-ai/wan/v2.2-a14b/text-to-video", "runflow:alibaba/wan/v2.7/text-to-video", "veed/lipsync"],
    fromRegistry: [{ path: "/width", message: "inputs.frameImages cannot be combined with width/height" }],
    isTask: true,
    issues: [],
  });
});
