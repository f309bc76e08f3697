// Where the package's own files are, whether this runs from source (generator/, under vitest) or built (dist/generator/).
import { existsSync } from "node:fs";
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
