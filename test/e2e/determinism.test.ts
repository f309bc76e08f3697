// Same input, same bytes: generating twice, and generating from key-shuffled copies of the specs (and overlay),
// gives exactly the committed generated/.
import { describe, expect, test } from "vitest";
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { ROOT, listFiles } from "../helpers/generated.js";
import { runCli } from "../helpers/cli.js";
import { mulberry32 } from "../helpers/fake-runware.js";

/**
 * The same JSON value with every object's keys in a random order (seeded), but for a schema's `properties`: their
 * order is the spec's reading order, which the interfaces and README tables keep on purpose.
 */
function shuffleKeys(v: unknown, rand: () => number, inProperties = false): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, rand));
  if (v && typeof v === "object") {
    const keys = Object.keys(v);
    if (!inProperties)
      for (let i = keys.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [keys[i], keys[j]] = [keys[j]!, keys[i]!];
      }
    return Object.fromEntries(keys.map((k) => [k, shuffleKeys((v as Record<string, unknown>)[k], rand, !inProperties && k === "properties")]));
  }
  return v;
}

describe("deterministic output", () => {
  test("key-shuffled specs and overlay generate byte-identical files", () => {
    const rand = mulberry32(20261121);
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-shuffled-"));
    for (const rel of listFiles(path.join(ROOT, "specs"))) {
      const src = path.join(ROOT, "specs", rel);
      const dst = path.join(dir, "specs", rel);
      mkdirSync(path.dirname(dst), { recursive: true });
      if (rel.endsWith(".json")) writeFileSync(dst, JSON.stringify(shuffleKeys(JSON.parse(readFileSync(src, "utf8")), rand), null, 3));
      else if (rel.endsWith(".yaml")) writeFileSync(dst, YAML.stringify(shuffleKeys(YAML.parse(readFileSync(src, "utf8")), rand)));
      else copyFileSync(src, dst);
    }
    expect(readFileSync(path.join(dir, "specs/runware/alibaba-wan2-7.json"), "utf8")).not.toBe(readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-7.json"), "utf8"));
    const r = runCli(["generate"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const mine = listFiles(path.join(dir, "generated"));
    expect(mine).toEqual(listFiles(path.join(ROOT, "generated")));
    for (const rel of mine) expect(readFileSync(path.join(dir, "generated", rel), "utf8"), rel).toBe(readFileSync(path.join(ROOT, "generated", rel), "utf8"));
  });

  test("generating twice, each time from scratch (no cache), gives the same bytes", () => {
    const a = mkdtempSync(path.join(os.tmpdir(), "modelgen-twice-"));
    expect(runCli(["generate", "--no-cache", "--out", path.join(a, "1")]).code).toBe(0);
    expect(runCli(["generate", "--no-cache", "--out", path.join(a, "2")]).code).toBe(0);
    for (const rel of listFiles(path.join(a, "1"))) expect(readFileSync(path.join(a, "2", rel), "utf8"), rel).toBe(readFileSync(path.join(a, "1", rel), "utf8"));
  });
});
