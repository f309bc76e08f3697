// The small pure pieces of the runtime: backoff, Retry-After, poll cadence, HMAC, redaction,
// the limiter, options checking.

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createLimiter } from "../../templates/runtime/limit.js";
import { createRedactor } from "../../templates/runtime/redact.js";
import { resolveOptions } from "../../templates/runtime/options.js";
import {
  backoffDelay,
  createRunflowClient,
  createRunwareClient,
  hmacSha256Hex,
  isUuid,
  ModelgenError,
  parseRetryAfter,
  pollDelay,
  timingSafeEqual,
  uuidV4,
} from "../../templates/runtime/index.js";
import { wanVideoBinding } from "../helpers/fake-runware.js";
import { wanRunflowBinding } from "../helpers/fake-runflow.js";

describe("backoffDelay", () => {
  const retry = { max: 3, baseMs: 1000, capMs: 30_000 };
  it("doubles per retry and takes off up to 30% jitter", () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, retry, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, retry, () => 1))).toEqual([700, 1400, 2800, 5600]);
    expect(backoffDelay(1, retry, () => 0.5)).toBe(1700);
  });
  it("is capped", () => {
    expect(backoffDelay(10, retry, () => 0)).toBe(30_000);
    expect(backoffDelay(1000, retry, () => 0)).toBe(30_000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 3 ", now)).toBe(3000);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
  });
  it("reads HTTP dates, never negative", () => {
    expect(parseRetryAfter("Wed, 01 Jan 2025 12:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores absent or malformed values", () => {
    for (const v of [null, undefined, "", "soon", "-1"]) expect(parseRetryAfter(v, now)).toBeUndefined();
  });
});

describe("pollDelay", () => {
  it("starts at firstDelayMs and grows by factor up to maxDelayMs (defaults: 1 s, ×1.5, 10 s)", () => {
    const poll = { firstDelayMs: 1000, factor: 1.5, maxDelayMs: 10_000, budgetMs: 1_200_000 };
    expect(Array.from({ length: 8 }, (_, n) => pollDelay(n, poll))).toEqual([1000, 1500, 2250, 3375, 5063, 7594, 10_000, 10_000]);
  });
});

describe("hmac and uuid", () => {
  it("matches node:crypto's HMAC-SHA256", async () => {
    for (const [key, data] of [["k", ""], ["secret", "hello"], ["ключ", "данные ✓"], ["x".repeat(100), "y".repeat(10_000)]] as const) {
      expect(await hmacSha256Hex(key, data)).toBe(createHmac("sha256", key).update(data).digest("hex"));
    }
  });
  it("compares bytes", () => {
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
  it("makes distinct v4 UUIDs", () => {
    const ids = Array.from({ length: 100 }, uuidV4);
    expect(new Set(ids).size).toBe(100);
    expect(ids.every((id) => isUuid(id) && id[14] === "4")).toBe(true);
  });
});

describe("redaction", () => {
  it("masks the secret in strings, nested values and keys", () => {
    const redact = createRedactor(["s3cr3t-key"]);
    expect(redact("key s3cr3t-key here s3cr3t-key")).toBe("key [redacted] here [redacted]");
    expect(redact({ a: ["x s3cr3t-key"], "s3cr3t-key": 1, n: 5 })).toEqual({ a: ["x [redacted]"], "[redacted]": 1, n: 5 });
  });
});

describe("createLimiter", () => {
  it("never runs more than n at once and runs everything", async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 1 + (i % 3)));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe("options", () => {
  it("fills the documented defaults", () => {
    const r = resolveOptions({ apiKey: "key-0123456789" }, "https://api.runware.ai/v1");
    expect(r).toMatchObject({ baseUrl: "https://api.runware.ai/v1", timeoutMs: 60_000, retry: { max: 3, baseMs: 1000, capMs: 30_000 }, poll: { firstDelayMs: 1000, factor: 1.5, maxDelayMs: 10_000, budgetMs: 1_200_000 } });
    expect(resolveOptions({ apiKey: "key-0123456789", retries: 5, baseUrl: "http://x/v1/" }, "").retry.max).toBe(5);
    expect(resolveOptions({ apiKey: "key-0123456789", baseUrl: "http://x/v1/" }, "").baseUrl).toBe("http://x/v1");
  });
  it("refuses a missing key, a bad URL, nonsense numbers and a broken binding", () => {
    expect(() => createRunwareClient(wanVideoBinding(), { apiKey: "" })).toThrow(expect.objectContaining({ code: "missingApiKey" }));
    expect(() => createRunflowClient(wanRunflowBinding(), { apiKey: "key-0123456789", baseUrl: "not a url" })).toThrow(expect.objectContaining({ code: "invalidOptions" }));
    expect(() => createRunwareClient(wanVideoBinding(), { apiKey: "key-0123456789", timeoutMs: -1 })).toThrow(ModelgenError);
    expect(() => createRunwareClient(wanVideoBinding(), { apiKey: "key-0123456789", poll: { factor: 0.5 } })).toThrow(ModelgenError);
    expect(() => createRunwareClient({ ...wanVideoBinding(), defaultDelivery: "sync" }, { apiKey: "key-0123456789" })).toThrow(expect.objectContaining({ code: "invalidOptions" }));
  });
});
