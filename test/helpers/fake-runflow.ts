// A fake Runflow API on a real socket (127.0.0.1, port 0): creates runs, walks them
// queued → dispatching → running → terminal over successive GETs, POSTs signed callbacks
// (HMAC computed with node:crypto, independently of the runtime), and injects faults.

import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RunflowBinding, ValidationIssue } from "../../templates/runtime/index.js";

export const WAN_RUN_PATH = "/v1/models/alibaba/wan/v2.7/text-to-video/runs";

export type RunflowOutcome = "succeeded" | "failed" | "cancelled" | "canceled" | "never";

export interface RunflowFault {
  kind: "429" | "503" | "500" | "reset" | "hang" | "not-json";
  on?: "create" | "get" | "any";
  /** "after": the run is created (or the GET counted), then the answer is lost. */
  phase?: "before" | "after";
  retryAfter?: string;
}

export interface ServerRun {
  id: string;
  input: Record<string, unknown>;
  callbackUrl: string | null;
  metadata: Record<string, unknown> | null;
  outcome: RunflowOutcome;
  gets: number;
  status: string;
  createdAt: string;
}

export interface FakeRunflowOptions {
  apiKey: string;
  /** Signs callbacks when set. */
  callbackSecret?: string;
  /** Default: from markers in the prompt ("[fail]", "[cancel]", "[canceled]", "[never]"). */
  outcome?: (input: Record<string, unknown>) => RunflowOutcome;
  /** When set, runs also advance one status every `stepMs` on their own (for clients that wait for the callback). */
  stepMs?: number;
}

export interface FakeRunflow {
  url: string;
  runs: Map<string, ServerRun>;
  createRequests: number;
  getRequests: number;
  authorizations: Array<string | undefined>;
  inject(...faults: RunflowFault[]): void;
  stop(): Promise<void>;
}

const ASPECTS = ["16:9", "9:16", "1:1", "4:3", "3:4"];

/** The request rules from the Runflow wan 2.7 text-to-video page, hand-written. */
export function validateWanRunflowRequest(body: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObj(body)) return [{ path: "", message: "must be an object" }];
  for (const key of Object.keys(body)) if (!["input", "callback_url", "metadata"].includes(key)) issues.push({ path: `/${key}`, message: "is not allowed" });
  if (body.callback_url !== undefined && body.callback_url !== null && typeof body.callback_url !== "string") issues.push({ path: "/callback_url", message: "must be a string or null" });
  if (body.metadata !== undefined && body.metadata !== null && !isObj(body.metadata)) issues.push({ path: "/metadata", message: "must be an object or null" });
  const input = body.input;
  if (!isObj(input)) return [...issues, { path: "/input", message: "must be an object" }];
  const int = (v: unknown, lo: number, hi: number): boolean => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
  if (typeof input.prompt !== "string" || input.prompt.length > 5000) issues.push({ path: "/input/prompt", message: "must be a string of at most 5000 characters" });
  if (input.negative_prompt !== undefined && (typeof input.negative_prompt !== "string" || input.negative_prompt.length > 500)) issues.push({ path: "/input/negative_prompt", message: "must be a string of at most 500 characters" });
  if (input.duration !== undefined && !int(input.duration, 2, 15)) issues.push({ path: "/input/duration", message: "must be an integer from 2 to 15" });
  if (input.resolution !== undefined && input.resolution !== "720p" && input.resolution !== "1080p") issues.push({ path: "/input/resolution", message: "must be 720p or 1080p" });
  if (input.aspect_ratio !== undefined && !ASPECTS.includes(String(input.aspect_ratio))) issues.push({ path: "/input/aspect_ratio", message: `must be one of ${ASPECTS.join(", ")}` });
  if (input.seed !== undefined && !int(input.seed, 0, 2147483647)) issues.push({ path: "/input/seed", message: "must be an integer from 0 to 2147483647" });
  for (const flag of ["enable_prompt_expansion", "enable_safety_checker"]) {
    if (input[flag] !== undefined && typeof input[flag] !== "boolean") issues.push({ path: `/input/${flag}`, message: "must be a boolean" });
  }
  return issues;
}

export function wanRunflowBinding(): RunflowBinding {
  return { modelId: "alibaba/wan/v2.7/text-to-video", runPath: WAN_RUN_PATH, validateRequest: validateWanRunflowRequest };
}

function outcomeFromPrompt(input: Record<string, unknown>): RunflowOutcome {
  const prompt = String(input.prompt ?? "");
  if (prompt.includes("[fail]")) return "failed";
  if (prompt.includes("[canceled]")) return "canceled";
  if (prompt.includes("[cancel]")) return "cancelled";
  if (prompt.includes("[never]")) return "never";
  return "succeeded";
}

const LIFECYCLE = ["queued", "dispatching", "running"];

