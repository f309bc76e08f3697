// templates:runtime/errors.js
var ModelgenError = class extends Error {
  name = "ModelgenError";
  /** The API's error code, or one of {@link RuntimeErrorCode}. */
  code;
  /** True when repeating the same call may succeed (transient failure, nothing harmful in flight). */
  retryable;
  constructor(init) {
    super(init.message, init.cause === void 0 ? void 0 : { cause: init.cause });
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    if (init.parameter !== void 0) this.parameter = init.parameter;
    if (init.taskUUID !== void 0) this.taskUUID = init.taskUUID;
    if (init.runId !== void 0) this.runId = init.runId;
    if (init.requestId !== void 0) this.requestId = init.requestId;
    if (init.status !== void 0) this.status = init.status;
    if (init.retryAfterMs !== void 0) this.retryAfterMs = init.retryAfterMs;
    if (init.issues !== void 0) this.issues = init.issues;
    if (init.details !== void 0) this.details = init.details;
  }
  toJSON() {
    const out = { name: this.name, code: this.code, message: this.message, retryable: this.retryable };
    for (const key of ["parameter", "taskUUID", "runId", "requestId", "status", "retryAfterMs", "issues", "details"]) {
      if (this[key] !== void 0) out[key] = this[key];
    }
    return out;
  }
};
function isModelgenError(value) {
  return value instanceof ModelgenError;
}
function withErrorFields(error, patch) {
  return new ModelgenError({
    code: error.code,
    message: error.message,
    parameter: error.parameter,
    taskUUID: error.taskUUID,
    runId: error.runId,
    requestId: error.requestId,
    status: error.status,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    issues: error.issues,
    details: error.details,
    cause: error.cause,
    ...patch,
  });
}
function invalidRequestError(issues, what, taskUUID) {
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.path || "/"} ${i.message}`)
    .join("; ");
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return new ModelgenError({
    code: "invalidTask",
    message: `${what} failed validation, nothing was sent: ${shown}${more}`,
    issues,
    taskUUID,
    retryable: false,
  });
}

// templates:runtime/abort.js
function abortedError(signal) {
  return new ModelgenError({
    code: "aborted",
    message: "The operation was aborted by the caller",
    retryable: false,
    cause: signal?.reason,
  });
}
function throwIfAborted(signal) {
  if (signal?.aborted) throw abortedError(signal);
}
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
function makeSleeper(injected) {
  if (!injected) return sleep;
  return async (ms, signal) => {
    throwIfAborted(signal);
    await injected(ms, signal);
    throwIfAborted(signal);
  };
}

// templates:runtime/backoff.js
var JITTER = 0.3;
function backoffDelay(retry, options, random) {
  const exponential = Math.min(options.capMs, options.baseMs * 2 ** retry);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(exponential * (1 - JITTER * r));
}
function parseRetryAfter(value, now) {
  if (value === null || value === void 0) return void 0;
  const text = value.trim();
  if (text === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e3);
  if (!/[A-Za-z]{3}/.test(text)) return void 0;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return void 0;
  return Math.max(0, at - now);
}
function pollDelay(n, options) {
  return Math.round(Math.min(options.maxDelayMs, options.firstDelayMs * options.factor ** n));
}

// templates:runtime/transport.js
function isRetryableStatus(status) {
  return status === 408 || status === 429 || status >= 500;
}
var REFUSED_STATUSES = /* @__PURE__ */ new Set([429, 503]);
function describeThrown(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = cause.code;
    return `${error.message} (${typeof code === "string" ? `${code}: ` : ""}${cause.message})`;
  }
  return error.message;
}
function createTransport(options, redact, scheme = "Bearer") {
  const sleep2 = makeSleeper(options.sleep);
  async function attempt(request, timeoutMs, attempts) {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const headers = { Authorization: `${scheme} ${options.apiKey}`, Accept: "application/json" };
    if (request.body !== void 0) headers["Content-Type"] = "application/json";
    try {
      const res = await options.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body === void 0 ? void 0 : JSON.stringify(request.body),
        signal: controller.signal,
        // A redirect is an answer, not followed: the key and the task would go to whatever host it names (a
        // fetch that keeps Authorization across origins sends the key there; Node's own drops it but sends the body).
        redirect: "manual",
      });
      const text = await res.text();
      let body;
      let parsed = false;
      if (text.trim() !== "") {
        try {
          body = JSON.parse(text);
          parsed = true;
        } catch {
          body = void 0;
        }
      }
      const response = { status: res.status, headers: res.headers, body, text, attempts };
      if (res.status >= 200 && res.status < 300) {
        return parsed ? { ok: true, response } : { ok: false, failure: { kind: "invalidJson", status: res.status } };
      }
      if (isRetryableStatus(res.status)) {
        const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), options.now());
        return { ok: false, failure: { kind: "status", response, retryAfterMs } };
      }
      return { ok: true, response };
    } catch (error) {
      if (request.signal?.aborted) throw abortedError(request.signal);
      if (timedOut) return { ok: false, failure: { kind: "timeout", timeoutMs } };
      return { ok: false, failure: { kind: "network", detail: describeThrown(error) } };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
    }
  }
  function giveUp(request, failure, attempts, retryAfterMs) {
    if (failure.kind === "status") {
      const response = { ...failure.response, attempts };
      if (retryAfterMs !== void 0) response.retryAfterMs = retryAfterMs;
      return response;
    }
    const where = `${request.method} ${request.url}`;
    const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
    const ambiguous = request.idempotent ? "" : "; it may have been processed, so it was not repeated";
    const init =
      failure.kind === "timeout"
        ? { code: "timeout", message: `${where} timed out after ${failure.timeoutMs} ms (${tries})${ambiguous}` }
        : failure.kind === "network"
          ? { code: "networkError", message: `${where} failed: ${failure.detail} (${tries})${ambiguous}` }
          : {
              code: "invalidResponse",
              message: `${where} answered HTTP ${failure.status} with a body that is not JSON (${tries})${ambiguous}`,
              status: failure.status,
            };
    throw new ModelgenError({ ...init, message: redact(init.message), retryable: request.idempotent });
  }
  async function send(request) {
    for (let attempts = 1; ; attempts++) {
      throwIfAborted(request.signal);
      const left = request.deadline === void 0 ? Infinity : request.deadline - options.now();
      if (left <= 0) {
        throw new ModelgenError({
          code: "timeout",
          message: `${request.method} ${request.url}: no time left in the budget`,
          retryable: true,
        });
      }
      const outcome = await attempt(request, Math.min(options.timeoutMs, left), attempts);
      if (outcome.ok) return outcome.response;
      const failure = outcome.failure;
      const retriesUsed = attempts - 1;
      const refused = failure.kind === "status" && REFUSED_STATUSES.has(failure.response.status);
      const retryAfterMs = failure.kind === "status" ? failure.retryAfterMs : void 0;
      let wait = backoffDelay(retriesUsed, options.retry, options.random);
      if (retryAfterMs !== void 0) wait = Math.max(wait, retryAfterMs);
      const mayRetry =
        retriesUsed < options.retry.max &&
        (request.idempotent || refused) &&
        wait <= options.retry.capMs &&
        (request.deadline === void 0 || options.now() + wait < request.deadline);
      if (!mayRetry) return giveUp(request, failure, attempts, retryAfterMs);
      await sleep2(wait, request.signal);
    }
  }
  return { send };
}

// templates:runtime/uuid.js
var UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidV4() {
  return globalThis.crypto.randomUUID();
}
function isUuid(value) {
  return typeof value === "string" && UUID_RE.test(value);
}

// templates:runtime/hmac.js
var encoder = new TextEncoder();
function toBytes(data) {
  const source = typeof data === "string" ? encoder.encode(data) : data;
  const out = new Uint8Array(new ArrayBuffer(source.byteLength));
  out.set(source);
  return out;
}
async function hmacSha256(secret, data) {
  const key = await globalThis.crypto.subtle.importKey(
    "raw",
    toBytes(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, toBytes(data)));
}
function bytesToHex(bytes) {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
function hexToBytes(hex) {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return void 0;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
function timingSafeEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
async function hmacSha256Hex(secret, data) {
  return bytesToHex(await hmacSha256(secret, data));
}

// templates:runtime/limit.js
function createLimiter(n) {
  const max = Number.isFinite(n) && n >= 1 ? Math.floor(n) : Infinity;
  let active = 0;
  const waiting = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return async (task) => {
    if (active >= max) await new Promise((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

// templates:runtime/redact.js
var MASK = "[redacted]";
var MIN_SECRET_LENGTH = 8;
function isPlain(value) {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
var literal = (c) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
var anyCase = (hex) =>
  Array.from(hex, (d) => (/[0-9]/.test(d) ? d : `[${d.toLowerCase()}${d.toUpperCase()}]`)).join("");
function spelledAnyWay(secret) {
  const parts = Array.from(secret, (c) => {
    const forms = [
      literal(c),
      Array.from(new TextEncoder().encode(c), (b) => `%${anyCase(b.toString(16).padStart(2, "0"))}`).join(""),
    ];
    forms.push(
      Array.from({ length: c.length }, (_, i) => `\\\\u${anyCase(c.charCodeAt(i).toString(16).padStart(4, "0"))}`).join(
        "",
      ),
    );
    if (c === "/" || c === '"' || c === "\\") forms.push(`\\\\${literal(c)}`);
    return `(?:${forms.join("|")})`;
  });
  return new RegExp(parts.join(""), "g");
}
function createRedactor(secrets) {
  const active = [...new Set(secrets.map((s) => s.trim()).filter((s) => s.length >= MIN_SECRET_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
  const patterns = active.map(spelledAnyWay);
  const text = (s) => patterns.reduce((acc, pattern) => acc.replace(pattern, MASK), s);
  const leaf = (value) => (typeof value === "string" ? text(value) : value);
  const copy = (root) => {
    if (!Array.isArray(root) && !isPlain(root)) return leaf(root);
    const copies = /* @__PURE__ */ new Map();
    const todo = [];
    const shell = (source) => {
      const known = copies.get(source);
      if (known) return known;
      const out = Array.isArray(source) ? [] : {};
      copies.set(source, out);
      todo.push([source, out]);
      return out;
    };
    const result = shell(root);
    for (let next = todo.pop(); next; next = todo.pop()) {
      const [source, out] = next;
      for (const [key, value] of Object.entries(source)) {
        const copied = Array.isArray(value) || isPlain(value) ? shell(value) : leaf(value);
        Object.defineProperty(out, Array.isArray(out) ? key : text(key), {
          value: copied,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return result;
  };
  return (value) => (active.length === 0 ? value : copy(value));
}

// templates:validation/api-key.js
function apiKeyProblem(apiKey) {
  const key = typeof apiKey === "string" ? apiKey.trim() : "";
  if (key === "") return { code: "missingApiKey", message: "options.apiKey must be a non-empty string" };
  if (key.length < MIN_SECRET_LENGTH)
    return {
      code: "invalidOptions",
      message: `options.apiKey is ${key.length} character${key.length === 1 ? "" : "s"} long: not a real API key (keys have at least ${MIN_SECRET_LENGTH})`,
    };
  return void 0;
}

// templates:runtime/options.js
var DEFAULT_TIMEOUT_MS = 6e4;
var DEFAULT_RETRY = { max: 3, baseMs: 1e3, capMs: 3e4 };
var DEFAULT_POLL = { firstDelayMs: 1e3, factor: 1.5, maxDelayMs: 1e4, budgetMs: 20 * 6e4 };
function invalid(message) {
  return new ModelgenError({ code: "invalidOptions", message, retryable: false });
}
function count(name, value, fallback, min = 0) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min)
    throw invalid(`${name} must be a finite number >= ${min}`);
  return value;
}
function resolveOptions(options, defaultBaseUrl) {
  if (options === null || typeof options !== "object") throw invalid("options must be an object");
  const problem = apiKeyProblem(options.apiKey);
  if (problem) throw new ModelgenError({ ...problem, retryable: false });
  const apiKey = options.apiKey.trim();
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  try {
    new URL(baseUrl);
  } catch {
    throw invalid("options.baseUrl is not an absolute URL");
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw invalid("no fetch implementation: pass options.fetch");
  const r = typeof options.retries === "number" ? { max: options.retries } : (options.retries ?? {});
  const p = options.poll ?? {};
  return {
    apiKey,
    baseUrl,
    fetch: fetchImpl,
    timeoutMs: count("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS, 1),
    retry: {
      max: Math.floor(count("retries.max", r.max, DEFAULT_RETRY.max)),
      baseMs: count("retries.baseMs", r.baseMs, DEFAULT_RETRY.baseMs),
      capMs: count("retries.capMs", r.capMs, DEFAULT_RETRY.capMs),
    },
    poll: {
      firstDelayMs: count("poll.firstDelayMs", p.firstDelayMs, DEFAULT_POLL.firstDelayMs),
      factor: count("poll.factor", p.factor, DEFAULT_POLL.factor, 1),
      maxDelayMs: count("poll.maxDelayMs", p.maxDelayMs, DEFAULT_POLL.maxDelayMs),
      budgetMs: count("poll.budgetMs", p.budgetMs, DEFAULT_POLL.budgetMs, 1),
    },
    random: options.random ?? Math.random,
    sleep: options.sleep,
    now: options.now ?? Date.now,
  };
}

// templates:runtime/runware/answer.js
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readRunwareAnswer(body) {
  if (!isObject(body)) return void 0;
  const data = Array.isArray(body.data) ? body.data.filter(isObject) : [];
  const errors = Array.isArray(body.errors) ? body.errors.filter(isObject) : isObject(body.error) ? [body.error] : [];
  return { data, errors };
}
function itemState(item) {
  if (item.status === "error" || isObject(item.error)) return "error";
  if (item.status === "success") return "success";
  if (item.status !== void 0) return "processing";
  return Object.keys(item).some((k) => k !== "taskType" && k !== "taskUUID") ? "success" : "processing";
}
function parameterOf(value) {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  return void 0;
}
function errorCode(item) {
  const inner = isObject(item.error) ? item.error : item;
  if (typeof inner.code === "string") return inner.code;
  return inner.errorId !== void 0 ? String(inner.errorId) : "unknownError";
}
function runwareError(item, ctx) {
  const inner = isObject(item.error) ? item.error : item;
  const code = errorCode(item);
  const text =
    typeof inner.message === "string"
      ? inner.message
      : typeof inner.errorMessage === "string"
        ? inner.errorMessage
        : void 0;
  const taskUUID =
    typeof item.taskUUID === "string"
      ? item.taskUUID
      : typeof inner.taskUUID === "string"
        ? inner.taskUUID
        : ctx.taskUUID;
  const status = ctx.status;
  const message = text ?? `Runware answered with error ${code}${status !== void 0 ? ` (HTTP ${status})` : ""}`;
  return new ModelgenError(
    ctx.redact({
      code,
      message,
      parameter: parameterOf(inner.parameter),
      taskUUID,
      status,
      retryable: !ctx.taskLevel && status !== void 0 && isRetryableStatus(status),
      retryAfterMs: ctx.retryAfterMs,
      details: item,
    }),
  );
}
function httpError(status, text, redact, taskUUID, retryAfterMs) {
  const snippet = redact(text.trim()).slice(0, 200);
  return new ModelgenError({
    code: "httpError",
    message: `HTTP ${status}${snippet ? `: ${snippet}` : " with an empty body"}`,
    status,
    taskUUID: redact(taskUUID),
    retryable: isRetryableStatus(status),
    retryAfterMs,
  });
}
function errorItemsFor(answer, taskUUID) {
  const named = (item) => item.taskUUID ?? (isObject(item.error) ? item.error.taskUUID : void 0);
  return [
    ...answer.errors.filter((e) => named(e) === taskUUID || named(e) === void 0),
    ...answer.data.filter((d) => d.taskUUID === taskUUID && itemState(d) === "error"),
  ];
}
function dataItemsFor(answer, taskUUID) {
  return answer.data.filter((d) => d.taskUUID === taskUUID);
}

// templates:runtime/runware/poll.js
async function pollOnce(ctx, taskUUID, numberResults, deadline, signal) {
  const response = await ctx.transport.send({
    method: "POST",
    url: ctx.options.baseUrl,
    body: [{ taskType: "getResponse", taskUUID }],
    signal,
    deadline,
    idempotent: true,
  });
  const answer = readRunwareAnswer(response.body);
  const ok = response.status >= 200 && response.status < 300;
  if (!answer) {
    if (!ok) throw httpError(response.status, response.text, ctx.redact, taskUUID, response.retryAfterMs);
    throw new ModelgenError({
      code: "invalidResponse",
      message: "getResponse answer is not a JSON object",
      status: response.status,
      taskUUID,
    });
  }
  const errorItem = errorItemsFor(answer, taskUUID)[0];
  const context = {
    redact: ctx.redact,
    status: response.status,
    taskUUID,
    taskLevel: ok,
    retryAfterMs: response.retryAfterMs,
  };
  if (errorItem) throw runwareError(errorItem, context);
  if (!ok) throw httpError(response.status, response.text, ctx.redact, taskUUID, response.retryAfterMs);
  const items = dataItemsFor(answer, taskUUID);
  const results = items.filter((i) => itemState(i) === "success");
  if (results.length >= numberResults) return { done: true, results };
  const figures = items.map((i) => i.progress).filter((p) => typeof p === "number" && Number.isFinite(p));
  return figures.length > 0 ? { done: false, results, progress: Math.max(...figures) } : { done: false, results };
}
async function pollTask(ctx, taskUUID, options = {}, limit) {
  const { now, poll } = ctx.options;
  const numberResults = options.numberResults ?? 1;
  const deadline = now() + poll.budgetMs;
  let results = [];
  let lastTransient;
  for (let n = 0; ; n++) {
    const wait = Math.min(pollDelay(n, poll), deadline - now());
    if (wait >= 0) await ctx.sleep(wait, options.signal);
    if (deadline - now() <= 0) {
      throw new ModelgenError({
        code: "pollTimeout",
        message: `Task ${taskUUID} did not finish within the polling budget of ${poll.budgetMs} ms (${results.length}/${numberResults} results)`,
        taskUUID,
        retryable: false,
        cause: lastTransient,
      });
    }
    let step;
    try {
      const run = () => pollOnce(ctx, taskUUID, numberResults, deadline, options.signal);
      step = await (limit ? limit(run) : run());
    } catch (error) {
      if (isModelgenError(error) && error.retryable && error.code !== "aborted") {
        lastTransient = error;
        continue;
      }
      throw isModelgenError(error) && error.taskUUID === void 0 ? withErrorFields(error, { taskUUID }) : error;
    }
    lastTransient = void 0;
    if (step.results.length >= results.length) results = step.results;
    const report = { taskUUID, status: step.done ? "success" : "processing", results: [...results] };
    if (!step.done && step.progress !== void 0) report.progress = step.progress;
    options.onProgress?.(report);
    if (step.done) return results;
  }
}

// templates:runtime/runware/submit.js
var CONFLICT_TASK_UUID = "conflictTaskUUID";
function outcomeFor(ctx, task, answer, response) {
  const { status, text, retryAfterMs } = response;
  const retried = response.attempts > 1;
  const ok = status >= 200 && status < 300;
  const errors = errorItemsFor(answer, task.taskUUID);
  if (retried && errors.some((e) => errorCode(e) === CONFLICT_TASK_UUID)) return { accepted: true, task };
  const first = errors[0];
  if (first)
    return {
      accepted: false,
      task,
      error: runwareError(first, { redact: ctx.redact, status, taskUUID: task.taskUUID, taskLevel: ok, retryAfterMs }),
    };
  if (!ok) return { accepted: false, task, error: httpError(status, text, ctx.redact, task.taskUUID, retryAfterMs) };
  const items = dataItemsFor(answer, task.taskUUID);
  if (task.delivery === "sync") {
    const results = items.filter((i) => itemState(i) === "success");
    if (results.length > 0) return { accepted: true, task, results };
  }
  return { accepted: true, task };
}
async function submitTasks(ctx, tasks, signal) {
  if (tasks.length === 0) return [];
  const response = await ctx.transport.send({
    method: "POST",
    url: ctx.options.baseUrl,
    body: tasks.map((t) => t.task),
    signal,
    idempotent: true,
    // the taskUUIDs make a repeated POST detectable (conflictTaskUUID)
  });
  const answer = readRunwareAnswer(response.body) ?? { data: [], errors: [] };
  return tasks.map((task) => outcomeFor(ctx, task, answer, response));
}

// templates:runtime/runware/task.js
function runValidator(binding, task) {
  try {
    return binding.validateTask(task);
  } catch (error) {
    return [{ path: "", message: `validator failed: ${error instanceof Error ? error.message : String(error)}` }];
  }
}
function prepareTask(binding, input, validate) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalidRequestError([{ path: "", message: "must be an object" }], "Runware task");
  }
  const given = input;
  const task = { taskType: void 0, taskUUID: void 0, model: void 0, ...given };
  task.taskType ??= binding.taskType;
  task.taskUUID ??= uuidV4();
  task.model ??= binding.modelId;
  task.deliveryMethod ??= binding.defaultDelivery;
  const taskUUID = String(task.taskUUID);
  if (validate) {
    const issues = runValidator(binding, task);
    if (issues.length > 0) throw invalidRequestError(issues, `Runware task ${taskUUID}`, taskUUID);
  }
  const n = task.numberResults;
  return {
    task,
    taskUUID,
    numberResults: typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : 1,
    delivery: task.deliveryMethod === "sync" ? "sync" : "async",
  };
}

// templates:runtime/runware/client.js
var RUNWARE_BASE_URL = "https://api.runware.ai/v1";
function checkBinding(binding) {
  const broken =
    typeof binding?.modelId !== "string" ||
    typeof binding.taskType !== "string" ||
    typeof binding.validateTask !== "function" ||
    !Array.isArray(binding.deliveryMethods) ||
    !binding.deliveryMethods.includes(binding.defaultDelivery);
  if (broken) throw new ModelgenError({ code: "invalidOptions", message: "invalid Runware binding", retryable: false });
}
function withTask(error, taskUUID) {
  return isModelgenError(error) && error.taskUUID === void 0 ? withErrorFields(error, { taskUUID }) : error;
}
function createRunwareClient(binding, options) {
  checkBinding(binding);
  const resolved = resolveOptions(options, RUNWARE_BASE_URL);
  const redact = createRedactor([resolved.apiKey]);
  const ctx = {
    binding,
    options: resolved,
    transport: createTransport(resolved, redact),
    redact,
    sleep: makeSleeper(resolved.sleep),
  };
  async function submitOne(task, signal) {
    let outcome;
    try {
      [outcome] = await submitTasks(ctx, [task], signal);
    } catch (error) {
      throw withTask(error, task.taskUUID);
    }
    if (!outcome)
      throw new ModelgenError({ code: "invalidResponse", message: "no outcome for the task", taskUUID: task.taskUUID });
    if (!outcome.accepted) throw outcome.error;
    return outcome.results;
  }
  async function finish(task, results, opts, limit) {
    if (results) {
      opts.onProgress?.({ taskUUID: task.taskUUID, status: "success", results: [...results] });
      return results;
    }
    const pollOptions = { numberResults: task.numberResults };
    if (opts.signal) pollOptions.signal = opts.signal;
    if (opts.onProgress) pollOptions.onProgress = opts.onProgress;
    return pollTask(ctx, task.taskUUID, pollOptions, limit);
  }
  return {
    async run(input, opts = {}) {
      const task = prepareTask(binding, input, opts.validate !== false);
      return finish(task, await submitOne(task, opts.signal), opts);
    },
    async submit(input, opts = {}) {
      const task = prepareTask(binding, input, opts.validate !== false);
      const results = await submitOne(task, opts.signal);
      return results ? { taskUUID: task.taskUUID, results } : { taskUUID: task.taskUUID };
    },
    poll(taskUUID, opts = {}) {
      return pollTask(ctx, taskUUID, opts);
    },
    async runBatch(inputs, opts = {}) {
      const limit = createLimiter(opts.concurrency ?? 16);
      const items = [];
      const seen = /* @__PURE__ */ new Set();
      for (const input of inputs) {
        try {
          const task = prepareTask(binding, input, opts.validate !== false);
          if (seen.has(task.taskUUID)) {
            throw invalidRequestError(
              [{ path: "/taskUUID", message: "is used twice in this batch" }],
              `Runware task ${task.taskUUID}`,
              task.taskUUID,
            );
          }
          seen.add(task.taskUUID);
          items.push(task);
        } catch (error) {
          if (!isModelgenError(error)) throw error;
          items.push({ ok: false, taskUUID: error.taskUUID ?? uuidV4(), error });
        }
      }
      const tasks = items.filter((i) => "task" in i);
      let outcomes;
      try {
        outcomes = await submitTasks(ctx, tasks, opts.signal);
      } catch (error) {
        if (!isModelgenError(error) || error.code === "aborted") throw error;
        outcomes = tasks.map((task) => ({
          accepted: false,
          task,
          error: withErrorFields(error, { taskUUID: task.taskUUID }),
        }));
      }
      const settled = /* @__PURE__ */ new Map();
      for (const outcome of outcomes) {
        const { task } = outcome;
        if (!outcome.accepted) {
          settled.set(task, Promise.resolve({ ok: false, taskUUID: task.taskUUID, error: outcome.error }));
          continue;
        }
        const done = finish(task, outcome.results, opts, limit).then(
          (results) => ({ ok: true, taskUUID: task.taskUUID, results }),
          (error) => {
            if (!isModelgenError(error) || error.code === "aborted") throw error;
            return { ok: false, taskUUID: task.taskUUID, error };
          },
        );
        settled.set(task, done);
      }
      return Promise.all(items.map((i) => ("task" in i ? settled.get(i) : i)));
    },
  };
}

// templates:runtime/raw-body.js
var decoder = new TextDecoder("utf-8", { fatal: true });
function isUint8Array(value) {
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === "[object Uint8Array]";
}
function kindOf(value) {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
  if (value instanceof ArrayBuffer || Object.prototype.toString.call(value) === "[object ArrayBuffer]")
    return "an ArrayBuffer (wrap it: new Uint8Array(buffer))";
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (Array.isArray(value)) return "an array (parsed JSON?)";
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return name && name !== "Object" ? `a ${name}` : "an object (parsed JSON?)";
}
function assertRawBody(value) {
  if (typeof value === "string" || isUint8Array(value)) return;
  throw new TypeError(
    `the webhook body must be the raw request body as a string, Uint8Array or Buffer, before any JSON parsing; got ${kindOf(value)}`,
  );
}
function invalidPayload(message) {
  return new ModelgenError({ code: "invalidPayload", message, retryable: false });
}
function parseRawJson(raw) {
  let text;
  try {
    text = typeof raw === "string" ? raw : decoder.decode(raw);
  } catch {
    throw invalidPayload("webhook body is not UTF-8 text");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidPayload("webhook body is not JSON");
  }
}
function assertRequest(request) {
  if (
    typeof request !== "object" ||
    request === null ||
    typeof request.arrayBuffer !== "function" ||
    typeof request.url !== "string"
  ) {
    throw new TypeError(`handleWebhook takes a Fetch API Request, got ${kindOf(request)}`);
  }
}
var MAX_WEBHOOK_BODY_BYTES = 64 * 1024 * 1024;
function tooLarge() {
  return invalidPayload(`webhook body is over ${MAX_WEBHOOK_BODY_BYTES / 1024 / 1024} MiB; not read further`);
}
async function readRequestBody(request, maxBytes = MAX_WEBHOOK_BODY_BYTES) {
  assertRequest(request);
  if (request.bodyUsed)
    throw new TypeError("the request's body was already read: call handleWebhook before anything else reads it");
  const declared = typeof request.headers?.get === "function" ? request.headers.get("content-length") : null;
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge();
  const body = request.body;
  if (body === null || typeof body?.getReader !== "function") {
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.length > maxBytes) throw tooLarge();
    return bytes;
  }
  const reader = body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => void 0);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

// templates:runtime/runware/webhook-token.js
var WEBHOOK_TOKEN_PARAM = "token";
var MIN_WEBHOOK_TOKEN_LENGTH = 16;
var encoder2 = new TextEncoder();
function checkToken(token) {
  if (typeof token !== "string" || token.length < MIN_WEBHOOK_TOKEN_LENGTH) {
    const got = typeof token === "string" ? `${token.length} characters` : typeof token;
    throw new ModelgenError({
      code: "invalidOptions",
      message: `the webhook token must be a string of at least ${MIN_WEBHOOK_TOKEN_LENGTH} characters (got ${got})`,
      retryable: false,
    });
  }
}
function createWebhookToken() {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function createWebhookUrl(baseUrl, token = createWebhookToken()) {
  checkToken(token);
  let url;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new ModelgenError({
      code: "invalidOptions",
      message: "the webhook base URL is not an absolute URL",
      retryable: false,
    });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ModelgenError({
      code: "invalidOptions",
      message: `the webhook URL must be http(s), not ${url.protocol}`,
      retryable: false,
    });
  }
  url.searchParams.set(WEBHOOK_TOKEN_PARAM, token);
  return { url: url.href, token };
}
function sameText(given, expected) {
  const a = encoder2.encode(given);
  const b = encoder2.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.length === 0 ? 0 : a[i % a.length]) ^ b[i];
  return diff === 0;
}
function checkWebhookToken(requestUrl, token) {
  checkToken(token);
  let given;
  try {
    given = new URL(String(requestUrl), "http://localhost").searchParams.get(WEBHOOK_TOKEN_PARAM);
  } catch {
    return false;
  }
  return given !== null && sameText(given, token);
}

// templates:runtime/runware/webhook.js
var noSecrets = createRedactor([]);
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var NO_CHECK =
  "Runware signs its webhooks with nothing: pass { url, token } (the request's URL and the token from createWebhookUrl) to check the URL's token, or { unverified: true } to accept any caller";
function checkTrust(options, url) {
  if (typeof options !== "object" || options === null)
    throw new ModelgenError({ code: "invalidOptions", message: NO_CHECK, retryable: false });
  const { token, unverified } = options;
  if (unverified === true) {
    if (token !== void 0 || options.url !== void 0)
      throw new ModelgenError({
        code: "invalidOptions",
        message: "unverified: true and a token contradict each other: pass one",
        retryable: false,
      });
    return;
  }
  if (unverified !== void 0 && unverified !== false)
    throw new ModelgenError({
      code: "invalidOptions",
      message: `unverified must be the value true or left out, not ${JSON.stringify(unverified) ?? typeof unverified}. ${NO_CHECK}`,
      retryable: false,
    });
  if (token === void 0 && url === void 0)
    throw new ModelgenError({ code: "invalidOptions", message: NO_CHECK, retryable: false });
  if (url === void 0)
    throw new ModelgenError({
      code: "invalidOptions",
      message: "a webhook token needs the request's url to check it against",
      retryable: false,
    });
  if (typeof token !== "string" || !checkWebhookToken(url, token)) {
    throw new ModelgenError({
      code: "invalidToken",
      message: "the webhook URL's token is missing or wrong",
      retryable: false,
    });
  }
}
function checkRunwareShape(body) {
  if (!isObject2(body))
    throw invalidPayload(
      `a Runware webhook body is a JSON object {"data": [...]}, not ${Array.isArray(body) ? "an array" : body === null ? "null" : `a ${typeof body}`}`,
    );
  if (body.data === void 0 && body.errors === void 0 && body.error === void 0)
    throw invalidPayload("Runware webhook body has neither data nor errors");
  for (const key of ["data", "errors"]) {
    const list = body[key];
    if (list === void 0) continue;
    if (!Array.isArray(list)) throw invalidPayload(`Runware webhook ${key} is not an array`);
    list.forEach((item, i) => {
      if (!isObject2(item)) throw invalidPayload(`Runware webhook ${key}[${i}] is not an object`);
      if (key === "data" && typeof item.taskUUID !== "string")
        throw invalidPayload(`Runware webhook data[${i}] has no taskUUID`);
    });
  }
  if (body.error !== void 0 && !isObject2(body.error)) throw invalidPayload("Runware webhook error is not an object");
}
function parseRunwareWebhook(rawBody, options) {
  assertRawBody(rawBody);
  checkTrust(options, options?.url);
  return readRunwareWebhook(rawBody, options.taskType);
}
function readRunwareWebhook(rawBody, taskType) {
  const body = parseRawJson(rawBody);
  checkRunwareShape(body);
  const answer = readRunwareAnswer(body);
  if (!answer || (answer.data.length === 0 && answer.errors.length === 0))
    throw invalidPayload("Runware webhook body has neither data nor errors");
  const data = [];
  const errors = answer.errors.map((e) => runwareError(e, { redact: noSecrets, taskLevel: true }));
  for (const item of answer.data) {
    const state = itemState(item);
    if (state === "error") errors.push(runwareError(item, { redact: noSecrets, taskLevel: true }));
    else if (taskType !== void 0 && item.taskType !== void 0 && item.taskType !== taskType) {
      errors.push(
        new ModelgenError({
          code: "invalidPayload",
          message: `unexpected taskType ${String(item.taskType)} (this model's is ${taskType})`,
          taskUUID: item.taskUUID,
          details: item,
        }),
      );
    } else if (state === "success") data.push(item);
  }
  return { data, errors };
}
async function handleRunwareWebhook(request, options) {
  const given = typeof options === "object" && options !== null ? options : void 0;
  if (given === void 0 || (given.token === void 0 && given.unverified !== true)) {
    throw new ModelgenError({
      code: "invalidOptions",
      message: `handleWebhook needs options.token, the token in the webhook URL, or { unverified: true } to accept any caller${given?.unverified === void 0 || given.unverified === false ? "" : ` (unverified must be the value true or left out, not ${JSON.stringify(given.unverified) ?? typeof given.unverified})`}`,
      retryable: false,
    });
  }
  assertRequest(request);
  checkTrust(
    given.unverified === true
      ? { unverified: true, token: given.token }
      : { token: given.token, unverified: given.unverified },
    given.unverified === true ? void 0 : request.url,
  );
  const raw = await readRequestBody(request);
  return readRunwareWebhook(raw, options.taskType);
}

