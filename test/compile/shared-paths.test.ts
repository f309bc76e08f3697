// withSharedPaths writes the error sites' schema paths back with their common prefixes as module constants: each
// site must still make exactly its own path, and the code must get shorter.
import vm from "node:vm";
import { expect, test } from "vitest";
import { withSharedPaths } from "../../generator/compile/validator.js";

test("every marked schema path evaluates to itself, prefixes shared", () => {
  const values: string[] = [];
  for (let a = 0; a < 8; a++) for (const k of ["type", "const", "required"]) values.push(`#/allOf/${a}/then/oneOf/${a % 3}/properties/width/${k}`);
  values.push("#/type", "#/properties/x/type", "#/properties/</script>/enum", "#/properties/a b/type", "#/allOf/1/then/oneOf/");
  const paths = values.map((v) => JSON.stringify(v));
  const marked = paths.map((_, i) => `out.push(\0${i}\0);\n`).join("");
  const code = withSharedPaths(marked, paths);
  const out: string[] = [];
  vm.runInNewContext(code, { out });
  expect(out).toEqual(values);
  expect(code).toMatch(/^const __sp0 = "#\/allOf\/"/);
  expect(code.length).toBeLessThan(paths.map((p) => `out.push(${p});\n`).join("").length);
  // Nothing to share: the paths as they were.
  expect(withSharedPaths("f(\u00000\u0000);", ['"#/type"'])).toBe('f("#/type");');
});
