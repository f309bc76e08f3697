// fal's catalog: one paged listing of every endpoint with its OpenAPI document inline
// (`GET /v1/models?status=active&expand=openapi-3.0[&category=…][&endpoint_id=…][&cursor=…]`, `Authorization: Key
// <FAL_KEY>`, optional: a key only raises the rate limit). Pages are read until has_more is false. An endpoint fal
// has no document for carries `{"error": {code, message}}` in place of one: reported, never written.
import * as jsonc from "jsonc-parser";
import { CatalogError, type Catalog, type CatalogEntry, type CatalogRequest } from "../catalog.js";
import { catalogUrl, get } from "../catalog-http.js";
import { receiveDocument } from "../received.js";
import { isPlain } from "../../json.js";

/** fal's Find mode takes at most this many endpoint ids per request. */
const IDS_PER_REQUEST = 50;

/** An object node's members by key; a key given twice makes the answer ambiguous, so it is refused. */
function members(node: jsonc.Node, what: string): Map<string, jsonc.Node> {
  const out = new Map<string, jsonc.Node>();
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v) continue;
    const key = String(k.value);
    if (out.has(key)) throw new CatalogError(`${what}: the key ${JSON.stringify(key)} appears twice in one object`);
    out.set(key, v);
  }
  return out;
}

/** One page: its entries, and the cursor of the next page (null on the last). */
function readPage(text: string, url: URL, request: CatalogRequest): { entries: CatalogEntry[]; next: string | null } {
  const what = `${url.origin}${url.pathname}`;
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !tree) throw new CatalogError(`${what}: the answer is not JSON (${jsonc.printParseErrorCode(errors[0]?.error ?? jsonc.ParseErrorCode.ValueExpected)} at offset ${errors[0]?.offset ?? 0})`);
  if (tree.type !== "object") throw new CatalogError(`${what}: expected {models, has_more, next_cursor}, got a JSON ${tree.type}`);
  const page = members(tree, what);
  const models = page.get("models");
  const hasMore = page.get("has_more");
  const cursor = page.get("next_cursor");
  if (models?.type !== "array") throw new CatalogError(`${what}: expected a models array in the answer`);
  if (hasMore?.type !== "boolean") throw new CatalogError(`${what}: expected has_more (true or false) in the answer`);
  let next: string | null = null;
  if (hasMore.value === true) {
    if (cursor?.type !== "string" || cursor.value === "") throw new CatalogError(`${what}: has_more is true but next_cursor is not a cursor`);
    next = String(cursor.value);
  }
  const entries: CatalogEntry[] = [];
  for (const [i, node] of (models.children ?? []).entries()) {
    if (node.type !== "object") throw new CatalogError(`${what}: models[${i}] is not an object`);
    const model = members(node, `${what} models[${i}]`);
    const idNode = model.get("endpoint_id");
    if (idNode?.type !== "string") throw new CatalogError(`${what}: models[${i}] has no endpoint_id string`);
    const id = String(idNode.value);
    const doc = model.get("openapi");
    if (!doc) {
      entries.push({ id, error: "listed without a document (no openapi field)" });
      continue;
    }
    // fal's error answer in place of a document: {"error": {code, message}} and no openapi field.
    const fields = doc.type === "object" ? members(doc, `${what} models[${i}].openapi`) : null;
    const errorNode = fields?.get("error");
    if (errorNode && !fields?.has("openapi")) {
      const value: unknown = jsonc.getNodeValue(errorNode);
      const err = isPlain(value) ? value : {};
      const said = [err.code, err.message].filter((s): s is string => typeof s === "string").join(": ");
      entries.push({ id, error: `fal has no document for it${said ? ` (${said})` : ""}` });
      continue;
    }
    const received = receiveDocument(text.slice(doc.offset, doc.offset + doc.length), `${id} (fal catalog)`, request.limits.maxDocumentBytes);
    if ("error" in received) {
      entries.push({ id, error: received.error });
      continue;
    }
    // A document filed under another endpoint's id would be written under the wrong name.
    const info = received.value.info;
    const meta = isPlain(info) ? info["x-fal-metadata"] : undefined;
    const claimed = isPlain(meta) ? meta.endpointId : undefined;
    if (typeof claimed === "string" && claimed !== id) entries.push({ id, error: `its document is for ${JSON.stringify(claimed)} (info.x-fal-metadata.endpointId); not written` });
    else entries.push({ id, document: received });
  }
  return { entries, next };
}

