// What the writer counts as a path inside the output folder (write/write.ts isOutputPath): the manifest's entries
// and every file it writes must be one.
import { describe, expect, test } from "vitest";
import { isOutputPath } from "../../generator/write/write.js";

describe("isOutputPath", () => {
  test("relative paths in / steps are", () => {
    for (const rel of ["index.js", "runware/alibaba-wan2-7/index.d.ts", "_runtime/validation/index.js", ".modelgen-manifest.json", "a..b/c"]) expect(isOutputPath(rel), rel).toBe(true);
  });
  test("empty, absolute, dotted, backslashed or NUL paths are not", () => {
    for (const rel of ["", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", "a\\b", "..\\x", "a\u0000b", ".", ".."]) expect(isOutputPath(rel), JSON.stringify(rel)).toBe(false);
  });
});
