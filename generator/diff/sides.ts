// The two sides of `modelgen diff`: the specs now (--specs) and the base (--base), a folder or a git ref. A git
// ref is read with git (ls-tree, cat-file) into a temporary folder with the same relative layout; the caller
// removes it (and a signal removes it too). A ref is untrusted input: git accepts tree entries named `..`, so every
// name is checked before anything is written, only regular blobs of at most MAX_FILE_BYTES are read, and each is
// written with O_EXCL into a folder that holds nothing else.
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SpecError } from "../errors.js";
import { MAX_FILE_BYTES } from "../load/read.js";

export interface BaseSide {
  /** Each --specs argument as it stands on the base side. */
  readonly specs: readonly string[];
  /** Each --overlay argument as it stands on the base side. */
  readonly overlays: readonly string[];
  /** How a base file is named in messages (`origin/main:specs/a.json`). */
  display(file: string): string;
  /** Removes what was written (the git ref's temporary folder). */
  dispose(): void;
}

/** Git's output as bytes; a failure is a SpecError with git's first line, never a stack trace. */
function git(args: readonly string[], cwd: string, what: string, maxBuffer = 64 * 1024 * 1024): Buffer {
  try {
    // Paths are literal: a --specs argument like `:(glob)**` is a path, not pathspec magic.
    return execFileSync("git", ["--literal-pathspecs", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer });
  } catch (e) {
    const stderr = e && typeof e === "object" && "stderr" in e ? String(e.stderr).trim().split("\n")[0] : "";
    throw new SpecError(what, "", `git ${args[0]} failed${stderr ? ` (${stderr})` : ""}`);
  }
}

/** Whether `p` is `dir` or below it. */
const within = (dir: string, p: string): boolean => {
  const rel = path.relative(dir, p);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

/**
 * A tree entry's name as a safe relative path, or why not: UTF-8, `/`-separated parts none of which is empty,
 * `.` or `..`, with no backslash (a separator on Windows) and no NUL.
 */
export function unsafeTreeName(raw: Buffer): string | null {
  let name: string;
  try {
    name = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return "not UTF-8";
  }
  if (name === "") return "empty";
  if (name.startsWith("/")) return "absolute";
  if (/[\\\0]/.test(name)) return "it holds a backslash or NUL";
  for (const part of name.split("/")) if (part === "" || part === "." || part === "..") return `it has a part named ${JSON.stringify(part)}`;
  return null;
}

/** One `git ls-tree -r -l -z` record: `<mode> <type> <object> <size>\t<name>`. */
interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly object: string;
  readonly size: number;
  readonly name: Buffer;
}

function parseTree(out: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf(0, start);
    if (end < 0) end = out.length;
    const record = out.subarray(start, end);
    start = end + 1;
    const tab = record.indexOf(9);
    if (tab < 0) continue;
    const [mode = "", type = "", object = "", size = ""] = record.subarray(0, tab).toString("latin1").trim().split(/ +/);
    entries.push({ mode, type, object, size: Number(size), name: Buffer.from(record.subarray(tab + 1)) });
  }
  return entries;
}

/** Signals that end the process: the temporary folder goes first. */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * A folder base stands for every --specs folder (a --specs file is looked up by its name in it, and must be a
 * file inside it, not a link out of it); a git ref is the same paths at that commit.
 */
