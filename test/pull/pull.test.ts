// `modelgen pull` as a scheduled job runs it: the real CLI in a child process against a fake catalog on 127.0.0.1
// (test/pull/fake-catalog.ts): paging, 429s, error entries, hostile ids, changes, removals, dry runs, failures.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { documentFor, fixtureModels, startFakeCatalog, type FakeCatalog } from "./fake-catalog.js";

const KEY = "fal-test-key-0123456789abcdef";

/** The CLI in a child process (async: the fake catalog answers from this process meanwhile). */
function pull(args: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string | undefined> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/modelgen.js"), ...args], { cwd, env: { ...process.env, FAL_KEY: KEY, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under `dir` with its text, for before/after comparisons. */
function tree(dir: string, base = dir): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, tree(p, base));
    else out[path.relative(base, p)] = readFileSync(p, "utf8");
  }
  return out;
}

const pretty = (text: string) => JSON.stringify(JSON.parse(text), null, 2) + "\n";

let fake: FakeCatalog;
let work: string;
beforeAll(async () => {
  fake = await startFakeCatalog();
});
afterAll(() => fake.close());
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "modelgen-pull-"));
  mkdirSync(path.join(work, "specs"));
  fake.fal = fixtureModels();
  fake.runware = new Map();
  fake.pageSize = 2;
  fake.faults = new Map();
  fake.always = undefined;
  fake.requests.length = 0;
});

const TEXT_TO_VIDEO = ["fal-ai/minimax/video-01", "fal-ai/minimax/video-01-live", "fal-ai/wan-pro/text-to-video"];
const ERROR_ENTRY = "fal-ai/kling-video/v1/pro/text-to-video";

