// A generated fal module's webhooks, from plain Node: a delivery the fake fal queue signs (Ed25519, its JWKS fetched
// from 127.0.0.1) verifies and parses with the model's Output in `payload`; a tampered body or a signature by
// another key is refused as invalidSignature; handleWebhook does the same from a Fetch API Request.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sign } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { falSignedMessage, FAKE_FAL_USER_ID, startFakeFal, strangerKey, type FakeFal } from "../helpers/fake-fal.js";
import { ROOT } from "../helpers/generated.js";

const MODULE = path.join(ROOT, "generated/fal/fal-ai/kling-video/v2.5-turbo/pro/text-to-video/index.js");
let fal: FakeFal;
let kling: Record<string, any>;
beforeAll(async () => {
  fal = await startFakeFal({ apiKey: "fal-test-key-0123456789" });
  kling = await import(pathToFileURL(MODULE).href);
});
afterAll(() => fal.stop());

const body = (requestId: string) => JSON.stringify({ request_id: requestId, gateway_request_id: requestId, status: "OK", payload: { video: { url: "https://v3.fal.media/files/x.mp4" } } });

describe("a generated fal module's webhooks", () => {
  test("a signed delivery verifies and parses; a tampered body and another key's signature are refused", async () => {
    const requestId = "5b2f7f2e-0f4f-4b2e-9d39-2d1f2a0c0001";
    const raw = body(requestId);
    const headers = fal.signWebhook(raw, { requestId });
    const hook = await kling.parseWebhook(Buffer.from(raw), headers, { jwksUrl: fal.jwksUrl });
    expect(hook).toMatchObject({ request_id: requestId, status: "OK", payload: { video: { url: "https://v3.fal.media/files/x.mp4" } } });
    expect(fal.jwksRequests).toBe(1); // the keys came from the JWKS on 127.0.0.1

    const tampered = raw.replace("x.mp4", "y.mp4");
    await expect(kling.parseWebhook(tampered, headers, { jwksUrl: fal.jwksUrl })).rejects.toMatchObject({ code: "invalidSignature" });

    const stranger = strangerKey();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const forged = { ...headers, "X-Fal-Webhook-Timestamp": timestamp, "X-Fal-Webhook-Signature": sign(null, falSignedMessage(requestId, FAKE_FAL_USER_ID, timestamp, raw), stranger).toString("hex") };
    await expect(kling.parseWebhook(raw, forged, { keys: [fal.publicJwk()] })).rejects.toMatchObject({ code: "invalidSignature" });
  });

  test("handleWebhook reads the raw body of a Request", async () => {
    const requestId = "5b2f7f2e-0f4f-4b2e-9d39-2d1f2a0c0002";
    const raw = body(requestId);
    const request = new Request("https://hooks.example/fal", { method: "POST", headers: fal.signWebhook(raw, { requestId }), body: raw });
    const hook = await kling.handleWebhook(request, { keys: [fal.publicJwk()] });
    expect(hook.request_id).toBe(requestId);
    const bad = new Request("https://hooks.example/fal", { method: "POST", headers: fal.signWebhook(raw, { requestId }), body: raw + " " });
    await expect(kling.handleWebhook(bad, { keys: [fal.publicJwk()] })).rejects.toMatchObject({ code: "invalidSignature" });
  });
});
