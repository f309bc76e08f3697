// The incremental cache: a content hash per spec (its text, its overlays', the generator's own) → the files
// generated from it, formatted. Unchanged specs are not regenerated. Corrupt or foreign entries are ignored.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

export const DEFAULT_CACHE_DIR = ".modelgen-cache";

export const hashOf = (...parts) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(String(p)).update("\0");
  return h.digest("hex");
};

export class Cache {
  /** @param {string | null} dir null: no cache */
  constructor(dir) {
    this.dir = dir;
    this.hits = 0;
    this.misses = 0;
  }

  get(key) {
    if (!this.dir) return undefined;
    const file = path.join(this.dir, `${key}.json`);
    if (!existsSync(file)) {
      this.misses++;
      return undefined;
    }
    try {
      const value = JSON.parse(readFileSync(file, "utf8"));
      if (value?.key !== key) throw new Error("foreign entry");
      this.hits++;
      return value.data;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  set(key, data) {
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
