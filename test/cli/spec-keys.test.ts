// SpecKeys (cache.ts): a spec whose file and overlays are as the last run signed them keeps its key without being
// read. These tests hold it to its limits: any write, a new overlay, a file changed too recently to be signed, and a
// crafted entry (the cache is untrusted: a key read back must name nothing but a cache entry).
import { describe, expect, test } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Cache, SETTLE_FINE_NS, SETTLE_NS, SpecKeys, hashOf, settleNs } from "../../generator/cache.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "modelgen-spec-keys-"));
/** A moment after every file written so far has settled. */
const later = () => BigInt(Date.now()) * 1_000_000n + 2n * SETTLE_NS;
const KEY = "a".repeat(64);

function setup() {
  const dir = tmp();
  const spec = path.join(dir, "m.json");
  writeFileSync(spec, '{"openapi":"3.1.0"}');
  const cache = new Cache(path.join(dir, "cache"));
  /** One run: the key kept for the spec's files, else `made` recorded (as generate does). */
  const run = (files: string[], made = KEY, now = later()) => {
    const keys = new SpecKeys(cache, "scope", now);
    const signature = keys.sign([spec, dir], files);
    const kept = keys.get(signature);
    if (kept === undefined) keys.set(signature, made);
    keys.save();
    return { kept, signature, counts: keys.counts };
  };
  return { dir, spec, cache, run };
}

describe("a spec's key is kept only while its files are as they were signed", () => {
  test("unchanged: kept, unread; the run after also keeps it", () => {
    const { spec, run } = setup();
    expect(run([spec]).kept).toBeUndefined();
    expect(run([spec], "b".repeat(64))).toMatchObject({ kept: KEY, counts: { kept: 1, made: 0 } });
    expect(run([spec]).kept).toBe(KEY);
  });

  test("any write (same size, same text; a file renamed over it), or another overlay list: made again", () => {
    const { dir, spec, run } = setup();
    run([spec]);
    writeFileSync(spec, readFileSync(spec));
    expect(run([spec], "b".repeat(64)).kept).toBeUndefined();
    expect(run([spec]).kept).toBe("b".repeat(64));
    writeFileSync(path.join(dir, "new.json"), readFileSync(spec));
    renameSync(path.join(dir, "new.json"), spec);
    expect(run([spec], "c".repeat(64)).kept).toBeUndefined();
    const overlay = path.join(dir, "m.overlay.yaml");
    writeFileSync(overlay, "overlay: 1.0.0\n");
    expect(run([spec, overlay], "d".repeat(64)).kept).toBeUndefined();
    expect(run([spec, overlay]).kept).toBe("d".repeat(64));
    writeFileSync(overlay, "overlay: 1.0.1\n");
    expect(run([spec, overlay], "e".repeat(64)).kept).toBeUndefined();
    // A missing file or a folder is never signed.
    expect(run([spec, path.join(dir, "gone.yaml")]).signature).toBeUndefined();
    expect(run([dir]).signature).toBeUndefined();
  });

  test("a file changed within a tick or so of the file system's clock is not signed (the tick could hide its next write)", () => {
    const { spec, run } = setup();
    const st = statSync(spec, { bigint: true });
    const settle = settleNs(st);
    expect(run([spec], KEY, st.ctimeNs + settle / 2n).signature).toBeUndefined();
    expect(run([spec], KEY, st.ctimeNs + settle / 2n).kept).toBeUndefined();
    expect(run([spec], KEY, st.ctimeNs + settle + 1n).signature).toBeDefined();
    // A clock of seconds (times on a whole second) needs the long margin; a finer one the short.
    expect(settleNs({ mtimeNs: 5_000_000_000n, ctimeNs: 5_000_000_000n })).toBe(SETTLE_NS);
    expect(settleNs({ mtimeNs: 5_000_000_000n, ctimeNs: 5_004_000_000n })).toBe(SETTLE_NS);
    expect(settleNs({ mtimeNs: 5_010_000_000n, ctimeNs: 5_004_000_123n })).toBe(SETTLE_FINE_NS);
    expect(SETTLE_FINE_NS).toBeLessThan(SETTLE_NS);
  });

  test("a crafted entry whose key is not a SHA-256 (a path, another shape) is a miss", () => {
    const { dir, spec, cache, run } = setup();
    const { signature } = run([spec]);
    const entryKey = hashOf("spec-keys", "scope");
    let seen = 0;
    for (const key of ["../../outside", `${KEY}/../x`, KEY.toUpperCase(), `${KEY}\n`, ""]) {
      cache.set(entryKey, { [signature!]: key });
      expect(JSON.parse(readFileSync(path.join(dir, "cache", `${entryKey}.json`), "utf8")).data[signature!]).toBe(key);
      expect(run([spec]).kept).toBeUndefined();
      seen++;
    }
    expect(seen).toBe(5);
    cache.set(entryKey, { [signature!]: 7 });
    expect(run([spec]).kept).toBeUndefined();
    // Nothing was written beside the cache folder.
    expect(readdirSync(dir).sort()).toEqual(["cache", "m.json"]);
  });

  test("without a cache nothing is signed", () => {
    const { spec } = setup();
    const keys = new SpecKeys(new Cache(null), "scope", later());
    expect(keys.sign([spec], [spec])).toBeUndefined();
  });
});

