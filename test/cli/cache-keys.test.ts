// The generation cache as a user meets it (issue 24): an entry is used only when its key covers everything the
// output depends on. A YAML spec can reach a shared fragment through `$ref` in ways no regular expression sees
// (the value on the next line after a comment, the key through an alias); changing that fragment must still be
// drift for `generate --check`. Runs the real CLI in a child process, in a folder of its own (its own cache).
import { describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "modelgen-cache-keys-"));

/** A YAML Runware spec whose task property `p` is written by `ref` (YAML lines at the property's indentation). */
function yamlSpec(ref: string, top = ""): string {
  return `openapi: 3.1.0
info: { title: Cache keys, version: "1" }
${top}paths:
  /:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: array
              items:
                type: object
                additionalProperties: false
                required: [taskType, taskUUID, model]
                properties:
                  taskType: { const: videoInference }
                  taskUUID: { type: string }
                  model: { const: "test:cache@1" }
                  p:
${ref
  .split("\n")
  .map((l) => `                    ${l}`)
  .join("\n")}
      responses:
        "200": { description: ok }
`;
}

const CASES: readonly [string, string, string?][] = [
  ["$ref with a comment, its value on the next line", "$ref: # the shared prompt\n  _shared/p.json"],
  ["$ref as an alias of a key anchored elsewhere", "*R : _shared/p.json", "x-keys: [&R $ref]\n"],
  ["$ref reached through an alias of a whole schema", "*P", 'x-shared:\n  p: &P { "$ref": "_shared/p.json" }\n'],
];

/** The same spec as JSON text, property `p` written as the raw JSON `ref` (for the ways JSON can spell a $ref). */
function jsonSpec(ref: string): string {
  const task = `{"type":"object","additionalProperties":false,"required":["taskType","taskUUID","model"],"properties":{"taskType":{"const":"videoInference"},"taskUUID":{"type":"string"},"model":{"const":"test:cache@1"},"p":${ref}}}`;
  return `{"openapi":"3.1.0","info":{"title":"Cache keys","version":"1"},"paths":{"/":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":"array","items":${task}}}}},"responses":{"200":{"description":"ok"}}}}}}`;
}

/** JSON spellings a text scan must not miss: whitespace and a line break around the colon, an escaped key and value. */
const JSON_CASES: readonly [string, string][] = [
  ["JSON $ref with a line break around its colon", `{ "$ref"\n  :\n  "_shared/p.json" }`],
  ["JSON $ref with escapes in its key and value", `{"\\u0024ref":"_shared\\/p.json"}`],
];

