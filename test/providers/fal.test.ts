// fal's documents as fal publishes them: recognised by their servers and metadata; the task is the POST
// /{endpoint id} body, the Output the GET …/requests/{request_id} answer, the model id the endpoint id; the Input's
// properties follow x-fal-order-properties.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { loadSpec } from "../../generator/load/spec.js";
import { buildIR } from "../../generator/ir/build.js";
import { orderProperties } from "../../generator/providers/fal/order.js";
import { formats } from "../../templates/validation/formats.js";
import { ROOT } from "../helpers/generated.js";

const KLING = path.join(ROOT, "test/fixtures/fal-catalog/text-to-video/fal-ai/kling-video/v2.5-turbo/pro/text-to-video.json");

describe("a fal document", () => {
  test("is recognised, its task is the endpoint's POST body, its Output the result answer, its id the endpoint id", async () => {
    const spec = await loadSpec({ file: KLING, root: null });
    expect(spec.provider).toBe("fal");
    expect(spec.operation.path).toBe("/fal-ai/kling-video/v2.5-turbo/pro/text-to-video");
    expect(spec.taskSourcePointer).toBe("/components/schemas/KlingVideoV25TurboProTextToVideoInput");
    expect(spec.bodyIsArray).toBe(false);
    const ir = buildIR(spec, { formats });
    expect(ir.meta.modelId).toBe("fal-ai/kling-video/v2.5-turbo/pro/text-to-video");
    expect(ir.meta.clientFilled).toEqual([]);
    const output = ir.responses.output?.schema;
    expect(output && typeof output === "object" && Object.keys(output.properties ?? {})).toEqual(["video"]);
    // fal's display order, not name order: prompt first.
    expect(Object.keys(ir.task.properties ?? {})).toEqual(["prompt", "duration", "aspect_ratio", "negative_prompt", "cfg_scale"]);
  });

  test("x-fal-order-properties orders properties; unlisted names follow, listed names that are not properties are ignored", () => {
    const out = orderProperties({
      type: "object",
      "x-fal-order-properties": ["c", "ghost", "a"],
      properties: { a: { type: "string" }, b: { type: "object", "x-fal-order-properties": ["z", "y"], properties: { y: {}, z: {} } }, c: { type: "integer" } },
    });
    expect(Object.keys(out.properties ?? {})).toEqual(["c", "a", "b"]);
    const b = out.properties?.b;
    expect(b && typeof b === "object" && Object.keys(b.properties ?? {})).toEqual(["z", "y"]);
  });
});
