// Every generated file type-checks in one strict tsc program: the committed generated/ and the fixtures.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { ROOT, fixturesOut, listFiles } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";

const sources = (dir: string) => listFiles(dir).filter((f) => /\.(d\.ts|js)$/.test(f)).map((f) => path.join(dir, f));

describe("generated code type-checks under tsc --strict", () => {
  test("generated/ and the fixture specs' output, in one program", () => {
    const files = [...sources(path.join(ROOT, "generated")), ...sources(fixturesOut())];
    expect(files.length).toBeGreaterThan(50);
    const diagnostics = typeCheck(files);
    expect(diagnostics.map((d) => `${path.relative(ROOT, d.file)}:${d.line}: ${d.message}`)).toEqual([]);
  });
});
