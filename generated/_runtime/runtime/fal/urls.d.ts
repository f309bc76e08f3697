/** An endpoint id is owner/app then an optional path, in URL-safe segments (no "." or ".." segment, no query). */
export declare function checkEndpointId(id: unknown): string;
/** `<base>/<endpoint id>`, with `?fal_webhook=<url>` when a webhook is asked for. */
export declare function submitUrl(baseUrl: string, endpointId: string, webhookUrl: string | undefined): string;
/** The queue URLs of a request known only by id: fal keys requests by owner/app (and namespace), not by the endpoint's path. */
export declare function requestUrls(
  baseUrl: string,
  endpointId: string,
  requestId: string,
): {
  status: string;
  response: string;
  cancel: string;
};
/** `url` when it is an absolute http(s) URL on the base URL's origin; else `invalidResponse`, and nothing is sent. */
export declare function sameOrigin(url: unknown, baseUrl: string, what: string): string;
/** `url` with `name=value` set in its query (other parameters kept). */
export declare function withQuery(url: string, name: string, value: string): string;
