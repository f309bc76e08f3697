// The parts of the shipped validate that replace libraries (the package has no dependencies): json.ts's positioned
// parser, held to jsonc-parser (the generator's JSON reader) on the same texts, and the glob walk, held to the
// cases tinyglobby answered before.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import * as jsonc from "jsonc-parser";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findDuplicateKey, nodeAt, parseJsonTree } from "../../templates/validate/json.js";
import { expandInputs, globFiles } from "../../templates/validate/inputs.js";
import { SpecError } from "../../templates/validate/errors.js";
import { findDuplicateKey as specDuplicate } from "../../generator/load/read.js";

const SEED = 20261207;

/** jsonc's first error (code name and offset), or its tree, on strict JSON. */
function oracle(text: string): { ok: false; code: string; offset: number } | { ok: true; tree: jsonc.Node } {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const e = errors[0];
  if (e) return { ok: false, code: jsonc.printParseErrorCode(e.error), offset: e.offset };
  return { ok: true, tree: tree! };
}

/** Every pointer (as keys) of a parsed value. */
function pointers(value: unknown, at: string[] = []): string[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, [...at, String(i)])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...pointers(v, [...at, k]));
  return out;
}

describe("json.ts against jsonc-parser", () => {
  test("valid JSON: every property and element is found at jsonc's offset", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const ours = parseJsonTree(text);
        const theirs = oracle(text);
        expect(ours.ok && theirs.ok).toBe(true);
        if (!ours.ok || !theirs.ok) return;
        for (const keys of pointers(JSON.parse(text))) {
          const mine = nodeAt(ours.root, keys);
          // jsonc takes array indices as numbers.
          let node: jsonc.Node | undefined = theirs.tree;
          for (const k of keys) node = node?.type === "array" ? node.children?.[Number(k)] : node ? jsonc.findNodeAtLocation(node, [k]) : undefined;
          expect(mine?.offset, JSON.stringify(keys)).toBe(node?.offset);
          checked++;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  test("broken JSON: the same first error, at the same offset", () => {
    let broken = 0;
    // A valid text with one character deleted, replaced or inserted.
    const damaged = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom("delete", "replace", "insert"), fc.constantFrom(",", ":", "{", "}", "[", "]", '"', "x", "1", " ", "\\", "/", "-", "\n", "\u0001"));
    fc.assert(
      fc.property(damaged, ([value, at, how, ch]) => {
        const text = JSON.stringify(value, null, 1);
        const i = at % (text.length + 1);
        const bad = how === "delete" ? text.slice(0, i) + text.slice(i + 1) : how === "replace" ? text.slice(0, i) + ch + text.slice(i + 1) : text.slice(0, i) + ch + text.slice(i);
        const theirs = oracle(bad);
        const ours = parseJsonTree(bad);
        let parses = true;
        try {
          JSON.parse(bad);
        } catch {
          parses = false;
        }
        // Whatever the oracle says, ours agrees with JSON.parse on what is JSON.
        expect(ours.ok).toBe(parses);
        if (theirs.ok || ours.ok) return;
        broken++;
        expect({ code: ours.code, offset: ours.offset }, bad).toEqual({ code: theirs.code, offset: theirs.offset });
      }),
      { seed: SEED, numRuns: 2000 },
    );
    expect(broken).toBeGreaterThan(500);
  });

  test("duplicate keys: the one the spec loader finds (an object's own keys before its children's)", () => {
    for (const text of ['{"a": {"b": 1, "c": 2, "b": 3}, "a": 4}', '{"a": {"b": 1, "c": 2, "b": 3}, "d": [{"x": 1, "x": 2}]}', '[{"a": 1}, {"b": {"c": 1, "c": 2}}]', '{"a": 1}']) {
      const ours = parseJsonTree(text);
      const theirs = oracle(text);
      expect(ours.ok && theirs.ok).toBe(true);
      if (ours.ok && theirs.ok) expect(findDuplicateKey(ours.root), text).toEqual(specDuplicate(theirs.tree));
    }
  });
});

describe("globbing", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-glob-"));
  for (const f of ["payloads/a.json", "payloads/b.jsonl", "payloads/sub/c.json", "payloads/sub/deep/d.json", "payloads/.hidden.json", "payloads/.dot/e.json", "payloads/x[1].json", "other/f.json"]) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), "{}");
  }
  symlinkSync(path.join(dir, "payloads"), path.join(dir, "payloads/sub/loop"), "dir");

  test.each([
    ["payloads/*.json", ["payloads/a.json", "payloads/x[1].json"]],
    ["payloads/**/*.json", ["payloads/a.json", "payloads/sub/c.json", "payloads/sub/deep/d.json", "payloads/x[1].json"]],
    ["payloads/**/*.{json,jsonl}", ["payloads/a.json", "payloads/b.jsonl", "payloads/sub/c.json", "payloads/sub/deep/d.json", "payloads/x[1].json"]],
    ["payloads/?.json", ["payloads/a.json"]],
    ["payloads/[ab].*", ["payloads/a.json", "payloads/b.jsonl"]],
    ["payloads/[!a].*", ["payloads/b.jsonl"]],
    ["payloads/.*.json", ["payloads/.hidden.json"]],
    ["payloads/.dot/*.json", ["payloads/.dot/e.json"]],
    ["{payloads,other}/*.json", ["other/f.json", "payloads/a.json", "payloads/x[1].json"]],
    ["./payloads/sub/*.json", ["payloads/sub/c.json"]],
    ["**/f.json", ["other/f.json"]],
    ["payloads/*/*.json", ["payloads/sub/c.json"]],
  ])("%s", (pattern, files) => {
    expect(globFiles(pattern, dir)).toEqual(files);
  });

  test("an absolute pattern gives absolute paths", () => {
    expect(globFiles(path.join(dir, "payloads/sub/*.json"), dir)).toEqual([path.join(dir, "payloads/sub/c.json")]);
  });

  test("a file that exists is that file, even with glob characters; no match and no file are bad input", () => {
    expect(expandInputs(["payloads/x[1].json", "payloads/a.json", "payloads/*.json"], dir)).toEqual(["payloads/x[1].json", "payloads/a.json"]);
    expect(() => expandInputs(["payloads/*.yaml"], dir)).toThrow(new SpecError("payloads/*.yaml", "", "the pattern matches no file"));
    expect(() => expandInputs(["nope.json"], dir)).toThrow(new SpecError("nope.json", "", "no such file"));
  });

  test("a pattern whose braces expand past 1000 patterns is refused, not walked", () => {
    const bomb = "{a,b}".repeat(11) + "/*.json";
    expect(() => globFiles(bomb, dir)).toThrow(/expands to more than 1000 patterns/);
  });
});
