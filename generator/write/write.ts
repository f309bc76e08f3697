// Write generated files all or nothing. The first write builds the whole tree in a temporary folder beside the
// output and swaps it in with renames. Later writes touch only what changed: the new files are written beside the
// output, a journal lists them, then each is renamed in (the file it replaces moved aside first); a run killed
// midway is rolled back from the journal by the next one. `--check` writes nothing and reports what would change.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, rmdirSync, statSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { SpecError, systemErrorText } from "../errors.js";
import { makeFolders } from "../paths.js";

export const MANIFEST = ".modelgen-manifest.json";

/**
 * The text of a file that generate found on disk as generated and did not read (its result's `onDisk` lists it):
 * the writer leaves such a file as it is, and refuses to write this text anywhere.
 */
export const ON_DISK = "\0modelgen: this file is on disk as generated, and was not read\0";

/** Generated files: path relative to the output folder → text. */
export type OutputFiles = Readonly<Record<string, string>>;

/** What --check reports: paths relative to the output folder, each list sorted. */
export interface OutputDiff {
  readonly changed: string[];
  readonly added: string[];
  readonly removed: string[];
}

/**
 * Everything in `dir` that is not a folder (files, symbolic links, anything else), relative and sorted. Links are
 * listed as themselves and never followed: a link to a folder is one entry, a dangling link or a loop is too.
 */
function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (lstatSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(path.relative(base, p).replace(/\\/g, "/"));
  }
  return out;
}

/**
 * A path this writer may touch under the output folder: relative, in `/` steps, none of them empty, `.` or `..`,
 * and no backslash or NUL (a Windows separator, or a name no file system takes).
 */
export function isOutputPath(rel: string): boolean {
  return rel.split("/").every((step) => step !== "" && step !== "." && step !== ".." && !/[\\\0]/.test(step));
}

/**
 * The files the last run wrote (its manifest); null when there is no readable manifest. The manifest sits in the
 * output folder, which a repository commits: an entry that is no output path (`../x`) is not one modelgen wrote,
 * and is left out, so that no removal reaches outside the folder.
 */
function readManifest(outDir: string): string[] | null {
  const p = path.join(outDir, MANIFEST);
  if (!existsSync(p)) return null;
  try {
    const manifest: unknown = JSON.parse(readFileSync(p, "utf8"));
    if (manifest === null) return null;
    const files = typeof manifest === "object" && "files" in manifest ? manifest.files : undefined;
    if (files === undefined || files === null) return [];
    // A list of anything else is not a manifest modelgen wrote.
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === "string" && isOutputPath(f)) : null;
  } catch {
    return null;
  }
}

/** Add the manifest (the list of files the generator owns) to the files. */
export function withManifest(files: OutputFiles): Record<string, string> {
  const names = Object.keys(files).sort();
  return { ...files, [MANIFEST]: JSON.stringify({ generator: "modelgen", files: names }, null, 2) + "\n" };
}

/**
 * Files that differ from disk (paths relative to outDir). `onDisk`: files this run has read from outDir already,
 * and found as they are in `files` (regular files; under the output's lock nothing else writes them meanwhile).
 */
