// Webhook helpers: Runflow signature verification (good, bad, tampered, missing) checked
// against node:crypto's HMAC, and Runware webhook parsing, including hooks the fake Runware
// server really POSTs while a task runs.

import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createRunwareClient, parseRunflowWebhook, parseRunwareWebhook, verifyRunflowSignature } from "../../templates/runtime/index.js";
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

describe("parseRunwareWebhook", () => {
  const taskUUID = "0d84f171-2e54-4c07-836e-05788795736d";
  const video = { taskType: "videoInference", taskUUID, videoUUID: "9b2d1445-99ad-40ca-9adc-2dc6786df569", videoURL: "https://vm.example/v.mp4", seed: 9669 };

  it("returns finished items as results", () => {
    expect(parseRunwareWebhook({ data: [video] })).toEqual({ results: [video], errors: [] });
    expect(parseRunwareWebhook(JSON.stringify({ data: [{ ...video, status: "success" }] })).results).toHaveLength(1);
  });

  it("returns error items and top-level errors as ModelgenErrors, and skips items still running", () => {
    const out = parseRunwareWebhook({
      data: [{ taskType: "videoInference", taskUUID, status: "error", error: { code: "timeoutProvider", message: "slow" } }, { taskType: "videoInference", taskUUID, status: "processing", progress: 50 }],
      errors: [{ code: "insufficientCredits", message: "top up", taskUUID }],
    });
    expect(out.results).toEqual([]);
    expect(out.errors.map((e) => [e.code, e.taskUUID, e.retryable])).toEqual([
      ["insufficientCredits", taskUUID, false],
      ["timeoutProvider", taskUUID, false],
    ]);
  });

  it("with a binding, flags items of another task type", () => {
    const out = parseRunwareWebhook({ data: [{ ...video, taskType: "imageInference" }] }, { taskType: "videoInference" });
    expect(out.results).toEqual([]);
    expect(out.errors[0]).toMatchObject({ code: "invalidPayload", taskUUID });
  });

  it("throws invalidPayload for bodies of the wrong shape", () => {
    for (const bad of ["{", "[]", 42, null, { nothing: true }]) {
      expect(() => parseRunwareWebhook(bad)).toThrow(expect.objectContaining({ code: "invalidPayload" }));
    }
  });

  describe("delivered by the fake Runware server", () => {
    const stoppers: Array<FakeRunware | HookReceiver> = [];
    afterEach(async () => {
      await Promise.all(stoppers.splice(0).map((s) => s.stop()));
    });

    it("one webhook per finished item, matching what polling returned", async () => {
      const server = await startFakeRunware({ apiKey: "k-hooks", plan: () => ({ stepsPerResult: 1 }) });
      const hooks = await startHookReceiver();
      stoppers.push(server, hooks);
      const client = createRunwareClient<Record<string, unknown>, { videoUUID: string }>(wanVideoBinding(), fastOptions(server.url, "k-hooks"));
      const results = await client.run(wanTask("With hooks", { numberResults: 2, webhookURL: `${hooks.url}/runware?token=t0k3n` }));
      const received = await hooks.waitFor(2);
      expect(received.every((h) => h.path === "/runware?token=t0k3n")).toBe(true);
      const parsed = received.flatMap((h) => parseRunwareWebhook<{ videoUUID: string }>(h.raw.toString("utf8"), wanVideoBinding()).results);
      expect(parsed.map((r) => r.videoUUID).sort()).toEqual(results.map((r) => r.videoUUID).sort());
    });
  });
});
