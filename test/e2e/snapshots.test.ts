// What the generator writes for the fixture specs, checked against a list made from the inputs (not from the output,
// where a file the generator stopped writing would just not be looked for), and the files a person reviews kept as
// snapshots: a change in them is always a diff.
//
// Ajv's standalone validator.js is not snapshotted (it was three quarters of the snapshot lines, none of them read):
// its behaviour is pinned by the differential test (golden payloads against Ajv on the published spec) and the JSON
// Schema Test Suite; its presence is checked here like every other file's.
import { describe, expect, test } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { FIXTURE_SPECS, ROOT, fixturesOut, listFiles } from "../helpers/generated.js";
import { providers } from "../../generator/providers/index.js";

const SNAPSHOTS = path.join(import.meta.dirname, "../__snapshots__/generated");

/** Spec files under a fixture folder, as the CLI finds them: JSON or YAML, overlays aside. */
function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return specFiles(p);
    return /\.(json|ya?ml)$/i.test(e.name) && !/\.overlay\.(json|ya?ml)$/i.test(e.name) ? [p] : [];
  });
}

/** `<root>/a/b.json` → the module folder `a/b`. */
const fixtureModules = (): string[] =>
  Object.values(FIXTURE_SPECS)
    .flatMap((root) => specFiles(root).map((f) => path.relative(root, f).replace(/\\/g, "/").replace(/\.(json|ya?ml)$/i, "").replace(/\.openapi$/i, "")))
    .sort();

/** Template sources under a folder, at any depth, as paths relative to templates/. */
function templateSources(rel: string): string[] {
  return readdirSync(path.join(ROOT, "templates", rel), { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return templateSources(`${rel}/${e.name}`);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") && !e.name.endsWith(".test.ts") ? [`${rel}/${e.name}`] : [];
  });
}

/**
 * The runtime shipped in _runtime/: one bundle per top templates/ folder with an index (and a declaration file per
 * template there, at any depth), a folder's command (bin.ts) bundled on its own, without declarations, and each
 * provider's shared fields (their declarations and page: emit/shared-fields.ts).
 */
function runtimeFiles(): string[] {
  const dir = path.join(ROOT, "templates");
  const shared = providers.flatMap(({ sharedFields: s }) => (s ? [`_runtime/${s.declarations}`, ...(s.page ? [`_runtime/${s.page}`] : [])] : []));
  return [...shared, ...readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((folder) => {
      const sources = templateSources(folder.name);
      const imported = sources.includes(`${folder.name}/index.ts`);
      return [...(imported ? sources.map((f) => `_runtime/${f.replace(/\.ts$/, ".d.ts")}`) : []), ...(imported ? [`_runtime/${folder.name}/index.js`] : []), ...(sources.includes(`${folder.name}/bin.ts`) ? [`_runtime/${folder.name}/bin.js`] : [])];
    })];
}

const MODULE_FILES = ["index.js", "index.d.ts", "validator.js", "README.md"];
const REGISTRY_FILES = ["index.js", "index.d.ts", "package.json", "README.md"];
const MANIFEST = ".modelgen-manifest.json";

/** Each spec as the package carries it for the next `modelgen version` (_specs/<path under its root>). */
const shippedSpecs = (): string[] => Object.values(FIXTURE_SPECS).flatMap((root) => specFiles(root).map((f) => `_specs/${path.relative(root, f).replace(/\\/g, "/")}`));
const expected = [...REGISTRY_FILES, MANIFEST, ...runtimeFiles(), ...shippedSpecs(), ...fixtureModules().flatMap((m) => MODULE_FILES.map((f) => `${m}/${f}`))].sort();
/** What a person reviews: everything but Ajv's output. */
const snapshotted = expected.filter((f) => !f.endsWith("/validator.js") && !f.startsWith("_specs/"));
const snapshotOf = (rel: string) => path.join(SNAPSHOTS, `${rel}.snap`);

describe("generated files for the fixture specs", () => {
  const out = fixturesOut();

  test("the fixtures call for 11 modules and the runtime for both template folders", () => {
    // The expected list is built from the inputs: make sure that build finds them (an empty list would pass below).
    expect(fixtureModules()).toHaveLength(11);
    expect(fixtureModules()).toContain("seed/alibaba-wan2-7");
    expect(runtimeFiles()).toEqual(expect.arrayContaining(["_runtime/runtime/index.js", "_runtime/runtime/index.d.ts", "_runtime/validation/index.js", "_runtime/validation/index.d.ts", "_runtime/runtime/runware/fields.d.ts", "_runtime/runware-fields.md"]));
  });

  test("the output has exactly the files the fixtures call for: none missing, none unexpected", () => {
    const actual = listFiles(out).map((f) => f.replace(/\\/g, "/"));
    expect({ missing: expected.filter((f) => !actual.includes(f)), unexpected: actual.filter((f) => !expected.includes(f)) }).toEqual({ missing: [], unexpected: [] });
  });

  test("the manifest lists every file written but itself", () => {
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST), "utf8")) as { generator: string; files: string[] };
    expect(manifest).toEqual({ generator: "modelgen", files: expected.filter((f) => f !== MANIFEST) });
  });

  test("no snapshot file is left without a generated file to match (validator.js is not snapshotted)", () => {
    const snaps = existsSync(SNAPSHOTS) ? listFiles(SNAPSHOTS).map((f) => f.replace(/\\/g, "/")) : [];
    expect(snaps.filter((f) => !snapshotted.includes(f.replace(/\.snap$/, "")))).toEqual([]);
  });

  for (const rel of snapshotted) {
    test(rel, async () => {
      const file = path.join(out, rel);
      expect(existsSync(file), `${rel} was not generated`).toBe(true);
      await expect(readFileSync(file, "utf8")).toMatchFileSnapshot(snapshotOf(rel));
    });
  }
});
