// The Runflow client: create a run (POST, not idempotent: never repeated after it may have
// reached the server), read it (GET, retried), and wait for its terminal status.

import { makeSleeper } from "../abort.js";
import { pollDelay } from "../backoff.js";
import { ModelgenError, invalidRequestError, isModelgenError } from "../errors.js";
import { resolveOptions, type ClientOptions } from "../options.js";
import { createRedactor, type Redactor } from "../redact.js";
import { isRunflowRun, settleRun, type RunflowBinding, type RunflowRun, type SucceededRun } from "./run.js";
import { createTransport, isRetryableStatus, type HttpResponse } from "../transport.js";

export const RUNFLOW_BASE_URL = "https://api.runflow.io";

export interface RunflowCreateOptions {
  callbackUrl?: string;
  metadata?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Validate against the model's schema before sending (default true). */
  validate?: boolean;
}

export interface RunflowWaitOptions<TOutput> {
  signal?: AbortSignal;
  /** Called with the run after every poll. */
  onProgress?: (run: RunflowRun<TOutput>) => void;
}

export type RunflowRunOptions<TOutput> = RunflowCreateOptions & RunflowWaitOptions<TOutput>;

export interface RunflowClient<TInput, TOutput> {
  /** Creates the run and waits for it; rejects with runFailed / runCancelled / pollTimeout. */
  run(input: TInput, opts?: RunflowRunOptions<TOutput>): Promise<SucceededRun<TOutput>>;
  create(input: TInput, opts?: RunflowCreateOptions): Promise<RunflowRun<TOutput>>;
  get(id: string, opts?: { signal?: AbortSignal }): Promise<RunflowRun<TOutput>>;
  wait(id: string, opts?: RunflowWaitOptions<TOutput>): Promise<SucceededRun<TOutput>>;
}

/** Error envelope `{code, message, errors[]}`. */
function apiError(response: HttpResponse, redact: Redactor, retryable: boolean, runId?: string): ModelgenError {
  const body = (typeof response.body === "object" && response.body !== null ? response.body : {}) as Record<string, unknown>;
  const code = typeof body.code === "string" ? body.code : "httpError";
  // Redact, then cut: a cut first could leave part of the key past the end of the redacted text.
  const snippet = redact(response.text.trim()).slice(0, 200);
  const message = typeof body.message === "string" ? body.message : `HTTP ${response.status}${snippet ? `: ${snippet}` : " with an empty body"}`;
  return new ModelgenError(
    redact({
      code,
      message,
      status: response.status,
      runId,
      retryable,
      retryAfterMs: response.retryAfterMs,
      details: Array.isArray(body.errors) ? body.errors : undefined,
    }),
  );
}

function readRun<TOutput>(response: HttpResponse): RunflowRun<TOutput> {
  const body = response.body as { data?: unknown } | undefined;
  const run = isRunflowRun(body) ? body : isRunflowRun(body?.data) ? body.data : undefined;
  if (!run) throw new ModelgenError({ code: "invalidResponse", message: "the answer is not a run (no id and status)", status: response.status });
  return run as RunflowRun<TOutput>;
}

/** Joins without doubling "/v1" when the caller's baseUrl already ends with it. */
function joinUrl(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith("/v1") && path.startsWith("/v1/") ? baseUrl.slice(0, -3) : baseUrl;
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

export function createRunflowClient<TInput, TOutput>(binding: RunflowBinding, options: ClientOptions): RunflowClient<TInput, TOutput> {
  if (typeof binding?.runPath !== "string" || typeof binding.validateRequest !== "function") {
    throw new ModelgenError({ code: "invalidOptions", message: "invalid Runflow binding", retryable: false });
  }
  const resolved = resolveOptions(options, RUNFLOW_BASE_URL);
  const redact = createRedactor([resolved.apiKey]);
  const transport = createTransport(resolved, redact);
  const sleep = makeSleeper(resolved.sleep);

  async function create(input: TInput, opts: RunflowCreateOptions = {}): Promise<RunflowRun<TOutput>> {
    const body: Record<string, unknown> = { input };
    if (opts.callbackUrl !== undefined) body.callback_url = opts.callbackUrl;
    if (opts.metadata !== undefined) body.metadata = opts.metadata;
    if (opts.validate !== false) {
      const issues = binding.validateRequest(body);
      if (issues.length > 0) throw invalidRequestError(issues, `Runflow request for ${binding.modelId}`);
    }
    const response = await transport.send({ method: "POST", url: joinUrl(resolved.baseUrl, binding.runPath), body, signal: opts.signal, idempotent: false });
    // Only 429/503 say no run was created; any other failure may hide a created run.
    if (response.status < 200 || response.status >= 300) throw apiError(response, redact, response.status === 429 || response.status === 503);
    return readRun<TOutput>(response);
  }

  async function get(id: string, opts: { signal?: AbortSignal; deadline?: number } = {}): Promise<RunflowRun<TOutput>> {
    const response = await transport.send({
      method: "GET",
      url: joinUrl(resolved.baseUrl, `/v1/runs/${encodeURIComponent(id)}`),
      signal: opts.signal,
      deadline: opts.deadline,
      idempotent: true,
    });
    if (response.status < 200 || response.status >= 300) throw apiError(response, redact, isRetryableStatus(response.status), id);
    return readRun<TOutput>(response);
  }

  async function wait(id: string, opts: RunflowWaitOptions<TOutput> = {}): Promise<SucceededRun<TOutput>> {
    const { now, poll } = resolved;
    const deadline = now() + poll.budgetMs;
    let lastTransient: ModelgenError | undefined;
    for (let n = 0; ; n++) {
      const pause = Math.min(pollDelay(n, poll), deadline - now());
      if (pause >= 0) await sleep(pause, opts.signal);
      if (deadline - now() <= 0) {
        throw new ModelgenError(redact({ code: "pollTimeout", message: `Run ${id} did not finish within the polling budget of ${poll.budgetMs} ms`, runId: id, retryable: false, cause: lastTransient }));
      }
      let run: RunflowRun<TOutput>;
      try {
        run = await get(id, { signal: opts.signal, deadline });
      } catch (error) {
        if (isModelgenError(error) && error.retryable && error.code !== "aborted") {
          lastTransient = error;
          continue;
        }
        throw error;
      }
      lastTransient = undefined;
      opts.onProgress?.(run);
      const verdict = settleRun(run, redact);
      if (verdict instanceof ModelgenError) throw verdict;
      if (verdict) return verdict;
    }
  }

  return {
    async run(input, opts = {}) {
      const created = await create(input, opts);
      const verdict = settleRun(created, redact);
      if (verdict instanceof ModelgenError) throw verdict;
      if (verdict) return verdict;
      return wait(created.id, opts);
    },
    create,
    get: (id, opts = {}) => get(id, opts),
    wait,
  };
}