export async function startFakeRunflow(options: FakeRunflowOptions): Promise<FakeRunflow> {
  const queue: RunflowFault[] = [];
  const pending = new Set<Promise<unknown>>();
  const outcomeOf = options.outcome ?? outcomeFromPrompt;
  const state = { runs: new Map<string, ServerRun>(), createRequests: 0, getRequests: 0, authorizations: [] as Array<string | undefined> };

  function view(run: ServerRun): Record<string, unknown> {
    const out: Record<string, unknown> = { id: run.id, status: run.status, created_at: run.createdAt, metadata: run.metadata, output: null };
    if (run.status === "succeeded") {
      out.output = { outputs: [{ url: `https://cdn.example/${run.id}.mp4`, type: "video", width: 1280, height: 720, duration: 5 }], seed: 42, model_data: {}, nsfw_detected: false, timing: { inference_ms: 1234 } };
    }
    if (run.status === "failed") out.error = { code: "provider_error", message: "The provider rejected the prompt" };
    return out;
  }

  function sendCallback(run: ServerRun): void {
    if (!run.callbackUrl) return;
    const event = run.status === "succeeded" ? "run.completed" : run.status === "failed" ? "run.failed" : "run.cancelled";
    const body = JSON.stringify({ event, run_id: run.id, status: run.status, output: view(run).output, duration_ms: 4321, created_at: run.createdAt, completed_at: new Date().toISOString(), metadata: run.metadata });
    const headers: Record<string, string> = { "Content-Type": "application/json", "Runflow-Request-Id": randomUUID() };
    if (options.callbackSecret) headers["Runflow-Signature"] = createHmac("sha256", options.callbackSecret).update(body).digest("hex");
    const p = fetch(run.callbackUrl, { method: "POST", headers, body }).catch(() => undefined);
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }

  function advance(run: ServerRun): void {
    run.gets++;
    if (run.outcome === "never" || !LIFECYCLE.includes(run.status)) return;
    const next = run.gets < LIFECYCLE.length ? (LIFECYCLE[run.gets] as string) : run.outcome;
    run.status = next;
    if (!LIFECYCLE.includes(next)) sendCallback(run);
  }

  const timers = new Set<ReturnType<typeof setTimeout>>();

  function advanceOnItsOwn(run: ServerRun, stepMs: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (run.outcome === "never" || !LIFECYCLE.includes(run.status)) return;
      advance(run);
      advanceOnItsOwn(run, stepMs);
    }, stepMs);
    timers.add(timer);
  }

  function reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body));
  }

  function applyFault(fault: RunflowFault, req: http.IncomingMessage, res: http.ServerResponse): void {
    if (fault.kind === "reset") req.socket.destroy();
    else if (fault.kind === "hang") return;
    else if (fault.kind === "not-json") reply(res, 200, "<html>not json</html>");
    else if (fault.kind === "500") reply(res, 500, undefined);
    else reply(res, Number(fault.kind), { code: fault.kind === "429" ? "rate_limited" : "unavailable", message: "Try again later", errors: [] }, fault.retryAfter ? { "Retry-After": fault.retryAfter } : {});
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.authorizations.push(req.headers.authorization);
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) return reply(res, 401, { code: "unauthorized", message: "Invalid API key", errors: [] });
      const path = req.url ?? "";
      const isCreate = req.method === "POST" && /^\/v1\/models\/.+\/runs$/.test(path);
      const getMatch = req.method === "GET" ? /^\/v1\/runs\/([^/]+)$/.exec(path) : null;
      if (!isCreate && !getMatch) return reply(res, 404, { code: "not_found", message: `No route ${req.method} ${path}`, errors: [] });
      if (isCreate) state.createRequests++;
      else state.getRequests++;

      const i = queue.findIndex((f) => (f.on ?? "any") === "any" || f.on === (isCreate ? "create" : "get"));
      const fault = i >= 0 ? queue.splice(i, 1)[0] : undefined;
      if (fault && (fault.phase ?? "before") === "before") return applyFault(fault, req, res);

      if (isCreate) {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return reply(res, 400, { code: "invalid_json", message: "Body is not JSON", errors: [] });
        }
        const issues = validateWanRunflowRequest(body);
        if (issues.length > 0) return reply(res, 422, { code: "validation_error", message: "Invalid input", errors: issues.map((x) => ({ field: x.path, message: x.message })) });
        const b = body as { input: Record<string, unknown>; callback_url?: string | null; metadata?: Record<string, unknown> | null };
        const run: ServerRun = {
          id: `run_${randomUUID()}`,
          input: b.input,
          callbackUrl: b.callback_url ?? null,
          metadata: b.metadata ?? null,
          outcome: outcomeOf(b.input),
          gets: 0,
          status: "queued",
          createdAt: new Date().toISOString(),
        };
        state.runs.set(run.id, run);
        if (options.stepMs !== undefined) advanceOnItsOwn(run, options.stepMs);
        if (fault) return applyFault(fault, req, res);
        return reply(res, 201, view(run));
      }
      const run = state.runs.get(decodeURIComponent(getMatch?.[1] ?? ""));
      if (!run) return reply(res, 404, { code: "not_found", message: "Run not found", errors: [] });
      advance(run);
      if (fault) return applyFault(fault, req, res);
      return reply(res, 200, view(run));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    inject(...faults: RunflowFault[]) {
      queue.push(...faults);
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

// ---------------------------------------------------------------- webhook receiver

export interface ReceivedHook {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
}

export interface HookReceiver {
  url: string;
  received: ReceivedHook[];
  /** Resolves once `n` hooks have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedHook[]>;
  stop(): Promise<void>;
}

/** A plain endpoint that keeps every POST it gets, raw bytes and headers, and answers 204. */
export async function startHookReceiver(): Promise<HookReceiver> {
  const received: ReceivedHook[] = [];
  const waiters: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(204).end();
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async waitFor(n, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`only ${received.length} of ${n} hooks arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received.slice(0, n);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
