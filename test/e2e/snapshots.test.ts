// Every file generated for the fixture specs is a reviewed snapshot: a change in output is always a diff.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fixturesOut, listFiles } from "../helpers/generated.js";

describe("generated files for the fixture specs", () => {
  const out = fixturesOut();
  for (const rel of listFiles(out)) {
    test(rel, async () => {
      await expect(readFileSync(path.join(out, rel), "utf8")).toMatchFileSnapshot(path.join("../__snapshots__/generated", `${rel}.snap`));
    });
  }
});
