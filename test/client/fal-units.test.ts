// fal's small pure pieces (pydantic locations as JSON Pointers, the queue URLs of a bare request id, the origin
// rule), and the shipped bundle (generated/_runtime/) verifying a signed webhook from plain Node.

import { generateKeyPairSync, sign, createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { detailIssues, locToPointer } from "../../templates/runtime/fal/api-error.js";
import { checkEndpointId, requestUrls, sameOrigin, submitUrl } from "../../templates/runtime/fal/urls.js";
import { settleStatus } from "../../templates/runtime/fal/status.js";
import { createRedactor } from "../../templates/runtime/redact.js";

describe("fal 422 detail → issues", () => {
  it("drops the leading body, keeps indices and escapes ~ and / (RFC 6901)", () => {
    expect(locToPointer(["body", "prompt"])).toBe("/prompt");
    expect(locToPointer(["body", "loras", 0, "path"])).toBe("/loras/0/path");
    expect(locToPointer(["body", "a/b", "c~d"])).toBe("/a~1b/c~0d");
    expect(locToPointer(["body"])).toBe("");
    expect(locToPointer(["query", "fal_webhook"])).toBe("/query/fal_webhook");
    expect(locToPointer("body.prompt")).toBe("");
    expect(locToPointer(["body", { x: 1 }, "y"])).toBe("/y");
  });

  it("reads a list, a plain string, or nothing", () => {
    expect(detailIssues([{ loc: ["body", "seed"], msg: "ensure this value is less than 100", type: "value_error" }, "junk", { loc: ["body", "x"] }])).toEqual([
      { path: "/seed", message: "ensure this value is less than 100" },
      { path: "/x", message: "is invalid" },
    ]);
    expect(detailIssues("Image could not be downloaded")).toEqual([{ path: "", message: "Image could not be downloaded" }]);
    expect(detailIssues({ loc: ["body"] })).toEqual([]);
  });
});

describe("fal URLs", () => {
  it("requests known by id live under owner/app (and a namespace), not the endpoint's path", () => {
    expect(requestUrls("https://queue.fal.run", "fal-ai/kling-video/v2.5-turbo/pro/text-to-video", "r 1")).toEqual({
      status: "https://queue.fal.run/fal-ai/kling-video/requests/r%201/status",
      response: "https://queue.fal.run/fal-ai/kling-video/requests/r%201",
      cancel: "https://queue.fal.run/fal-ai/kling-video/requests/r%201/cancel",
    });
    expect(requestUrls("https://queue.fal.run", "workflows/acme/my-flow/run", "r1").status).toBe("https://queue.fal.run/workflows/acme/my-flow/requests/r1/status");
    expect(requestUrls("https://queue.fal.run", "veed/lipsync", "../x").response).toBe("https://queue.fal.run/veed/lipsync/requests/..%2Fx");
  });

  it("submits to the whole endpoint id, the webhook URL encoded in fal_webhook", () => {
    expect(submitUrl("https://queue.fal.run", "fal-ai/flux/dev", undefined)).toBe("https://queue.fal.run/fal-ai/flux/dev");
    expect(submitUrl("https://queue.fal.run", "fal-ai/flux/dev", "https://me.example/h?a=1&b=2")).toBe("https://queue.fal.run/fal-ai/flux/dev?fal_webhook=https%3A%2F%2Fme.example%2Fh%3Fa%3D1%26b%3D2");
  });

  it("follows only URLs on the base URL's origin", () => {
    const base = "https://queue.fal.run";
    expect(sameOrigin("https://queue.fal.run/a/b/requests/1/status", base, "status_url")).toBe("https://queue.fal.run/a/b/requests/1/status");
    for (const hostile of ["https://queue.fal.run.evil.example/x", "http://queue.fal.run/x", "https://queue.fal.run:8443/x", "https://u:p@queue.fal.run/x", "//evil.example/x", "/relative", "data:,x", 42, undefined]) {
      expect(() => sameOrigin(hostile, base, "status_url"), String(hostile)).toThrow(/status_url/);
    }
  });

  it("checks endpoint ids", () => {
    expect(checkEndpointId("fal-ai/kling-video/v2.5-turbo/pro/text-to-video")).toBe("fal-ai/kling-video/v2.5-turbo/pro/text-to-video");
    for (const bad of ["fal-ai", "/fal-ai/x", "fal-ai/x/", "fal-ai/./x", "fal-ai/x#y", "fal-ai/x y", null]) expect(() => checkEndpointId(bad), String(bad)).toThrow(/invalid fal endpoint id/);
  });
});

describe("fal status verdicts", () => {
  const redact = createRedactor([]);
  it("COMPLETED without error is done; with one, requestFailed; anything else still runs", () => {
    expect(settleStatus({ status: "COMPLETED", request_id: "r" }, redact)).toBe("done");
    expect(settleStatus({ status: "COMPLETED", request_id: "r", error: null }, redact)).toBe("done");
    expect(settleStatus({ status: "IN_PROGRESS", request_id: "r", error: "x" }, redact)).toBeUndefined();
    expect(settleStatus({ status: "SOMETHING_NEW", request_id: "r" }, redact)).toBeUndefined();
    const failed = settleStatus({ status: "COMPLETED", request_id: "r", error: "boom" }, redact);
    expect(failed).toMatchObject({ code: "requestFailed", requestId: "r", message: "fal request r failed: boom" });
  });
});

describe("the shipped runtime bundle", () => {
  it("exports the fal client and verifies a signed fal webhook from plain Node", async () => {
    const runtime = (await import(new URL("../../generated/_runtime/runtime/index.js", import.meta.url).href)) as typeof import("../../templates/runtime/index.js");
    expect(typeof runtime.createFalClient).toBe("function");
    expect(runtime.FAL_QUEUE_BASE_URL).toBe("https://queue.fal.run");
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const jwk = publicKey.export({ format: "jwk" }) as { kty: string; crv: string; x: string };
    const body = JSON.stringify({ request_id: "r1", gateway_request_id: "r1", status: "OK", payload: { images: [] } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const message = `r1\nuser\n${timestamp}\n${createHash("sha256").update(body).digest("hex")}`;
    const headers = {
      "x-fal-webhook-request-id": "r1",
      "x-fal-webhook-user-id": "user",
      "x-fal-webhook-timestamp": timestamp,
      "x-fal-webhook-signature": sign(null, Buffer.from(message), privateKey).toString("hex"),
    };
    await expect(runtime.parseFalWebhook(body, headers, { keys: [jwk] })).resolves.toMatchObject({ request_id: "r1", status: "OK", payload: { images: [] } });
    await expect(runtime.parseFalWebhook(body.replace("[]", "[1]"), headers, { keys: [jwk] })).rejects.toMatchObject({ code: "invalidSignature" });
  });
});
