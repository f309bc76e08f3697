// Where generated files sit relative to each other: the one runtime folder of an output, and how a model's files,
// in their folder, import it. Read by the analysis (validator.js's import) and the emitters (index.js and .d.ts).
import path from "node:path";

/** The shared runtime's folder at the output's root. */
export const RUNTIME_DIR = "_runtime";

/** The import specifier of `file` (relative to the runtime folder) from a model's folder `modelDir`. */
export function runtimeImport(modelDir: string, file: string): string {
  return `${path.posix.relative(modelDir, RUNTIME_DIR)}/${file}`;
}
