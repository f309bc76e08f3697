// The incremental cache: a content hash per spec (its text, its overlays', the generator's own) → the files
// generated from it, formatted. Unchanged specs are not regenerated. Corrupt or foreign entries are ignored.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

export const DEFAULT_CACHE_DIR = ".modelgen-cache";

export const hashOf = (...parts: readonly unknown[]): string => {
  const h = createHash("sha256");
  for (const p of parts) h.update(String(p)).update("\0");
  return h.digest("hex");
};

/**
 * Entries are JSON files `<key>.json` holding `{ key, data }`. The cache does not check what `data` is: a caller
 * names the type it stored under that kind of key (`cache.get<Compiled>(key)`).
 */
export class Cache {
  hits = 0;
  misses = 0;

  /** @param dir null: no cache */
  constructor(readonly dir: string | null) {}

  get<T>(key: string): T | undefined {
    if (!this.dir) return undefined;
    const file = path.join(this.dir, `${key}.json`);
    if (!existsSync(file)) {
      this.misses++;
      return undefined;
    }
    try {
      const value: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (!isEntry(value) || value.key !== key) throw new Error("foreign entry");
      this.hits++;
      // What was stored under this key; the key carries the generator's hash, so the shape is the one it wrote.
      return value.data as T;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  set(key: string, data: unknown): void {
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true });
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
