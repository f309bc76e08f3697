// Where a catalog's model goes in specs/: `<specs>/<provider>/<id>.json`, the id's `/`s becoming folders
// (fal's `owner/app/path` ids nest as `fal-ai/kling-video/v2.5-turbo/pro/text-to-video.json`, so generate names
// the module and its output folder after the endpoint id). Ids are untrusted: each one must round-trip through
// generate's own naming (load/spec.ts moduleName) and pass generate's output-name rules (load/names.ts), or it is
// refused; no id can name a file outside specs/<provider>/.
import path from "node:path";
import { checkOutputNames } from "../load/names.js";
import { moduleName } from "../load/spec.js";
import { SpecError } from "../errors.js";
import type { SpecEntry } from "../ir/types.js";

/** Why `id` cannot name a spec file under `<specsRoot>/<provider>/`, or null when it can. */
function badShape(id: string): string | null {
  if (id === "") return "an empty id";
  if (id.includes("\\")) return "a backslash in it";
  if (id.startsWith("/")) return "an absolute path";
  for (const segment of id.split("/")) {
    if (segment === "") return "an empty path segment (// or a / at the end)";
    if (segment === "." || segment === "..") return `a ${segment} segment (it would leave its folder)`;
  }
  if (/\.overlay$/i.test(id)) return "a name ending in .overlay (its file would be taken for an overlay)";
  return null;
}

/** The spec file for `id`, relative to `<specsRoot>/<provider>/` (`/` separated). */
export const relativeFile = (id: string): string => `${id}.json`;

/**
 * The spec entry generate will see for `id` (file under the specs root), or why the id is refused. The checks are
 * generate's, run on the very entry generate will build, so a pull never writes a file generate would refuse to name.
 */
export function entryFor(id: string, specsRoot: string, provider: string): { readonly entry: SpecEntry } | { readonly error: string } {
  const shape = badShape(id);
  if (shape) return { error: `its id ${JSON.stringify(id)} has ${shape}; not written` };
  const entry: SpecEntry = { file: path.join(specsRoot, provider, ...relativeFile(id).split("/")), root: specsRoot };
  // generate's name for the file must be the id itself (a trailing .openapi, .json or .yaml would be dropped).
  if (moduleName(entry.file, entry.root) !== `${provider}/${id}`) return { error: `its id ${JSON.stringify(id)} does not survive as a file name (generate would call it ${JSON.stringify(moduleName(entry.file, entry.root))}); not written` };
  const inside = path.relative(path.resolve(specsRoot, provider), path.resolve(entry.file));
  if (inside.startsWith("..") || path.isAbsolute(inside)) return { error: `its id ${JSON.stringify(id)} leads outside ${provider}/; not written` };
  try {
    checkOutputNames([entry]);
  } catch (e) {
    if (e instanceof SpecError) return { error: `its id ${JSON.stringify(id)} is not a safe name: ${e.expected.replace(/; rename the file$/, "")}; not written` };
    throw e;
  }
  return { entry };
}

/**
 * Of `candidates` (ids with their entries, in order), the ones that can sit beside `existing` and each other
 * without two sharing an output folder (by case or Unicode normalization too): the first keeps its name, a later
 * one that would meet it is refused with the reason.
 */
export function withoutCollisions(existing: readonly SpecEntry[], candidates: readonly { id: string; entry: SpecEntry }[]): { kept: Set<string>; refused: Map<string, string> } {
  const kept = new Set<string>();
  const refused = new Map<string, string>();
  const all = [...existing, ...candidates.map((c) => c.entry)];
  try {
    checkOutputNames(all);
    for (const c of candidates) kept.add(c.id);
    return { kept, refused };
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
  }
  // Some pair meets: add one at a time to find which (rare, so the quadratic walk is fine).
  const accepted = [...existing];
  for (const c of candidates) {
    try {
      checkOutputNames([...accepted, c.entry]);
      accepted.push(c.entry);
      kept.add(c.id);
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      refused.set(c.id, `its file would share an output folder with another spec (${e.expected}); not written`);
    }
  }
  return { kept, refused };
}
