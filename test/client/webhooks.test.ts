// Webhook helpers: Runflow signature verification (good, bad, tampered, missing) checked
// against node:crypto's HMAC, and Runware webhook parsing, including hooks the fake Runware
// server really POSTs while a task runs.

import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  checkWebhookToken,
  createRunwareClient,
  createWebhookToken,
  createWebhookUrl,
  handleFalWebhook,
  handleRunflowWebhook,
  handleRunwareWebhook,
  parseRunflowWebhook,
  parseRunwareWebhook,
  verifyRunflowSignature,
  type RunwareWebhookOptions,
} from "../../templates/runtime/index.js";
import { startHookReceiver, type HookReceiver } from "../helpers/fake-runflow.js";
import { fastOptions, startFakeRunware, wanTask, wanVideoBinding, type FakeRunware } from "../helpers/fake-runware.js";

const SECRET = "whsec-unit-5e6f";
const body = JSON.stringify({ event: "run.completed", run_id: "run_1", status: "succeeded", output: { outputs: [] }, duration_ms: 10, created_at: null, completed_at: null, metadata: null });
const sign = (raw: string | Buffer, secret = SECRET) => createHmac("sha256", secret).update(raw).digest("hex");

describe("verifyRunflowSignature", () => {
  it("accepts the hex HMAC-SHA256 of the raw body, as text or bytes, in either case", async () => {
    expect(await verifyRunflowSignature(body, sign(body), SECRET)).toBe(true);
    expect(await verifyRunflowSignature(new TextEncoder().encode(body), sign(body), SECRET)).toBe(true);
    expect(await verifyRunflowSignature(body, sign(body).toUpperCase(), SECRET)).toBe(true);
    const unicode = JSON.stringify({ run_id: "run_é✓", status: "succeeded", event: "run.completed" });
    expect(await verifyRunflowSignature(unicode, sign(Buffer.from(unicode, "utf8")), SECRET)).toBe(true);
  });

  it.each([
    ["a wrong secret", body, sign(body, "other")],
    ["a tampered body", body.replace("succeeded", "failed"), sign(body)],
    ["a re-serialised body", JSON.stringify(JSON.parse(body), null, 2), sign(body)],
    ["a missing signature (null)", body, null],
    ["a missing signature (undefined)", body, undefined],
    ["an empty signature", body, ""],
    ["non-hex text", body, "z".repeat(64)],
    ["a truncated signature", body, sign(body).slice(0, 62)],
    ["an odd-length signature", body, sign(body).slice(0, 63)],
    ["a prefixed signature", body, `sha256=${sign(body)}`],
  ])("rejects %s", async (_name, raw, signature) => {
    expect(await verifyRunflowSignature(raw, signature, SECRET)).toBe(false);
  });

  it("rejects everything under an empty secret", async () => {
    expect(await verifyRunflowSignature(body, sign(body, ""), "")).toBe(false);
  });
});

describe("parseRunflowWebhook", () => {
  it("reads the signature header case-insensitively from Headers or a plain record", async () => {
    const sig = sign(body);
    await expect(parseRunflowWebhook(body, new Headers({ "Runflow-Signature": sig }), SECRET)).resolves.toMatchObject({ run_id: "run_1", status: "succeeded" });
    await expect(parseRunflowWebhook(body, { "runflow-signature": sig }, SECRET)).resolves.toMatchObject({ event: "run.completed" });
    await expect(parseRunflowWebhook(body, { "RUNFLOW-SIGNATURE": sig }, SECRET)).resolves.toMatchObject({ duration_ms: 10 });
  });

  it("refuses a missing or bad signature with invalidSignature", async () => {
    await expect(parseRunflowWebhook(body, {}, SECRET)).rejects.toMatchObject({ code: "invalidSignature" });
    await expect(parseRunflowWebhook(body, { "runflow-signature": sign(`${body} `) }, SECRET)).rejects.toMatchObject({ code: "invalidSignature" });
  });

  it("refuses a signed body that is not a callback with invalidPayload", async () => {
    const notJson = "not json";
    await expect(parseRunflowWebhook(notJson, { "runflow-signature": sign(notJson) }, SECRET)).rejects.toMatchObject({ code: "invalidPayload" });
    const partial = JSON.stringify({ status: "succeeded" });
    await expect(parseRunflowWebhook(partial, { "runflow-signature": sign(partial) }, SECRET)).rejects.toMatchObject({ code: "invalidPayload" });
  });
});

