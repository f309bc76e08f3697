// A fake fal queue (queue.fal.run) on a real socket, 127.0.0.1 port 0, for the fal client and webhook tests.
//
//   const fal = await startFakeFal({ apiKey: "fal-test-key-1234" });
//   const client = createFalClient(klingBinding(), { apiKey: "fal-test-key-1234", baseUrl: fal.url, poll: {...} });
//   await client.run({ prompt: "a fox" });  // IN_QUEUE (position 1) → IN_PROGRESS (logs) → COMPLETED → output
//   await fal.stop();
//
// - Endpoint: `endpointId` (default KLING_ENDPOINT, fal-ai/kling-video/v2.5-turbo/pro/text-to-video); requests are
//   kept under its owner/app (fal-ai/kling-video), as fal does. Auth: `Authorization: Key <apiKey>`, else 401.
// - POST /<endpoint>[?fal_webhook=<url>]: the input is checked by `validate` (default validateKlingInput, hand-written
//   from the real document); bad input answers 422 `{detail: [{loc: ["body", …], msg, type}]}`. Else 200 with request_id,
//   status_url, response_url, cancel_url (on `urlOrigin` when given: a hostile answer) and queue_position 2.
// - GET …/requests/<id>/status[?logs=1]: each GET moves the request one step: IN_QUEUE (position 1), IN_PROGRESS
//   (logs, when asked: one more line per step), IN_PROGRESS, COMPLETED. A prompt containing "[fail]" completes with
//   `error` and `error_type`; "[never]" stays IN_PROGRESS. With `stepMs`, requests also step on their own timer.
// - GET …/requests/<id>: the output (`output(request)`, default `{video: {url, …}}`) once COMPLETED; 400 before; 500
//   `{detail}` when it failed.
// - PUT …/requests/<id>/cancel: 202 `{status: "CANCELLATION_REQUESTED"}` (the request then completes with an error:
//   the fake's choice), or 400 `{status: "ALREADY_COMPLETED"}` once it completed.
// - Webhooks: on completion, when the submit had fal_webhook, POSTs `{request_id, gateway_request_id, status,
//   payload, error?}` there, signed with an Ed25519 key pair made at start (node:crypto, independent of the runtime):
//   X-Fal-Webhook-Request-Id / -User-Id / -Timestamp / -Signature (hex) over
//   `request_id\nuser_id\ntimestamp\nhex(sha256(body))`. GET /.well-known/jwks.json (no auth) serves the public key;
//   `jwksUrl` is its address, `jwksRequests` counts its GETs, `rotateKey()` replaces the pair, `signWebhook()` signs
//   any body (for tampering tests).
// - Faults: `inject({kind: "429" | "503" | "500" | "502" | "504" | "reset" | "hang" | "not-json", on, phase})`; with
//   phase "after" the submit is queued (or the status step taken) and then the answer is lost. `faultsLeft()` counts
//   the ones no request has met yet.
// - Counters: `submits` (POSTs that reached the queue, faulted or not), `queued` (requests created), `requests`
//   (every method + URL), `authorizations` (every Authorization header).

import { createHash, createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FalBinding, ValidationIssue } from "../../templates/runtime/index.js";

export const KLING_ENDPOINT = "fal-ai/kling-video/v2.5-turbo/pro/text-to-video";
export const FAKE_FAL_USER_ID = "user_fake_0001";

export type FalFaultKind = "429" | "503" | "500" | "502" | "504" | "reset" | "hang" | "not-json";

export interface FalFault {
  kind: FalFaultKind;
  on?: "submit" | "status" | "result" | "cancel" | "any";
  /** "after": the submit is queued (or the status step taken), then the answer is lost or replaced. */
  phase?: "before" | "after";
  retryAfter?: string;
}

export interface FakeFalRequest {
  id: string;
  input: Record<string, unknown>;
  webhookUrl: string | null;
  /** 0 submitted, 1 IN_QUEUE, 2–3 IN_PROGRESS, 4 COMPLETED */
  step: number;
  outcome: "ok" | "fail" | "never";
  cancelled: boolean;
}

