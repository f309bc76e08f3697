// Write generated files all or nothing: build the new tree in a temporary folder beside the output, then swap
// it in with renames. `--check` writes nothing and reports what would change.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { SpecError } from "../errors.js";

export const MANIFEST = ".modelgen-manifest.json";

/** Generated files: path relative to the output folder → text. */
export type OutputFiles = Readonly<Record<string, string>>;

/** What --check reports: paths relative to the output folder, each list sorted. */
export interface OutputDiff {
  readonly changed: string[];
  readonly added: string[];
  readonly removed: string[];
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(path.relative(base, p).replace(/\\/g, "/"));
  }
  return out;
}

/** The files the last run wrote (its manifest); null when there is no readable manifest. */
function readManifest(outDir: string): string[] | null {
  const p = path.join(outDir, MANIFEST);
  if (!existsSync(p)) return null;
  try {
    const manifest: unknown = JSON.parse(readFileSync(p, "utf8"));
    if (manifest === null) return null;
    const files = typeof manifest === "object" && "files" in manifest ? manifest.files : undefined;
    if (files === undefined || files === null) return [];
    // A list of anything else is not a manifest modelgen wrote.
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === "string") : null;
  } catch {
    return null;
  }
}

/** Add the manifest (the list of files the generator owns) to the files. */
export function withManifest(files: OutputFiles): Record<string, string> {
  const names = Object.keys(files).sort();
  return { ...files, [MANIFEST]: JSON.stringify({ generator: "modelgen", files: names }, null, 2) + "\n" };
}

/** Files that differ from disk (paths relative to outDir). */
export function diffOutput(outDir: string, files: OutputFiles): OutputDiff {
  const changed: string[] = [];
  const added: string[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(outDir, rel);
    if (!existsSync(p)) added.push(rel);
    else if (readFileSync(p, "utf8") !== text) changed.push(rel);
  }
  const owned = readManifest(outDir) ?? [];
  const removed = owned.filter((rel) => !(rel in files) && existsSync(path.join(outDir, rel)));
  return { changed: changed.sort(), added: added.sort(), removed: removed.sort() };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return e instanceof Error && "code" in e && e.code === "EPERM";
  }
};

/**
 * Clean up after a run that was killed: its temporary folder goes; if it died between the two renames (the old
 * output moved aside, the new one not yet in place), the old output is put back, as it was.
 */
export function recoverInterrupted(outDir: string): void {
  const base = outDir.replace(/[\\/]+$/, "");
  const parent = path.dirname(base);
  if (!existsSync(parent)) return;
  const prefix = path.basename(base);
  for (const name of readdirSync(parent).sort()) {
    const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.modelgen-(tmp|old)-(\\d+)$`).exec(name);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    const p = path.join(parent, name);
    if (m[1] === "old" && !existsSync(base)) renameSync(p, base);
    else rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Replace outDir's generated files with `files`. Files in outDir that the generator did not make are kept.
 * A folder that has files but no manifest was not made by modelgen: refuse, never overwrite a user's files.
 */
export function writeOutput(outDir: string, files: OutputFiles): void {
  recoverInterrupted(outDir);
  const owned = readManifest(outDir);
  const existing = listFiles(outDir);
  if (owned === null && existing.length > 0)
    throw new SpecError(outDir, "", `refusing to write: the folder has files and no ${MANIFEST}, so modelgen did not make it; choose an empty or new --out`);
  const tmp = `${outDir.replace(/[\\/]+$/, "")}.modelgen-tmp-${process.pid}`;
  const old = `${outDir.replace(/[\\/]+$/, "")}.modelgen-old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [rel, text] of Object.entries(files)) {
      const p = path.join(tmp, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    // Keep what the user put there.
    const ownedSet = new Set([...(owned ?? []), MANIFEST]);
    for (const rel of existing) {
      if (ownedSet.has(rel) || rel in files) continue;
      mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      copyFileSync(path.join(outDir, rel), path.join(tmp, rel));
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(tmp, outDir);
  } catch (e) {
    if (existsSync(old)) renameSync(old, outDir);
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}