/** The explicit opt-out from the token check, for the tests about the body itself. */
const ANY = { unverified: true } as const;

describe("parseRunwareWebhook", () => {
  const taskUUID = "0d84f171-2e54-4c07-836e-05788795736d";
  const video = { taskType: "videoInference", taskUUID, videoUUID: "9b2d1445-99ad-40ca-9adc-2dc6786df569", videoURL: "https://vm.example/v.mp4", seed: 9669 };
  const raw = (value: unknown) => JSON.stringify(value);

  it("returns finished items as data, from text, bytes or a Buffer", () => {
    expect(parseRunwareWebhook(raw({ data: [video] }), ANY)).toEqual({ data: [video], errors: [] });
    expect(parseRunwareWebhook(new TextEncoder().encode(raw({ data: [{ ...video, status: "success" }] })), ANY).data).toHaveLength(1);
    expect(parseRunwareWebhook(Buffer.from(raw({ data: [video] })), ANY).data).toEqual([video]);
  });

  it("returns error items and top-level errors as ModelgenErrors, and skips items still running", () => {
    const out = parseRunwareWebhook(
      raw({
        data: [{ taskType: "videoInference", taskUUID, status: "error", error: { code: "timeoutProvider", message: "slow" } }, { taskType: "videoInference", taskUUID, status: "processing", progress: 50 }],
        errors: [{ code: "insufficientCredits", message: "top up", taskUUID }],
      }),
      ANY,
    );
    expect(out.data).toEqual([]);
    expect(out.errors.map((e) => [e.code, e.taskUUID, e.retryable])).toEqual([
      ["insufficientCredits", taskUUID, false],
      ["timeoutProvider", taskUUID, false],
    ]);
  });

  it("with a task type, flags items of another task type", () => {
    const out = parseRunwareWebhook(raw({ data: [{ ...video, taskType: "imageInference" }] }), { unverified: true, taskType: "videoInference" });
    expect(out.data).toEqual([]);
    expect(out.errors[0]).toMatchObject({ code: "invalidPayload", taskUUID });
  });

  it.each([
    ["not JSON", "{"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0x7d])],
    ["an array", "[]"],
    ["a number", "42"],
    ["null", "null"],
    ["neither data nor errors", raw({ nothing: true })],
    ["an empty data", raw({ data: [] })],
    ["data that is not an array", raw({ data: { taskUUID } })],
    ["a data item that is not an object", raw({ data: [video, "x"] })],
    ["a data item without taskUUID", raw({ data: [{ taskType: "videoInference", videoURL: "u" }] })],
    ["errors that are not an array", raw({ errors: "boom" })],
    ["an error that is not an object", raw({ error: "boom" })],
  ])("throws invalidPayload for %s", (_name, body) => {
    expect(() => parseRunwareWebhook(body, ANY)).toThrow(expect.objectContaining({ code: "invalidPayload" }));
  });

  it("checks the URL's token first when given one (before the body is even parsed)", () => {
    const { url, token } = createWebhookUrl("https://hooks.example/runware");
    expect(parseRunwareWebhook(raw({ data: [video] }), { url, token }).data).toEqual([video]);
    const path = `/runware?${new URL(url).searchParams}`;
    expect(parseRunwareWebhook(raw({ data: [video] }), { url: path, token }).data).toEqual([video]);
    for (const wrong of ["/runware", "/runware?token=", `/runware?token=${token.slice(1)}`, `/runware?token=${token}x`, `/runware?tok=${token}`]) {
      expect(() => parseRunwareWebhook("not even JSON", { url: wrong, token })).toThrow(expect.objectContaining({ code: "invalidToken" }));
    }
    expect(() => parseRunwareWebhook(raw({ data: [video] }), { token } as unknown as RunwareWebhookOptions)).toThrow(expect.objectContaining({ code: "invalidOptions" }));
  });

  it("fails closed: no options, empty options or a half-stated opt-out is invalidOptions, before the body is read", () => {
    const body = raw({ data: [video] });
    const refused: [string, unknown][] = [
      ["no options", undefined],
      ["null", null],
      ["empty options", {}],
      ["only a task type", { taskType: "videoInference" }],
      ["unverified: false", { unverified: false }],
      ['unverified: "yes"', { unverified: "yes" }],
      ["unverified: 1", { unverified: 1 }],
      ["a string", "unverified"],
    ];
    for (const [name, options] of refused) {
      expect(() => parseRunwareWebhook(body, options as RunwareWebhookOptions), name).toThrow(expect.objectContaining({ code: "invalidOptions", message: expect.stringContaining("{ unverified: true }") }));
    }
    const { url, token } = createWebhookUrl("https://hooks.example/runware");
    expect(() => parseRunwareWebhook(body, { unverified: true, url, token } as unknown as RunwareWebhookOptions)).toThrow(expect.objectContaining({ code: "invalidOptions", message: expect.stringContaining("contradict") }));
    expect(() => parseRunwareWebhook(body, { url, token: undefined } as unknown as RunwareWebhookOptions)).toThrow(expect.objectContaining({ code: "invalidToken" }));
    expect(parseRunwareWebhook(body, { unverified: true }).data).toEqual([video]);
  });

  describe("delivered by the fake Runware server", () => {
    const stoppers: Array<FakeRunware | HookReceiver> = [];
    afterEach(async () => {
      await Promise.all(stoppers.splice(0).map((s) => s.stop()));
    });

    it("one webhook per finished item, matching what polling returned", async () => {
      const server = await startFakeRunware({ apiKey: "k-hooks-0123", plan: () => ({ stepsPerResult: 1 }) });
      const hooks = await startHookReceiver();
      stoppers.push(server, hooks);
      const client = createRunwareClient<Record<string, unknown>, { videoUUID: string }>(wanVideoBinding(), fastOptions(server.url, "k-hooks-0123"));
      const results = await client.run(wanTask("With hooks", { numberResults: 2, webhookURL: `${hooks.url}/runware?token=t0k3n-0123456789abcdef` }));
      const received = await hooks.waitFor(2);
      expect(received.every((h) => h.path === "/runware?token=t0k3n-0123456789abcdef")).toBe(true);
      const parsed = received.flatMap((h) => parseRunwareWebhook<{ videoUUID: string }>(h.raw, { url: h.path, token: "t0k3n-0123456789abcdef", taskType: "videoInference" }).data);
      expect(parsed.map((r) => r.videoUUID).sort()).toEqual(results.map((r) => r.videoUUID).sort());
    });
  });
});