export function diffOutput(outDir: string, files: OutputFiles, onDisk?: ReadonlySet<string>): OutputDiff {
  const changed: string[] = [];
  const added: string[] = [];
  for (const [rel, text] of Object.entries(files)) {
    if (onDisk?.has(rel)) continue;
    if (text === ON_DISK) throw new Error(`internal: ${rel} was not read from the output folder, and is not listed as on disk there`);
    const p = path.join(outDir, rel);
    if (!existsSync(p)) added.push(rel);
    else if (statSync(p).isDirectory() || readFileSync(p, "utf8") !== text) changed.push(rel);
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
 * The start of the names beside the output (`<out>.modelgen-tmp-<pid>`, `-old-<pid>`, `.modelgen-lock`): the
 * output folder's own name, or, when that is too long for a name with a suffix (255 bytes), its first part and a
 * hash of the whole.
 */
function sidePrefix(base: string): string {
  if (Buffer.byteLength(base) <= 200) return base;
  let cut = "";
  for (const ch of base) {
    if (Buffer.byteLength(cut + ch) > 150) break;
    cut += ch;
  }
  return `${cut}~${createHash("sha256").update(base).digest("hex").slice(0, 12)}`;
}

/** A name beside the output folder: `kind` is tmp, old, journal (with this process's id) or lock. */
function beside(outDir: string, kind: "tmp" | "old" | "journal" | "lock"): string {
  const base = path.resolve(outDir);
  const name = `${sidePrefix(path.basename(base))}.modelgen-${kind}`;
  return path.join(path.dirname(base), kind === "lock" ? name : `${name}-${process.pid}`);
}

const within = (dir: string, p: string): boolean => {
  const rel = path.relative(dir, p);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

/**
 * The folder `--out` names, checked: a folder or nothing yet, not the working folder or one above it (the output is
 * replaced as a whole). A symbolic link to a folder is written through: the folder it points at gets the output,
 * and the link stays. Anything else is a SpecError (exit 2) saying what --out is.
 */
export function outputFolder(outDir: string): string {
  const abs = path.resolve(outDir);
  const aboveCwd = (p: string) => within(p, process.cwd());
  if (aboveCwd(abs)) throw new SpecError(outDir, "", "--out is the working folder or a folder above it; the output folder is replaced as a whole, so give it a folder of its own (such as generated)");
  let st;
  try {
    st = lstatSync(abs);
  } catch (e) {
    if (e instanceof Error && "code" in e && e.code === "ENOENT") return abs;
    throw new SpecError(outDir, "", `cannot use --out (${systemErrorText(e)})`);
  }
  let real = abs;
  if (st.isSymbolicLink()) {
    try {
      real = realpathSync(abs);
    } catch (e) {
      throw new SpecError(outDir, "", `--out is a symbolic link to ${readlinkSync(abs)}, which ${systemErrorText(e) === "ELOOP" ? "loops" : "does not exist"}; give a folder`);
    }
    if (aboveCwd(real)) throw new SpecError(outDir, "", `--out is a symbolic link to ${real}, the working folder or a folder above it; give the output a folder of its own`);
    st = statSync(real);
  }
  if (!st.isDirectory()) throw new SpecError(outDir, "", `--out is a file, not a folder; give a folder (it is created when missing)`);
  return real;
}

/** Locks this process holds (lock file paths), so that writeOutput inside a locked `generate` does not wait on itself. */
const held = new Set<string>();

/**
 * Take the lock on an output folder: `<out>.modelgen-lock` beside it, created exclusively, holding this process's id.
 * A lock whose process is gone is taken over; a live one is a SpecError "another generate is running". Returns
 * the release (a no-op when this process already held it).
 */
export function lockOutput(outDir: string): () => void {
  const out = outputFolder(outDir);
  const lock = beside(out, "lock");
  if (held.has(lock)) return () => {};
  // The lock needs the output's parent: made here when missing (so two runs into a new place exclude each other
  // too), and removed again on release if the run left nothing in it.
  let created: string | undefined;
  try {
    created = makeFolders(path.dirname(lock));
  } catch (e) {
    throw new SpecError(outDir, "", `cannot create the folder for --out (${systemErrorText(e)})`);
  }
  const removeCreated = () => {
    if (created === undefined) return;
    for (let dir = path.dirname(lock); within(created, dir); dir = path.dirname(dir)) {
      try {
        rmdirSync(dir); // only when empty
      } catch {
        return;
      }
    }
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
      held.add(lock);
      return () => {
        held.delete(lock);
        rmSync(lock, { force: true });
        removeCreated();
      };
    } catch (e) {
      if (!(e instanceof Error && "code" in e && e.code === "EEXIST")) {
        removeCreated();
        throw new SpecError(outDir, "", `cannot create the lock file ${lock} (${systemErrorText(e)})`);
      }
    }
    let text = "";
    let age = 0;
    try {
      text = readFileSync(lock, "utf8");
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      continue; // released meanwhile: try again
    }
    const pid = Number(text.trim());
    // An empty lock is being written by its owner, unless it has been empty for long.
    const running = Number.isInteger(pid) && pid > 0 ? pid !== process.pid && alive(pid) : age < 10_000;
    if (running || attempt >= 2) {
      removeCreated();
      throw new SpecError(outDir, "", `another generate is running${pid ? ` (process ${pid})` : ""} and writing this folder; wait for it to finish (if none is, delete ${lock})`);
    }
    rmSync(lock, { force: true });
  }
}

/**
 * Clean up after a run that was killed: its temporary folder goes; if it died between the two renames (the old
 * output moved aside, the new one not yet in place), the old output is put back, as it was.
 */
export function recoverInterrupted(outDir: string): void {
  const base = path.resolve(outDir);
  const parent = path.dirname(base);
  if (!existsSync(parent)) return;
  const prefix = sidePrefix(path.basename(base));
  const side = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.modelgen-(tmp|old|journal)-(\\d+)$`);
  // A patch that was killed midway: put back what it had moved, from its journal, before its folders go.
  for (const name of readdirSync(parent).sort()) {
    const m = side.exec(name);
    if (!m || m[1] !== "journal" || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    rollBack(base, path.join(parent, name), path.join(parent, name.replace(/journal-(\d+)$/, "tmp-$1")), path.join(parent, name.replace(/journal-(\d+)$/, "old-$1")));
  }
  for (const name of readdirSync(parent).sort()) {
    const m = side.exec(name);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    const p = path.join(parent, name);
    if (m[1] === "old" && !existsSync(base)) renameSync(p, base);
    else rmSync(p, { recursive: true, force: true });
  }
}

/**
 * The first write of an output folder, begun while the run goes on: when the folder is new or empty (no manifest,
 * no files), each file the pipeline knows is written at once to the temporary folder that swapIn then renames into
 * place, instead of all of them after the last spec. Otherwise (a later write patches only what changed) it stages
 * nothing. Nothing reaches the output folder before writeOutput; `discard` removes what a failed run staged, and a
 * killed run's temporary folder goes with the next run's recoverInterrupted. Take the output's lock first.
 */
export class OutputStage {
  private readonly staged = new Map<string, string>();
  private readonly folders = new Set<string>();
  private tmp: string | null;

  constructor(outDirGiven: string) {
    const outDir = outputFolder(outDirGiven);
    recoverInterrupted(outDir);
    const fresh = readManifest(outDir) === null && listFiles(outDir).length === 0;
    this.tmp = fresh ? beside(outDir, "tmp") : null;
    if (this.tmp !== null) rmSync(this.tmp, { recursive: true, force: true });
  }

  /** Write these files to the temporary folder (when staging); a file staged again is written again. */
  add(files: OutputFiles): void {
    const tmp = this.tmp;
    if (tmp === null) return;
    for (const [rel, text] of Object.entries(files)) {
      if (!isOutputPath(rel)) throw new Error(`internal: refusing to write ${JSON.stringify(rel)}, which is not a path inside the output folder`);
      writeStaged(tmp, rel, text, this.folders);
      this.staged.set(rel, text);
    }
  }

  /** The temporary folder and what is in it, for swapIn; null when nothing is staged. */
  take(): { readonly tmp: string; readonly staged: ReadonlyMap<string, string>; readonly folders: Set<string> } | null {
    return this.tmp === null ? null : { tmp: this.tmp, staged: this.staged, folders: this.folders };
  }

  /** Remove what was staged (after a failed run; after writeOutput the folder has become the output, or is gone). */
  discard(): void {
    if (this.tmp !== null && existsSync(this.tmp)) rmSync(this.tmp, { recursive: true, force: true });
    this.tmp = null;
    this.staged.clear();
  }
}

/** Write one file under a temporary folder, making its folders once (`folders` remembers those made). */
function writeStaged(tmp: string, rel: string, text: string, folders: Set<string>): void {
  const p = path.join(tmp, rel);
  const dir = path.dirname(p);
  if (!folders.has(dir)) {
    mkdirSync(dir, { recursive: true });
    folders.add(dir);
  }
  writeFileSync(p, text);
}

/**
 * Replace outDir's generated files with `files`. Files in outDir that the generator did not make are kept.
 * A folder that has files but no manifest was not made by modelgen: refuse, never overwrite a user's files.
 * Under the output's lock (lockOutput): a second generate into the same folder is refused, not interleaved.
 */
export function writeOutput(outDirGiven: string, files: OutputFiles, stage?: OutputStage, onDisk?: ReadonlySet<string>): OutputDiff {
  // Every path comes from the pipeline, which takes cached records only for their own folder: a bad one is a bug.
  const bad = Object.keys(files).find((rel) => !isOutputPath(rel));
  if (bad !== undefined) throw new Error(`internal: refusing to write ${JSON.stringify(bad)}, which is not a path inside the output folder`);
  const outDir = outputFolder(outDirGiven);
  const release = lockOutput(outDirGiven);
  try {
    recoverInterrupted(outDir);
    const owned = readManifest(outDir);
    const existing = listFiles(outDir);
    if (owned === null && existing.length > 0)
      throw new SpecError(outDirGiven, "", `refusing to write: the folder has files and no ${MANIFEST}, so modelgen did not make it; choose an empty or new --out`);
    const ownedSet = new Set([...(owned ?? []), MANIFEST]);
    const kept = existing.filter((rel) => !ownedSet.has(rel) && !(rel in files));
    // A user's file or link where the output needs a folder: say so, before anything is written.
    const folders = new Set(Object.keys(files).flatMap((rel) => rel.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
    for (const rel of kept) {
      if (!folders.has(rel)) continue;
      const what = lstatSync(path.join(outDir, rel)).isSymbolicLink() ? "a symbolic link" : "a file";
      throw new SpecError(path.join(outDirGiven, rel), "", `${what} where the output needs a folder of that name; move it out of --out`);
    }
    if (owned === null) {
      swapIn(outDir, files, kept, ownedSet, stage?.take() ?? null);
      return { changed: [], added: Object.keys(files).sort(), removed: [] };
    }
    const diff = diffOutput(outDir, files, onDisk);
    patchIn(outDir, files, diff);
    return diff;
  } finally {
    release();
  }
}

/**
 * Write only what changed (`diff`): each new text to a temporary folder beside the output, then a journal naming
 * every file the patch moves, then the renames (a replaced or removed file is moved to the old folder first). The
 * journal goes last: until then, recoverInterrupted rolls the output back to how it was. A user's files are never
 * read, moved or rewritten.
 */
function patchIn(outDir: string, files: OutputFiles, diff: OutputDiff): void {
  const written = [...diff.changed, ...diff.added];
  if (!written.length && !diff.removed.length) return;
  // A folder where the output needs a file is a user's: say so, before anything is moved.
  for (const rel of written)
    if (lstatSync(path.join(outDir, rel), { throwIfNoEntry: false })?.isDirectory()) throw new SpecError(path.join(outDir, rel), "", "a folder where the output needs a file of that name; move it out of --out");
  const tmp = beside(outDir, "tmp");
  const old = beside(outDir, "old");
  const journal = beside(outDir, "journal");
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  try {
    for (const rel of written) {
      const p = path.join(tmp, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, files[rel]!);
    }
    writeFileSync(`${journal}.part`, JSON.stringify({ written, removed: diff.removed }));
    renameSync(`${journal}.part`, journal);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(`${journal}.part`, { force: true });
    throw e;
  }
  try {
    for (const rel of [...written, ...diff.removed]) {
      const target = path.join(outDir, rel);
      if (lstatSync(target, { throwIfNoEntry: false })) {
        mkdirSync(path.dirname(path.join(old, rel)), { recursive: true });
        renameSync(target, path.join(old, rel));
      }
      if (rel in files) {
        mkdirSync(path.dirname(target), { recursive: true });
        renameSync(path.join(tmp, rel), target);
      }
    }
  } catch (e) {
    rollBack(outDir, journal, tmp, old);
    throw e;
  }
  rmSync(journal, { force: true });
  // Folders the removed files leave empty go too (one holding a user's file stays).
  for (const rel of diff.removed) {
    for (let dir = path.dirname(rel); dir !== "."; dir = path.dirname(dir)) {
      try {
        rmdirSync(path.join(outDir, dir));
      } catch {
        break;
      }
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}

/** Undo a patch from its journal: what it moved aside goes back, what it moved in (and had no old file) goes. */
function rollBack(outDir: string, journal: string, tmp: string, old: string): void {
  let entry: { written?: unknown; removed?: unknown };
  try {
    entry = JSON.parse(readFileSync(journal, "utf8")) as typeof entry;
  } catch {
    entry = {};
  }
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && !x.split("/").includes("..")) : []);
  for (const rel of [...list(entry.written), ...list(entry.removed)]) {
    const aside = path.join(old, rel);
    const target = path.join(outDir, rel);
    if (lstatSync(aside, { throwIfNoEntry: false })) renameSync(aside, target);
    else if (!lstatSync(path.join(tmp, rel), { throwIfNoEntry: false }) && list(entry.written).includes(rel)) rmSync(target, { force: true });
  }
  rmSync(journal, { force: true });
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}

function swapIn(outDir: string, files: OutputFiles, kept: readonly string[], ownedSet: ReadonlySet<string>, staged: ReturnType<OutputStage["take"]>): void {
  const tmp = beside(outDir, "tmp");
  const old = beside(outDir, "old");
  if (staged?.tmp !== tmp) rmSync(tmp, { recursive: true, force: true });
  const folders = staged?.tmp === tmp ? staged.folders : new Set<string>();
  const unread = Object.keys(files).find((rel) => files[rel] === ON_DISK);
  if (unread !== undefined) throw new Error(`internal: ${unread} was not read from the output folder, which is written anew`);
  try {
    if (staged?.tmp === tmp) for (const rel of staged.staged.keys()) if (!(rel in files)) rmSync(path.join(tmp, rel), { force: true });
    for (const [rel, text] of Object.entries(files)) if (staged?.tmp !== tmp || staged.staged.get(rel) !== text) writeStaged(tmp, rel, text, folders);
    // Keep what the user put there: files copied, links made again as the same link (never followed, so a link to
    // a folder stays a link, and a dangling one or a loop stays as it is); anything else is moved over below.
    for (const rel of kept) {
      const from = path.join(outDir, rel);
      const to = path.join(tmp, rel);
      const st = lstatSync(from);
      if (!st.isFile() && !st.isSymbolicLink()) continue;
      mkdirSync(path.dirname(to), { recursive: true });
      if (st.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
      else copyFileSync(from, to);
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
  // A file the user added while the new tree was built is in the old folder only: move it over before it goes.
  for (const rel of listFiles(old)) {
    if (ownedSet.has(rel) || rel in files || lstatSync(path.join(outDir, rel), { throwIfNoEntry: false })) continue;
    mkdirSync(path.dirname(path.join(outDir, rel)), { recursive: true });
    renameSync(path.join(old, rel), path.join(outDir, rel));
  }
  rmSync(old, { recursive: true, force: true });
}
