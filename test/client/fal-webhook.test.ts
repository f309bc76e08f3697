// fal webhooks end to end: the fake fal queue POSTs a delivery signed with its Ed25519 test key to a real endpoint,
// and parseFalWebhook verifies it against the fake's JWKS (fetched over HTTP) or injected keys. Tampered bodies,
// headers, timestamps and strangers' keys are refused; the JWKS is cached at most 24 hours and refetched once
// (at most every 5 minutes) when a signature matches no cached key, as after fal rotates its keys.

import { afterEach, describe, expect, it } from "vitest";
import { createFalClient, FAL_JWKS_URL, handleFalWebhook, parseFalWebhook, type FalWebhookOptions, type ModelgenError } from "../../templates/runtime/index.js";
import { startHookReceiver, type HookReceiver } from "../helpers/fake-runflow.js";
import { klingBinding, startFakeFal, strangerKey, type FakeFal } from "../helpers/fake-fal.js";
import { rejection } from "../helpers/rejection.js";

const KEY = "fal-test-key-5c1d9e";
type Output = { video: { url: string } };

const stoppers: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(stoppers.splice(0).map((s) => s.stop()));
});
async function fake(stepMs?: number): Promise<FakeFal> {
  const s = await startFakeFal({ apiKey: KEY, stepMs });
  stoppers.push(s);
  return s;
}
async function receiver(): Promise<HookReceiver> {
  const r = await startHookReceiver();
  stoppers.push(r);
  return r;
}

const REQUEST_ID = "5b0a4e1c-8f0e-4b7e-9d55-0e1f2a3b4c5d";
const okBody = (requestId = REQUEST_ID) => JSON.stringify({ request_id: requestId, gateway_request_id: requestId, status: "OK", payload: { video: { url: "https://v3.fal.media/files/x.mp4" } } });
/** A fetch that must not be called: injected keys need no network. */
const noFetch: typeof fetch = async () => {
  throw new Error("fetched although keys were given");
};

describe("fal webhooks: a signed delivery from the fake queue", () => {
  it("verifies against the JWKS fetched from its URL, and parses OK and ERROR deliveries", async () => {
    const fal = await fake(5);
    const hooks = await receiver();
    const client = createFalClient<Record<string, unknown>, Output>(klingBinding(), { apiKey: KEY, baseUrl: fal.url });
    const ok = await client.submit({ prompt: "A fox in snow" }, { webhookUrl: `${hooks.url}/hooks/fal` });
    const bad = await client.submit({ prompt: "[fail] a fox" }, { webhookUrl: `${hooks.url}/hooks/fal` });
    const received = await hooks.waitFor(2, 10_000);
    const options: FalWebhookOptions = { jwksUrl: fal.jwksUrl };
    const parsed = await Promise.all(received.map((h) => parseFalWebhook<Output>(h.raw, h.headers, options)));
    const byId = new Map(parsed.map((p) => [p.request_id, p]));

    const good = byId.get(ok.request_id);
    expect(good).toMatchObject({ status: "OK", gateway_request_id: ok.request_id });
    if (good?.status !== "OK") throw new Error("expected OK");
    expect(good.payload?.video.url).toBe(`https://v3.fal.media/files/${ok.request_id}.mp4`);
    expect(byId.get(bad.request_id)).toMatchObject({ status: "ERROR", error: "Invalid status code: 500", payload: { detail: "The runner crashed" } });
    expect(received.every((h) => h.path === "/hooks/fal")).toBe(true);
    // Two deliveries, verified concurrently: one JWKS download.
    expect(fal.jwksRequests).toBe(1);
  });

  it("the same bytes verify as a Buffer, a Uint8Array and a string", async () => {
    const fal = await fake();
    const body = okBody();
    const headers = fal.signWebhook(body, { requestId: REQUEST_ID });
    const options = { keys: [fal.publicJwk()], fetch: noFetch };
    for (const raw of [Buffer.from(body), new Uint8Array(Buffer.from(body)), body]) {
      await expect(parseFalWebhook<Output>(raw, headers, options)).resolves.toMatchObject({ request_id: REQUEST_ID, status: "OK" });
    }
  });
});

