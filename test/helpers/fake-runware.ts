// A fake Runware API on a real socket (127.0.0.1, port 0) for the client tests. It checks the
// bearer key, validates every task with Ajv compiled from the model's OpenAPI file (independent
// of generated code), walks tasks processing → success/error over several polls, and injects
// faults on command or at random from a seeded PRNG. It counts every submit per taskUUID.

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ClientOptions, RunwareBinding, ValidationIssue } from "../../templates/runtime/index.js";

export const WAN_SPEC_PATH = new URL("../../specs/runware/alibaba-wan2-7.json", import.meta.url);
export const WAN_MODEL = "alibaba:wan@2.7";

// ---------------------------------------------------------------- seeded randomness

/** mulberry32: a tiny, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- Ajv from the spec

const compiled = new Map<string, ValidateFunction>();

/**
 * Ajv 2020 validator for one task, compiled from components.schemas.RequestBody.items of the
 * spec file (once per file and process: compiling takes tens of ms).
 */
export function compileTaskSchema(specPath: URL | string = WAN_SPEC_PATH): ValidateFunction {
  const key = String(specPath);
  const cached = compiled.get(key);
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as { components: { schemas: { RequestBody: { items: object } } } };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(spec.components.schemas.RequestBody.items);
  compiled.set(key, validate);
  return validate;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Ajv errors as JSON Pointer issues, pointing at the missing/extra property where there is one. */
export function ajvIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((e) => {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    const extra = params.missingProperty ?? params.additionalProperty;
    return { path: extra === undefined ? e.instancePath : `${e.instancePath}/${escapePointer(extra)}`, message: e.message ?? e.keyword };
  });
}

export function specTaskValidator(specPath?: URL | string): (task: unknown) => ValidationIssue[] {
  const validate = compileTaskSchema(specPath);
  return (task) => (validate(task) ? [] : ajvIssues(validate.errors));
}

/** The binding a generated wan 2.7 module would supply, with a validator compiled at test time. */
export function wanVideoBinding(): RunwareBinding {
  return { modelId: WAN_MODEL, taskType: "videoInference", deliveryMethods: ["async"], defaultDelivery: "async", validateTask: specTaskValidator() };
}

// ---------------------------------------------------------------- faults and plans

export type FaultKind = "429" | "503" | "504" | "500-empty" | "not-json" | "reset" | "hang" | "custom";

export interface Fault {
  kind: FaultKind;
  /** Which requests it may hit (default any). */
  on?: "submit" | "poll" | "any";
  /** "after": the request is processed (task accepted, poll counted), then the answer is lost. */
  phase?: "before" | "after";
  retryAfter?: string;
  /** For kind "custom": the answer to send instead. */
  status?: number;
  body?: unknown;
}

export interface TaskPlan {
  /** Refused at submit with this error (the task is not registered). */
  reject?: { code: string; message: string; parameter?: string | string[] };
  /** Polls per result (default 3). */
  stepsPerResult?: number;
  /** Fails on this poll, as an error item or as top-level errors. */
  failAfter?: number;
  failWith?: { code: string; message: string };
  failStyle?: "item" | "errors";
  /** Never finishes. */
  never?: boolean;
  /** Status word while running (default "processing"; older docs: "pending"). */
  processingStatus?: string;
}

export interface ServerTask {
  taskUUID: string;
  task: Record<string, unknown>;
  plan: TaskPlan;
  numberResults: number;
  polls: number;
  results: Record<string, unknown>[];
  failed: boolean;
  /** The client has polled it, so it had concluded the task was accepted. */
  polled: boolean;
}