/** A small JSON spec whose task property `p` is written by `ref` (raw JSON). */
const jsonSpec = (ref: string) =>
  `{"openapi":"3.1.0","info":{"title":"Spec keys","version":"1"},"paths":{"/":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["taskType","taskUUID","model"],"properties":{"taskType":{"const":"videoInference"},"taskUUID":{"type":"string"},"model":{"const":"test:keys@1"},"p":${ref}}}}}}},"responses":{"200":{"description":"ok"}}}}}}`;

describe("generate keeps a spec's key only while its own files are unchanged", () => {
  test("an edited spec and an edited $ref'd file are generated again; an unchanged spec keeps its key", async () => {
    const { vi } = await import("vitest");
    const { generate } = await import("../../generator/pipeline.js");
    const dir = tmp();
    const specs = path.join(dir, "specs");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.join(specs, "_shared"), { recursive: true });
    writeFileSync(path.join(specs, "a.json"), jsonSpec('{"type":"string","enum":["a","b"]}'));
    writeFileSync(path.join(specs, "r.json"), jsonSpec('{"$ref":"_shared/p.json"}').replace("test:keys@1", "test:keys@2"));
    writeFileSync(path.join(specs, "b.json"), jsonSpec('{"type":"string","enum":["b1","b2"]}').replace("test:keys@1", "test:keys@3"));
    writeFileSync(path.join(specs, "_shared/p.json"), JSON.stringify({ type: "string", enum: ["x", "y"] }));
    const cacheDir = path.join(dir, "cache");
    // Every file here counts as settled: the clock is a few seconds ahead (only Date; the timers stay real).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const ahead = () => vi.setSystemTime(Date.now() + Number(SETTLE_NS / 1_000_000n) * 3);
      ahead();
      const run = async () => {
        const lines: string[] = [];
        const write = process.stderr.write.bind(process.stderr);
        process.stderr.write = ((s: string) => (lines.push(String(s)), true)) as typeof process.stderr.write;
        try {
          const r = await generate({ specs: [specs], cacheDir, debug: true });
          return { r, keys: lines.find((l) => l.startsWith("modelgen: spec keys:"))?.trim() };
        } finally {
          process.stderr.write = write;
        }
      };
      const first = await run();
      expect(first.keys).toBe("modelgen: spec keys: 0 kept (files unchanged since the last run), 3 made from the texts");
      expect(first.r.counts).toEqual({ generated: 3, fromCache: 0 });
      // a.json and the file r.json's $ref reads are edited; b.json is not: its key is kept, r.json's is made again
      // (a $ref'd file is not signed), and only the two whose inputs changed are generated.
      writeFileSync(path.join(specs, "a.json"), jsonSpec('{"type":"string","enum":["a","c"]}'));
      writeFileSync(path.join(specs, "_shared/p.json"), JSON.stringify({ type: "string", enum: ["x", "z"] }));
      ahead();
      const second = await run();
      expect(second.keys).toBe("modelgen: spec keys: 1 kept (files unchanged since the last run), 2 made from the texts");
      expect(second.r.counts).toEqual({ generated: 2, fromCache: 1 });
      expect(second.r.files["a/index.d.ts"]).toMatch(/p\?: "a" \| "c"/);
      expect(second.r.files["r/index.d.ts"]).toMatch(/p\?: "x" \| "z"/);
      expect(second.r.files["b/index.d.ts"]).toMatch(/p\?: "b1" \| "b2"/);
    } finally {
      vi.useRealTimers();
    }
  });
});