describe("modelgen pull fal", () => {
  test("--category pages through the catalog (a 429 on the way), writes each document as received, and a second run changes nothing", async () => {
    // Page 2's first request is answered 429: the pull waits as Retry-After says and asks again.
    fake.faults.set(1, { status: 429, retryAfter: "0" });
    const first = await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(1);
    const files = tree(path.join(work, "specs/fal"));
    expect(Object.keys(files).sort()).toEqual(TEXT_TO_VIDEO.map((id) => `${id}.json`).sort());
    for (const m of fake.fal.filter((m) => TEXT_TO_VIDEO.includes(m.endpoint_id))) expect(files[`${m.endpoint_id}.json`]).toBe(pretty(m.openapi!));
    expect(first.stdout).toBe(
      [
        "pull fal: 3 added, 0 changed, 0 unchanged, 0 gone upstream, 1 skipped",
        ...TEXT_TO_VIDEO.map((id) => `  added     specs/fal/${id}.json`),
        `  skipped   ${ERROR_ENTRY}: fal has no document for it (expansion_failed: OpenAPI schema not available for this endpoint)`,
        "",
      ].join("\n"),
    );
    // Four text-to-video entries, two a page: page 1, page 2 (429), page 2 again; each with the key and the category.
    const pages = fake.requests.filter((r) => r.url.pathname === "/v1/models");
    expect(pages.map((r) => r.url.searchParams.get("cursor"))).toEqual([null, "MQ==", "MQ=="]);
    expect(pages.every((r) => r.authorization === `Key ${KEY}` && r.url.searchParams.get("category") === "text-to-video")).toBe(true);

    const second = await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(second.stdout).toBe(`pull fal: 0 added, 0 changed, 3 unchanged, 0 gone upstream, 1 skipped\n  skipped   ${ERROR_ENTRY}: fal has no document for it (expansion_failed: OpenAPI schema not available for this endpoint)\n`);
    expect(second.code).toBe(0);
    expect(tree(path.join(work, "specs/fal"))).toEqual(files);
  });

  test("a changed and a removed model: reported as changed and gone; gone is kept until --prune; key order alone is no change", async () => {
    expect((await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work })).code).toBe(1);
    const before = tree(path.join(work, "specs/fal"));
    const video01 = fake.fal.find((m) => m.endpoint_id === "fal-ai/minimax/video-01")!;
    const narrowed = JSON.parse(video01.openapi!);
    narrowed.components.schemas.MinimaxVideo01Input.properties.prompt.maxLength = 1000;
    video01.openapi = JSON.stringify(narrowed);
    // The same document with its keys in another order: unchanged.
    const live = fake.fal.find((m) => m.endpoint_id === "fal-ai/minimax/video-01-live")!;
    const reordered = JSON.parse(live.openapi!);
    live.openapi = JSON.stringify(Object.fromEntries(Object.entries(reordered).reverse()));
    fake.fal = fake.fal.filter((m) => m.endpoint_id !== "fal-ai/wan-pro/text-to-video");

    const r = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("pull fal: 0 added, 1 changed, 2 unchanged, 1 gone upstream, 1 skipped\n");
    expect(r.stdout).toContain("  changed   specs/fal/fal-ai/minimax/video-01.json\n");
    expect(r.stdout).toContain("  gone      specs/fal/fal-ai/wan-pro/text-to-video.json (kept; --prune deletes it)\n");
    const after = tree(path.join(work, "specs/fal"));
    expect(after["fal-ai/minimax/video-01.json"]).toBe(JSON.stringify(narrowed, null, 2) + "\n");
    expect(after["fal-ai/minimax/video-01-live.json"]).toBe(before["fal-ai/minimax/video-01-live.json"]);
    expect(after["fal-ai/wan-pro/text-to-video.json"]).toBe(before["fal-ai/wan-pro/text-to-video.json"]);

    // A spec someone wrote by hand in specs/fal/ was never fal's: not gone, not pruned.
    mkdirSync(path.join(work, "specs/fal/mine"));
    writeFileSync(path.join(work, "specs/fal/mine/hand-written.json"), `{"openapi": "3.1.0"}\n`);
    const pruned = await pull(["pull", "fal", "--prune", "--base-url", fake.baseUrl], { cwd: work });
    expect(pruned.code).toBe(1);
    expect(pruned.stdout).toContain("  gone      specs/fal/fal-ai/wan-pro/text-to-video.json (deleted)\n");
    expect(existsSync(path.join(work, "specs/fal/fal-ai/wan-pro"))).toBe(false);
    expect(pruned.stdout).not.toContain("hand-written");
    expect(readFileSync(path.join(work, "specs/fal/mine/hand-written.json"), "utf8")).toBe(`{"openapi": "3.1.0"}\n`);
    const again = await pull(["pull", "fal", "--prune", "--base-url", fake.baseUrl], { cwd: work });
    expect(again.code).toBe(0);
  });

  test("a pull of one category reports only that category's missing models as gone", async () => {
    expect((await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work })).code).toBe(1);
    fake.fal = fake.fal.filter((m) => m.endpoint_id !== "fal-ai/video-upscaler" && m.endpoint_id !== "fal-ai/minimax/video-01");
    const r = await pull(["pull", "fal", "--category", "video-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.stdout).toBe("pull fal: 0 added, 0 changed, 0 unchanged, 1 gone upstream, 0 skipped\n  gone      specs/fal/fal-ai/video-upscaler.json (kept; --prune deletes it)\n");
    expect(r.code).toBe(0);
  });

  test("--model pulls named endpoints (fal's endpoint_id query); one the catalog lacks is bad input (exit 2)", async () => {
    const r = await pull(["pull", "fal", "--model", "fal-ai/minimax/video-01", "--model", "fal-ai/video-upscaler", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.code).toBe(1);
    expect(Object.keys(tree(path.join(work, "specs/fal"))).sort()).toEqual(["fal-ai/minimax/video-01.json", "fal-ai/video-upscaler.json"]);
    expect(fake.requests[0]!.url.searchParams.getAll("endpoint_id")).toEqual(["fal-ai/minimax/video-01", "fal-ai/video-upscaler"]);
    const missing = await pull(["pull", "fal", "--model", "fal-ai/nothing-here", "--base-url", fake.baseUrl], { cwd: work });
    expect(missing.stderr).toBe(`modelgen: fal catalog: fal's catalog has no model "fal-ai/nothing-here"\n`);
    expect(missing.code).toBe(2);
  });

  test("ids that try to leave specs/fal/ (../, absolute, backslash, empty segments, reserved names) are skipped, never written", async () => {
    const doc = fake.fal.find((m) => m.endpoint_id === "fal-ai/minimax/video-01")!.openapi!;
    const hostile = ["../../escaped", "/etc/escaped", "fal-ai/..\\..\\escaped", "fal-ai//double", "fal-ai/x/", "fal-ai/index", "fal-ai/x.overlay", "fal-ai/x.openapi", "fal-ai/\u001b[31mred", "fal-ai/Con.v2", "fal-ai/a\u202eb"];
    fake.fal = hostile.map((id) => ({ endpoint_id: id, category: "text-to-video", openapi: documentFor(id, doc) }));
    // A document filed under another endpoint's id (its metadata names fal-ai/minimax/video-01): not written under either.
    hostile.push("fal-ai/impostor");
    fake.fal.push({ endpoint_id: "fal-ai/impostor", category: "text-to-video", openapi: doc });
    fake.pageSize = 20;
    const r = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`pull fal: 0 added, 0 changed, 0 unchanged, 0 gone upstream, ${hostile.length} skipped`);
    for (const line of r.stdout.trim().split("\n").slice(1)) expect(line).toMatch(/^ {2}skipped {3}.*; not written$/);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).toContain("fal-ai/\\x1b[31mred");
    // generate's own rules (load/names.ts), not a copy: a Windows device name and a bidirectional control too.
    expect(r.stdout).toContain(`skipped   fal-ai/Con.v2: its id "fal-ai/Con.v2" is not a safe name`);
    expect(r.stdout).toContain("fal-ai/a\\u202eb");
    expect(r.stdout).toContain(`  skipped   fal-ai/impostor: its document is for "fal-ai/minimax/video-01" (info.x-fal-metadata.endpointId); not written\n`);
    expect(tree(work)).toEqual({});
    expect(existsSync(path.join(os.tmpdir(), "escaped.json"))).toBe(false);
  });

  test("--format json escapes the separators and bidi controls of a hostile id as \\u (JSON.stringify leaves them raw)", async () => {
    const doc = fake.fal.find((m) => m.endpoint_id === "fal-ai/minimax/video-01")!.openapi!;
    const hostile = ["fal-ai/a\u202eb", "fal-ai/line\u2028sep", "fal-ai/iso\u2066late", "fal-ai/\u001b[31mred"];
    fake.fal = hostile.map((id) => ({ endpoint_id: id, category: "text-to-video", openapi: documentFor(id, doc) }));
    fake.pageSize = 20;
    const r = await pull(["pull", "fal", "--format", "json", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout, "only the indentation's line feeds act").not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain("fal-ai/a\\u202eb");
    expect(JSON.parse(r.stdout).skipped.map((s: { id: string }) => s.id).sort()).toEqual([...hostile].sort());
    expect(tree(work)).toEqual({});
  });

  test("--format json: the same report for scripts, every list in full", async () => {
    const r = await pull(["pull", "fal", "--format", "json", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      provider: "fal",
      dryRun: false,
      added: TEXT_TO_VIDEO.map((id) => ({ id, file: path.join("specs/fal", `${id}.json`) })),
      changed: [],
      unchanged: [],
      gone: [],
      skipped: [{ id: ERROR_ENTRY, why: "fal has no document for it (expansion_failed: OpenAPI schema not available for this endpoint)" }],
    });
    const again = await pull(["pull", "fal", "--format", "json", "--dry-run", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ dryRun: true, added: [], unchanged: TEXT_TO_VIDEO });
  });

  test("--dry-run reports what would change and writes nothing (exit 1)", async () => {
    const r = await pull(["pull", "fal", "--dry-run", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("pull fal (dry run: nothing written): 3 added,");
    expect(r.stdout).toContain("  added     specs/fal/fal-ai/minimax/video-01.json (would be written)\n");
    expect(tree(work)).toEqual({});
  });

  test("a failure halfway (page 2 answers 500) writes nothing and exits 2, naming the URL", async () => {
    expect((await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work })).code).toBe(1);
    const before = tree(path.join(work, "specs"));
    fake.fal[0]!.openapi = documentFor(fake.fal[0]!.endpoint_id, fake.fal[2]!.openapi!);
    fake.fal.push({ endpoint_id: "fal-ai/new-one", category: "text-to-video", openapi: documentFor("fal-ai/new-one", fake.fal[2]!.openapi!) });
    fake.faults.set(fake.requests.length + 1, { status: 500, body: `{"detail":"internal"}` });
    const r = await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.stderr).toBe(`modelgen: fal catalog: ${fake.baseUrl}/v1/models: answered 500: {"detail":"internal"}\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(tree(path.join(work, "specs"))).toEqual(before);
  });

  test("backing off on 429/503: without Retry-After 1 s first; bounded: a Retry-After beyond the limit, or 429s past the retry budget, stop with exit 2", async () => {
    // A 503 without Retry-After: the first back-off step (1 s), then the page.
    fake.faults.set(0, { status: 503 });
    const started = Date.now();
    const waited = await pull(["pull", "fal", "--model", "fal-ai/video-upscaler", "--base-url", fake.baseUrl], { cwd: work });
    expect(waited.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.requests.length).toBe(2);
    fake.requests.length = 0;
    fake.faults.clear();

    fake.always = { status: 429, retryAfter: "3600" };
    const long = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(long.stderr).toBe(`modelgen: fal catalog: ${fake.baseUrl}/v1/models: answered 429 asking to wait 3600 s (Retry-After); the limit is 60 s, try again later\n`);
    expect(long.code).toBe(2);
    fake.always = { status: 429, retryAfter: "0" };
    fake.requests.length = 0;
    const busy = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(busy.stderr).toBe(`modelgen: fal catalog: ${fake.baseUrl}/v1/models: still answering 429 after 5 retries; try again later\n`);
    expect(fake.requests.length).toBe(6);
    expect(busy.code).toBe(2);
    expect(Object.keys(tree(work))).toEqual([path.join("specs/fal/fal-ai/video-upscaler.json")]);
  });

  test("all or nothing on disk: a target that is a folder, a file where a folder must go, or a symbolic link out of specs/fal/, stops the pull before any file is written", async () => {
    mkdirSync(path.join(work, "specs/fal/fal-ai/minimax/video-01-live.json"), { recursive: true });
    const r = await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.stderr).toBe(`modelgen: ${path.join("specs/fal/fal-ai/minimax/video-01-live.json")}: is not a plain file (a folder or a symbolic link); pull replaces plain files only\n`);
    expect(r.code).toBe(2);
    expect(tree(path.join(work, "specs"))).toEqual({});
    expect(readdirSync(path.join(work, "specs/fal"))).toEqual(["fal-ai"]);

    // A file where a model's folder must go: refused before the first file moves (fal-ai/a-first is not written).
    rmSync(path.join(work, "specs/fal"), { recursive: true });
    mkdirSync(path.join(work, "specs/fal/fal-ai"), { recursive: true });
    writeFileSync(path.join(work, "specs/fal/fal-ai/minimax"), "notes\n");
    fake.fal.push({ endpoint_id: "fal-ai/a-first", category: "text-to-video", openapi: documentFor("fal-ai/a-first", fake.fal.find((m) => m.endpoint_id === "fal-ai/minimax/video-01")!.openapi!) });
    const blocked = await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(blocked.stderr).toBe(`modelgen: ${path.join("specs/fal/fal-ai/minimax")}: is a file where ${path.join("fal-ai/minimax/video-01.json")} needs a folder; move it away (pull writes only files named after model ids)\n`);
    expect(blocked.code).toBe(2);
    expect(tree(path.join(work, "specs"))).toEqual({ "fal/fal-ai/minimax": "notes\n" });

    const outside = mkdtempSync(path.join(os.tmpdir(), "modelgen-pull-outside-"));
    const work2 = mkdtempSync(path.join(os.tmpdir(), "modelgen-pull-"));
    mkdirSync(path.join(work2, "specs/fal"), { recursive: true });
    symlinkSync(outside, path.join(work2, "specs/fal/fal-ai"));
    const linked = await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work2 });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/^modelgen: specs\/fal\/fal-ai: .*outside/);
    expect(tree(outside)).toEqual({});
    expect(tree(path.join(work2, "specs"))).toEqual({});
  });

  test("a second pull into the same folder is refused while one runs; a lock and a staging folder left by a killed pull are cleaned up", async () => {
    mkdirSync(path.join(work, "specs/fal"));
    writeFileSync(path.join(work, "specs/fal/_pull.lock"), `${process.pid}\n`);
    const busy = await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(busy.stderr).toBe(`modelgen: specs/fal: another pull (process ${process.pid}) is writing this folder; wait for it to finish (if none is, delete ${path.join("specs/fal/_pull.lock")})\n`);
    expect(busy.code).toBe(2);
    expect(tree(path.join(work, "specs/fal"))).toEqual({ "_pull.lock": `${process.pid}\n` });

    // A pull killed mid-move: its lock and its staging folder (a file moved aside, not yet replaced) remain.
    const dead = 2 ** 22 + 12345;
    writeFileSync(path.join(work, "specs/fal/_pull.lock"), `${dead}\n`);
    mkdirSync(path.join(work, `specs/fal/_pull-${dead}/old/fal-ai`), { recursive: true });
    writeFileSync(path.join(work, `specs/fal/_pull-${dead}/old/fal-ai/mine.json`), "{}\n");
    const r = await pull(["pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.code).toBe(1);
    expect(readdirSync(path.join(work, "specs/fal")).sort()).toEqual(["fal-ai"]);
    expect(readFileSync(path.join(work, "specs/fal/fal-ai/mine.json"), "utf8")).toBe("{}\n");
  });

  // util-linux `script` runs the CLI on a pseudo-terminal: there (and only there) a progress line is drawn in place.
  test.runIf(process.platform === "linux" && existsSync("/usr/bin/script"))("a progress line on a terminal, rewritten in place and cleared before the report", async () => {
    const cmd = [process.execPath, path.join(ROOT, "bin/modelgen.js"), "pull", "fal", "--category", "text-to-video", "--base-url", fake.baseUrl].map((a) => `'${a}'`).join(" ");
    const r = await new Promise<string>((resolve) => {
      const child = spawn("/usr/bin/script", ["-qec", cmd, "/dev/null"], { cwd: work, env: { ...process.env, FAL_KEY: KEY } });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d));
      child.on("close", () => resolve(out));
    });
    expect(r).toContain("\r\x1b[Kfal: page 1, 2 models\r\x1b[Kfal: page 2, 4 models\r\x1b[Kpull fal: 3 added");
  });

  test("the key is sent but never printed: a server that echoes it has it redacted", async () => {
    fake.always = { status: 401, body: JSON.stringify({ detail: `invalid key: Key ${KEY}` }) };
    const r = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelgen: fal catalog: ${fake.baseUrl}/v1/models: answered 401: {"detail":"invalid key: Key [redacted]"}\n`);
    expect(r.stderr + r.stdout).not.toContain(KEY);
  });

  test("documents over the size limit are skipped; an answer over its limit, or that is not the catalog's shape is exit 2; an unreachable host is exit 2", async () => {
    const doc = JSON.parse(fake.fal.find((m) => m.endpoint_id === "fal-ai/minimax/video-01")!.openapi!);
    doc.info.description = "x".repeat(10 * 1024 * 1024);
    fake.fal = [{ endpoint_id: "fal-ai/minimax/video-01", category: "text-to-video", openapi: JSON.stringify(doc) }];
    const big = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(big.stdout).toMatch(/^ {2}skipped {3}fal-ai\/minimax\/video-01: the document is \d+ bytes; the limit is 10485760$/m);
    expect(big.code).toBe(0);

    // Sent chunked (no Content-Length): the limit holds while the body streams in.
    fake.always = { status: 200, body: " ".repeat(65 * 1024 * 1024) };
    const huge = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(huge.stderr).toBe(`modelgen: fal catalog: ${fake.baseUrl}/v1/models: the answer is over ${64 * 1024 * 1024} bytes, the limit\n`);
    expect(huge.code).toBe(2);

    fake.always = { status: 200, body: JSON.stringify({ models: {}, has_more: false }) };
    const shape = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(shape.stderr).toBe(`modelgen: fal catalog: ${fake.baseUrl}/v1/models: expected a models array in the answer\n`);
    expect(shape.code).toBe(2);

    fake.always = { status: 200, body: JSON.stringify({ models: [], has_more: true, next_cursor: "MA==" }) };
    const loop = await pull(["pull", "fal", "--base-url", fake.baseUrl], { cwd: work });
    expect(loop.stderr).toContain("the catalog pages in a loop");
    expect(loop.code).toBe(2);

    // A port that was just listening and is closed now: nothing answers there.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await pull(["pull", "fal", "--base-url", `http://127.0.0.1:${port}`], { cwd: work });
    expect(down.stderr).toBe(`modelgen: fal catalog: cannot reach http://127.0.0.1:${port}/v1/models (ECONNREFUSED)\n`);
    expect(down.code).toBe(2);
    expect(tree(work)).toEqual({});
  });

  test("bad usage is exit 2 with one line: no provider, an unknown one, --category where there are none, a --model id that would escape", async () => {
    const cases: [string[], string][] = [
      [["pull"], "modelgen: pull needs one provider (fal, runware) (see `modelgen pull --help`)\n"],
      [["pull", "nobody"], `modelgen: no catalog for the provider "nobody"; pull knows fal, runware (see \`modelgen pull --help\`)\n`],
      [["pull", "runware", "--category", "text-to-video"], "modelgen: runware's catalog has no categories; name models with --model <slug> (see `modelgen pull --help`)\n"],
      [["pull", "fal", "--model", "../x"], `modelgen: --model "../x": its id "../x" has a .. segment (it would leave its folder) (see \`modelgen pull --help\`)\n`],
      [["pull", "fal", "--nope"], "modelgen: Unknown option '--nope'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--nope\" (see `modelgen pull --help`)\n"],
      [["pull", "fal", "--format", "yaml"], `modelgen: --format must be text or json, not "yaml" (see \`modelgen pull --help\`)\n`],
      [["pull", "fal", "--base-url", "file:///etc"], "modelgen: --base-url must be an http or https URL, not file: (see `modelgen pull --help`)\n"],
    ];
    const help = await pull(["pull", "--help"], { cwd: work });
    expect(help.stdout).toMatch(/^Usage: modelgen pull <provider>/);
    expect(help.code).toBe(0);
    for (const [args, stderr] of cases) {
      const r = await pull(args, { cwd: work });
      expect(r.stderr).toBe(stderr);
      expect(r.code).toBe(2);
    }
    expect(tree(work)).toEqual({});
  });
});

