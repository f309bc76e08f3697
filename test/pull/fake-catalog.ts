// A fake of the providers' catalogs on 127.0.0.1, shaped on the real ones (shared/PROTOCOLS.md): fal's paged
// `GET /v1/models?status=active&expand=openapi-3.0[&category][&endpoint_id…][&cursor]` answering
// `{models: [{endpoint_id, metadata, openapi}], has_more, next_cursor}`, and Runware's per-slug
// `GET /docs/models/<slug>/schema.json`. Faults are injected per request number; every request is recorded.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface FalModel {
  endpoint_id: string;
  category: string;
  /** The document (or fal's error answer) as a JSON text, spliced into the page as sent. */
  openapi: string | null;
}

export interface Fault {
  /** Answer this status (429 with Retry-After when `retryAfter` is set). */
  status: number;
  retryAfter?: string;
  body?: string;
}

export interface RecordedRequest {
  url: URL;
  authorization: string | undefined;
}

export interface FakeCatalog {
  readonly baseUrl: string;
  /** fal's catalog, in listing order; change it between pulls. */
  fal: FalModel[];
  /** Runware documents by slug (JSON texts). */
  runware: Map<string, string>;
  pageSize: number;
  /** Faults by the index of the fal catalog request among those in `requests` (0 = the first recorded). */
  faults: Map<number, Fault>;
  /** Answer every fal page request with this (after the faults above). */
  always?: Fault;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** fal's real documents (test/fixtures/fal-catalog, unedited) the fake lists: four text-to-video endpoints, one of
 * them the error answer fal gave in place of a document, and one video-to-video endpoint. */
const CATALOG = path.join(import.meta.dirname, "../fixtures/fal-catalog");
const PICKED: readonly (readonly [string, string])[] = [
  ["text-to-video", "fal-ai/kling-video/v1/pro/text-to-video"],
  ["text-to-video", "fal-ai/minimax/video-01-live"],
  ["text-to-video", "fal-ai/minimax/video-01"],
  ["text-to-video", "fal-ai/wan-pro/text-to-video"],
  ["video-to-video", "fal-ai/video-upscaler"],
];

/** The picked real fal documents, in catalog order. */
export function fixtureModels(): FalModel[] {
  return PICKED.map(([category, id]) => ({ endpoint_id: id, category, openapi: readFileSync(path.join(CATALOG, category, `${id}.json`), "utf8") }));
}

/** A copy of fal's document for `id` as the catalog would send it for another endpoint id (its metadata follows). */
export function documentFor(id: string, from: string): string {
  const doc = JSON.parse(from);
  doc.info["x-fal-metadata"].endpointId = id;
  return JSON.stringify(doc);
}

export async function startFakeCatalog(): Promise<FakeCatalog> {
  const state: Omit<FakeCatalog, "baseUrl" | "close"> = { fal: [], runware: new Map(), pageSize: 2, faults: new Map(), requests: [] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    state.requests.push({ url, authorization: req.headers.authorization });
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(body);
    };
    const slug = /^\/docs\/models\/([^/]+)\/schema\.json$/.exec(url.pathname);
    if (slug) {
      const doc = state.runware.get(decodeURIComponent(slug[1]!));
      return doc === undefined ? send(404, JSON.stringify({ error: "not found" })) : send(200, doc);
    }
    if (url.pathname !== "/v1/models") return send(404, "{}");
    const fault = state.faults.get(state.requests.filter((r) => r.url.pathname === "/v1/models").length - 1) ?? state.always;
    if (fault) return send(fault.status, fault.body ?? JSON.stringify({ detail: "fault" }), fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter });
    if (url.searchParams.get("status") !== "active" || url.searchParams.get("expand") !== "openapi-3.0") return send(400, JSON.stringify({ detail: "expected status=active&expand=openapi-3.0" }));
    const categories = url.searchParams.getAll("category");
    const ids = url.searchParams.getAll("endpoint_id");
    const matching = state.fal.filter((m) => (categories.length === 0 || categories.includes(m.category)) && (ids.length === 0 || ids.includes(m.endpoint_id)));
    const cursor = url.searchParams.get("cursor");
    const page = cursor === null ? 0 : Number(Buffer.from(cursor, "base64").toString());
    const slice = matching.slice(page * state.pageSize, (page + 1) * state.pageSize);
    const hasMore = (page + 1) * state.pageSize < matching.length;
    // The page is built as text so each document reaches the client exactly as the fixture holds it.
    const models = slice.map(
      (m) => `{"endpoint_id":${JSON.stringify(m.endpoint_id)},"metadata":${JSON.stringify({ display_name: m.endpoint_id, category: m.category, status: "active" })}${m.openapi === null ? "" : `,"openapi":${m.openapi}`}}`,
    );
    send(200, `{"models":[${models.join(",")}],"has_more":${hasMore},"next_cursor":${hasMore ? JSON.stringify(Buffer.from(String(page + 1)).toString("base64")) : "null"}}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