export interface RecordedRequest {
  kind: "submit" | "poll" | "invalid";
  authorization: string | undefined;
  taskUUIDs: string[];
  fault?: FaultKind;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface FakeRunwareOptions {
  apiKey: string;
  /** "sync": results in the submit answer (image models). */
  mode?: "async" | "sync";
  /** Task validation; default: Ajv compiled from the wan 2.7 spec. */
  validateTask?: (task: unknown) => ValidationIssue[];
  plan?: (task: Record<string, unknown>) => TaskPlan;
  /** Random faults: each request gets one with probability `rate`. */
  chaos?: { seed: number; rate: number; kinds?: FaultKind[] };
  /**
   * When set, an async task with a webhookURL also finishes on its own, as the real API does for a client
   * that never polls: one result (and its webhook) every `webhookStepMs`, or the plan's failure as an error webhook.
   */
  webhookStepMs?: number;
}

const CHAOS_KINDS: FaultKind[] = ["429", "503", "504", "500-empty", "not-json", "reset", "hang"];

export interface FakeRunware {
  url: string;
  tasks: Map<string, ServerTask>;
  /** POSTs (submits) that carried each taskUUID, accepted or not. */
  submitsPerTask: Map<string, number>;
  /**
   * Submits of a task the client had already started polling (so it knew the task was
   * accepted): must stay 0. An attempt the client abandoned (timed out) but that reaches the
   * server late on a saturated machine also counts, so the soak test judges this on the
   * client's own wire trace instead.
   */
  doubleSubmits: number;
  requests: RecordedRequest[];
  webhooksSent: number;
  inject(...faults: Fault[]): void;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------- the server

function errorBody(kind: FaultKind): { status: number; body: unknown } {
  switch (kind) {
    case "429":
      return { status: 429, body: { errors: [{ code: "rateLimitExceeded", message: "Too many requests" }] } };
    case "503":
      return { status: 503, body: { errors: [{ code: "serviceUnavailable", message: "Temporarily unavailable" }] } };
    default:
      return { status: 504, body: { errors: [{ code: "timeoutProvider", message: "Gateway timeout" }] } };
  }
}

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export async function startFakeRunware(options: FakeRunwareOptions): Promise<FakeRunware> {
  const validate = options.validateTask ?? specTaskValidator();
  const planFor = options.plan ?? ((): TaskPlan => ({}));
  const chaosRandom = options.chaos ? mulberry32(options.chaos.seed) : undefined;
  const queue: Fault[] = [];
  const pendingWebhooks = new Set<Promise<unknown>>();
  const state: Omit<FakeRunware, "url" | "inject" | "stop"> = {
    tasks: new Map(),
    submitsPerTask: new Map(),
    doubleSubmits: 0,
    requests: [],
    webhooksSent: 0,
  };

  function pickFault(kind: "submit" | "poll"): Fault | undefined {
    const i = queue.findIndex((f) => (f.on ?? "any") === "any" || f.on === kind);
    if (i >= 0) return queue.splice(i, 1)[0];
    if (!chaosRandom || !options.chaos || chaosRandom() >= options.chaos.rate) return undefined;
    const kinds = options.chaos.kinds ?? CHAOS_KINDS;
    const picked = kinds[Math.floor(chaosRandom() * kinds.length)] as FaultKind;
    // 429 and 503 mean "nothing was done"; the others may come after the work.
    const phase = picked === "429" || picked === "503" || chaosRandom() < 0.5 ? "before" : "after";
    const retryAfter = picked === "429" && chaosRandom() < 0.5 ? "0" : undefined;
    return { kind: picked, phase, retryAfter };
  }

  function resultItem(t: ServerTask, withStatus: boolean): Record<string, unknown> {
    const image = t.task.taskType === "imageInference";
    const id = randomUUID();
    return {
      taskType: t.task.taskType,
      taskUUID: t.taskUUID,
      ...(withStatus ? { status: "success" } : {}),
      ...(image ? { imageUUID: id, imageURL: `https://im.example/${id}.jpg` } : { videoUUID: id, videoURL: `https://vm.example/${id}.mp4` }),
      seed: t.results.length + 1,
    };
  }

  function sendWebhook(t: ServerTask, item: Record<string, unknown>): void {
    const url = t.task.webhookURL;
    if (typeof url !== "string") return;
    state.webhooksSent++;
    const p = fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ data: [item] }) }).catch(() => undefined);
    pendingWebhooks.add(p);
    void p.finally(() => pendingWebhooks.delete(p));
  }

  const timers = new Set<ReturnType<typeof setTimeout>>();

  function finishOnItsOwn(t: ServerTask, stepMs: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (t.failed || t.plan.never || t.results.length >= t.numberResults) return;
      if (t.plan.failAfter !== undefined) {
        t.failed = true;
        const failure = { code: t.plan.failWith?.code ?? "providerContentPolicyViolation", message: t.plan.failWith?.message ?? "The provider refused the content" };
        sendWebhook(t, { taskType: t.task.taskType, taskUUID: t.taskUUID, status: "error", error: failure });
        return;
      }
      const item = resultItem(t, true);
      t.results.push(item);
      sendWebhook(t, item);
      finishOnItsOwn(t, stepMs);
    }, stepMs);
    timers.add(timer);
  }

  function submit(tasks: Record<string, unknown>[], sync: boolean): { status: number; body: unknown } {
    const data: unknown[] = [];
    const errors: unknown[] = [];
    for (const task of tasks) {
      const taskUUID = String(task.taskUUID);
      state.submitsPerTask.set(taskUUID, (state.submitsPerTask.get(taskUUID) ?? 0) + 1);
      const known = state.tasks.get(taskUUID);
      if (known?.polled) state.doubleSubmits++;
      const issues = validate(task);
      if (issues.length > 0) {
        const issue = issues[0] as ValidationIssue;
        const parameter = issue.path.split("/")[1] ?? "task";
        const code = issue.message.includes("additional") ? "unknownParameter" : `invalid${capitalised(parameter)}`;
        errors.push({ code, message: `${issue.path} ${issue.message}`, parameter, taskType: task.taskType, taskUUID });
        continue;
      }
      if (known) {
        errors.push({ code: "conflictTaskUUID", message: "A task with this taskUUID already exists", parameter: "taskUUID", taskType: task.taskType, taskUUID });
        continue;
      }
      const plan = planFor(task);
      if (plan.reject) {
        errors.push({ ...plan.reject, taskType: task.taskType, taskUUID });
        continue;
      }
      const n = typeof task.numberResults === "number" ? task.numberResults : 1;
      const t: ServerTask = { taskUUID, task, plan, numberResults: n, polls: 0, results: [], failed: false, polled: false };
      state.tasks.set(taskUUID, t);
      if (sync) {
        while (t.results.length < n) t.results.push(resultItem(t, true));
        for (const r of t.results) {
          const { status: _status, ...bare } = r; // sync answers carry results without a status
          data.push(bare);
        }
      } else {
        data.push({ taskType: task.taskType, taskUUID });
        if (options.webhookStepMs !== undefined && typeof task.webhookURL === "string") finishOnItsOwn(t, options.webhookStepMs);
      }
    }
    if (errors.length > 0 && data.length === 0) return { status: 400, body: { errors } };
    return { status: 200, body: errors.length > 0 ? { data, errors } : { data } };
  }

  function poll(taskUUID: string): { status: number; body: unknown } {
    const t = state.tasks.get(taskUUID);
    if (!t) return { status: 400, body: { errors: [{ code: "taskFailedOrNotFound", message: "Task not found", taskUUID, taskType: "getResponse" }] } };
    t.polled = true;
    const { plan } = t;
    const steps = plan.stepsPerResult ?? 3;
    if (!t.failed && t.results.length < t.numberResults) {
      t.polls++;
      if (plan.failAfter !== undefined && t.polls >= plan.failAfter) t.failed = true;
      else if (!plan.never) {
        const due = Math.min(t.numberResults, Math.floor(t.polls / steps));
        while (t.results.length < due) {
          const item = resultItem(t, true);
          t.results.push(item);
          sendWebhook(t, item);
        }
      }
    }
    const data: unknown[] = [...t.results];
    const base = { taskType: t.task.taskType, taskUUID };
    const failure = { code: plan.failWith?.code ?? "providerContentPolicyViolation", message: plan.failWith?.message ?? "The provider refused the content" };
    if (t.failed) {
      if (plan.failStyle === "errors") return { status: 200, body: { data, errors: [{ ...failure, ...base }] } };
      data.push({ ...base, status: "error", error: failure });
    } else if (t.results.length < t.numberResults) {
      data.push({ ...base, status: plan.processingStatus ?? "processing", progress: Math.round(((t.polls % steps) / steps) * 100) });
    }
    return { status: 200, body: { data } };
  }

  function reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/html" : "application/json", ...headers });
    res.end(text);
  }

  function applyFault(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse): void {
    switch (fault.kind) {
      case "reset":
        req.socket.destroy();
        return;
      case "hang":
        return; // never answered; the client's timeout closes the socket
      case "500-empty":
        return reply(res, 500, undefined);
      case "not-json":
        return reply(res, 200, "<html><body>502 Bad Gateway (but 200)</body></html>");
      case "custom":
        return reply(res, fault.status ?? 500, fault.body);
      default: {
        const { status, body } = errorBody(fault.kind);
        return reply(res, status, body, fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter });
      }
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const authorization = req.headers.authorization;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        body = undefined;
      }
      const tasks = Array.isArray(body) ? (body.filter((t) => typeof t === "object" && t !== null) as Record<string, unknown>[]) : [];
      const isPoll = tasks.length > 0 && tasks.every((t) => t.taskType === "getResponse");
      const kind: RecordedRequest["kind"] = req.method !== "POST" || tasks.length === 0 ? "invalid" : isPoll ? "poll" : "submit";
      const record: RecordedRequest = { kind, authorization, taskUUIDs: tasks.map((t) => String(t.taskUUID)), at: Date.now() };
      state.requests.push(record);

      if (authorization !== `Bearer ${options.apiKey}`) {
        // Deliberately hostile: echoes the credential, so the tests can prove the client redacts it.
        const given = authorization?.replace(/^Bearer /, "") ?? "";
        const code = given ? "invalidApiKey" : "missingApiKey";
        return reply(res, 401, { errors: [{ code, message: `Invalid API key: ${given}` }] });
      }
      if (req.url !== "/v1") return reply(res, 404, { errors: [{ code: "notFound", message: `No route ${req.url}` }] });
      if (kind === "invalid") return reply(res, 400, { errors: [{ code: "invalidRequestBody", message: "Expected a JSON array of tasks" }] });

      const fault = pickFault(kind);
      if (fault) record.fault = fault.kind;
      if (fault && (fault.phase ?? "before") === "before") return applyFault(fault, req, res);

      if (kind === "poll") {
        const answers = tasks.map((t) => poll(String(t.taskUUID)));
        if (fault) return applyFault(fault, req, res);
        const only = answers[0] as { status: number; body: unknown };
        return reply(res, only.status, only.body);
      }
      // Like the real API: a task asking for sync delivery gets its results in the answer.
      const outcome = submit(tasks, options.mode === "sync" || tasks.every((t) => t.deliveryMethod === "sync"));
      if (fault) return applyFault(fault, req, res);
      reply(res, outcome.status, outcome.body);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/v1`,
    inject(...faults: Fault[]) {
      queue.push(...faults);
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all([...pendingWebhooks]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

// ---------------------------------------------------------------- client settings for tests

/**
 * Millisecond waits so a whole test takes tens of ms; a generous per-request timeout so a
 * loaded CI machine never times out a healthy request (tests of hangs set a short one).
 */
/**
 * In a test file: a `fake(options)` that starts a fake Runware server with this key, every one of them stopped
 * after each test.
 */
export function useFakeRunware(apiKey: string, afterEach: (fn: () => Promise<void>) => void): (options?: Partial<FakeRunwareOptions>) => Promise<FakeRunware> {
  const servers: FakeRunware[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });
  return async (options = {}) => {
    const s = await startFakeRunware({ apiKey, ...options });
    servers.push(s);
    return s;
  };
}

export function fastOptions(baseUrl: string, apiKey: string, overrides: Partial<ClientOptions> = {}): ClientOptions {
  return {
    apiKey,
    baseUrl,
    timeoutMs: 5000,
    retries: { max: 3, baseMs: 5, capMs: 50 },
    poll: { firstDelayMs: 2, factor: 1.5, maxDelayMs: 10, budgetMs: 5000 },
    ...overrides,
  };
}

/** A text-to-video task the raw spec accepts (frameImages tasks never pass it). */
export function wanTask(prompt = "A lighthouse on a cliff at dusk, waves crashing", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { positivePrompt: prompt, width: 1280, height: 720, duration: 5, ...extra };
}