export interface FakeFalOptions {
  apiKey: string;
  /** The one endpoint the fake serves (default KLING_ENDPOINT). */
  endpointId?: string;
  /** The server's own check of the input, answered as a 422 detail list (default validateKlingInput). */
  validate?: (input: unknown) => ValidationIssue[];
  /** The output of a request that completed (default a Kling video `{video: {url, content_type, …}}`). */
  output?: (request: FakeFalRequest) => unknown;
  /** Origin (e.g. "http://127.0.0.1:9") for the status/response/cancel URLs of submit answers: a hostile answer. */
  urlOrigin?: string;
  /** When set, requests also step every `stepMs` on their own (for clients that wait for the webhook). */
  stepMs?: number;
}

/** A type alias, not an interface: it is then assignable to a record of header values. */
export type SignedHeaders = {
  "X-Fal-Webhook-Request-Id": string;
  "X-Fal-Webhook-User-Id": string;
  "X-Fal-Webhook-Timestamp": string;
  "X-Fal-Webhook-Signature": string;
};

export interface FakeFal {
  url: string;
  jwksUrl: string;
  jwksRequests: number;
  queued: Map<string, FakeFalRequest>;
  submits: number;
  requests: string[];
  authorizations: Array<string | undefined>;
  /** The current public key as a JWK ({kty: "OKP", crv: "Ed25519", x}). */
  publicJwk(): { kty: string; crv: string; x: string };
  /** A new key pair: the JWKS serves only the new public key from now on, and webhooks are signed with it. */
  rotateKey(): void;
  /** Headers signing `body` for `requestId` with the current key (timestamp: now, in unix seconds, unless given). */
  signWebhook(body: string | Uint8Array, init: { requestId: string; userId?: string; timestamp?: number; privateKey?: KeyObject }): SignedHeaders;
  inject(...faults: FalFault[]): void;
  /** Injected faults no request has met yet. */
  faultsLeft(): number;
  stop(): Promise<void>;
}

const ASPECTS = ["16:9", "9:16", "1:1"];

/** The Kling v2.5 Turbo Pro text-to-video Input rules from its fal document, hand-written: prompt required. */
export function validateKlingInput(input: unknown): ValidationIssue[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObj(input)) return [{ path: "", message: "must be an object" }];
  const issues: ValidationIssue[] = [];
  if (typeof input.prompt !== "string" || input.prompt.length > 2500) issues.push({ path: "/prompt", message: "must be a string of at most 2500 characters" });
  if (input.duration !== undefined && input.duration !== "5" && input.duration !== "10") issues.push({ path: "/duration", message: 'must be "5" or "10"' });
  if (input.aspect_ratio !== undefined && !ASPECTS.includes(String(input.aspect_ratio))) issues.push({ path: "/aspect_ratio", message: `must be one of ${ASPECTS.join(", ")}` });
  if (input.negative_prompt !== undefined && (typeof input.negative_prompt !== "string" || input.negative_prompt.length > 2500)) issues.push({ path: "/negative_prompt", message: "must be a string of at most 2500 characters" });
  if (input.cfg_scale !== undefined && (typeof input.cfg_scale !== "number" || input.cfg_scale < 0 || input.cfg_scale > 1)) issues.push({ path: "/cfg_scale", message: "must be a number from 0 to 1" });
  return issues;
}

export function klingBinding(): FalBinding {
  return { modelId: KLING_ENDPOINT, validateTask: validateKlingInput };
}

/** The message fal signs: request id, user id, timestamp and the body's SHA-256 (hex), one per line. */
export function falSignedMessage(requestId: string, userId: string, timestamp: string, body: string | Uint8Array): Buffer {
  const digest = createHash("sha256").update(body).digest("hex");
  return Buffer.from(`${requestId}\n${userId}\n${timestamp}\n${digest}`, "utf8");
}

function newKeyPair(): { privateKey: KeyObject; jwk: { kty: string; crv: string; x: string } } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" }) as { kty: string; crv: string; x: string };
  return { privateKey, jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x } };
}

/** A fresh Ed25519 private key that no JWKS lists (for "signed by someone else" tests). */
export function strangerKey(): KeyObject {
  return createPrivateKey(newKeyPair().privateKey.export({ format: "pem", type: "pkcs8" }));
}

