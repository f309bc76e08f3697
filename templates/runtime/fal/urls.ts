// Where the fal client sends requests. It submits to `<baseUrl>/<endpoint id>` and then follows the
// URLs the submit answer gives; it builds status/result/cancel URLs itself only for a bare request id.
// Every URL must be on the base URL's origin: the API key goes with each request, and an answer that
// names another host must not make the client send it there.

import { ModelgenError } from "../errors.js";

/** Namespaces that prefix an owner/app endpoint id ("workflows/owner/app/…"). */
const NAMESPACES: ReadonlySet<string> = new Set(["workflows", "comfy"]);

/** An endpoint id is owner/app then an optional path, in URL-safe segments (no "." or ".." segment, no query). */
export function checkEndpointId(id: unknown): string {
  const segments = typeof id === "string" ? id.split("/") : [];
  const ok = segments.length >= 2 && segments.every((s) => s !== "" && s !== "." && s !== ".." && /^[A-Za-z0-9._~@:-]+$/.test(s));
  if (!ok) throw new ModelgenError({ code: "invalidOptions", message: `invalid fal endpoint id ${JSON.stringify(String(id)).slice(0, 120)}: expected owner/app[/path]`, retryable: false });
  return id as string;
}

/** `<base>/<endpoint id>`, with `?fal_webhook=<url>` when a webhook is asked for. */
export function submitUrl(baseUrl: string, endpointId: string, webhookUrl: string | undefined): string {
  const url = new URL(`${baseUrl}/${endpointId}`);
  if (webhookUrl !== undefined) url.searchParams.set("fal_webhook", webhookUrl);
  return url.href;
}

/** The queue URLs of a request known only by id: fal keys requests by owner/app (and namespace), not by the endpoint's path. */
export function requestUrls(baseUrl: string, endpointId: string, requestId: string): { status: string; response: string; cancel: string } {
  const segments = endpointId.split("/");
  const app = segments.slice(0, NAMESPACES.has(segments[0] as string) ? 3 : 2).join("/");
  const response = `${baseUrl}/${app}/requests/${encodeURIComponent(requestId)}`;
  return { status: `${response}/status`, response, cancel: `${response}/cancel` };
}

/** `url` when it is an absolute http(s) URL on the base URL's origin; else `invalidResponse`, and nothing is sent. */
export function sameOrigin(url: unknown, baseUrl: string, what: string): string {
  let parsed: URL | undefined;
  try {
    parsed = typeof url === "string" ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw new ModelgenError({ code: "invalidResponse", message: `fal's ${what} is not an absolute http(s) URL`, retryable: false });
  }
  const expected = new URL(baseUrl).origin;
  if (parsed.origin !== expected || parsed.username !== "" || parsed.password !== "") {
    throw new ModelgenError({
      code: "invalidResponse",
      message: `fal's ${what} points to ${parsed.origin}, not to ${expected} (the base URL): refused, so the API key is not sent there`,
      retryable: false,
    });
  }
  return parsed.href;
}

/** `url` with `name=value` set in its query (other parameters kept). */
export function withQuery(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.href;
}
