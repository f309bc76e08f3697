// A rule branch that tests a place no rule of the case split tests (found by the hostile probe: `if: true` inside an
// array item's alternative, beside a `not: {}` that makes every task invalid) crashed lint and generate with "the
// formula mentions a variable that is not in the split". Lint cannot decide that branch's vacuity: undecided, no
// finding, and the rest of the run goes on.
import { expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { runCli } from "../helpers/cli.js";
import { writeSpecs } from "../helpers/spec-factory.js";

test("lint and generate decide what they can and name the spec's real error instead of crashing", () => {
  const doc = JSON.parse(readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-7-image.json"), "utf8"));
  const items = doc.components.schemas.RequestBody.items;
  items.allOf[0].not = {};
  items.properties.inputs.properties.referenceImages.items.anyOf[3].if = true;
  const dir = writeSpecs({ "m.json": doc });
  const lint = runCli(["lint", "--specs", dir]);
  expect(lint.stderr).not.toContain("unexpected error");
  expect(lint.code, lint.stderr).toBe(1);
  expect(lint.stdout).toContain("error: no task can ever be valid: allOf[0]");
  const gen = runCli(["generate", "--no-cache", "--specs", dir, "--out", path.join(dir, "out")]);
  expect(gen.stderr).not.toContain("unexpected error");
  expect(gen.code, gen.stderr).toBe(0);
});
