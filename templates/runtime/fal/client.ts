// The fal queue client: submit an input (POST <base>/<endpoint id>), follow the status_url the
// answer gives until COMPLETED, then GET its response_url. Cancel PUTs its cancel_url.
//
// A submit is never repeated once a request may exist at fal. It is retried only on 429 and 503,
// the answers that say nothing was queued; after a timeout, a dropped connection, any other 5xx or a
// 2xx answer that cannot be read, it rejects (retryable: false) and the caller decides. Status,
// result and cancel are safe to repeat and are retried on 408, 429 and 5xx.

import { makeSleeper } from "../abort.js";
import { pollDelay } from "../backoff.js";
import { ModelgenError, invalidRequestError, isModelgenError, withErrorFields } from "../errors.js";
import { resolveOptions, type ClientOptions } from "../options.js";
import { createRedactor } from "../redact.js";
import { createTransport, isRetryableStatus, type HttpRequest, type HttpResponse } from "../transport.js";
import { falApiError } from "./api-error.js";
import { asQueueStatus, asSubmitted, progressOf, settleStatus, type FalQueueStatus, type FalResult, type FalSubmitted } from "./status.js";
import type { FalBinding, FalCancelled, FalClient, FalRequestRef, FalRunOptions, FalSubmitOptions } from "./types.js";
import { checkEndpointId, requestUrls, sameOrigin, submitUrl, withQuery } from "./urls.js";

