// The runtime that ships in every generated/_runtime/: templates/ compiled by tsc (declarations too), bundled
// per folder by esbuild and formatted. It depends only on the templates and the compiler versions, so it is built
// once, at install (`npm ci` → prepare → bin/build.js), into dist/runtime.json; generation reads it from there
// and compiles again only when a template changed since (a developer's edit before the next build).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import path from "node:path";
import { compileTemplates, readTemplates, bundleTemplates } from "./emit/templates.js";
import { formatFilesWhole } from "./format/prettier.js";
import { ROOT } from "./paths.js";
import { providers } from "./providers/index.js";
import { sharedDeclarations, sharedPage } from "./emit/shared-fields.js";

export type RuntimeFiles = Readonly<Record<string, string>>;

const BUILT = path.join(ROOT, "dist/runtime.json");

/** The providers' shared fields (emit/shared-fields.ts): their declarations and page, beside the compiled templates. */
function sharedFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { sharedFields: s } of providers) if (s) Object.assign(out, { [s.declarations]: sharedDeclarations(s), ...(s.page ? { [s.page]: sharedPage(s) } : {}) });
  return out;
}

/** What the shipped runtime is made of: the template sources, the shared fields and the versions of the tools that compile them. */
function runtimeHash(sources: readonly { rel: string; text: string }[]): string {
  const h = createHash("sha256");
  for (const s of sources) h.update(s.rel).update("\0").update(s.text).update("\0");
  for (const [rel, text] of Object.entries(sharedFiles())) h.update(rel).update("\0").update(text).update("\0");
  for (const pkg of ["typescript", "esbuild", "prettier"]) {
    const manifest: unknown = JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8"));
    h.update(String((manifest as { version?: unknown }).version)).update("\0");
  }
  return h.digest("hex");
}

async function compileRuntime(sources: readonly { rel: string; text: string }[]): Promise<RuntimeFiles> {
  const files = { ...(await bundleTemplates(await compileTemplates(sources))), ...sharedFiles() };
  return formatFilesWhole(Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** Build dist/runtime.json (bin/build.js calls this at install), unless it is current. */
export async function buildRuntime(): Promise<void> {
  const sources = readTemplates();
  if (builtFiles(runtimeHash(sources))) return;
  const files = await compileRuntime(sources);
  const tmp = `${BUILT}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ hash: runtimeHash(sources), files }));
  renameSync(tmp, BUILT);
}

/** The shipped runtime's files (relative to _runtime/): from the build when it is current, else compiled now. */
export async function shippedRuntime(): Promise<RuntimeFiles> {
  const sources = readTemplates();
  return builtFiles(runtimeHash(sources)) ?? compileRuntime(sources);
}

function builtFiles(hash: string): RuntimeFiles | undefined {
  try {
    const built: unknown = JSON.parse(readFileSync(BUILT, "utf8"));
    return isBuilt(built) && built.hash === hash ? built.files : undefined;
  } catch {
    return undefined; // not built yet, or unreadable: the caller compiles
  }
}

function isBuilt(v: unknown): v is { hash: string; files: RuntimeFiles } {
  return typeof v === "object" && v !== null && typeof (v as { hash?: unknown }).hash === "string" && typeof (v as { files?: unknown }).files === "object";
}
