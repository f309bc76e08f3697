/** The query parameter that carries the token. */
export declare const WEBHOOK_TOKEN_PARAM = "token";
/** Shortest token accepted: anything shorter is guessable, or a mistake (an unset variable). */
export declare const MIN_WEBHOOK_TOKEN_LENGTH = 16;
/** 32 random bytes, base64url (43 characters). */
export declare function createWebhookToken(): string;
/** `baseUrl` with `?token=…` set: a new random token unless one is given. Pass `url` as the task's `webhookURL`. */
export declare function createWebhookUrl(
  baseUrl: string | URL,
  token?: string,
): {
  url: string;
  token: string;
};
/**
 * True when the request URL (absolute, or a path with a query as Node's `req.url`) carries `token`.
 * Throws `invalidOptions` for a missing or short expected token, so an unset variable never passes.
 */
export declare function checkWebhookToken(requestUrl: string | URL, token: string): boolean;
