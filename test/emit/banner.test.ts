// The banner of a README page is an HTML comment: a spec or overlay name must not be able to close it early.
import { expect, test } from "vitest";
import { banner } from "../../generator/emit/module.js";

test.each(["specs/a--->b.json", "specs/--.json", "specs/x---->y.json", "specs/-->.json"])("a README banner for %s stays one closed comment", (file) => {
  const text = banner({ file, hash: "0".repeat(64), overlays: [`${file}.overlay--->.yaml`] }, "md");
  expect(text.startsWith("<!-- ")).toBe(true);
  expect(text.endsWith(" -->\n")).toBe(true);
  // The only `--` is in the opening and closing markers.
  expect(text.slice(4, -4)).not.toContain("--");
});

test("a JavaScript banner keeps `*/` out of the doc comment", () => {
  const text = banner({ file: "specs/a*/b.json", hash: "0".repeat(64), overlays: [] }, "js");
  expect(text.trimEnd().endsWith("*/")).toBe(true);
  expect(text.trimEnd().slice(0, -2)).not.toContain("*/");
});
