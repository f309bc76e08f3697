// Runware's documents: one per model, public, at a stable URL by slug (`/docs/models/<slug>/schema.json` on
// runware.ai). There is no listing: a pull refreshes the slugs already in specs/runware/ and adds the ones named
// with --model. A slug answered 404 (or 410) is not in the catalog any more.
import { type Catalog, type CatalogEntry, type CatalogRequest } from "../catalog.js";
import { catalogUrl, get } from "../catalog-http.js";
import { receiveDocument } from "../received.js";

async function fetchSlug(slug: string, request: CatalogRequest): Promise<CatalogEntry | null> {
  const url = catalogUrl(request.baseUrl, `docs/models/${encodeURIComponent(slug)}/schema.json`);
  const answer = await get(url, request, { accept: [404, 410] });
  if (answer.status === 404 || answer.status === 410) return null;
  const received = receiveDocument(answer.text, url.href, request.limits.maxDocumentBytes);
  return "error" in received ? { id: slug, error: received.error } : { id: slug, document: received };
}

export const runwareCatalog: Catalog = {
  defaultBaseUrl: "https://runware.ai",
  help: "refreshes the slugs already in specs/runware/ and adds --model <slug> (repeatable).",
  filters: { category: false, model: "slug" },
  async list(request) {
    const slugs = [...new Set([...request.local, ...request.models])].sort();
    const entries: CatalogEntry[] = [];
    for (const [i, slug] of slugs.entries()) {
      const entry = await fetchSlug(slug, request);
      if (entry) entries.push(entry);
      request.progress(i + 1, `${slugs.length} documents`);
    }
    // Every model already in specs/runware/ was asked for: one the catalog no longer has is gone upstream.
    return { entries, covers: () => true };
  },
  fetchOne: fetchSlug,
};
