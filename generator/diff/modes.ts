// Modes: a task with one of the optional properties the rules test (lint's notion). A mode is removed when no
// checked payload with that property passes the new validator while the old one accepts some; added the other way.
import { isPlain } from "../json.js";
import { declaredAt } from "../normalize/walk.js";
import { getAt, pathPointer } from "./payload.js";
import { pathId } from "../ir/path.js";
import type { Json, ModelIR, Path, SchemaObject } from "../ir/types.js";
import type { Candidate } from "./candidate.js";
import type { ModelSide } from "./types.js";

function requiredByDeclaration(root: SchemaObject, path: Path): boolean {
  let node: unknown = root;
  for (const k of path) {
    if (!isPlain(node) || !(Array.isArray(node.required) && node.required.includes(k))) return false;
    node = isPlain(node.properties) ? node.properties[k] : undefined;
  }
  return true;
}

/** The mode properties of a model: optional presence variables of its case split that are not containers. */
function modePaths(ir: ModelIR): Map<string, Path> {
  const out = new Map<string, Path>();
  for (const g of ir.split.groups)
    for (const v of g.vars.values())
      if (v.kind === "has" && !requiredByDeclaration(ir.task, v.path) && !isPlain(declaredAt(ir.task, v.path)?.properties)) out.set(pathId(v.path), v.path);
  return out;
}

export function modeChanges(before: ModelSide, after: ModelSide, oldBases: readonly Json[], newBases: readonly Json[]): Candidate[] {
  const out: Candidate[] = [];
  const present = (p: Json, path: Path) => getAt(p, path) !== undefined;
  const search = (from: readonly Json[], other: readonly Json[], to: ModelSide, path: Path) => {
    const withIt = from.filter((p) => present(p, path));
    if (withIt.length === 0 || other.some((p) => present(p, path)) || withIt.some((p) => to.validator.check(p))) return null;
    return { witness: withIt[0] as Json, n: withIt.length };
  };
  const oldModes = modePaths(before.ir);
  const newModes = modePaths(after.ir);
  for (const [name, path] of oldModes) {
    const found = search(oldBases, newBases, after, path);
    if (found)
      out.push({
        kind: "mode-removed",
        path: pathPointer(path),
        message: `a task with ${name} is no longer accepted (none of the ${found.n} valid old task${found.n === 1 ? "" : "s"} with it passes; the search is not exhaustive)`,
        direction: "narrowing",
        checked: { witness: found.witness, breaking: true, note: "" },
      });
  }
  for (const [name, path] of newModes) {
    const found = search(newBases, oldBases, before, path);
    if (found)
      out.push({
        kind: "mode-added",
        path: pathPointer(path),
        message: `a task with ${name} is now accepted`,
        direction: "widening",
        checked: { witness: found.witness, breaking: false, note: "" },
      });
  }
  return out;
}