export async function startFakeFal(options: FakeFalOptions): Promise<FakeFal> {
  const faults: FalFault[] = [];
  const pending = new Set<Promise<unknown>>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let keys = newKeyPair();
  let origin = "";
  const state = { queued: new Map<string, FakeFalRequest>(), submits: 0, requests: [] as string[], authorizations: [] as Array<string | undefined>, jwksRequests: 0 };

  const statusOf = (r: FakeFalRequest): string => (r.step >= 4 ? "COMPLETED" : r.step >= 2 ? "IN_PROGRESS" : "IN_QUEUE");
  const failed = (r: FakeFalRequest): boolean => r.outcome === "fail" || r.cancelled;
  const endpointId = options.endpointId ?? KLING_ENDPOINT;
  const app = endpointId.split("/").slice(0, 2).join("/");
  const validate = options.validate ?? validateKlingInput;
  const output = options.output ?? ((r: FakeFalRequest) => ({ video: { url: `https://v3.fal.media/files/${r.id}.mp4`, content_type: "video/mp4", file_name: "output.mp4", file_size: 4_096_000 } }));
  const urlsOf = (r: FakeFalRequest) => {
    const base = `${options.urlOrigin ?? origin}/${app}/requests/${r.id}`;
    return { response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
  };

  function signWebhook(body: string | Uint8Array, init: { requestId: string; userId?: string; timestamp?: number; privateKey?: KeyObject }): SignedHeaders {
    const userId = init.userId ?? FAKE_FAL_USER_ID;
    const timestamp = String(init.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = sign(null, falSignedMessage(init.requestId, userId, timestamp, body), init.privateKey ?? keys.privateKey).toString("hex");
    return { "X-Fal-Webhook-Request-Id": init.requestId, "X-Fal-Webhook-User-Id": userId, "X-Fal-Webhook-Timestamp": timestamp, "X-Fal-Webhook-Signature": signature };
  }

  function sendWebhook(r: FakeFalRequest): void {
    if (!r.webhookUrl) return;
    const body = JSON.stringify(
      failed(r)
        ? { request_id: r.id, gateway_request_id: r.id, status: "ERROR", error: "Invalid status code: 500", payload: { detail: r.cancelled ? "Request was cancelled" : "The runner crashed" } }
        : { request_id: r.id, gateway_request_id: r.id, status: "OK", payload: output(r) },
    );
    const p = fetch(r.webhookUrl, { method: "POST", headers: { "Content-Type": "application/json", ...signWebhook(body, { requestId: r.id }) }, body }).catch(() => undefined);
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }

  function advance(r: FakeFalRequest): void {
    if (r.step >= 4) return;
    if (r.outcome === "never" && !r.cancelled && r.step >= 2) return;
    r.step = r.cancelled ? 4 : r.step + 1;
    if (r.step === 4) sendWebhook(r);
  }

  function stepOnItsOwn(r: FakeFalRequest, ms: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      advance(r);
      if (r.step < 4 && !(r.outcome === "never" && r.step >= 2)) stepOnItsOwn(r, ms);
    }, ms);
    timers.add(timer);
  }

  function statusView(r: FakeFalRequest, logs: boolean): Record<string, unknown> {
    const view: Record<string, unknown> = { status: statusOf(r), request_id: r.id, ...urlsOf(r) };
    if (r.step < 2) view.queue_position = 1;
    if (logs && r.step >= 2) {
      view.logs = Array.from({ length: Math.min(r.step, 3) - 1 }, (_, i) => ({ message: `step ${i + 1}: denoising`, level: "INFO", source: "USER", timestamp: new Date(1_700_000_000_000 + i * 1000).toISOString() }));
    }
    if (r.step >= 4) {
      view.metrics = { inference_time: 12.5 };
      if (failed(r)) Object.assign(view, { error: r.cancelled ? "Request was cancelled" : "The runner crashed while generating", error_type: r.cancelled ? "request_cancelled" : "runner_error" });
    }
    return view;
  }

  function reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body));
  }

  function applyFault(f: FalFault, req: http.IncomingMessage, res: http.ServerResponse): void {
    if (f.kind === "reset") req.socket.destroy();
    else if (f.kind === "hang") return;
    else if (f.kind === "not-json") reply(res, 200, "<html>upstream error</html>");
    else reply(res, Number(f.kind), { detail: f.kind === "429" ? "Rate limit exceeded" : "Service temporarily unavailable" }, f.retryAfter ? { "Retry-After": f.retryAfter } : {});
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      state.requests.push(`${req.method} ${url.pathname}${url.search}`);
      if (req.method === "GET" && url.pathname === "/.well-known/jwks.json") {
        state.jwksRequests++;
        return reply(res, 200, { keys: [{ ...keys.jwk, kid: "fake-fal-key", use: "sig", alg: "EdDSA" }] });
      }
      state.authorizations.push(req.headers.authorization);
      if (req.headers.authorization !== `Key ${options.apiKey}`) return reply(res, 401, { detail: "Invalid Key" });

      const isSubmit = req.method === "POST" && url.pathname === `/${endpointId}`;
      const m = url.pathname.startsWith(`/${app}/requests/`) ? /^\/([^/]+)(\/status|\/cancel)?$/.exec(url.pathname.slice(`/${app}/requests`.length)) : null;
      const kind = isSubmit ? "submit" : m && req.method === "GET" && m[2] === "/status" ? "status" : m && req.method === "GET" && !m[2] ? "result" : m && req.method === "PUT" && m[2] === "/cancel" ? "cancel" : undefined;
      if (!kind) return reply(res, 404, { detail: `No route ${req.method} ${url.pathname}` });
      if (kind === "submit") state.submits++;

      const i = faults.findIndex((f) => (f.on ?? "any") === "any" || f.on === kind);
      const fault = i >= 0 ? faults.splice(i, 1)[0] : undefined;
      if (fault && (fault.phase ?? "before") === "before") return applyFault(fault, req, res);

      if (kind === "submit") {
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return reply(res, 400, { detail: "Body is not JSON" });
        }
        const issues = validate(input);
        if (issues.length > 0) return reply(res, 422, { detail: issues.map((x) => ({ loc: ["body", ...x.path.split("/").slice(1)], msg: x.message, type: "value_error" })) });
        const prompt = String((input as { prompt: string }).prompt);
        const r: FakeFalRequest = {
          id: randomUUID(),
          input: input as Record<string, unknown>,
          webhookUrl: url.searchParams.get("fal_webhook"),
          step: 0,
          outcome: prompt.includes("[fail]") ? "fail" : prompt.includes("[never]") ? "never" : "ok",
          cancelled: false,
        };
        state.queued.set(r.id, r);
        if (options.stepMs !== undefined) stepOnItsOwn(r, options.stepMs);
        if (fault) return applyFault(fault, req, res);
        return reply(res, 200, { status: "IN_QUEUE", request_id: r.id, ...urlsOf(r), queue_position: 2 });
      }

      const r = state.queued.get(decodeURIComponent(m?.[1] ?? ""));
      if (!r) return reply(res, 404, { detail: "Request not found" });
      if (kind === "status") {
        advance(r);
        if (fault) return applyFault(fault, req, res);
        return reply(res, 200, statusView(r, url.searchParams.get("logs") === "1"));
      }
      if (fault) return applyFault(fault, req, res);
      if (kind === "cancel") {
        if (r.step >= 4) return reply(res, 400, { status: "ALREADY_COMPLETED" });
        r.cancelled = true;
        return reply(res, 202, { status: "CANCELLATION_REQUESTED" });
      }
      if (r.step < 4) return reply(res, 400, { detail: "Request is still in progress" });
      if (failed(r)) return reply(res, 500, { detail: r.cancelled ? "Request was cancelled" : "The runner crashed while generating" });
      return reply(res, 200, output(r));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: origin,
    jwksUrl: `${origin}/.well-known/jwks.json`,
    publicJwk: () => ({ ...keys.jwk }),
    rotateKey() {
      keys = newKeyPair();
    },
    signWebhook,
    inject(...more: FalFault[]) {
      faults.push(...more);
    },
    faultsLeft: () => faults.length,
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