export const FAL_QUEUE_BASE_URL = "https://queue.fal.run";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkWebhookUrl(url: unknown): string | undefined {
  if (url === undefined) return undefined;
  let ok = false;
  try {
    ok = typeof url === "string" && /^https?:$/.test(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new ModelgenError({ code: "invalidOptions", message: "webhookUrl must be an absolute http(s) URL", retryable: false });
  return url as string;
}

export function createFalClient<TInput, TOutput>(binding: FalBinding, options: ClientOptions): FalClient<TInput, TOutput> {
  if (!isObject(binding) || typeof binding.validateTask !== "function") {
    throw new ModelgenError({ code: "invalidOptions", message: "invalid fal binding: expected {modelId, validateTask}", retryable: false });
  }
  const endpointId = checkEndpointId(binding.modelId);
  const resolved = resolveOptions(options, FAL_QUEUE_BASE_URL);
  const redact = createRedactor([resolved.apiKey]);
  const transport = createTransport(resolved, redact, "Key");
  const sleep = makeSleeper(resolved.sleep);
  const base = resolved.baseUrl;

  /** The request's id and the URL of one of its operations, checked to be on the base URL's origin. */
  function target(request: FalRequestRef, which: "status_url" | "response_url" | "cancel_url"): { requestId: string; url: string } {
    if (typeof request === "string" && request !== "") {
      const built = requestUrls(base, endpointId, request);
      return { requestId: request, url: which === "status_url" ? built.status : which === "response_url" ? built.response : built.cancel };
    }
    if (!isObject(request) || typeof request.request_id !== "string" || request.request_id === "") {
      throw new ModelgenError({ code: "invalidOptions", message: "a fal request is its request_id or the object submit answered", retryable: false });
    }
    const given = request[which];
    if (given === undefined) return target(request.request_id, which);
    return { requestId: request.request_id, url: sameOrigin(given, base, which) };
  }

  /** The 2xx answer, or the error answer as a ModelgenError. */
  async function send(request: HttpRequest, requestId?: string): Promise<HttpResponse> {
    const response = await transport.send(request);
    if (response.status >= 200 && response.status < 300) return response;
    if (request.idempotent) throw falApiError(response, { redact, requestId, retryable: isRetryableStatus(response.status) });
    // A submit: only 429 and 503 say nothing was queued; other transient answers may hide a queued request.
    const refused = response.status === 429 || response.status === 503;
    const ambiguous = !refused && isRetryableStatus(response.status);
    throw falApiError(response, { redact, retryable: refused, note: ambiguous ? "; the request may have been queued, so it was not repeated" : "" });
  }

  async function submit(input: TInput, opts: FalSubmitOptions = {}): Promise<FalSubmitted> {
    const webhookUrl = checkWebhookUrl(opts.webhookUrl);
    if (opts.validate !== false) {
      const issues = binding.validateTask(input);
      if (issues.length > 0) throw invalidRequestError(issues, `fal input for ${endpointId}`);
    }
    const response = await send({ method: "POST", url: submitUrl(base, endpointId, webhookUrl), body: input, signal: opts.signal, idempotent: false });
    const submitted = asSubmitted(response.body);
    if (!submitted) {
      throw new ModelgenError(redact({ code: "invalidResponse", message: "fal's submit answer lacks request_id, status_url, response_url or cancel_url", status: response.status, retryable: false, details: response.body }));
    }
    for (const key of ["status_url", "response_url", "cancel_url"] as const) sameOrigin(submitted[key], base, key);
    return submitted;
  }

  async function status(request: FalRequestRef, opts: { logs?: boolean; signal?: AbortSignal; deadline?: number } = {}): Promise<FalQueueStatus> {
    const { requestId, url } = target(request, "status_url");
    const response = await send({ method: "GET", url: opts.logs ? withQuery(url, "logs", "1") : url, signal: opts.signal, deadline: opts.deadline, idempotent: true }, requestId);
    const answer = asQueueStatus(response.body);
    if (!answer) throw new ModelgenError(redact({ code: "invalidResponse", message: `fal's status answer for ${requestId} lacks request_id or status`, requestId, status: response.status, retryable: false }));
    return answer;
  }

  async function result(request: FalRequestRef, opts: { signal?: AbortSignal } = {}): Promise<FalResult<TOutput>> {
    const { requestId, url } = target(request, "response_url");
    const response = await send({ method: "GET", url, signal: opts.signal, idempotent: true }, requestId);
    return { requestId, data: response.body as TOutput };
  }

  async function cancel(request: FalRequestRef, opts: { signal?: AbortSignal } = {}): Promise<FalCancelled> {
    const { requestId, url } = target(request, "cancel_url");
    const response = await transport.send({ method: "PUT", url, signal: opts.signal, idempotent: true });
    const said = isObject(response.body) && typeof response.body.status === "string" ? response.body.status : undefined;
    if (response.status >= 200 && response.status < 300) return { status: said ?? "CANCELLATION_REQUESTED", requestId };
    if (response.status === 400 && said === "ALREADY_COMPLETED") return { status: said, requestId };
    throw falApiError(response, { redact, requestId, retryable: isRetryableStatus(response.status) });
  }

  /** Polls the status until COMPLETED; resolves when it completed without error. */
  async function waitFor(submitted: FalSubmitted, opts: FalRunOptions): Promise<void> {
    const { now, poll } = resolved;
    const deadline = now() + poll.budgetMs;
    const logs = opts.logs ?? opts.onProgress !== undefined;
    let lastTransient: ModelgenError | undefined;
    for (let n = 0; ; n++) {
      const pause = Math.min(pollDelay(n, poll), deadline - now());
      if (pause >= 0) await sleep(pause, opts.signal);
      if (deadline - now() <= 0) {
        throw new ModelgenError(
          redact({ code: "pollTimeout", message: `fal request ${submitted.request_id} did not finish within the polling budget of ${poll.budgetMs} ms`, requestId: submitted.request_id, retryable: false, cause: lastTransient }),
        );
      }
      let current: FalQueueStatus;
      try {
        current = await status(submitted, { logs, signal: opts.signal, deadline });
      } catch (error) {
        if (isModelgenError(error) && error.retryable && error.code !== "aborted") {
          lastTransient = error;
          continue;
        }
        throw error;
      }
      lastTransient = undefined;
      opts.onProgress?.(progressOf(current));
      const verdict = settleStatus(current, redact);
      if (verdict instanceof ModelgenError) throw verdict;
      if (verdict === "done") return;
    }
  }

  return {
    async run(input, opts = {}) {
      const submitted = await submit(input, opts);
      try {
        await waitFor(submitted, opts);
        return await result(submitted, { signal: opts.signal });
      } catch (error) {
        // Whatever stopped the wait, the request exists at fal: say which one.
        if (isModelgenError(error) && error.requestId === undefined) throw withErrorFields(error, { requestId: submitted.request_id });
        throw error;
      }
    },
    submit,
    status: (request, opts = {}) => status(request, opts),
    result,
    cancel,
  };
}
