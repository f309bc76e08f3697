// Output names, checked before anything is generated or written: each spec becomes the folder <out>/<name>/, so a
// name must be safe on every file system and in an import specifier, must not be a name the output itself uses,
// and must not meet another spec's folder, even where the file system folds case or Unicode normalization.
import { moduleName } from "./spec.js";
import { SpecError } from "../errors.js";
import type { SpecEntry } from "../ir/types.js";

/** The longest output name (the folder below --out, `/`s included). */
export const MAX_NAME_LENGTH = 100;

/**
 * Names the output uses at some level: the shared runtime (`_runtime`), the registry and the package files at the
 * top (index.js, index.d.ts, README.md, package.json) and each module's files (validator.js, …). A name segment
 * whose stem (before the first dot) is one of these could meet one of them; `_` and `.` starts are kept for the
 * output (and `_` for shared fragments in specs/).
 */
const RESERVED_STEMS = new Set(["index", "readme", "package", "validator", "node_modules"]);

/** Characters that are not portable in file names (Windows) or change an import specifier's meaning (#, ?, %). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\:*?"<>|#%]/u;

/**
 * Bidirectional controls: invisible, they make a name read differently from what it is (`evil\u202Egnp.js`
 * shows as `evilsj.png`), in a folder listing, an import path or a README.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Windows device names: a file or folder named one of these, with any extension and in any case (`nul.json`,
 * `Con`, `com1.tar.gz`, `lpt¹`), cannot be made there; it opens the device instead.
 */
const DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/iu;

/** Why a name cannot be a folder below --out, or null. */
function unsafeName(name: string): string | null {
  const bad = UNSAFE.exec(name);
  if (bad) return `its output name ${JSON.stringify(name)} has ${/[\p{Cc}\u2028\u2029]/u.test(bad[0]) ? "a control character" : `the character ${bad[0]}`} in it (a control character, \\ : * ? " < > | # or % is not safe in a folder name or an import path); rename the file`;
  const bidi = BIDI.exec(name);
  if (bidi) return `its output name ${JSON.stringify(name)} has the invisible character U+${bidi[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} in it (a bidirectional control, which makes a name read differently from what it is); rename the file`;
  if (name.length > MAX_NAME_LENGTH) return `its output name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}: rename the file or move it up a folder`;
  for (const segment of name.split("/")) {
    if (segment === "" || segment.startsWith(".") || segment.startsWith("_"))
      return `its output name ${JSON.stringify(name)} has a part ${JSON.stringify(segment)} that is empty or starts with . or _ (kept for the output's own folders, and _ for shared $ref fragments); rename the file`;
    if (/[ .]$/.test(segment)) return `its output name ${JSON.stringify(name)} has a part ending in a space or a dot, which Windows drops; rename the file`;
    const stem = (segment.split(".")[0] ?? "").toLowerCase();
    if (DEVICE.test(stem.replace(/[ .]+$/, ""))) return `its output name ${JSON.stringify(name)} has a part ${JSON.stringify(segment)}, a Windows device name (con, prn, aux, nul, com0-9, lpt0-9, with any extension), which cannot be a folder there; rename the file`;
    if (RESERVED_STEMS.has(stem)) return `its output name ${JSON.stringify(name)} uses ${JSON.stringify(segment)}, a name the output itself uses (${[...RESERVED_STEMS].join(", ")}, _runtime); rename the file`;
  }
  return null;
}

/** The form two names that one file system could take as the same one share. */
const folded = (name: string): string => name.normalize("NFC").toLowerCase();

/**
 * Each spec's output name is safe and its own: two specs never write one folder (`p/m.json` + `p/m.yaml`,
 * `m.json` + `m.openapi.json`, two files given alone with one name), nor two folders that differ only in case or
 * Unicode normalization (the same folder on macOS and Windows). An error names both files.
 */
export function checkOutputNames(entries: readonly SpecEntry[]): void {
  const modules = new Map<string, { name: string; file: string }>();
  const folders = new Map<string, { name: string; file: string }>();
  const collision = (seen: { name: string; file: string }, name: string, file: string) =>
    new SpecError(
      file,
      "",
      seen.name === name
        ? `${seen.file} and ${file} both map to the output folder ${name}; rename one`
        : `${seen.file} and ${file} map to the output folders ${seen.name} and ${name}, which differ only in case or Unicode normalization (one folder on macOS and Windows); rename one`,
    );
  for (const e of entries) {
    const name = moduleName(e.file, e.root);
    const why = unsafeName(name);
    // A file name with a control character in it is shown quoted: the message stays one line, and no escape reaches the terminal.
    if (why) throw new SpecError(/[\p{Cc}\u2028\u2029]/u.test(e.file) ? JSON.stringify(e.file) : e.file, "", why);
    const seen = modules.get(folded(name));
    if (seen) throw collision(seen, name, e.file);
    modules.set(folded(name), { name, file: e.file });
    // Every folder on the way down: `A/x` and `a/y` would share one folder where case is folded.
    const parts = name.split("/");
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      const folder = folders.get(folded(prefix));
      if (!folder) folders.set(folded(prefix), { name: prefix, file: e.file });
      else if (folder.name !== prefix) throw collision(folder, prefix, e.file);
    }
  }
}
