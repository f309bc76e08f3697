// Which provider a document is: recognised by its own signs, or named by info.x-modelgen-provider (an overlay can
// add it). A document no provider recognises, one that names an unknown provider, one that two recognise, and an
// error answer served in place of a spec are refused with one line each (exit 2 from the CLI).
import { describe, expect, test } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { loadSpec } from "../../generator/load/spec.js";
import { SpecError } from "../../generator/errors.js";
import { runCli } from "../helpers/cli.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";

const spec = (extra: Record<string, unknown>, info: Record<string, unknown> = {}) => {
  const base = runwareSpec({ properties: { prompt: { type: "string" } } });
  return { ...base, ...extra, info: { ...base.info, ...info } };
};

async function load(doc: unknown, overlay?: string) {
  const dir = writeSpecs({ "m.json": doc });
  if (overlay !== undefined) writeFileSync(path.join(dir, "m.overlay.yaml"), overlay);
  return loadSpec({ file: path.join(dir, "m.json"), root: dir });
}

async function refusal(doc: unknown): Promise<SpecError> {
  try {
    await load(doc);
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error("expected the document to be refused");
}

describe("recognising a document's provider", () => {
  test("by servers or their absence", async () => {
    expect((await load(spec({}))).provider).toBe("runware");
    expect((await load(spec({ servers: [{ url: "https://api.runware.ai/v1" }] }))).provider).toBe("runware");
    expect((await load(spec({ servers: [{ url: "https://api.runflow.io" }] }, { "x-model-id": "a/b" }))).provider).toBe("runflow");
  });

  test("a document of no known provider is refused, saying what was looked for", async () => {
    const e = await refusal(spec({ servers: [{ url: "https://api.example.com" }] }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/no provider recognises this document: looked for runware \(.*\); runflow \(.*\)/);
    expect(e.message).toContain("info.x-modelgen-provider");
    expect(e.message.split("\n")).toHaveLength(1);
  });

  test("an overlay can name the provider", async () => {
    const loaded = await load(spec({ servers: [{ url: "https://api.example.com" }] }), 'overlay: 1.0.0\ninfo: { title: name the provider, version: 1.0.0 }\nactions:\n  - target: "$.info"\n    update: { x-modelgen-provider: runware }\n');
    expect(loaded.provider).toBe("runware");
  });

  test("naming an unknown provider is refused at that key", async () => {
    const e = await refusal(spec({}, { "x-modelgen-provider": "nope" }));
    expect(e.where).toContain("/info/x-modelgen-provider");
    expect(e.expected).toMatch(/unknown provider "nope"; known providers: .*runware.*runflow/);
  });

  test("a document two providers recognise must name one", async () => {
    const e = await refusal(spec({ servers: [{ url: "https://api.runware.ai/v1" }, { url: "https://api.runflow.io" }] }));
    expect(e.expected).toMatch(/looks like runware and runflow at once/);
  });

  test("an error answer in place of a spec", async () => {
    const e = await refusal({ error: { code: "expansion_failed", message: "OpenAPI schema not available for this endpoint" } });
    expect(e.expected).toBe("an error answer instead of a spec (expansion_failed: OpenAPI schema not available for this endpoint)");
  });

  test("the CLI exits 2 with one line naming the file", () => {
    const dir = writeSpecs({ "other.json": spec({ servers: [{ url: "https://api.example.com" }] }) });
    const r = runCli(["generate", "--specs", dir, "--out", path.join(dir, "out")]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("other.json");
    expect(lines[0]).toContain("no provider recognises this document");
  });
});