export function resolveBase(base: string, specs: readonly string[], overlays: readonly string[], cwd = process.cwd()): BaseSide {
  if (base.trim() === "") throw new SpecError("--base", "", "is empty; give a folder or a git ref (a branch, tag or commit)");
  const local = path.resolve(cwd, base);
  if (existsSync(local) && statSync(local).isDirectory()) {
    const realBase = realpathSync(local);
    return {
      specs: specs.map((s) => {
        if (!(existsSync(s) && statSync(s).isFile())) return local;
        const file = path.join(local, path.basename(s));
        // A link in the base that leads out of it would show an outside file's content in the report.
        if (existsSync(file) && lstatSync(file).isSymbolicLink() && !within(realBase, realpathSync(file)))
          throw new SpecError(file, "", `a symbolic link to ${realpathSync(file)}, outside the base folder ${base}; the base is read only from inside it`);
        return file;
      }),
      overlays,
      display: (f) => f,
      dispose: () => undefined,
    };
  }
  // A ref that starts with `-` would be read by git as an option.
  if (base.startsWith("-")) throw new SpecError(base, "", "--base must be a folder or a git ref; a ref cannot start with '-'");
  let top: string;
  let commit: string;
  try {
    top = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd, stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
    commit = execFileSync("git", ["rev-parse", "--verify", "--quiet", `${base}^{commit}`], { cwd, stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
  } catch {
    throw new SpecError(base, "", "--base must be a folder or a git ref (a branch, tag or commit of the repository here)");
  }
  const realTop = realpathSync(top);
  const rel = (p: string): string => {
    const abs = path.resolve(cwd, p);
    // Compare real paths where the path exists (a --specs folder reached through a link into the repository).
    const real = existsSync(abs) ? realpathSync(abs) : abs;
    if (!within(realTop, real) && !within(top, abs)) throw new SpecError(p, "", `is outside the git repository ${top}; with a git ref as --base, --specs and --overlay must be inside it`);
    return path.relative(within(realTop, real) ? realTop : top, within(realTop, real) ? real : abs).replace(/\\/g, "/");
  };
  const rels = { specs: specs.map(rel), overlays: overlays.map(rel) };

  const tmp = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-"));
  const remove = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    process.exit(SIGNALS[signal as keyof typeof SIGNALS] ?? 1);
  };
  for (const s of Object.keys(SIGNALS)) process.on(s, onSignal);
  const dispose = () => {
    for (const s of Object.keys(SIGNALS)) process.off(s, onSignal);
    remove();
  };
  try {
    const written = new Set<string>();
    const copy = (r: string): boolean => {
      const entries = parseTree(git(["ls-tree", "-r", "-l", "-z", "--full-name", commit, "--", r === "" ? "." : r], top, `${base}:${r}`));
      for (const e of entries) {
        const shown = `${base}:${e.name.toString("utf8")}`;
        const why = unsafeTreeName(e.name);
        if (why !== null) throw new SpecError(shown, "", `a tree entry whose name is unsafe (${why}); nothing was written outside the temporary folder`);
        const name = e.name.toString("utf8");
        if (e.mode === "160000") continue; // a submodule: no content at this ref
        if (e.type !== "blob") continue;
        if (e.mode === "120000") {
          // Never written (it could point anywhere once made); one named like a spec or fragment is refused.
          if (!/\.(json|ya?ml)$/i.test(name)) continue;
          throw new SpecError(shown, "", "a symbolic link at the base ref; diff reads only regular files from a git ref");
        }
        if (!(e.size <= MAX_FILE_BYTES)) throw new SpecError(shown, "", `the file is ${(e.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`);
        const target = path.join(tmp, ...name.split("/"));
        if (!within(tmp, target) || target === tmp) throw new SpecError(shown, "", "a tree entry that would leave the temporary folder");
        if (written.has(name)) continue;
        mkdirSync(path.dirname(target), { recursive: true });
        try {
          writeFileSync(target, git(["cat-file", "blob", e.object], top, shown, MAX_FILE_BYTES + 1), { flag: "wx" });
        } catch (err) {
          if (err instanceof SpecError) throw err;
          throw new SpecError(shown, "", `cannot be laid out in a temporary folder (${err && typeof err === "object" && "code" in err ? String(err.code) : String(err)}); two names that differ only by case?`);
        }
        written.add(name);
      }
      return entries.length > 0;
    };
    for (const r of rels.specs) copy(r);
    // An overlay given by name is read at the ref when it is there; otherwise the same file applies to both sides.
    const baseOverlays = overlays.map((o, i) => (copy(rels.overlays[i]!) ? path.join(tmp, rels.overlays[i]!) : o));
    const specsAtRef = rels.specs.map((r) => {
      const target = path.join(tmp, r);
      if (!existsSync(target)) mkdirSync(target, { recursive: true });
      return target;
    });
    return {
      specs: specsAtRef,
      overlays: baseOverlays,
      display: (f) => {
        const r = path.relative(tmp, path.resolve(f));
        return r.startsWith("..") ? f : `${base}:${r.replace(/\\/g, "/")}`;
      },
      dispose,
    };
  } catch (e) {
    dispose();
    throw e;
  }
}
