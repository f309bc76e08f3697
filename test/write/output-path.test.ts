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

describe("a file generate did not read (ON_DISK)", () => {
  test("is never written: without its listing as on disk, the writer refuses it, in a new folder and in a patch", async () => {
    const { mkdtempSync, readdirSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { ON_DISK, diffOutput, withManifest, writeOutput } = await import("../../generator/write/write.js");
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-on-disk-"));
    const out = path.join(dir, "gen");
    expect(() => writeOutput(out, withManifest({ "m/index.js": ON_DISK }))).toThrow(/m\/index\.js was not read/);
    expect(readdirSync(dir)).toEqual([]);
    writeOutput(out, withManifest({ "m/index.js": "export {};\n" }));
    expect(() => writeOutput(out, withManifest({ "m/index.js": ON_DISK }))).toThrow(/m\/index\.js was not read/);
    expect(() => diffOutput(out, { "m/index.js": ON_DISK })).toThrow(/m\/index\.js was not read/);
    // Listed as on disk, it is left as it is.
    expect(diffOutput(out, withManifest({ "m/index.js": ON_DISK }), new Set(["m/index.js"])).changed).toEqual([]);
  });
});
