// Where the package's own files are, whether this runs from source (generator/, under vitest) or built (dist/generator/).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`modelgen: no package.json above ${from}`);
  }
}

export const ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const GENERATOR_DIR = path.join(ROOT, "generator");
export const TEMPLATES_DIR = path.join(ROOT, "templates");
/** The built generator: worker threads run it, since Node 20 cannot run the .ts sources. */
export const BUILT_DIR = path.join(ROOT, "dist/generator");

/**
 * `mkdirSync(dir, { recursive: true })` (the same return: the first folder made, or undefined), without Node's
 * endless loop where a folder exists but refuses new entries with ENOENT (`--out /proc/x/y` spun at full CPU
 * forever): each missing folder is made in turn, and the first refusal is thrown.
 */
export function makeFolders(dir: string): string | undefined {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (e) {
      if (!(e instanceof Error && "code" in e && e.code === "EEXIST")) throw e;
    }
  }
  return missing[0];
}