// templates:runtime/runflow/run.js
function isRunflowRun(value) {
  return (
    typeof value === "object" && value !== null && typeof value.id === "string" && typeof value.status === "string"
  );
}
function failureText(run) {
  for (const key of ["error", "error_message", "failure_reason", "message"]) {
    const value = run[key];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "object" && value !== null && typeof value.message === "string") {
      return value.message;
    }
  }
  return void 0;
}
function settleRun(run, redact) {
  switch (run.status) {
    case "succeeded":
      return run;
    case "failed":
      return new ModelgenError(
        redact({
          code: "runFailed",
          message: `Run ${run.id} failed${failureText(run) ? `: ${failureText(run)}` : ""}`,
          runId: run.id,
          retryable: false,
          details: run,
        }),
      );
    case "cancelled":
    case "canceled":
      return new ModelgenError(
        redact({
          code: "runCancelled",
          message: `Run ${run.id} was cancelled`,
          runId: run.id,
          retryable: false,
          details: run,
        }),
      );
    default:
      return void 0;
  }
}

// templates:runtime/runflow/client.js
var RUNFLOW_BASE_URL = "https://api.runflow.io";
function apiError(response, redact, retryable, runId) {
  const body = typeof response.body === "object" && response.body !== null ? response.body : {};
  const code = typeof body.code === "string" ? body.code : "httpError";
  const snippet = redact(response.text.trim()).slice(0, 200);
  const message =
    typeof body.message === "string"
      ? body.message
      : `HTTP ${response.status}${snippet ? `: ${snippet}` : " with an empty body"}`;
  return new ModelgenError(
    redact({
      code,
      message,
      status: response.status,
      runId,
      retryable,
      retryAfterMs: response.retryAfterMs,
      details: Array.isArray(body.errors) ? body.errors : void 0,
    }),
  );
}
function readRun(response) {
  const body = response.body;
  const run = isRunflowRun(body) ? body : isRunflowRun(body?.data) ? body.data : void 0;
  if (!run)
    throw new ModelgenError({
      code: "invalidResponse",
      message: "the answer is not a run (no id and status)",
      status: response.status,
    });
  return run;
}
function joinUrl(baseUrl, path) {
  const base = baseUrl.endsWith("/v1") && path.startsWith("/v1/") ? baseUrl.slice(0, -3) : baseUrl;
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
function createRunflowClient(binding, options) {
  if (typeof binding?.runPath !== "string" || typeof binding.validateRequest !== "function") {
    throw new ModelgenError({ code: "invalidOptions", message: "invalid Runflow binding", retryable: false });
  }
  const resolved = resolveOptions(options, RUNFLOW_BASE_URL);
  const redact = createRedactor([resolved.apiKey]);
  const transport = createTransport(resolved, redact);
  const sleep2 = makeSleeper(resolved.sleep);
  async function create(input, opts = {}) {
    const body = { input };
    if (opts.callbackUrl !== void 0) body.callback_url = opts.callbackUrl;
    if (opts.metadata !== void 0) body.metadata = opts.metadata;
    if (opts.validate !== false) {
      const issues = binding.validateRequest(body);
      if (issues.length > 0) throw invalidRequestError(issues, `Runflow request for ${binding.modelId}`);
    }
    const response = await transport.send({
      method: "POST",
      url: joinUrl(resolved.baseUrl, binding.runPath),
      body,
      signal: opts.signal,
      idempotent: false,
    });
    if (response.status < 200 || response.status >= 300)
      throw apiError(response, redact, response.status === 429 || response.status === 503);
    return readRun(response);
  }
  async function get(id, opts = {}) {
    const response = await transport.send({
      method: "GET",
      url: joinUrl(resolved.baseUrl, `/v1/runs/${encodeURIComponent(id)}`),
      signal: opts.signal,
      deadline: opts.deadline,
      idempotent: true,
    });
    if (response.status < 200 || response.status >= 300)
      throw apiError(response, redact, isRetryableStatus(response.status), id);
    return readRun(response);
  }
  async function wait(id, opts = {}) {
    const { now, poll } = resolved;
    const deadline = now() + poll.budgetMs;
    let lastTransient;
    for (let n = 0; ; n++) {
      const pause = Math.min(pollDelay(n, poll), deadline - now());
      if (pause >= 0) await sleep2(pause, opts.signal);
      if (deadline - now() <= 0) {
        throw new ModelgenError(
          redact({
            code: "pollTimeout",
            message: `Run ${id} did not finish within the polling budget of ${poll.budgetMs} ms`,
            runId: id,
            retryable: false,
            cause: lastTransient,
          }),
        );
      }
      let run;
      try {
        run = await get(id, { signal: opts.signal, deadline });
      } catch (error) {
        if (isModelgenError(error) && error.retryable && error.code !== "aborted") {
          lastTransient = error;
          continue;
        }
        throw error;
      }
      lastTransient = void 0;
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

// templates:runtime/webhooks.js
function headerValue(headers, name) {
  if (typeof headers !== "object" || headers === null)
    throw new TypeError("the webhook headers must be a Headers object or a record of header values");
  if (typeof headers.get === "function") return headers.get(name) ?? void 0;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return void 0;
}

// templates:runtime/runflow/webhook.js
var RUNFLOW_SIGNATURE_HEADER = "Runflow-Signature";
async function verifyRunflowSignature(rawBody, signatureHex, secret) {
  assertRawBody(rawBody);
  if (typeof signatureHex !== "string" || typeof secret !== "string" || secret === "") return false;
  const given = hexToBytes(signatureHex.trim());
  if (!given) return false;
  return timingSafeEqual(given, await hmacSha256(secret, rawBody));
}
async function parseRunflowWebhook(rawBody, headers, secret) {
  assertRawBody(rawBody);
  if (typeof secret !== "string" || secret === "") {
    throw new ModelgenError({
      code: "invalidOptions",
      message: "the Runflow callback secret must be a non-empty string",
      retryable: false,
    });
  }
  if (!(await verifyRunflowSignature(rawBody, headerValue(headers, RUNFLOW_SIGNATURE_HEADER), secret))) {
    throw new ModelgenError({
      code: "invalidSignature",
      message: "Runflow-Signature is missing or does not match the body",
      retryable: false,
    });
  }
  const payload = parseRawJson(rawBody);
  if (
    typeof payload !== "object" ||
    payload === null ||
    typeof payload.run_id !== "string" ||
    typeof payload.status !== "string" ||
    typeof payload.event !== "string"
  ) {
    throw invalidPayload("Runflow callback lacks event, run_id or status");
  }
  return {
    ...payload,
    output: payload.output ?? null,
    duration_ms: payload.duration_ms ?? null,
    created_at: payload.created_at ?? null,
    completed_at: payload.completed_at ?? null,
    metadata: payload.metadata ?? null,
  };
}
async function handleRunflowWebhook(request, options) {
  if (typeof options !== "object" || options === null) {
    throw new ModelgenError({
      code: "invalidOptions",
      message: "handleWebhook needs options.secret, the account's callback secret",
      retryable: false,
    });
  }
  const raw = await readRequestBody(request);
  return parseRunflowWebhook(raw, request.headers, options.secret);
}

// templates:validation/pointer.js
var escapeToken = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

// templates:runtime/fal/api-error.js
function isObject3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function locToPointer(loc) {
  if (!Array.isArray(loc)) return "";
  const parts = loc.filter((p) => typeof p === "string" || typeof p === "number");
  const inBody = parts[0] === "body" ? parts.slice(1) : parts;
  return inBody.map((p) => `/${escapeToken(p)}`).join("");
}
function detailIssues(detail) {
  if (typeof detail === "string") return [{ path: "", message: detail }];
  if (!Array.isArray(detail)) return [];
  return detail.filter(isObject3).map((item) => ({
    path: locToPointer(item.loc),
    message: typeof item.msg === "string" ? item.msg : typeof item.message === "string" ? item.message : "is invalid",
  }));
}
function detailText(body) {
  if (typeof body.detail === "string" && body.detail !== "") return body.detail;
  if (typeof body.message === "string" && body.message !== "") return body.message;
  if (isObject3(body.error) && typeof body.error.message === "string") return body.error.message;
  return void 0;
}
function falApiError(response, context) {
  const { redact } = context;
  const body = isObject3(response.body) ? response.body : {};
  const note = context.note ?? "";
  if (response.status === 422 && body.detail !== void 0) {
    const issues = detailIssues(body.detail);
    const shown = issues
      .slice(0, 3)
      .map((i) => `${i.path || "/"} ${i.message}`)
      .join("; ");
    const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
    return new ModelgenError(
      redact({
        code: "invalidInput",
        message: `fal refused the input (HTTP 422): ${shown}${more}`,
        status: 422,
        requestId: context.requestId,
        retryable: false,
        issues,
        details: body,
      }),
    );
  }
  const snippet = redact(response.text.trim()).slice(0, 200);
  const text = detailText(body);
  const words = text === void 0 ? void 0 : redact(text).slice(0, 300);
  const message = `HTTP ${response.status}${words !== void 0 ? `: ${words}` : snippet ? `: ${snippet}` : " with an empty body"}${note}`;
  return new ModelgenError(
    redact({
      code: "httpError",
      message,
      status: response.status,
      requestId: context.requestId,
      retryable: context.retryable,
      retryAfterMs: response.retryAfterMs,
      details: isObject3(response.body) ? response.body : void 0,
    }),
  );
}

// templates:runtime/fal/status.js
function isObject4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asQueueStatus(value) {
  if (
    !isObject4(value) ||
    typeof value.request_id !== "string" ||
    value.request_id === "" ||
    typeof value.status !== "string"
  )
    return void 0;
  return value;
}
function asSubmitted(value) {
  const status = asQueueStatus(value);
  if (!status) return void 0;
  for (const key of ["response_url", "status_url", "cancel_url"]) if (typeof status[key] !== "string") return void 0;
  return status;
}
function progressOf(status) {
  const progress = {
    requestId: status.request_id,
    status: status.status,
    logs: Array.isArray(status.logs)
      ? status.logs.filter((log) => isObject4(log) && typeof log.message === "string")
      : [],
  };
  if (typeof status.queue_position === "number") progress.queuePosition = status.queue_position;
  return progress;
}
function errorText(error) {
  if (typeof error === "string" && error !== "") return error;
  if (isObject4(error) && typeof error.message === "string") return error.message;
  return void 0;
}
function settleStatus(status, redact) {
  if (status.status !== "COMPLETED") return void 0;
  if (status.error === void 0 || status.error === null || status.error === "") return "done";
  const text = errorText(status.error) ?? "no message";
  const kind = typeof status.error_type === "string" && status.error_type !== "" ? ` (${status.error_type})` : "";
  return new ModelgenError(
    redact({
      code: "requestFailed",
      message: `fal request ${status.request_id} failed${kind}: ${text}`,
      requestId: status.request_id,
      retryable: false,
      details: status,
    }),
  );
}

// templates:runtime/fal/urls.js
var NAMESPACES = /* @__PURE__ */ new Set(["workflows", "comfy"]);
function checkEndpointId(id) {
  const segments = typeof id === "string" ? id.split("/") : [];
  const ok =
    segments.length >= 2 &&
    segments.every((s) => s !== "" && s !== "." && s !== ".." && /^[A-Za-z0-9._~@:-]+$/.test(s));
  if (!ok)
    throw new ModelgenError({
      code: "invalidOptions",
      message: `invalid fal endpoint id ${JSON.stringify(String(id)).slice(0, 120)}: expected owner/app[/path]`,
      retryable: false,
    });
  return id;
}
function submitUrl(baseUrl, endpointId, webhookUrl) {
  const url = new URL(`${baseUrl}/${endpointId}`);
  if (webhookUrl !== void 0) url.searchParams.set("fal_webhook", webhookUrl);
  return url.href;
}
function requestUrls(baseUrl, endpointId, requestId) {
  const segments = endpointId.split("/");
  const app = segments.slice(0, NAMESPACES.has(segments[0]) ? 3 : 2).join("/");
  const response = `${baseUrl}/${app}/requests/${encodeURIComponent(requestId)}`;
  return { status: `${response}/status`, response, cancel: `${response}/cancel` };
}
function sameOrigin(url, baseUrl, what) {
  let parsed;
  try {
    parsed = typeof url === "string" ? new URL(url) : void 0;
  } catch {
    parsed = void 0;
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw new ModelgenError({
      code: "invalidResponse",
      message: `fal's ${what} is not an absolute http(s) URL`,
      retryable: false,
    });
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
function withQuery(url, name, value) {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.href;
}

// templates:runtime/fal/client.js
var FAL_QUEUE_BASE_URL = "https://queue.fal.run";
function isObject5(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function checkWebhookUrl(url) {
  if (url === void 0) return void 0;
  let ok = false;
  try {
    ok = typeof url === "string" && /^https?:$/.test(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new ModelgenError({
      code: "invalidOptions",
      message: "webhookUrl must be an absolute http(s) URL",
      retryable: false,
    });
  return url;
}
function createFalClient(binding, options) {
  if (!isObject5(binding) || typeof binding.validateTask !== "function") {
    throw new ModelgenError({
      code: "invalidOptions",
      message: "invalid fal binding: expected {modelId, validateTask}",
      retryable: false,
    });
  }
  const endpointId = checkEndpointId(binding.modelId);
  const resolved = resolveOptions(options, FAL_QUEUE_BASE_URL);
  const redact = createRedactor([resolved.apiKey]);
  const transport = createTransport(resolved, redact, "Key");
  const sleep2 = makeSleeper(resolved.sleep);
  const base = resolved.baseUrl;
  function target(request, which) {
    if (typeof request === "string" && request !== "") {
      const built = requestUrls(base, endpointId, request);
      return {
        requestId: request,
        url: which === "status_url" ? built.status : which === "response_url" ? built.response : built.cancel,
      };
    }
    if (!isObject5(request) || typeof request.request_id !== "string" || request.request_id === "") {
      throw new ModelgenError({
        code: "invalidOptions",
        message: "a fal request is its request_id or the object submit answered",
        retryable: false,
      });
    }
    const given = request[which];
    if (given === void 0) return target(request.request_id, which);
    return { requestId: request.request_id, url: sameOrigin(given, base, which) };
  }
  async function send(request, requestId) {
    const response = await transport.send(request);
    if (response.status >= 200 && response.status < 300) return response;
    if (request.idempotent)
      throw falApiError(response, { redact, requestId, retryable: isRetryableStatus(response.status) });
    const refused = response.status === 429 || response.status === 503;
    const ambiguous = !refused && isRetryableStatus(response.status);
    throw falApiError(response, {
      redact,
      retryable: refused,
      note: ambiguous ? "; the request may have been queued, so it was not repeated" : "",
    });
  }
  async function submit(input, opts = {}) {
    const webhookUrl = checkWebhookUrl(opts.webhookUrl);
    if (opts.validate !== false) {
      const issues = binding.validateTask(input);
      if (issues.length > 0) throw invalidRequestError(issues, `fal input for ${endpointId}`);
    }
    const response = await send({
      method: "POST",
      url: submitUrl(base, endpointId, webhookUrl),
      body: input,
      signal: opts.signal,
      idempotent: false,
    });
    const submitted = asSubmitted(response.body);
    if (!submitted) {
      throw new ModelgenError(
        redact({
          code: "invalidResponse",
          message: "fal's submit answer lacks request_id, status_url, response_url or cancel_url",
          status: response.status,
          retryable: false,
          details: response.body,
        }),
      );
    }
    for (const key of ["status_url", "response_url", "cancel_url"]) sameOrigin(submitted[key], base, key);
    return submitted;
  }
  async function status(request, opts = {}) {
    const { requestId, url } = target(request, "status_url");
    const response = await send(
      {
        method: "GET",
        url: opts.logs ? withQuery(url, "logs", "1") : url,
        signal: opts.signal,
        deadline: opts.deadline,
        idempotent: true,
      },
      requestId,
    );
    const answer = asQueueStatus(response.body);
    if (!answer)
      throw new ModelgenError(
        redact({
          code: "invalidResponse",
          message: `fal's status answer for ${requestId} lacks request_id or status`,
          requestId,
          status: response.status,
          retryable: false,
        }),
      );
    return answer;
  }
  async function result(request, opts = {}) {
    const { requestId, url } = target(request, "response_url");
    const response = await send({ method: "GET", url, signal: opts.signal, idempotent: true }, requestId);
    return { requestId, data: response.body };
  }
  async function cancel(request, opts = {}) {
    const { requestId, url } = target(request, "cancel_url");
    const response = await transport.send({ method: "PUT", url, signal: opts.signal, idempotent: true });
    const said = isObject5(response.body) && typeof response.body.status === "string" ? response.body.status : void 0;
    if (response.status >= 200 && response.status < 300) return { status: said ?? "CANCELLATION_REQUESTED", requestId };
    if (response.status === 400 && said === "ALREADY_COMPLETED") return { status: said, requestId };
    throw falApiError(response, { redact, requestId, retryable: isRetryableStatus(response.status) });
  }
  async function waitFor(submitted, opts) {
    const { now, poll } = resolved;
    const deadline = now() + poll.budgetMs;
    const logs = opts.logs ?? opts.onProgress !== void 0;
    let lastTransient;
    for (let n = 0; ; n++) {
      const pause = Math.min(pollDelay(n, poll), deadline - now());
      if (pause >= 0) await sleep2(pause, opts.signal);
      if (deadline - now() <= 0) {
        throw new ModelgenError(
          redact({
            code: "pollTimeout",
            message: `fal request ${submitted.request_id} did not finish within the polling budget of ${poll.budgetMs} ms`,
            requestId: submitted.request_id,
            retryable: false,
            cause: lastTransient,
          }),
        );
      }
      let current;
      try {
        current = await status(submitted, { logs, signal: opts.signal, deadline });
      } catch (error) {
        if (isModelgenError(error) && error.retryable && error.code !== "aborted") {
          lastTransient = error;
          continue;
        }
        throw error;
      }
      lastTransient = void 0;
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
        if (isModelgenError(error) && error.requestId === void 0)
          throw withErrorFields(error, { requestId: submitted.request_id });
        throw error;
      }
    },
    submit,
    status: (request, opts = {}) => status(request, opts),
    result,
    cancel,
  };
}

// templates:runtime/fal/ed25519.js
var encoder3 = new TextEncoder();
function buffer(bytes) {
  const out = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}
async function falSignedMessage(requestId, userId, timestamp, rawBody) {
  const body = typeof rawBody === "string" ? encoder3.encode(rawBody) : rawBody;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", buffer(body)));
  return buffer(
    encoder3.encode(`${requestId}
${userId}
${timestamp}
${bytesToHex(digest)}`),
  );
}
async function importFalKey(jwk) {
  if (typeof jwk !== "object" || jwk === null) return void 0;
  const { kty, crv, x } = jwk;
  if (kty !== "OKP" || crv !== "Ed25519" || typeof x !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(x)) return void 0;
  try {
    return await globalThis.crypto.subtle.importKey("jwk", { kty, crv, x }, { name: "Ed25519" }, false, ["verify"]);
  } catch (error) {
    if (error instanceof Error && error.name === "NotSupportedError") throw error;
    return void 0;
  }
}
async function verifyWithAny(keys, signature, message) {
  for (const key of keys) {
    if (await globalThis.crypto.subtle.verify({ name: "Ed25519" }, key, buffer(signature), message)) return true;
  }
  return false;
}

// templates:runtime/fal/jwks.js
var FAL_JWKS_URL = "https://rest.fal.ai/.well-known/jwks.json";
var MAX_KEY_AGE_MS = 24 * 60 * 60 * 1e3;
var MIN_REFRESH_MS = 5 * 60 * 1e3;
var FETCH_TIMEOUT_MS = 1e4;
var MAX_JWKS_BYTES = 64 * 1024;
var MAX_KEYS = 16;
var cache = /* @__PURE__ */ new Map();
var inflight = /* @__PURE__ */ new Map();
function unusable(message, retryable, cause) {
  return new ModelgenError({ code: "invalidResponse", message, retryable, cause });
}
async function importAll(jwks, where) {
  const list = typeof jwks === "object" && jwks !== null ? jwks.keys : void 0;
  if (!Array.isArray(list)) throw unusable(`${where} is not a JWKS ({"keys": [...]})`, false);
  const keys = [];
  try {
    for (const jwk of list.slice(0, MAX_KEYS)) {
      const key = await importFalKey(jwk);
      if (key) keys.push(key);
    }
  } catch (error) {
    throw new ModelgenError({
      code: "invalidOptions",
      message:
        "this runtime's WebCrypto does not support Ed25519 (Node 20+, Deno, Bun, Workers and current browsers do)",
      retryable: false,
      cause: error,
    });
  }
  if (keys.length === 0) throw unusable(`${where} has no Ed25519 key (kty OKP, crv Ed25519)`, false);
  return keys;
}
async function download(url, fetchImpl, now) {
  let text;
  try {
    const response = await fetchImpl(url, {
      headers: { Accept: "application/json" },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => void 0);
      throw unusable(`fal's JWKS at ${url} answered HTTP ${response.status}`, true);
    }
    text = await cappedText(response, url);
  } catch (error) {
    if (error instanceof ModelgenError) throw error;
    throw new ModelgenError({
      code: "networkError",
      message: `could not fetch fal's JWKS from ${url}: ${error instanceof Error ? error.message : String(error)}`,
      retryable: true,
      cause: error,
    });
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unusable(`fal's JWKS at ${url} is not JSON`, true);
  }
  return { keys: await importAll(parsed, `fal's JWKS at ${url}`), fetched: true, fetchedAt: now() };
}
async function cappedText(response, url) {
  const tooBig = () => unusable(`fal's JWKS at ${url} is over ${MAX_JWKS_BYTES} bytes`, true);
  const declared = response.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > MAX_JWKS_BYTES) {
    await response.body?.cancel().catch(() => void 0);
    throw tooBig();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder2 = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder2.decode();
    size += value.byteLength;
    if (size > MAX_JWKS_BYTES) {
      await reader.cancel().catch(() => void 0);
      throw tooBig();
    }
    text += decoder2.decode(value, { stream: true });
  }
}
function checkUrl(url) {
  try {
    if (typeof url === "string" && /^https?:$/.test(new URL(url).protocol)) return url;
  } catch {}
  throw new ModelgenError({
    code: "invalidOptions",
    message: "options.jwksUrl must be an absolute http(s) URL",
    retryable: false,
  });
}
async function falKeys(options, refresh = false) {
  const now = options.now ?? Date.now;
  if (options.keys !== void 0 || options.jwks !== void 0) {
    if (refresh) return void 0;
    const given = options.keys !== void 0 ? { keys: options.keys } : options.jwks;
    return {
      keys: await importAll(given, options.keys !== void 0 ? "options.keys" : "options.jwks"),
      fetched: false,
      fetchedAt: now(),
    };
  }
  const url = checkUrl(options.jwksUrl ?? FAL_JWKS_URL);
  const maxAge = Math.min(options.maxKeyAgeMs ?? MAX_KEY_AGE_MS, MAX_KEY_AGE_MS);
  const cached = cache.get(url);
  const age = cached ? now() - cached.fetchedAt : Infinity;
  if (cached && age >= 0 && age < maxAge && !refresh) return cached;
  if (cached && refresh && age >= 0 && age < MIN_REFRESH_MS) return void 0;
  let pending = inflight.get(url);
  if (!pending) {
    pending = download(url, options.fetch ?? globalThis.fetch, now).finally(() => inflight.delete(url));
    inflight.set(url, pending);
  }
  const fresh = await pending;
  cache.set(url, fresh);
  return fresh;
}

// templates:runtime/fal/webhook.js
var FAL_WEBHOOK_TOLERANCE_SECONDS = 300;
var FAL_WEBHOOK_HEADERS = {
  requestId: "X-Fal-Webhook-Request-Id",
  userId: "X-Fal-Webhook-User-Id",
  timestamp: "X-Fal-Webhook-Timestamp",
  signature: "X-Fal-Webhook-Signature",
};
function invalidSignature(message) {
  return new ModelgenError({ code: "invalidSignature", message, retryable: false });
}
function readSignatureHeaders(headers, nowMs) {
  const values = {};
  for (const [key, name] of Object.entries(FAL_WEBHOOK_HEADERS)) {
    const value = headerValue(headers, name)?.trim();
    if (value === void 0 || value === "") throw invalidSignature(`${name} is missing: not a signed fal webhook`);
    values[key] = value;
  }
  const { requestId, userId, timestamp, signature } = values;
  if (!/^\d{1,12}$/.test(timestamp)) throw invalidSignature(`${FAL_WEBHOOK_HEADERS.timestamp} is not unix seconds`);
  const skew = Math.abs(nowMs / 1e3 - Number(timestamp));
  if (!(skew <= FAL_WEBHOOK_TOLERANCE_SECONDS)) {
    throw invalidSignature(
      `${FAL_WEBHOOK_HEADERS.timestamp} is ${Math.round(skew)} s from this clock (at most ${FAL_WEBHOOK_TOLERANCE_SECONDS} s): stale or replayed`,
    );
  }
  const bytes = signature.length === 128 ? hexToBytes(signature) : void 0;
  if (!bytes) throw invalidSignature(`${FAL_WEBHOOK_HEADERS.signature} is not a 64-byte hex signature`);
  return { requestId, userId, timestamp, signature: bytes };
}
async function verify(rawBody, headers, options) {
  const now = options.now ?? Date.now;
  const { requestId, userId, timestamp, signature } = readSignatureHeaders(headers, now());
  const message = await falSignedMessage(requestId, userId, timestamp, rawBody);
  const keys = await falKeys(options);
  if (keys && (await verifyWithAny(keys.keys, signature, message))) return requestId;
  const fresh = keys?.fetched ? await falKeys(options, true) : void 0;
  if (fresh && (await verifyWithAny(fresh.keys, signature, message))) return requestId;
  throw invalidSignature("the fal webhook's signature does not verify with fal's keys: not from fal, or altered");
}
function checkShape(body, signedRequestId) {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw invalidPayload("a fal webhook body is a JSON object");
  const b = body;
  if (typeof b.request_id !== "string") throw invalidPayload("fal webhook lacks request_id");
  if (b.request_id !== signedRequestId)
    throw invalidPayload(`fal webhook's request_id differs from ${FAL_WEBHOOK_HEADERS.requestId}`);
  if (b.status !== "OK" && b.status !== "ERROR") throw invalidPayload('fal webhook status is neither "OK" nor "ERROR"');
  if (b.gateway_request_id !== void 0 && typeof b.gateway_request_id !== "string")
    throw invalidPayload("fal webhook gateway_request_id is not a string");
  if (b.error !== void 0 && b.error !== null && typeof b.error !== "string")
    throw invalidPayload("fal webhook error is not a string");
  if (b.payload_error !== void 0 && b.payload_error !== null && typeof b.payload_error !== "string")
    throw invalidPayload("fal webhook payload_error is not a string");
  const out = { ...b, gateway_request_id: b.gateway_request_id ?? b.request_id, payload: b.payload ?? null };
  if (b.status === "ERROR" && typeof b.error !== "string") out.error = "fal reported an error without a message";
  return out;
}
async function parseFalWebhook(rawBody, headers, options = {}) {
  assertRawBody(rawBody);
  if (typeof options !== "object" || options === null)
    throw new ModelgenError({
      code: "invalidOptions",
      message: "parseFalWebhook's options must be an object",
      retryable: false,
    });
  const requestId = await verify(rawBody, headers, options);
  return checkShape(parseRawJson(rawBody), requestId);
}
async function handleFalWebhook(request, options = {}) {
  assertRequest(request);
  const raw = await readRequestBody(request);
  return parseFalWebhook(raw, request.headers, options);
}
export {
  FAL_JWKS_URL,
  FAL_QUEUE_BASE_URL,
  FAL_WEBHOOK_HEADERS,
  FAL_WEBHOOK_TOLERANCE_SECONDS,
  MIN_WEBHOOK_TOKEN_LENGTH,
  ModelgenError,
  RUNFLOW_BASE_URL,
  RUNFLOW_SIGNATURE_HEADER,
  RUNWARE_BASE_URL,
  WEBHOOK_TOKEN_PARAM,
  backoffDelay,
  checkWebhookToken,
  createFalClient,
  createRunflowClient,
  createRunwareClient,
  createWebhookToken,
  createWebhookUrl,
  handleFalWebhook,
  handleRunflowWebhook,
  handleRunwareWebhook,
  hmacSha256Hex,
  isModelgenError,
  isRetryableStatus,
  isUuid,
  parseFalWebhook,
  parseRetryAfter,
  parseRunflowWebhook,
  parseRunwareWebhook,
  pollDelay,
  timingSafeEqual,
  uuidV4,
  verifyRunflowSignature,
};
