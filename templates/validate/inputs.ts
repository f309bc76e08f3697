// validate's inputs: file names and glob patterns expanded to files, and a file's text read as a stream.
// Globbing is a directory walk and a pattern compiled to a regular expression, here rather than a library: the
// package that ships this has no dependencies (fs.glob is Node 22+), and validate needs only `*`, `**`, `?`,
// `[...]` and `{a,b}`. As with the usual globbers, `*` and `**` skip names that start with a dot unless the pattern
// spells the dot, symbolic links are followed (each real folder walked once), and unreadable folders are skipped.
import { createReadStream, existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { SpecError, systemErrorText } from "./errors.js";

const GLOB_CHARS = /[*?[\]{}]/;
/** Brace expansions of one pattern, at most (`{a,b}{a,b}…` doubles with each pair). */
const MAX_EXPANSIONS = 1000;

/** `{a,b}` expanded (nested braces too), left to right; a brace without a top-level comma stays as it is. */
function expandBraces(pattern: string, shown: string): string[] {
  let out = [pattern];
  for (let changed = true; changed; ) {
    changed = false;
    const next: string[] = [];
    for (const p of out) {
      const alternatives = firstBraces(p);
      if (!alternatives) next.push(p);
      else {
        changed = true;
        next.push(...alternatives);
      }
      if (next.length > MAX_EXPANSIONS) throw new SpecError(shown, "", `the pattern expands to more than ${MAX_EXPANSIONS} patterns (its {a,b} groups)`);
    }
    out = next;
  }
  return out;
}

/** The patterns that the first `{…,…}` group of `p` stands for; undefined when it has none. */
function firstBraces(p: string): string[] | undefined {
  for (let open = p.indexOf("{"); open !== -1; open = p.indexOf("{", open + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < p.length; i++) {
      const c = p[i];
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        if (commas.length === 0) break;
        const parts = [open, ...commas, i].slice(0, -1).map((from, k) => p.slice(from + 1, [...commas, i][k]));
        return parts.map((part) => p.slice(0, open) + part + p.slice(i + 1));
      } else if (c === "," && depth === 1) commas.push(i);
    }
  }
  return undefined;
}

/** One path segment of a pattern as a regular expression (no `/` in it). */
function segmentSource(seg: string): string {
  let out = seg.startsWith(".") ? "" : "(?!\\.)";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "\\" && i + 1 < seg.length) out += seg[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    else if (c === "[") {
      const close = seg.indexOf("]", i + 2);
      if (close === -1) out += "\\[";
      else {
        let body = seg.slice(i + 1, close);
        const negate = body.startsWith("!") || body.startsWith("^");
        if (negate) body = body.slice(1);
        out += `[${negate ? "^/" : ""}${body.replace(/\\/g, "\\\\").replace(/^\]/, "\\]")}]`;
        i = close;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return out;
}

/** A brace-free pattern as a regular expression over `/`-separated paths. */
function patternRegExp(pattern: string): RegExp {
  const segs = pattern.split("/");
  let src = "";
  segs.forEach((seg, k) => {
    const last = k === segs.length - 1;
    if (seg === "**") src += last ? "(?:(?!\\.)[^/]+/)*(?!\\.)[^/]+" : "(?:(?!\\.)[^/]+/)*";
    else src += segmentSource(seg) + (last ? "" : "/");
  });
  return new RegExp(`^${src}$`);
}

/** Regular files under `base` (a folder, absolute) whose path relative to `from` matches `re`, walking `depth` levels at most. */
function walk(base: string, from: string, re: RegExp, depth: number, out: Set<string>, seen: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(base);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(base, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    const rel = path.relative(from, full).split(path.sep).join("/");
    if (st.isDirectory()) {
      if (depth > 1) walk(full, from, re, depth - 1, out, seen);
    } else if (st.isFile() && re.test(rel)) out.add(full);
    // Only regular files match (a link to one too): a FIFO, a device or a socket (a link to /dev/zero or to
    // /proc/<pid>/fd/0, a named pipe no one writes) would be read forever. A file named on its own is read
    // whatever it is (`validate <(…)`).
  }
}

/** The files a glob pattern matches (relative to `cwd`, or absolute for an absolute pattern), sorted. */
export function globFiles(pattern: string, cwd: string): string[] {
  const found = new Set<string>();
  for (const p of expandBraces(pattern.split(path.sep).join("/"), pattern)) {
    const absolute = path.isAbsolute(p);
    const segs = p.split("/");
    // The leading segments without glob characters are the folder to walk from.
    let k = 0;
    while (k < segs.length - 1 && !GLOB_CHARS.test(segs[k]!)) k++;
    const baseRel = segs.slice(0, k).join("/");
    const base = absolute ? baseRel || "/" : path.resolve(cwd, baseRel);
    const rest = segs.slice(k);
    const depth = rest.includes("**") ? Infinity : rest.length;
    const from = absolute ? "/" : cwd;
    const re = patternRegExp(absolute ? p.replace(/^\/+/, "") : path.posix.normalize(p).replace(/^\.\//, ""));
    walk(base, from, re, depth, found, new Set());
  }
  return [...found].map((f) => (path.isAbsolute(pattern) ? f : path.relative(cwd, f))).sort();
}

/** Expand file arguments and globs (sorted, deduplicated); `-` is standard input. */
export function expandInputs(args: readonly string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const a of args) {
    // A file that exists is that file, even when its name has glob characters (`[`).
    if (a === "-" || existsSync(path.resolve(cwd, a))) out.push(a);
    else if (GLOB_CHARS.test(a)) {
      const found = globFiles(a, cwd);
      if (found.length === 0) throw new SpecError(a, "", "the pattern matches no file");
      out.push(...found);
    } else throw new SpecError(a, "", "no such file");
  }
  return [...new Set(out)];
}

/** A file's text in chunks of about 1 MB; `-` is standard input. */
export async function* fileChunks(file: string, shown: string): AsyncGenerator<string> {
  const stream = file === "-" ? process.stdin.setEncoding("utf8") : createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) yield String(chunk);
  } catch (e) {
    if (e instanceof SpecError) throw e;
    throw new SpecError(shown, "", `cannot read the file (${systemErrorText(e)})`);
  }
}
