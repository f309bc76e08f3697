// The generated package.json: what npm, Node, TypeScript and bundlers read. Every model is a subpath export with
// its types first; `files` names what the tarball carries (the registry, the runtime, each provider's folder, the
// README that lists the models and the CHANGELOG that `modelgen version` writes), so the generator's manifest and a
// user's own files in the output folder stay out of it.
import { existsSync } from "node:fs";
import path from "node:path";
import { SpecError } from "../errors.js";
import { parseJson, readTextFile } from "../load/read.js";
import type { PackageConfig } from "./config.js";

/** What the manifest needs of a model: its output folder relative to the package root ("runware/alibaba-wan2-7"). */
export interface PackagedModel {
  readonly name: string;
}

/** Where the package carries its specs (overlays applied, $refs bundled) for the next `modelgen version`. */
export const SHIPPED_SPECS_DIR = "_specs";

/** The version a package starts at, before any `modelgen version`. */
export const FIRST_VERSION = "0.0.0";

/** package.json's text for the models (in the order given), under `config`, at `version`. */
export function packageManifest(models: readonly PackagedModel[], config: PackageConfig, version: string): string {
  const folders = [...new Set(models.map((m) => m.name.split("/")[0] ?? m.name))].sort();
  const pkg = {
    name: config.name,
    version,
    ...(config.private ? { private: true } : {}),
    description: config.description,
    ...(config.license !== undefined ? { license: config.license } : {}),
    ...(config.repository !== undefined ? { repository: config.repository } : {}),
    type: "module",
    sideEffects: false,
    main: "./index.js",
    types: "./index.d.ts",
    // `npx <name> validate …`: npx runs a package's only bin, named here after the package (without its scope).
    bin: { [config.name.replace(/^@[^/]+\//, "")]: "./_runtime/validate/bin.js" },
    exports: {
      ".": { types: "./index.d.ts", default: "./index.js" },
      ...Object.fromEntries(models.map((m) => [`./${m.name}`, { types: `./${m.name}/index.d.ts`, default: `./${m.name}/index.js` }])),
      "./_runtime/*": "./_runtime/*",
      "./package.json": "./package.json",
    },
    files: ["index.js", "index.d.ts", "README.md", "CHANGELOG.md", "_runtime", SHIPPED_SPECS_DIR, ...folders],
    engines: { node: ">=20" },
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}

/** A version npm accepts: MAJOR.MINOR.PATCH with an optional pre-release and build (semver 2.0.0). */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * The version of the package already generated in `outDir` (generate keeps it); FIRST_VERSION when there is none
 * yet. A package.json there that is not JSON, or whose version is not semver, is bad input.
 */
export function readPackageVersion(outDir: string): string {
  const file = path.join(outDir, "package.json");
  if (!existsSync(file)) return FIRST_VERSION;
  const value = parseJson(file, readTextFile(file)).value;
  const version = value !== null && typeof value === "object" && "version" in value ? value.version : undefined;
  if (version === undefined) return FIRST_VERSION;
  if (typeof version !== "string" || !SEMVER.test(version)) throw new SpecError(file, "/version", `expected a semver version (such as 1.2.0), not ${JSON.stringify(version)}`);
  return version;
}
