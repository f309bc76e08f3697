// Each provider's Catalog in process, against the fake catalog on 127.0.0.1: fetching one model's document, and
// what a listing covers (the models whose absence means "gone upstream").
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEFAULT_LIMITS, type CatalogRequest } from "../../generator/providers/catalog.js";
import { providers } from "../../generator/providers/index.js";
import { fixtureModels, startFakeCatalog, type FakeCatalog } from "./fake-catalog.js";

/** A provider's catalog, through the registry as pull finds it. */
const catalogFor = (name: string) => providers.find((p) => p.name === name)?.catalog;

let fake: FakeCatalog;
beforeAll(async () => {
  fake = await startFakeCatalog();
  fake.fal = fixtureModels();
});
afterAll(() => fake.close());

const request = (over: Partial<CatalogRequest> = {}): CatalogRequest => ({
  categories: [],
  models: [],
  local: [],
  baseUrl: fake.baseUrl,
  key: undefined,
  fetch: globalThis.fetch,
  limits: DEFAULT_LIMITS,
  sleep: async () => {},
  progress: () => {},
  ...over,
});

test("fal: fetchOne finds an endpoint by id (an error entry as an error), null when fal has none; no key, no Authorization", async () => {
  const fal = catalogFor("fal")!;
  const one = await fal.fetchOne("fal-ai/wan-pro/text-to-video", request());
  expect(one && "document" in one ? one.document.text : one).toBe(JSON.stringify(JSON.parse(fake.fal.find((m) => m.endpoint_id === "fal-ai/wan-pro/text-to-video")!.openapi!), null, 2) + "\n");
  expect(await fal.fetchOne("fal-ai/kling-video/v1/pro/text-to-video", request())).toEqual({
    id: "fal-ai/kling-video/v1/pro/text-to-video",
    error: "fal has no document for it (expansion_failed: OpenAPI schema not available for this endpoint)",
  });
  expect(await fal.fetchOne("fal-ai/none", request())).toBeNull();
  expect(fake.requests.map((r) => r.authorization)).toEqual([undefined, undefined, undefined]);
});

test("fal: a listing by category covers the local models of that category (by their document's metadata) and the --model ids, and only fal's own documents", async () => {
  const listing = await catalogFor("fal")!.list(request({ categories: ["video-to-video"], models: ["fal-ai/minimax/video-01"] }));
  expect(listing.entries.map((e) => e.id).sort()).toEqual(["fal-ai/minimax/video-01", "fal-ai/video-upscaler"]);
  const doc = (endpointId: string, category: string) => ({ info: { "x-fal-metadata": { endpointId, category } } });
  expect(listing.covers("fal-ai/other", doc("fal-ai/other", "video-to-video"))).toBe(true);
  expect(listing.covers("fal-ai/other", doc("fal-ai/other", "text-to-video"))).toBe(false);
  expect(listing.covers("fal-ai/minimax/video-01", doc("fal-ai/minimax/video-01", "text-to-video"))).toBe(true);
  // Not fal's document for that id (hand-written, another endpoint's, unparsable): never gone, never pruned.
  expect(listing.covers("fal-ai/other", doc("fal-ai/else", "video-to-video"))).toBe(false);
  expect(listing.covers("fal-ai/minimax/video-01", { openapi: "3.1.0" })).toBe(false);
  expect(listing.covers("fal-ai/other", undefined)).toBe(false);
});

test("runware: fetchOne reads /docs/models/<slug>/schema.json; a 404 is null; an answer that is not a document is an error entry", async () => {
  const runware = catalogFor("runware")!;
  fake.runware.set("m-1", `{"openapi":"3.1.0","info":{"title":"m"}}`);
  fake.runware.set("html", "<!doctype html><p>not found</p>");
  expect(await runware.fetchOne("m-1", request())).toEqual({ id: "m-1", document: { text: `{\n  "openapi": "3.1.0",\n  "info": {\n    "title": "m"\n  }\n}\n`, value: { openapi: "3.1.0", info: { title: "m" } } } });
  expect(await runware.fetchOne("gone", request())).toBeNull();
  const html = await runware.fetchOne("html", request());
  expect(html && "error" in html ? html.error : html).toMatch(/^1:1: invalid JSON/);
});