describe("webhook tokens (Runware signs nothing)", () => {
  it("makes a URL with a fresh random token, keeping the base URL's own query", () => {
    const a = createWebhookUrl("https://hooks.example/runware?app=1");
    const b = createWebhookUrl(new URL("https://hooks.example/runware"));
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(new URL(a.url).searchParams.get("app")).toBe("1");
    expect(new URL(a.url).searchParams.get("token")).toBe(a.token);
    expect(createWebhookUrl("https://hooks.example/r?token=old", "given-token-0123456789").url).toBe("https://hooks.example/r?token=given-token-0123456789");
    expect(createWebhookToken()).toHaveLength(43);
  });

  it("checks a request URL's token, absolute or a path with a query", () => {
    const token = "a-token-with-+&=-chars-01";
    const { url } = createWebhookUrl("https://hooks.example/r", token);
    expect(checkWebhookToken(url, token)).toBe(true);
    expect(checkWebhookToken(new URL(url), token)).toBe(true);
    expect(checkWebhookToken(`/r${new URL(url).search}`, token)).toBe(true);
    expect(checkWebhookToken("/r", token)).toBe(false);
    expect(checkWebhookToken(`/r?token=${encodeURIComponent(token.toUpperCase())}`, token)).toBe(false);
    expect(checkWebhookToken("http://[bad", token)).toBe(false);
  });

  it("refuses a short or missing expected token (an unset variable never passes), and non-http URLs", () => {
    for (const token of [undefined, "", "short-token"] as unknown as string[]) {
      expect(() => checkWebhookToken("/r?token=", token)).toThrow(expect.objectContaining({ code: "invalidOptions" }));
      expect(() => createWebhookUrl("https://hooks.example/r", token || "short")).toThrow(expect.objectContaining({ code: "invalidOptions" }));
    }
    expect(() => createWebhookUrl("hooks.example/r")).toThrow(expect.objectContaining({ code: "invalidOptions" }));
    expect(() => createWebhookUrl("ftp://hooks.example/r")).toThrow(expect.objectContaining({ code: "invalidOptions" }));
  });
});

