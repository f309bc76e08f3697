// Apply a pull to specs/<provider>/ all or nothing: every new text is first written into a staging folder inside
// the provider's folder (`_pull-<pid>`: generate skips `_` names), then each file is moved into place by rename,
// the file it replaces (or a pruned one) moved aside first; if any step fails, the moves are undone. A second pull
// into the same folder is refused while one runs (`_pull.lock`).
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SpecError, systemErrorText } from "../errors.js";
import { makeFolders } from "../paths.js";

const LOCK = "_pull.lock";
const STAGE = /^_pull-(\d+)$/;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e instanceof Error && "code" in e && e.code === "EPERM";
  }
};

/** Take `<dir>/_pull.lock` (a stale one, whose process is gone, is taken over). Returns the release. */
function lock(dir: string): () => void {
  const file = path.join(dir, LOCK);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if (!(e instanceof Error && "code" in e && e.code === "EEXIST")) throw new SpecError(file, "", `cannot create the lock file (${systemErrorText(e)})`);
    }
    const pid = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new SpecError(dir, "", `another pull (process ${pid}) is writing this folder; wait for it to finish (if none is, delete ${file})`);
    rmSync(file, { force: true });
  }
  throw new SpecError(dir, "", `cannot take the lock ${file}`);
}

/** A staging folder left by a pull that was killed: files it had moved aside are put back where nothing replaced them. */
function recover(dir: string): void {
  for (const name of readdirSync(dir)) {
    const m = STAGE.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const old = path.join(dir, name, "old");
    for (const rel of existsSync(old) ? filesUnder(old) : []) {
      const target = path.join(dir, rel);
      if (!existsSync(target)) {
        mkdirSync(path.dirname(target), { recursive: true });
        renameSync(path.join(old, rel), target);
      }
    }
    rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name), base) : [path.relative(base, path.join(dir, d.name))]));
}

/**
 * `rel` is a plain file (or nothing yet) whose folders, as far as they exist, are real folders inside `realDir`: a
 * symbolic link on the way would send the write elsewhere.
 */
function checkTarget(dir: string, realDir: string, rel: string): void {
  const target = path.join(dir, rel);
  let at = target;
  while (!existsSync(at)) at = path.dirname(at);
  if (at !== target && !statSync(at).isDirectory()) throw new SpecError(at, "", `is a file where ${rel} needs a folder; move it away (pull writes only files named after model ids)`);
  const real = realpathSync(at);
  const inside = path.relative(realDir, real);
  if (inside.startsWith("..") || path.isAbsolute(inside)) throw new SpecError(target, "", `a symbolic link on the way leads outside ${dir}; pull writes only inside it`);
  if (at === target && !lstatSync(target).isFile()) throw new SpecError(target, "", "is not a plain file (a folder or a symbolic link); pull replaces plain files only");
}

/** Remove the folders of `rel` that the move left empty, up to (not including) `dir`. */
function pruneEmpty(dir: string, rel: string): void {
  for (let d = path.dirname(path.join(dir, rel)); path.relative(dir, d) !== "" && !path.relative(dir, d).startsWith(".."); d = path.dirname(d)) {
    if (readdirSync(d).length) return;
    rmdirSync(d);
  }
}

/**
 * Write `writes` (paths relative to `dir` → text) and delete `deletes` (relative paths) under `dir`, all or
 * nothing. A failure before the first move writes nothing; a failure during the moves undoes the earlier ones.
 */
export function applyPull(dir: string, writes: ReadonlyMap<string, string>, deletes: readonly string[]): void {
  makeFolders(dir);
  const release = lock(dir);
  try {
    recover(dir);
    const realDir = realpathSync(dir);
    for (const rel of [...writes.keys(), ...deletes]) checkTarget(dir, realDir, rel);
    const stage = path.join(dir, `_pull-${process.pid}`);
    rmSync(stage, { recursive: true, force: true });
    try {
      for (const [rel, text] of writes) {
        const p = path.join(stage, "new", rel);
        mkdirSync(path.dirname(p), { recursive: true });
        writeFileSync(p, text);
      }
      mkdirSync(path.join(stage, "old"), { recursive: true });
      const undo: (() => void)[] = [];
      const aside = (rel: string): void => {
        const target = path.join(dir, rel);
        if (!existsSync(target)) return;
        const old = path.join(stage, "old", rel);
        mkdirSync(path.dirname(old), { recursive: true });
        renameSync(target, old);
        undo.push(() => renameSync(old, target));
      };
      try {
        for (const [rel] of writes) {
          aside(rel);
          const target = path.join(dir, rel);
          mkdirSync(path.dirname(target), { recursive: true });
          renameSync(path.join(stage, "new", rel), target);
          undo.push(() => rmSync(target, { force: true }));
        }
        for (const rel of deletes) aside(rel);
      } catch (e) {
        for (const step of undo.reverse()) step();
        throw new SpecError(dir, "", `could not move the pulled files into place (${systemErrorText(e)}); nothing was changed`);
      }
      for (const rel of deletes) pruneEmpty(dir, rel);
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  } finally {
    release();
  }
}