describe("fal webhooks: what is refused", () => {
  async function refused(fal: FakeFal, body: string, headers: Record<string, string>, options: FalWebhookOptions = { jwksUrl: fal.jwksUrl }): Promise<ModelgenError> {
    return rejection(parseFalWebhook(body, headers, options));
  }

  it("a tampered body, request id, user id or timestamp header", async () => {
    const fal = await fake();
    const body = okBody();
    const headers = { ...fal.signWebhook(body, { requestId: REQUEST_ID }) };
    await expect(parseFalWebhook(body, headers, { jwksUrl: fal.jwksUrl })).resolves.toMatchObject({ status: "OK" });

    const tamperedBody = body.replace("x.mp4", "y.mp4");
    expect(await refused(fal, tamperedBody, headers)).toMatchObject({ code: "invalidSignature", retryable: false });
    for (const [name, value] of [
      ["X-Fal-Webhook-Request-Id", "another-request"],
      ["X-Fal-Webhook-User-Id", "another-user"],
      ["X-Fal-Webhook-Timestamp", String(Number(headers["X-Fal-Webhook-Timestamp"]) + 1)],
    ]) {
      const error = await refused(fal, body, { ...headers, [name as string]: value as string });
      expect(error.code, name).toBe("invalidSignature");
    }
    const flipped = headers["X-Fal-Webhook-Signature"].replace(/^./, (c) => (c === "0" ? "1" : "0"));
    expect((await refused(fal, body, { ...headers, "X-Fal-Webhook-Signature": flipped })).code).toBe("invalidSignature");
  });

  it("a signature by a key that is not in fal's JWKS", async () => {
    const fal = await fake();
    const body = okBody();
    const error = await refused(fal, body, { ...fal.signWebhook(body, { requestId: REQUEST_ID, privateKey: strangerKey() }) });
    expect(error).toMatchObject({ code: "invalidSignature" });
    expect(error.message).toMatch(/does not verify with fal's keys/);
  });

  it("a timestamp more than 5 minutes away, either way (replays), even when correctly signed", async () => {
    const fal = await fake();
    const body = okBody();
    const now = Math.floor(Date.now() / 1000);
    for (const at of [now - 301, now + 301]) {
      const error = await refused(fal, body, { ...fal.signWebhook(body, { requestId: REQUEST_ID, timestamp: at }) });
      expect(error).toMatchObject({ code: "invalidSignature" });
      expect(error.message).toMatch(/s from this clock \(at most 300 s\)/);
    }
    // The timestamp is checked before any key is fetched.
    expect(fal.jwksRequests).toBe(0);
    for (const at of [now - 290, now + 290]) {
      await expect(parseFalWebhook(body, fal.signWebhook(body, { requestId: REQUEST_ID, timestamp: at }), { jwksUrl: fal.jwksUrl })).resolves.toMatchObject({ status: "OK" });
    }
    expect(fal.jwksRequests).toBe(1);
  });

  it("missing or malformed signature headers, before anything is fetched", async () => {
    const fal = await fake();
    const body = okBody();
    const headers = fal.signWebhook(body, { requestId: REQUEST_ID });
    for (const name of Object.keys(headers)) {
      const without: Record<string, string> = { ...headers };
      delete without[name];
      expect((await refused(fal, body, without)).message).toContain(`${name} is missing`);
    }
    expect((await refused(fal, body, { ...headers, "X-Fal-Webhook-Timestamp": "1e9" })).message).toMatch(/not unix seconds/);
    expect((await refused(fal, body, { ...headers, "X-Fal-Webhook-Signature": "zz".repeat(64) })).message).toMatch(/not a 64-byte hex signature/);
    expect((await refused(fal, body, { ...headers, "X-Fal-Webhook-Signature": headers["X-Fal-Webhook-Signature"].slice(2) })).message).toMatch(/64-byte/);
    expect(fal.jwksRequests).toBe(0);
  });

  it("a signed body that is not a fal webhook is invalidPayload", async () => {
    const fal = await fake();
    const options = { keys: [fal.publicJwk()], fetch: noFetch };
    const cases: Array<[string, RegExp]> = [
      ["[1,2]", /JSON object/],
      ["not json", /not JSON/],
      [JSON.stringify({ status: "OK", payload: {} }), /lacks request_id/],
      [JSON.stringify({ request_id: REQUEST_ID, status: "DONE", payload: {} }), /neither "OK" nor "ERROR"/],
      [JSON.stringify({ request_id: REQUEST_ID, status: "ERROR", error: { nested: true } }), /error is not a string/],
      [okBody("a-different-request"), /differs from X-Fal-Webhook-Request-Id/],
    ];
    for (const [body, message] of cases) {
      const error = await rejection(parseFalWebhook(body, fal.signWebhook(body, { requestId: REQUEST_ID }), options));
      expect(error.code, body).toBe("invalidPayload");
      expect(error.message).toMatch(message);
    }
  });

  it("only the raw body: anything else is a TypeError, before any check", async () => {
    const fal = await fake();
    const headers = fal.signWebhook(okBody(), { requestId: REQUEST_ID });
    for (const body of [JSON.parse(okBody()) as unknown, new TextEncoder().encode(okBody()).buffer, null, 42]) {
      await expect(parseFalWebhook(body as string, headers, { jwksUrl: fal.jwksUrl })).rejects.toThrow(TypeError);
    }
    await expect(parseFalWebhook(okBody(), null as never, { jwksUrl: fal.jwksUrl })).rejects.toThrow(TypeError);
    expect(fal.jwksRequests).toBe(0);
  });
});

describe("fal webhooks: keys", () => {
  it("injected keys (options.keys, options.jwks) verify without any fetch; unusable ones are refused", async () => {
    const fal = await fake();
    const body = okBody();
    const headers = fal.signWebhook(body, { requestId: REQUEST_ID });
    const jwk = { ...fal.publicJwk(), alg: "EdDSA", use: "sig", kid: "k1" };
    await expect(parseFalWebhook(body, headers, { keys: [jwk], fetch: noFetch })).resolves.toMatchObject({ status: "OK" });
    await expect(parseFalWebhook(body, headers, { jwks: { keys: [{ kty: "RSA", crv: "", x: "" }, jwk] }, fetch: noFetch })).resolves.toMatchObject({ status: "OK" });
    // A wrong injected key is no reason to fetch: the caller chose the keys.
    const other = { kty: "OKP", crv: "Ed25519", x: "A".repeat(43) };
    await expect(parseFalWebhook(body, headers, { keys: [other], fetch: noFetch })).rejects.toMatchObject({ code: "invalidSignature" });
    await expect(parseFalWebhook(body, headers, { keys: [{ kty: "RSA", crv: "P-256", x: "abc" }], fetch: noFetch })).rejects.toMatchObject({ code: "invalidResponse", message: expect.stringMatching(/options.keys has no Ed25519 key/) });
    await expect(parseFalWebhook(body, headers, { jwks: {} as never, fetch: noFetch })).rejects.toMatchObject({ message: expect.stringMatching(/not a JWKS/) });
    expect(fal.jwksRequests).toBe(0);
  });

  it("defaults to fal's JWKS on its REST host", async () => {
    expect(FAL_JWKS_URL).toBe("https://rest.fal.ai/.well-known/jwks.json");
    const fal = await fake();
    const body = okBody();
    const asked: string[] = [];
    const recording: typeof fetch = async (url) => {
      asked.push(String(url));
      return new Response(JSON.stringify({ keys: [fal.publicJwk()] }), { status: 200 });
    };
    await expect(parseFalWebhook(body, fal.signWebhook(body, { requestId: REQUEST_ID }), { fetch: recording })).resolves.toMatchObject({ status: "OK" });
    expect(asked).toEqual([FAL_JWKS_URL]);
  });

  it("fetched keys are kept at most 24 hours", async () => {
    const fal = await fake();
    let clock = Date.now();
    const options: FalWebhookOptions = { jwksUrl: fal.jwksUrl, now: () => clock, maxKeyAgeMs: 30 * 24 * 3600 * 1000 };
    const deliver = () => {
      const body = okBody();
      return parseFalWebhook(body, fal.signWebhook(body, { requestId: REQUEST_ID, timestamp: Math.floor(clock / 1000) }), options);
    };
    await deliver();
    clock += 23 * 3600 * 1000;
    await deliver();
    expect(fal.jwksRequests).toBe(1);
    clock += 3600 * 1000; // 24 hours after the fetch, although maxKeyAgeMs asked for 30 days
    await deliver();
    expect(fal.jwksRequests).toBe(2);
  });

  it("after fal rotates its key, one refetch finds the new key, at most every 5 minutes", async () => {
    const fal = await fake();
    let clock = Date.now();
    const options: FalWebhookOptions = { jwksUrl: fal.jwksUrl, now: () => clock };
    const deliver = () => {
      const body = okBody();
      return parseFalWebhook(body, fal.signWebhook(body, { requestId: REQUEST_ID, timestamp: Math.floor(clock / 1000) }), options);
    };
    await deliver();
    fal.rotateKey();
    clock += 60 * 1000;
    // Keys fetched a minute ago: no refetch yet, so a forged delivery cannot make the receiver hammer fal.
    await expect(deliver()).rejects.toMatchObject({ code: "invalidSignature" });
    expect(fal.jwksRequests).toBe(1);
    clock += 5 * 60 * 1000;
    await expect(deliver()).resolves.toMatchObject({ status: "OK" });
    expect(fal.jwksRequests).toBe(2);
    await expect(deliver()).resolves.toMatchObject({ status: "OK" });
    expect(fal.jwksRequests).toBe(2);
  });

  it("a JWKS that cannot be had rejects retryable (answer 5xx, fal delivers again) and is not cached", async () => {
    const fal = await fake();
    const body = okBody();
    const headers = fal.signWebhook(body, { requestId: REQUEST_ID });
    let answer: () => Response = () => new Response("<html>down</html>", { status: 503 });
    const flaky: typeof fetch = async () => answer();
    const url = `${fal.url}/flaky-jwks.json`;
    await expect(parseFalWebhook(body, headers, { jwksUrl: url, fetch: flaky })).rejects.toMatchObject({ code: "invalidResponse", retryable: true, message: expect.stringMatching(/HTTP 503/) });
    answer = () => new Response("{not json", { status: 200 });
    await expect(parseFalWebhook(body, headers, { jwksUrl: url, fetch: flaky })).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/not JSON/) });
    answer = () => new Response(JSON.stringify({ keys: [fal.publicJwk()], pad: "x".repeat(70_000) }), { status: 200 });
    await expect(parseFalWebhook(body, headers, { jwksUrl: url, fetch: flaky })).rejects.toMatchObject({ message: expect.stringMatching(/over 65536 bytes/) });
    // An endless answer is read only up to the limit, then cancelled (it was read whole before its size was checked).
    let pulled = 0;
    answer = () => new Response(new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(16 * 1024).fill(0x20))) }), { status: 200 });
    await expect(parseFalWebhook(body, headers, { jwksUrl: url, fetch: flaky })).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/over 65536 bytes/) });
    expect(pulled).toBeLessThanOrEqual(6);
    const refused: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    await expect(parseFalWebhook(body, headers, { jwksUrl: url, fetch: refused })).rejects.toMatchObject({ code: "networkError", retryable: true });
    answer = () => new Response(JSON.stringify({ keys: [fal.publicJwk()] }), { status: 200 });
    await expect(parseFalWebhook(body, headers, { jwksUrl: url, fetch: flaky })).resolves.toMatchObject({ status: "OK" });
    await expect(parseFalWebhook(body, headers, { jwksUrl: "file:///etc/jwks.json" })).rejects.toMatchObject({ code: "invalidOptions" });
  });
});

describe("fal webhooks: handleFalWebhook(Request)", () => {
  it("reads the raw body from a Fetch API Request and verifies it", async () => {
    const fal = await fake();
    const body = okBody();
    const headers = fal.signWebhook(body, { requestId: REQUEST_ID });
    const options = { jwksUrl: fal.jwksUrl };
    const request = (b: string, h: Record<string, string>) => new Request("https://app.example/hooks/fal", { method: "POST", headers: h, body: b });
    await expect(handleFalWebhook<Output>(request(body, headers), options)).resolves.toMatchObject({ request_id: REQUEST_ID, status: "OK", payload: { video: { url: "https://v3.fal.media/files/x.mp4" } } });
    await expect(handleFalWebhook(request(body.replace("OK", "ERROR"), headers), options)).rejects.toMatchObject({ code: "invalidSignature" });
    const used = request(body, headers);
    await used.text();
    await expect(handleFalWebhook(used, options)).rejects.toThrow(/already read/);
    await expect(handleFalWebhook({} as Request, options)).rejects.toThrow(TypeError);
  });
});