describe("raw bodies only (issue 14, item 9)", () => {
  const body = JSON.stringify({ data: [{ taskType: "videoInference", taskUUID: "t", videoURL: "u" }] });
  const bytes = new TextEncoder().encode(body);
  const notRaw: Array<[string, unknown, RegExp]> = [
    ["an ArrayBuffer", bytes.buffer, /got an ArrayBuffer/],
    ["a parsed object", JSON.parse(body), /got an object \(parsed JSON\?\)/],
    ["a parsed array", [1], /got an array/],
    ["a DataView", new DataView(bytes.buffer), /got a DataView/],
    ["a Uint16Array", new Uint16Array(4), /got a Uint16Array/],
    ["a Blob", new Blob([body]), /got a Blob/],
    ["undefined", undefined, /got undefined/],
    ["null", null, /got null/],
    ["a number", 42, /got a number/],
  ];

  it.each(notRaw)("rejects %s with a TypeError naming it, everywhere a body is taken", async (_name, value, message) => {
    const signature = createHmac("sha256", SECRET).update(body).digest("hex");
    expect(() => parseRunwareWebhook(value as string, ANY)).toThrow(TypeError);
    expect(() => parseRunwareWebhook(value as string, ANY)).toThrow(message);
    await expect(verifyRunflowSignature(value as string, signature, SECRET)).rejects.toThrow(TypeError);
    await expect(parseRunflowWebhook(value as string, { "runflow-signature": signature }, SECRET)).rejects.toThrow(message);
  });

  it("never hashes a non-raw body (an ArrayBuffer used to hash as zeros and verify against their HMAC)", async () => {
    const zeros = new ArrayBuffer(8);
    const signatureOfZeros = createHmac("sha256", SECRET).update(Buffer.alloc(8)).digest("hex");
    await expect(parseRunflowWebhook(zeros as unknown as string, { "runflow-signature": signatureOfZeros }, SECRET)).rejects.toThrow(TypeError);
  });

  it("accepts a Buffer and a Uint8Array made in another realm", async () => {
    const { runInNewContext } = await import("node:vm");
    const foreign = runInNewContext("new Uint8Array(b)", { b: [...bytes] }) as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    expect(parseRunwareWebhook(foreign, ANY).data).toHaveLength(1);
    expect(parseRunwareWebhook(Buffer.from(body), ANY).data).toHaveLength(1);
  });
});