/** Every page of one query. */
async function listAll(query: readonly (readonly [string, string])[], request: CatalogRequest, done: { pages: number }): Promise<CatalogEntry[]> {
  const out: CatalogEntry[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    if (done.pages >= request.limits.maxPages) throw new CatalogError(`fal's catalog has more than ${request.limits.maxPages} pages, the limit`);
    const url = catalogUrl(request.baseUrl, "v1/models", [["status", "active"], ["expand", "openapi-3.0"], ...query, ...(cursor === null ? [] : [["cursor", cursor] as const])]);
    const answer = await get(url, request, { headers: request.key ? { authorization: `Key ${request.key}` } : {} });
    const page = readPage(answer.text, url, request);
    out.push(...page.entries);
    done.pages++;
    request.progress(out.length, `page ${done.pages}`);
    if (out.length > request.limits.maxModels) throw new CatalogError(`fal's catalog lists more than ${request.limits.maxModels} models, the limit`);
    // A cursor met twice would page forever.
    if (page.next !== null && seen.has(page.next)) throw new CatalogError(`${url.origin}${url.pathname}: next_cursor ${JSON.stringify(page.next)} was already read: the catalog pages in a loop`);
    if (page.next !== null) seen.add(page.next);
    cursor = page.next;
  } while (cursor !== null);
  return out;
}

/** A document's `info.x-fal-metadata[field]`. */
const metadata = (document: unknown, field: string): unknown => {
  const info = isPlain(document) ? document.info : undefined;
  const meta = isPlain(info) ? info["x-fal-metadata"] : undefined;
  return isPlain(meta) ? meta[field] : undefined;
};

export const falCatalog: Catalog = {
  defaultBaseUrl: "https://api.fal.ai",
  keyVariable: "FAL_KEY",
  help: "the whole catalog, or --category (repeatable: text-to-video, image-to-video, …) and --model <endpoint id>\n(repeatable); FAL_KEY from the environment is sent when set (a higher rate limit), never printed.",
  filters: { category: true, model: "endpoint id" },
  async list(request) {
    const queries: (readonly (readonly [string, string])[])[] = [];
    for (const c of request.categories) queries.push([["category", c]]);
    for (let i = 0; i < request.models.length; i += IDS_PER_REQUEST) queries.push(request.models.slice(i, i + IDS_PER_REQUEST).map((id) => ["endpoint_id", id] as const));
    if (queries.length === 0) queries.push([]);
    const byId = new Map<string, CatalogEntry>();
    const done = { pages: 0 };
    for (const q of queries) for (const e of await listAll(q, request, done)) if (!byId.has(e.id)) byId.set(e.id, e);
    const everything = request.categories.length === 0 && request.models.length === 0;
    const categories = new Set(request.categories);
    const models = new Set(request.models);
    return {
      entries: [...byId.values()],
      // Only fal's own document for that endpoint can be gone from fal's catalog: another file in specs/fal/ (a
      // hand-written spec, one that does not parse) is never reported gone, so --prune never deletes it.
      covers: (id, document) => {
        if (metadata(document, "endpointId") !== id) return false;
        if (everything || models.has(id)) return true;
        const category = metadata(document, "category");
        return typeof category === "string" && categories.has(category);
      },
    };
  },
  async fetchOne(id, request) {
    return (await listAll([["endpoint_id", id]], request, { pages: 0 })).find((e) => e.id === id) ?? null;
  },
};
