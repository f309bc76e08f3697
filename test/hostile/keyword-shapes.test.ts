// A keyword whose value has the wrong shape (`enum: {}`, `minItems: -1`, `type: {…}`) is one line naming the file
// and the place, exit 2: the rules' analysis and the Output's type generation read keywords before Ajv's compile
// checked them, and crashed (`want.includes is not a function`, `schema.enum.map is not a function` from
// json-schema-to-typescript, which also printed its own error text). The task schema's case is in the broken
// corpus (cases.ts: keyword-wrong-shape.json); here, a fal document's response schema.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ROOT } from "../helpers/generated.js";

const work = mkdtempSync(path.join(tmpdir(), "modelgen-keyword-shapes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test.each([
  ["enum: {}", { enum: {} }, "enum"],
  ["minItems: -1", { minItems: -1 }, "minItems"],
  ["type: {…}", { type: { type: "null" } }, "type"],
])("a response schema's %s: one line naming the file and the keyword, exit 2", (_, bad, keyword) => {
  const dir = path.join(work, keyword);
  mkdirSync(path.join(dir, "specs/fal/veed"), { recursive: true });
  const file = path.join(dir, "specs/fal/veed/lipsync.json");
  const doc = JSON.parse(readFileSync(path.join(ROOT, "specs/fal/veed/lipsync.json"), "utf8"));
  Object.assign(doc.components.schemas.LipsyncOutput.properties.video, bad);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const r = runCli(["generate", "--no-cache", "--specs", path.join(dir, "specs"), "--out", path.join(dir, "out")], { cwd: dir });
  expect(r.stderr).not.toMatch(/^\s+at /m);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^modelgen: specs/fal/veed/lipsync\\.json:/\\S+/properties/video/${keyword}: "${keyword}" has a value of the wrong shape for a JSON Schema 2020-12 keyword`));
  expect(r.code).toBe(2);
});