describe("handle*Webhook: the Fetch API form", () => {
  const callback = JSON.stringify({ event: "run.failed", run_id: "run_9", status: "failed", output: null });
  const request = (url: string, raw: string, headers: Record<string, string> = {}) => new Request(url, { method: "POST", body: raw, headers });

  it("Runflow: verifies the signature over the bytes the Request carries, then parses", async () => {
    const good = request("https://hooks.example/runflow", callback, { "Runflow-Signature": sign(callback) });
    await expect(handleRunflowWebhook(good, { secret: SECRET })).resolves.toMatchObject({ run_id: "run_9", status: "failed", output: null, metadata: null });
    const tampered = request("https://hooks.example/runflow", callback.replace("failed", "succeeded"), { "Runflow-Signature": sign(callback) });
    await expect(handleRunflowWebhook(tampered, { secret: SECRET })).rejects.toMatchObject({ code: "invalidSignature" });
    await expect(handleRunflowWebhook(request("https://hooks.example/runflow", callback), { secret: "" })).rejects.toMatchObject({ code: "invalidOptions" });
  });

  it("Runware: checks the URL's token before reading the body, then parses", async () => {
    const { url, token } = createWebhookUrl("https://hooks.example/runware");
    const body = JSON.stringify({ data: [{ taskType: "videoInference", taskUUID: "t", videoURL: "u" }] });
    await expect(handleRunwareWebhook(request(url, body), { token })).resolves.toEqual({ data: [{ taskType: "videoInference", taskUUID: "t", videoURL: "u" }], errors: [] });
    const forged = request("https://hooks.example/runware?token=guess", body);
    await expect(handleRunwareWebhook(forged, { token })).rejects.toMatchObject({ code: "invalidToken" });
    expect(forged.bodyUsed).toBe(false);
    await expect(handleRunwareWebhook(request(url, body), {} as { token: string })).rejects.toMatchObject({ code: "invalidOptions" });
  });

  it("Runware: handleWebhook is fail-closed and takes { unverified: true } as parseWebhook does", async () => {
    const { url, token } = createWebhookUrl("https://hooks.example/runware");
    const body = JSON.stringify({ data: [{ taskType: "videoInference", taskUUID: "t", videoURL: "u" }] });
    // Said explicitly, any caller is accepted (typed: no cast needed).
    await expect(handleRunwareWebhook(request("https://hooks.example/runware", body), { unverified: true })).resolves.toMatchObject({ data: [{ taskUUID: "t" }] });
    // Anything else that is not a token is refused before the body is read.
    const refused: [string, unknown, string][] = [
      ["no options", undefined, "invalidOptions"],
      ["null", null, "invalidOptions"],
      ["{}", {}, "invalidOptions"],
      ["unverified: false", { unverified: false }, "invalidOptions"],
      ['unverified: "yes"', { unverified: "yes" }, "invalidOptions"],
      ["unverified: 1 with a token", { unverified: 1, token }, "invalidOptions"],
      ["unverified: true with a token", { unverified: true, token }, "invalidOptions"],
      ["a short token", { token: "short" }, "invalidOptions"],
      ["a token that is no string", { token: 12345678901234567890 }, "invalidToken"],
      ["another token", { token: "x".repeat(43) }, "invalidToken"],
    ];
    for (const [name, options, code] of refused) {
      const r = request(url, body);
      await expect(handleRunwareWebhook(r, options as { token: string }), name).rejects.toMatchObject({ code });
      expect(r.bodyUsed, name).toBe(false);
    }
    // { token } checks the Request's own URL: a url in the options is not what is checked.
    await expect(handleRunwareWebhook(request("https://hooks.example/runware", body), { token, url } as { token: string })).rejects.toMatchObject({ code: "invalidToken" });
    // @ts-expect-error: the type says what the runtime refuses
    await expect(handleRunwareWebhook(request(url, body), {})).rejects.toMatchObject({ code: "invalidOptions" });
  });

  it("reads at most 64 MiB of a Request's body, before any signature can be checked (anyone can POST to the route)", async () => {
    const MiB = 1024 * 1024;
    const chunk = new Uint8Array(MiB).fill(0x20);
    // 80 MiB, made as it is read: how much of it each handler asked for.
    const streamed = (url: string, mebibytes = 80) => {
      const pulls = { n: 0 };
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (++pulls.n > mebibytes) controller.close();
          else controller.enqueue(chunk);
        },
      });
      return { pulls, request: new Request(url, { method: "POST", body, duplex: "half" } as RequestInit) };
    };
    const { url, token } = createWebhookUrl("https://hooks.example/runware");
    const handlers: [string, (r: Request) => Promise<unknown>][] = [
      ["Runware", (r) => handleRunwareWebhook(r, { token })],
      ["Runflow", (r) => handleRunflowWebhook(r, { secret: SECRET })],
      ["fal", (r) => handleFalWebhook(r, { keys: [] })],
    ];
    for (const [name, handle] of handlers) {
      const { pulls, request: r } = streamed(url);
      await expect(handle(r), name).rejects.toMatchObject({ code: "invalidPayload", message: expect.stringContaining("over 64 MiB") });
      expect(pulls.n, name).toBeLessThanOrEqual(66);
    }
    // A declared length over the cap is refused before a byte is read.
    const declared = new Request(url, { method: "POST", body: "{}", headers: { "content-length": String(65 * MiB) } });
    await expect(handleRunwareWebhook(declared, { token })).rejects.toMatchObject({ code: "invalidPayload" });
    expect(declared.bodyUsed).toBe(false);
    // 64 MiB exactly is read (and then judged as JSON).
    const { request: under } = streamed(url, 64);
    await expect(handleRunwareWebhook(under, { token })).rejects.toMatchObject({ code: "invalidPayload", message: "webhook body is not JSON" }); // 64 MiB of spaces: read whole, then parsed
  });

  it("rejects what is not a Request, and a Request whose body was already read", async () => {
    await expect(handleRunflowWebhook(callback as unknown as Request, { secret: SECRET })).rejects.toThrow(/takes a Fetch API Request, got a string/);
    await expect(handleRunwareWebhook({ url: "/x" } as unknown as Request, { token: "a-long-enough-token" })).rejects.toThrow(TypeError);
    const read = request("https://hooks.example/runflow", callback, { "Runflow-Signature": sign(callback) });
    await read.json();
    await expect(handleRunflowWebhook(read, { secret: SECRET })).rejects.toThrow(/already read/);
  });
});