describe("a fragment reached through $ref is part of the cache key, however the YAML spells the $ref", () => {
  test.each([...CASES.map(([name, ref, top]) => [name, "m.yaml", yamlSpec(ref, top)] as const), ...JSON_CASES.map(([name, ref]) => [name, "m.json", jsonSpec(ref)] as const)])("%s: a change in the fragment is drift for --check", (_name, file, text) => {
    const dir = tmp();
    const specs = path.join(dir, "specs");
    mkdirSync(path.join(specs, "_shared"), { recursive: true });
    writeFileSync(path.join(specs, file), text);
    writeFileSync(path.join(specs, "_shared/p.json"), JSON.stringify({ type: "string", enum: ["a", "b"] }));
    const out = path.join(dir, "out");
    const first = runCli(["generate", "--specs", specs, "--out", out], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    // The fragment is really what p is (so the test cannot pass by p being something else).
    expect(readFileSync(path.join(out, "m/index.d.ts"), "utf8")).toMatch(/p\?: "a" \| "b"/);
    expect(readdirSync(path.join(dir, ".modelgen-cache")).length).toBeGreaterThan(0);
    writeFileSync(path.join(specs, "_shared/p.json"), JSON.stringify({ type: "string", enum: ["a", "b", "c"] }));
    const check = runCli(["generate", "--check", "--specs", specs, "--out", out], { cwd: dir });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toMatch(/out of date/);
    expect(check.stdout).toContain(`${path.join(out, "m/index.d.ts")} (changed)`);
  });
});

/** The entry that records the output folder's files for the next run: path → "size:ino:mtime:ctime sha256". */
const isStatsEntry = (data: Record<string, unknown> | null): boolean =>
  data !== null && Object.keys(data).length > 0 && Object.values(data).every((v) => typeof v === "string" && /^\d+:\d+:\d+:\d+ [0-9a-f]{64}$/.test(v));

/** The entry of spec keys kept for the next run (SpecKeys): signature → key, both SHA-256 in hex. */
const isSpecKeysEntry = (data: Record<string, unknown> | null): boolean =>
  data !== null && Object.keys(data).length > 0 && Object.entries(data).every(([k, v]) => /^[0-9a-f]{64}$/.test(k) && typeof v === "string" && /^[0-9a-f]{64}$/.test(v));

/** A folder with one spec (p: "a" | "b"), its output folder, and generate --debug on them. */
function oneSpec() {
  const dir = tmp();
  const specs = path.join(dir, "specs");
  mkdirSync(specs);
  writeFileSync(path.join(specs, "m.yaml"), yamlSpec("type: string\nenum: [a, b]"));
  const out = path.join(dir, "out");
  const run = (args: string[] = []) => runCli(["generate", "--debug", "--specs", specs, "--out", out, ...args], { cwd: dir });
  return { dir, out, run };
}

describe("a cache entry with the right key but the wrong content is a miss, never a crash", () => {
  test("entries cut down, emptied or retyped: generate still writes the same output, and rewrites the entries", () => {
    const { dir, out, run } = oneSpec();
    const first = run();
    expect(first.code, first.stderr).toBe(0);
    const page = readFileSync(path.join(out, "m/index.d.ts"), "utf8");
    const cacheDir = path.join(dir, ".modelgen-cache");
    const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as { key: string; data: Record<string, unknown> };
    const all = readdirSync(cacheDir).map((f) => path.join(cacheDir, f));
    // The output's record for the next run (each model file's signature on disk and hash) is an entry of its own.
    const stats = all.filter((f) => isStatsEntry(read(f).data));
    expect(stats).toHaveLength(1);
    expect(Object.keys(read(stats[0]!).data).sort()).toEqual(["_specs/m.yaml", "m/README.md", "m/index.d.ts", "m/index.js", "m/validator.js"]);
    // The spec's key for the next run is an entry of its own too, written only when the spec file had been left
    // alone long enough to be signed (SpecKeys' settle time): none or one.
    const specKeys = all.filter((f) => isSpecKeysEntry(read(f).data));
    expect(specKeys.length).toBeLessThanOrEqual(1);
    const entries = all.filter((f) => !stats.includes(f) && !specKeys.includes(f));
    const model = entries.find((f) => "modelId" in read(f).data)!;
    const filesEntry = entries.find((f) => "m/index.d.ts" in read(f).data)!;
    const registry = entries.find((f) => f !== model && f !== filesEntry)!;
    expect(entries).toHaveLength(3);
    expect(model).toBeDefined();
    expect(filesEntry).toBeDefined();
    expect(registry).toBeDefined();
    // The record lists its files by hash; their texts are in the entry it names.
    expect(read(model).data.filesKey).toBe(read(filesEntry).key);
    expect(Object.keys(read(model).data.fileHashes as object).sort()).toEqual(Object.keys(read(filesEntry).data).sort());
    // Each corruption keeps the entry's own key, so the key check alone lets it through.
    const corruptions: [string, (e: { key: string; data: Record<string, unknown> }) => unknown][] = [
      ["only the model id left", (e) => ({ key: e.key, data: { modelId: e.data.modelId } })],
      ["data null", (e) => ({ key: e.key, data: null })],
      ["a finding with no message", (e) => ({ key: e.key, data: { ...e.data, lint: { findings: [{ severity: "error" }], witnesses: [] } } })],
      ["file hashes holding a number", (e) => ({ key: e.key, data: { ...e.data, fileHashes: { "m/index.js": 1 } } })],
      ["no files key", (e) => ({ key: e.key, data: { ...e.data, filesKey: undefined } })],
    ];
    const original = readFileSync(model, "utf8");
    for (const [name, corrupt] of corruptions) {
      writeFileSync(model, JSON.stringify(corrupt(JSON.parse(original) as { key: string; data: Record<string, unknown> })));
      writeFileSync(registry, JSON.stringify({ key: read(registry).key, data: { "index.js": ["not text"] } }));
      const r = run();
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stderr, name).toContain("cache .modelgen-cache: 0 hits, 2 misses");
      expect(readFileSync(path.join(out, "m/index.d.ts"), "utf8"), name).toBe(page);
      // The bad entry was replaced by a good one: the next run is all hits.
      expect(run().stderr, name).toContain("cache .modelgen-cache: 2 hits, 0 misses");
    }
  });

  test("a model's files are read from the cache only when the output lacks them; a files entry that does not match its hashes is a miss", () => {
    const { dir, out, run } = oneSpec();
    expect(run().code).toBe(0);
    const page = readFileSync(path.join(out, "m/index.d.ts"), "utf8");
    const cacheDir = path.join(dir, ".modelgen-cache");
    const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as { key: string; data: Record<string, unknown> };
    const filesEntry = readdirSync(cacheDir).map((f) => path.join(cacheDir, f)).find((f) => "m/index.d.ts" in read(f).data && !isStatsEntry(read(f).data))!;
    // The output holds every file as generated: the record and the registry, and not the files. The files are
    // not even hashed: the first run recorded their signatures, and they have not been written since.
    const second = run().stderr;
    expect(second).toContain("cache .modelgen-cache: 2 hits, 0 misses");
    expect(second).toContain("output files as generated: 5 unchanged since the last run, 0 hashed");
    // A file edited in the output (or gone) is written again from the cache's copy: three entries read. The edit
    // changed its signature: it is hashed, and found not as generated.
    writeFileSync(path.join(out, "m/index.d.ts"), "// edited\n");
    const again = run();
    expect(again.stderr).toContain("cache .modelgen-cache: 3 hits, 0 misses");
    expect(again.stderr).toMatch(/output files as generated: \d unchanged since the last run, 1 hashed/);
    expect(again.stdout).toContain("1 from cache");
    expect(readFileSync(path.join(out, "m/index.d.ts"), "utf8")).toBe(page);
    rmSync(path.join(out, "m/index.d.ts"));
    expect(run().stderr).toContain("cache .modelgen-cache: 3 hits, 0 misses");
    expect(readFileSync(path.join(out, "m/index.d.ts"), "utf8")).toBe(page);
    // A files entry whose texts do not match the record's hashes is not used: the spec is generated again.
    const entry = read(filesEntry);
    writeFileSync(filesEntry, JSON.stringify({ key: entry.key, data: { ...entry.data, "m/index.d.ts": "// not what was generated\n" } }));
    rmSync(path.join(out, "m/index.d.ts"));
    const regenerated = run();
    expect(regenerated.code, regenerated.stderr).toBe(0);
    expect(regenerated.stderr).toContain("modelgen: generate 1 spec(s)");
    expect(readFileSync(path.join(out, "m/index.d.ts"), "utf8")).toBe(page);
    expect(run().stderr).toContain("cache .modelgen-cache: 2 hits, 0 misses");
  });
});

