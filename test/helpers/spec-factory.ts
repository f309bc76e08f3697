// Build small Runware-shaped specs for tests: a task schema (and examples) wrapped in the OpenAPI boilerplate.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function runwareSpec(task: Record<string, unknown>, { model = "test:model@1", examples }: { model?: string; examples?: Record<string, unknown> } = {}) {
  const properties = { taskType: { const: "videoInference" }, taskUUID: { type: "string" }, model: { const: model }, ...(task.properties as object) };
  return {
    openapi: "3.1.0",
    info: { title: `Test ${model}`, version: "1.0.0" },
    paths: {
      "/": {
        post: {
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/RequestBody" }, ...(examples ? { examples } : {}) } } },
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      schemas: {
        RequestBody: {
          type: "array",
          items: { type: "object", additionalProperties: false, ...task, properties, required: ["taskType", "taskUUID", "model", ...((task.required as string[]) ?? [])] },
        },
      },
    },
  };
}

/** Write specs (name → object or raw text) into a new temporary folder; returns the folder. */
export function writeSpecs(specs: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-specs-"));
  for (const [name, spec] of Object.entries(specs)) writeFileSync(path.join(dir, name), typeof spec === "string" ? spec : JSON.stringify(spec, null, 2));
  return dir;
}
