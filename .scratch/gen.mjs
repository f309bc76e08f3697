// usage: node .scratch/gen.mjs '<task schema json>'
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path"; import os from "node:os";
const task = JSON.parse(process.argv[2]);
const model = "test:dbg@1";
const properties = { taskType: { const: "videoInference" }, taskUUID: { type: "string" }, model: { const: model }, ...task.properties };
const spec = { openapi: "3.1.0", info: { title: "dbg", version: "1" }, paths: { "/": { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/RequestBody" } } } }, responses: { "200": { description: "ok" } } } } },
  components: { schemas: { RequestBody: { type: "array", items: { type: "object", additionalProperties: false, ...task, properties, required: ["taskType", "taskUUID", "model", ...(task.required ?? [])] } } } } };
const dir = mkdtempSync(path.join(os.tmpdir(), "dbg-"));
writeFileSync(path.join(dir, "dbg.json"), JSON.stringify(spec));
execFileSync(process.execPath, ["bin/modelgen.js", "generate", "--specs", dir, "--out", path.join(dir, "out"), "--no-cache"], { stdio: "inherit" });
console.log(readFileSync(path.join(dir, "out/dbg/index.d.ts"), "utf8").split("\n").filter(l => !/^\s*(\*|\/\*\*)/.test(l)).join("\n").slice(0, 6000));
console.log(dir);
