// Runware's webhooks: it POSTs `{data: [item]}` once per finished item, unsigned (the URL carries a token:
// webhook-token.ts). Read from the raw body only (raw-body.ts); `handleRunwareWebhook` reads it from a Fetch API
// Request.

import { ModelgenError } from "../errors.js";
import { assertRawBody, assertRequest, invalidPayload, parseRawJson, readRequestBody, type RawBody } from "../raw-body.js";
import { createRedactor } from "../redact.js";
import { itemState, readRunwareAnswer, runwareError, type Json } from "./answer.js";
import { checkWebhookToken } from "./webhook-token.js";

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
} & ({ url: string | URL; token: string; unverified?: false } | { unverified: true; url?: undefined; token?: undefined });

const noSecrets = createRedactor([]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const NO_CHECK = "Runware signs its webhooks with nothing: pass { url, token } (the request's URL and the token from createWebhookUrl) to check the URL's token, or { unverified: true } to accept any caller";

/** The URL's token checked (`invalidToken`), or the caller's explicit `unverified: true`; anything else is `invalidOptions`. */
function checkTrust(options: unknown, url: string | URL | undefined): void {
  if (typeof options !== "object" || options === null) throw new ModelgenError({ code: "invalidOptions", message: NO_CHECK, retryable: false });
  const { token, unverified } = options as { token?: unknown; unverified?: unknown };
  if (unverified === true) {
    if (token !== undefined || (options as { url?: unknown }).url !== undefined) throw new ModelgenError({ code: "invalidOptions", message: "unverified: true and a token contradict each other: pass one", retryable: false });
    return;
  }
  if (unverified !== undefined && unverified !== false) throw new ModelgenError({ code: "invalidOptions", message: `unverified must be the value true or left out, not ${JSON.stringify(unverified) ?? typeof unverified}. ${NO_CHECK}`, retryable: false });
  if (token === undefined && url === undefined) throw new ModelgenError({ code: "invalidOptions", message: NO_CHECK, retryable: false });
  if (url === undefined) throw new ModelgenError({ code: "invalidOptions", message: "a webhook token needs the request's url to check it against", retryable: false });
  if (typeof token !== "string" || !checkWebhookToken(url, token)) {
    throw new ModelgenError({ code: "invalidToken", message: "the webhook URL's token is missing or wrong", retryable: false });
  }
}

/** The documented shape, item by item: anything else is `invalidPayload`, naming the place. */
function checkRunwareShape(body: unknown): asserts body is Json {
  if (!isObject(body)) throw invalidPayload(`a Runware webhook body is a JSON object {"data": [...]}, not ${Array.isArray(body) ? "an array" : body === null ? "null" : `a ${typeof body}`}`);
  if (body.data === undefined && body.errors === undefined && body.error === undefined) throw invalidPayload("Runware webhook body has neither data nor errors");
  for (const key of ["data", "errors"] as const) {
    const list = body[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw invalidPayload(`Runware webhook ${key} is not an array`);
    list.forEach((item, i) => {
      if (!isObject(item)) throw invalidPayload(`Runware webhook ${key}[${i}] is not an object`);
      if (key === "data" && typeof item.taskUUID !== "string") throw invalidPayload(`Runware webhook data[${i}] has no taskUUID`);
    });
  }
  if (body.error !== undefined && !isObject(body.error)) throw invalidPayload("Runware webhook error is not an object");
}

/**
 * Parses a Runware webhook from its raw body: finished results in `data`, failed tasks in `errors` (items still
 * running are skipped). The URL's token is checked first (`{ url, token }`), unless `{ unverified: true }` says
 * the caller is trusted some other way; without either it is refused (`invalidOptions`).
 */
export function parseRunwareWebhook<TResult>(rawBody: RawBody, options: RunwareWebhookOptions): RunwareWebhook<TResult> {
  assertRawBody(rawBody);
  checkTrust(options, options?.url);
  return readRunwareWebhook<TResult>(rawBody, options.taskType);
}

/** The body of a webhook whose caller is already trusted. */
function readRunwareWebhook<TResult>(rawBody: RawBody, taskType: string | undefined): RunwareWebhook<TResult> {
  const body = parseRawJson(rawBody);
  checkRunwareShape(body);
  const answer = readRunwareAnswer(body);
  if (!answer || (answer.data.length === 0 && answer.errors.length === 0)) throw invalidPayload("Runware webhook body has neither data nor errors");
  const data: TResult[] = [];
  const errors: ModelgenError[] = answer.errors.map((e) => runwareError(e, { redact: noSecrets, taskLevel: true }));
  for (const item of answer.data) {
    const state = itemState(item);
    if (state === "error") errors.push(runwareError(item, { redact: noSecrets, taskLevel: true }));
    else if (taskType !== undefined && item.taskType !== undefined && item.taskType !== taskType) {
      errors.push(new ModelgenError({ code: "invalidPayload", message: `unexpected taskType ${String(item.taskType)} (this model's is ${taskType})`, taskUUID: item.taskUUID as string, details: item }));
    } else if (state === "success") data.push(item as TResult);
  }
  return { data, errors };
}

/**
 * How `handleRunwareWebhook` trusts a Request, as `parseRunwareWebhook` does: `{ token }` checks the token in the
 * Request's own URL; `{ unverified: true }` accepts any caller and must be said. No options is `invalidOptions`.
 */
export type RunwareHandleOptions = {
  /** Only items of this task type are results; others become `invalidPayload` errors. */
  taskType?: string;
} & ({ token: string; unverified?: false } | { unverified: true; token?: undefined });

/** A Runware webhook from a Fetch API Request: the URL's token is checked (`invalidToken`) before the body is read. */
export async function handleRunwareWebhook<TResult>(request: Request, options: RunwareHandleOptions): Promise<RunwareWebhook<TResult>> {
  const given = typeof options === "object" && options !== null ? (options as { token?: unknown; unverified?: unknown }) : undefined;
  if (given === undefined || (given.token === undefined && given.unverified !== true)) {
    throw new ModelgenError({ code: "invalidOptions", message: `handleWebhook needs options.token, the token in the webhook URL, or { unverified: true } to accept any caller${given?.unverified === undefined || given.unverified === false ? "" : ` (unverified must be the value true or left out, not ${JSON.stringify(given.unverified) ?? typeof given.unverified})`}`, retryable: false });
  }
  assertRequest(request);
  // The URL checked is the Request's own; unverified: true with a token is refused as contradictory, as in parseWebhook.
  checkTrust(given.unverified === true ? { unverified: true, token: given.token } : { token: given.token, unverified: given.unverified }, given.unverified === true ? undefined : request.url);
  const raw = await readRequestBody(request);
  return readRunwareWebhook<TResult>(raw, options.taskType);
}
