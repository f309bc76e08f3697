// The incremental cache: a content hash per spec (its text, its overlays', the generator's own) → the model's record
// (what the registry, the README and the lint printout read) with a SHA-256 per generated file, and, in an entry of
// their own keyed by their content, the files themselves, formatted. Unchanged specs are not regenerated, and a
// model's files are read from the cache only when the output folder does not already hold them as generated
// (cachedFiles): a run with one changed spec reads the small records and that spec's files, not every model's.
// Corrupt or foreign entries are ignored: an entry is used only when it is JSON, holds its own key, and its data
// has the shape the caller checks for.
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, renameSync, statSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { Files, ModelRecord } from "./pipeline.js";
import { makeFolders } from "./paths.js";
import { ON_DISK } from "./write/write.js";

export const DEFAULT_CACHE_DIR = ".modelgen-cache";

export const hashOf = (...parts: readonly unknown[]): string => {
  const h = createHash("sha256");
  for (const p of parts) h.update(String(p)).update("\0");
  return h.digest("hex");
};

/**
 * Entries are JSON files `<key>.json` holding `{ key, data }`. A caller says what `data` must be
 * (`cache.get(key, isCachedModel)`): a file with the right key but the wrong shape (edited, truncated inside a
 * string, written by hand) is a miss, never a crash later.
 */
export class Cache {
  hits = 0;
  misses = 0;

  /** @param dir null: no cache */
  constructor(readonly dir: string | null) {}

  /** Whether an entry is there (read or not): a miss without reading. */
  has(key: string): boolean {
    return this.dir !== null && existsSync(path.join(this.dir, `${key}.json`));
  }

  /** `counted`: false for bookkeeping entries that are not a model's or the registry's (not in hits/misses). */
  get<T>(key: string, isValid: (data: unknown) => data is T, counted = true): T | undefined {
    if (!this.dir) return undefined;
    const step = counted ? 1 : 0;
    const file = path.join(this.dir, `${key}.json`);
    if (!existsSync(file)) {
      this.misses += step;
      return undefined;
    }
    try {
      const value: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (!isEntry(value) || value.key !== key || !isValid(value.data)) throw new Error("foreign or corrupt entry");
      this.hits += step;
      return value.data;
    } catch {
      this.misses += step;
      return undefined;
    }
  }