describe("a cache entry is read, not trusted (a restored CI cache may have been crafted)", () => {
  test("a record naming files outside its model's folder, or another model's folder, is a miss: nothing is read or written there", () => {
    const { dir, out, run } = oneSpec();
    expect(run().code).toBe(0);
    const page = readFileSync(path.join(out, "m/index.d.ts"), "utf8");
    const cacheDir = path.join(dir, ".modelgen-cache");
    const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as { key: string; data: Record<string, unknown> };
    const entries = readdirSync(cacheDir).map((f) => path.join(cacheDir, f));
    const model = entries.find((f) => "modelId" in read(f).data)!;
    const filesEntry = entries.find((f) => "m/index.d.ts" in read(f).data)!;
    const sha = (text: string) => createHash("sha256").update(text).digest("hex");
    const originalModel = readFileSync(model, "utf8");
    const originalFiles = readFileSync(filesEntry, "utf8");
    // A secret beside the output folder: a record listing it would have the generator read and hash it.
    writeFileSync(path.join(dir, "secret.txt"), "secret\n");
    // One generate per case (about 1.4 s each): one of each kind; the path checks themselves are unit-tested
    // (test/write/output-path.test.ts) and a nested path fails the "one plain name deep" rule the same way.
    const crafted: [string, Record<string, string>, string?][] = [
      ["a path out of the output folder", { "../PWNED.txt": "pwned\n" }],
      ["the shared runtime, another model's folder", { "_runtime/validation/index.js": "export const pwned = 1;\n", "other/index.js": "export const pwned = 1;\n" }],
      ["a file beside the output that exists", { "../secret.txt": "secret\n" }],
      ["another name for the model", {}, "other"],
    ];
    for (const [name, extra, rename] of crafted) {
      const record = JSON.parse(originalModel) as { key: string; data: { name: string; fileHashes: Record<string, string> } };
      const files = JSON.parse(originalFiles) as { key: string; data: Record<string, string> };
      for (const [rel, text] of Object.entries(extra)) {
        record.data.fileHashes[rel] = sha(text);
        files.data[rel] = text;
      }
      if (rename) record.data.name = rename;
      writeFileSync(model, JSON.stringify(record));
      writeFileSync(filesEntry, JSON.stringify(files));
      rmSync(path.join(out, "m"), { recursive: true, force: true });
      const r = run();
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      // The record was a miss: the spec was generated again, and the output is what it generates.
      expect(r.stderr, name).toContain("modelgen: generate 1 spec(s)");
      expect(readFileSync(path.join(out, "m/index.d.ts"), "utf8"), name).toBe(page);
      expect(existsSync(path.join(dir, "PWNED.txt")), name).toBe(false);
      expect(existsSync(path.join(out, "other")), name).toBe(false);
      expect(readFileSync(path.join(out, "_runtime/validation/index.js"), "utf8"), name).not.toContain("pwned");
      expect(readFileSync(path.join(dir, "secret.txt"), "utf8")).toBe("secret\n");
    }
    expect(crafted).toHaveLength(4);
  });
});

describe("the generator's part of every key", () => {
  test("covers each runtime dependency's installed version (esbuild's minifier, yaml, jsonc-parser, the ref parser, jsonpath), not four of them", async () => {
    const { hashedPackages } = await import("../../generator/pipeline.js");
    const root = path.resolve(import.meta.dirname, "../..");
    const dependencies = Object.keys(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).dependencies).sort();
    expect(hashedPackages()).toEqual(dependencies);
    expect(hashedPackages()).toEqual(expect.arrayContaining(["esbuild", "yaml", "jsonc-parser", "@apidevtools/json-schema-ref-parser", "jsonpath-rfc9535"]));
  });
});
