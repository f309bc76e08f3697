// What a pull would change in specs/<provider>/: each listed model is added, changed (its text differs from the
// file's after canonical JSON: key order alone is no change), unchanged or skipped (an error entry, an id that
// cannot be a file name); each model on disk that the listing covered but does not hold is gone upstream.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { sameJson } from "../json.js";
import { findSpecFiles, moduleName } from "../load/spec.js";
import { entryFor, withoutCollisions } from "./names.js";
import type { CatalogListing } from "../providers/catalog.js";
import type { SpecEntry } from "../ir/types.js";

/** A model already in specs/<provider>/: its id (the file's name below that folder), file and parsed value. */
export interface LocalModel {
  readonly id: string;
  readonly entry: SpecEntry;
  /** The parsed document; undefined when the file does not parse (then any upstream document is a change). */
  readonly value: unknown;
}

export interface PlannedWrite {
  readonly id: string;
  readonly file: string;
  readonly text: string;
}

export interface PullPlan {
  readonly added: readonly PlannedWrite[];
  readonly changed: readonly PlannedWrite[];
  readonly unchanged: readonly string[];
  readonly gone: readonly { readonly id: string; readonly file: string }[];
  readonly skipped: readonly { readonly id: string; readonly why: string }[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The models in `<specsRoot>/<provider>/` (overlays and `_` fragments excluded, as generate finds them). */
export function localModels(specsRoot: string, provider: string): Map<string, LocalModel> {
  const dir = path.join(specsRoot, provider);
  const out = new Map<string, LocalModel>();
  if (!existsSync(dir)) return out;
  for (const found of findSpecFiles([dir])) {
    const id = moduleName(found.file, found.root);
    const text = readFileSync(found.file, "utf8");
    let value: unknown;
    try {
      value = /\.json$/i.test(found.file) ? JSON.parse(text) : parseYaml(text);
    } catch {
      value = undefined;
    }
    out.set(id, { id, entry: { file: found.file, root: specsRoot }, value });
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => a !== undefined && sameJson(a, b);

export function planPull(listing: CatalogListing, local: ReadonlyMap<string, LocalModel>, specsRoot: string, provider: string): PullPlan {
  const added: PlannedWrite[] = [];
  const changed: PlannedWrite[] = [];
  const unchanged: string[] = [];
  const skipped: { id: string; why: string }[] = [];
  const listed = new Set<string>();
  const candidates: { id: string; entry: SpecEntry; text: string }[] = [];
  for (const e of [...listing.entries].sort(byId)) {
    if (listed.has(e.id)) continue;
    listed.add(e.id);
    if ("error" in e) {
      skipped.push({ id: e.id, why: e.error });
      continue;
    }
    const mine = local.get(e.id);
    if (mine) {
      if (!/\.json$/i.test(mine.entry.file)) skipped.push({ id: e.id, why: `${mine.entry.file} holds this model and pull writes JSON; convert that file to JSON or remove it` });
      else if (same(mine.value, e.document.value)) unchanged.push(e.id);
      else changed.push({ id: e.id, file: mine.entry.file, text: e.document.text });
      continue;
    }
    const named = entryFor(e.id, specsRoot, provider);
    if ("error" in named) skipped.push({ id: e.id, why: named.error });
    else candidates.push({ id: e.id, entry: named.entry, text: e.document.text });
  }
  const { kept, refused } = withoutCollisions(
    [...local.values()].map((m) => m.entry),
    candidates,
  );
  for (const c of candidates) {
    if (kept.has(c.id)) added.push({ id: c.id, file: c.entry.file, text: c.text });
    else skipped.push({ id: c.id, why: refused.get(c.id) ?? "refused" });
  }
  const gone = [...local.values()].filter((m) => !listed.has(m.id) && listing.covers(m.id, m.value)).map((m) => ({ id: m.id, file: m.entry.file }));
  return { added, changed, unchanged, gone: gone.sort(byId), skipped: skipped.sort(byId) };
}