describe("modelgen pull runware", () => {
  const wan26 = readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-6.json"), "utf8");
  const wan27 = readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-7.json"), "utf8");

  test("refreshes the slugs already in specs/runware/, adds --model slugs, reports a 404 as gone; overlays stay", async () => {
    const specs = path.join(work, "specs");
    mkdirSync(path.join(specs, "runware"));
    cpSync(path.join(ROOT, "specs/runware/alibaba-wan2-7.json"), path.join(specs, "runware/alibaba-wan2-7.json"));
    cpSync(path.join(ROOT, "specs/runware/alibaba-wan2-7.overlay.yaml"), path.join(specs, "runware/alibaba-wan2-7.overlay.yaml"));
    writeFileSync(path.join(specs, "runware/retired-model.json"), wan26);
    fake.runware.set("alibaba-wan2-7", JSON.stringify(JSON.parse(wan27)));
    fake.runware.set("alibaba-wan2-6", wan26);
    const r = await pull(["pull", "runware", "--model", "alibaba-wan2-6", "--base-url", fake.baseUrl], { cwd: work });
    expect(r.stdout).toBe(
      "pull runware: 1 added, 0 changed, 1 unchanged, 1 gone upstream, 0 skipped\n  added     specs/runware/alibaba-wan2-6.json\n  gone      specs/runware/retired-model.json (kept; --prune deletes it)\n",
    );
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(specs, "runware/alibaba-wan2-6.json"), "utf8")).toBe(pretty(wan26));
    expect(readFileSync(path.join(specs, "runware/alibaba-wan2-7.overlay.yaml"), "utf8")).toBe(readFileSync(path.join(ROOT, "specs/runware/alibaba-wan2-7.overlay.yaml"), "utf8"));
    expect(fake.requests.map((q) => q.url.pathname).sort()).toEqual(["/docs/models/alibaba-wan2-6/schema.json", "/docs/models/alibaba-wan2-7/schema.json", "/docs/models/retired-model/schema.json"]);
    expect(fake.requests.every((q) => q.authorization === undefined)).toBe(true);
  });
});
