import { ModelgenError } from "../errors.js";
import { type RawBody } from "../raw-body.js";
/** A Runware webhook: the finished results it carries, and its task errors (failed tasks, foreign items). */
export interface RunwareWebhook<TResult> {
  data: TResult[];
  errors: ModelgenError[];
}
/**
 * How a Runware webhook is trusted. Runware signs nothing, so the URL's token is the only check: `{ url, token }`
 * (the request's URL, absolute or a path with its query as Node's `req.url`, and the token from
 * `createWebhookUrl`). `{ unverified: true }` accepts any caller, for a route already authenticated some other
 * way; it must be said, since no options at all is refused (`invalidOptions`), never taken as "no check".
 */
export type RunwareWebhookOptions = {
  /** Only items of this task type are results; others become `invalidPayload` errors. */
  taskType?: string;
} & (
  | {
      url: string | URL;
      token: string;
      unverified?: false;
    }
  | {
      unverified: true;
      url?: undefined;
      token?: undefined;
    }
);
/**
 * Parses a Runware webhook from its raw body: finished results in `data`, failed tasks in `errors` (items still
 * running are skipped). The URL's token is checked first (`{ url, token }`), unless `{ unverified: true }` says
 * the caller is trusted some other way; without either it is refused (`invalidOptions`).
 */
export declare function parseRunwareWebhook<TResult>(
  rawBody: RawBody,
  options: RunwareWebhookOptions,
): RunwareWebhook<TResult>;
/**
 * How `handleRunwareWebhook` trusts a Request, as `parseRunwareWebhook` does: `{ token }` checks the token in the
 * Request's own URL; `{ unverified: true }` accepts any caller and must be said. No options is `invalidOptions`.
 */
export type RunwareHandleOptions = {
  /** Only items of this task type are results; others become `invalidPayload` errors. */
  taskType?: string;
} & (
  | {
      token: string;
      unverified?: false;
    }
  | {
      unverified: true;
      token?: undefined;
    }
);
/** A Runware webhook from a Fetch API Request: the URL's token is checked (`invalidToken`) before the body is read. */
export declare function handleRunwareWebhook<TResult>(
  request: Request,
  options: RunwareHandleOptions,
): Promise<RunwareWebhook<TResult>>;