  set(key: string, data: unknown): void {
    if (!this.dir) return;
    try {
      makeFolders(this.dir);
      const file = path.join(this.dir, `${key}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ key, data }));
      renameSync(tmp, file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}

const isEntry = (v: unknown): v is { key: unknown; data: unknown } => v !== null && typeof v === "object" && "key" in v;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);
const isNamed = (v: unknown): v is { name: string } => isObject(v) && isString(v.name);

/** SHA-256 of a file's text, as a cached record lists it. */
export const textHash = (text: string): string => createHash("sha256").update(text).digest("hex");

/** A model's record as cached: its files listed by hash, the texts in the entry `filesKey` names. */
export type CachedModel = Omit<ModelRecord, "files"> & { readonly fileHashes: Readonly<Record<string, string>>; readonly filesKey: string };

/** The two entries a model's record becomes: the record with its files' hashes, and the files (by `filesKey`). */
export function toCached(model: ModelRecord): { record: CachedModel; files: Files } {
  const { files, ...rest } = model;
  const fileHashes = Object.fromEntries(Object.entries(files).map(([rel, text]) => [rel, textHash(text)]));
  return { record: { ...rest, fileHashes, filesKey: hashOf("files", ...Object.entries(fileHashes).flat()) }, files };
}

/**
 * A cached model's files: each from the output folder when it holds that file with that hash (a regular file, not
 * a link or anything else), else all from the cache's files entry (which must hold every file with its hash).
 * undefined when neither has them: the spec is generated again. `onDisk` gets the files found in the output folder
 * as generated; with it, a file the output stats vouch for is not read, and its text is ON_DISK (see write.ts).
 */
export function cachedFiles(cache: Cache, record: CachedModel, outDir: string | null, onDisk?: Set<string>, stats?: OutputStats): Files | undefined {
  const out: Record<string, string> = {};
  const rels = Object.keys(record.fileHashes);
  if (outDir !== null) {
    const signatures: [string, string][] = [];
    for (const rel of rels) {
      const p = path.join(outDir, rel);
      try {
        // The signature before the read: a write after it changes the file's ctime, so the next run hashes it.
        const st = lstatSync(p, { bigint: true });
        if (!st.isFile()) break;
        const hash = record.fileHashes[rel]!;
        const signature = fileSignature(st);
        signatures.push([rel, `${signature} ${hash}`]);
        // A file vouched for is not even read when the caller keeps track of what is on disk: its text stays there.
        if (stats?.previous[rel] === `${signature} ${hash}`) {
          stats.counts.vouched++;
          out[rel] = onDisk ? ON_DISK : readFileSync(p, "utf8");
          continue;
        }
        if (stats) stats.counts.hashed++;
        const text = readFileSync(p, "utf8");
        if (textHash(text) !== hash) break;
        out[rel] = text;
      } catch {
        break;
      }
    }
    if (Object.keys(out).length === rels.length) {
      for (const rel of rels) onDisk?.add(rel);
      for (const [rel, entry] of signatures) stats?.seen.set(rel, entry);
      return out;
    }
  }
  const files = cache.get(record.filesKey, isFiles);
  if (!files || Object.keys(files).length !== rels.length || !rels.every((rel) => typeof files[rel] === "string" && textHash(files[rel]) === record.fileHashes[rel])) return undefined;
  return files;
}

/**
 * What the last run left in the output folder, for the next run's cachedFiles: each model file's signature on
 * disk (fileSignature) and hash, in one cache entry per output folder. A file whose signature is the one recorded
 * has not been written since (any write changes its ctime, which no program can set back), so its hash need not
 * be computed again: at catalog size, hashing every model's files was most of a one-spec regeneration's reading.
 * A signature that does not match (another machine, a checkout, an edit, a crafted entry) only costs the hash.
 */
export interface OutputStats {
  /** Path → "signature hash", as the last run recorded it. */
  readonly previous: Readonly<Record<string, string>>;
  /** Path → "signature hash" of the files cachedFiles found as generated in this run. */
  readonly seen: Map<string, string>;
  /** Files cachedFiles took without hashing them (their signature the recorded one), and files it hashed. */
  readonly counts: { vouched: number; hashed: number };
}

/** A file's identity on disk: size, inode, modification and change times in nanoseconds. */
export const fileSignature = (st: { size: bigint; ino: bigint; mtimeNs: bigint; ctimeNs: bigint }): string => `${st.size}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`;

const outputStatsKey = (outDir: string): string => hashOf("output-stats", path.resolve(outDir));

/** The last run's record of the output folder (empty when there is none, or it is not one). */
export function readOutputStats(cache: Cache, outDir: string): OutputStats {
  return { previous: (cache.dir !== null ? cache.get(outputStatsKey(outDir), isFiles, false) : undefined) ?? {}, seen: new Map(), counts: { vouched: 0, hashed: 0 } };
}

/**
 * Record the output folder's model files for the next run: those cachedFiles found as generated keep the
 * signature it read, unless this run wrote them; the others (`hashes`: every model file's hash) are signed now.
 */
export function writeOutputStats(cache: Cache, outDir: string, stats: OutputStats, hashes: ReadonlyMap<string, string>, written: ReadonlySet<string>): void {
  if (cache.dir === null) return;
  const next: Record<string, string> = {};
  for (const [rel, hash] of [...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const seen = stats.seen.get(rel);
    if (seen !== undefined && !written.has(rel)) {
      next[rel] = seen;
      continue;
    }
    try {
      const st = lstatSync(path.join(outDir, rel), { bigint: true });
      if (st.isFile()) next[rel] = `${fileSignature(st)} ${hash}`;
    } catch {
      // not there: nothing to vouch for
    }
  }
  cache.set(outputStatsKey(outDir), next);
}

/** Generated files: relative path → text. */
export const isFiles = (v: unknown): v is Files => isObject(v) && Object.values(v).every(isString);

/** A model's record as generate caches it: every field the registry, the README and the lint printout read. */
export function isCachedModel(v: unknown): v is CachedModel {
  if (!isObject(v)) return false;
  if (![v.name, v.file, v.modelId, v.title, v.provider, v.filesKey].every(isString)) return false;
  if (!isArrayOf(v.overlays, isString) || !isArrayOf(v.warnings, isString) || !isFiles(v.fileHashes)) return false;
  if (!isArrayOf(v.groups, (g): g is { name: string; variants: { name: string }[] } => isNamed(g) && isArrayOf((g as { variants?: unknown }).variants, isNamed))) return false;
  const lint = v.lint;
  if (!isObject(lint) || !isArrayOf(lint.witnesses, (w): w is object => isObject(w) && isString(w.mode) && "witness" in w)) return false;
  return isArrayOf(lint.findings, (f): f is object => isObject(f) && (f.severity === "error" || f.severity === "warning") && isString(f.kind) && isString(f.message) && isArrayOf(f.pointers, isString));
}

/**
 * The spec keys of the last run, by what they were made from (the `scope`: the generator's hash and options, the
 * spec's path and folder, the paths of the files read and their signatures), for the next run: a spec whose file and
 * overlays are as they were keeps its key without being read or hashed (at catalog size, reading and hashing every
 * spec was most of a one-spec regeneration's own work). As with OutputStats, a file whose signature (with its
 * device) is the one recorded has not been written since; a signature that does not match costs the read. Two
 * guards: a file changed within settleNs of being signed is not recorded (a file system with coarse timestamps
 * could show the same signature after a second write in the same tick), and a key read back must be a SHA-256 in
 * hex (it names a cache entry, and a crafted one must not name a file elsewhere). Specs that read other files
 * through $ref are keyed from their texts every run: a link on the way to a $ref'd file could point elsewhere with
 * no signature here changing.
 */
export class SpecKeys {
  private readonly previous: Readonly<Record<string, string>>;
  private readonly next: Record<string, string> = {};
  /** Keys kept from the last run, and keys made from the texts. */
  readonly counts = { kept: 0, made: 0 };

  constructor(
    private readonly cache: Cache,
    private readonly scope: string,
    private readonly nowNs: bigint = BigInt(Date.now()) * 1_000_000n,
  ) {
    this.previous = (cache.dir !== null ? cache.get(specKeysKey(scope), isFiles, false) : undefined) ?? {};
  }

  /**
   * The signature of the files a spec's key is made from (`identity`: what else the key is made of, the spec's path
   * and folder), taken before they are read (a write after it changes
   * it); undefined when one is not a regular file or changed within settleNs: such a key is not recorded.
   */
  sign(identity: readonly string[], files: readonly string[]): string | undefined {
    if (this.cache.dir === null) return undefined;
    const parts: string[] = [...identity, "\0"];
    for (const f of files) {
      try {
        const st = statSync(f, { bigint: true });
        const settle = settleNs(st);
        if (!st.isFile() || st.ctimeNs > this.nowNs - settle || st.mtimeNs > this.nowNs - settle) return undefined;
        parts.push(f, `${st.dev}:${fileSignature(st)}`);
      } catch {
        return undefined;
      }
    }
    return hashOf("spec-key", this.scope, ...parts);
  }

  /** The key recorded for a signature (sign's), if any. */
  get(signature: string | undefined): string | undefined {
    if (signature === undefined || !Object.hasOwn(this.previous, signature)) return undefined;
    const key = this.previous[signature]!;
    if (!/^[0-9a-f]{64}$/.test(key)) return undefined;
    this.next[signature] = key;
    this.counts.kept++;
    return key;
  }

  /** Record the key made for a signature (undefined: nothing to record). */
  set(signature: string | undefined, key: string): void {
    this.counts.made++;
    if (signature !== undefined) this.next[signature] = key;
  }

  /** Keep this run's keys for the next (those of specs no longer there are dropped); nothing written if unchanged. */
  save(): void {
    const before = Object.keys(this.previous);
    if (before.length === Object.keys(this.next).length && before.every((s) => this.next[s] === this.previous[s])) return;
    this.cache.set(specKeysKey(this.scope), this.next);
  }
}

/**
 * How long a file must have been left alone before its signature is trusted to show its next change: longer than
 * one tick of the file system's clock. Times on a whole second come from a clock of one or two seconds (FAT, HFS+,
 * ext3, some network shares): SETTLE_NS. Other times come from a finer clock (ext4, xfs, btrfs, tmpfs, APFS, NTFS:
 * nanoseconds to 10 ms ticks): SETTLE_FINE_NS (a file that happens to be written on a whole second waits the
 * longer margin).
 */
export const SETTLE_NS = 2_000_000_000n;
export const SETTLE_FINE_NS = 100_000_000n;
export const settleNs = (st: { mtimeNs: bigint; ctimeNs: bigint }): bigint => (st.mtimeNs % 1_000_000_000n !== 0n && st.ctimeNs % 1_000_000_000n !== 0n ? SETTLE_FINE_NS : SETTLE_NS);

const specKeysKey = (scope: string): string => hashOf("spec-keys", scope);
