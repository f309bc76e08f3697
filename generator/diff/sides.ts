// The two sides of `modelgen diff`: the specs now (--specs) and the base (--base), a folder or a git ref. A git
// ref is read with git (ls-tree, show) into a temporary folder with the same relative layout; the caller removes it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SpecError } from "../errors.js";

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

const git = (args: readonly string[], cwd: string): Buffer => execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });

/**
 * A folder base stands for every --specs folder (a --specs file is looked up by its name in it); a git ref is
 * the same paths at that commit.
 */
export function resolveBase(base: string, specs: readonly string[], overlays: readonly string[], cwd = process.cwd()): BaseSide {
  const local = path.resolve(cwd, base);
  if (existsSync(local) && statSync(local).isDirectory()) {
    return {
      specs: specs.map((s) => (existsSync(s) && statSync(s).isFile() ? path.join(local, path.basename(s)) : local)),
      overlays,
      display: (f) => f,
      dispose: () => undefined,
    };
  }
  let top: string;
  try {
    top = git(["rev-parse", "--show-toplevel"], cwd).toString().trim();
    git(["rev-parse", "--verify", "--quiet", `${base}^{commit}`], cwd);
  } catch {
    throw new SpecError(base, "", "--base must be a folder or a git ref (a branch, tag or commit of the repository here)");
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-"));
  try {
    const rel = (p: string) => path.relative(top, path.resolve(cwd, p)).replace(/\\/g, "/");
    const copy = (p: string): boolean => {
      const names = git(["ls-tree", "-r", "--full-name", "--name-only", "-z", base, "--", rel(p)], top).toString().split("\0").filter(Boolean);
      for (const name of names) {
        const target = path.join(tmp, name);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, git(["show", `${base}:${name}`], top));
      }
      return names.length > 0;
    };
    for (const s of specs) copy(s);
    // An overlay given by name is read at the ref when it is there; otherwise the same file applies to both sides.
    const baseOverlays = overlays.map((o) => (copy(o) ? path.join(tmp, rel(o)) : o));
    const inTmp = (p: string) => path.join(tmp, rel(p));
    const specsAtRef = specs.map((s) => {
      const target = inTmp(s);
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
      dispose: () => rmSync(tmp, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
