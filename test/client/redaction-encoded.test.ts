// The API key echoed in another spelling is redacted too (issue 24): a fake Runware server on 127.0.0.1 answers
// with the key JSON-escaped (`\/`, `\u002f`, as a body that re-serialised the request) or percent-encoded (either
// hex case, as a query string or a form), in a body that is not JSON (the error's snippet) and in a JSON error item.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createRunwareClient, type ModelgenError } from "../../templates/runtime/index.js";
import { createRedactor } from "../../templates/runtime/redact.js";
import { fastOptions, useFakeRunware, wanTask, wanVideoBinding } from "../helpers/fake-runware.js";
import { rejection } from "../helpers/rejection.js";

/** A key with the characters encoders treat differently: `/`, `+`, `=` (base64-like keys have them). */
const KEY = "LEAKY/KEY+7f3a9c1e5b==";
const fake = useFakeRunware(KEY, afterEach);

/** Each spelling of KEY a server was seen to echo. */
const SPELLINGS: [string, string][] = [
  ["JSON with \\/", KEY.replace(/\//g, "\\/")],
  ["JSON with \\u002f", KEY.replace(/\//g, "\\u002f")],
  ["JSON with \\u002F and \\u002b", KEY.replace(/\//g, "\\u002F").replace(/\+/g, "\\u002b")],
  ["percent-encoded", encodeURIComponent(KEY)],
  ["percent-encoded, lower-case hex", encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
  ["percent-encoded, every character", Array.from(KEY, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join("")],
  ["mixed: percent-encoded / and raw +", KEY.replace(/\//g, "%2F")],
];

/** Every way an error is shown or logged. */
const shown = (error: ModelgenError): string => [error.message, error.code, String(error.stack), JSON.stringify(error), inspect(error, { depth: Infinity })].join("\n");

describe("the key echoed in another spelling", () => {
  it.each(SPELLINGS)("%s, in a body that is not JSON: the snippet says [redacted]", async (_, spelling) => {
    expect(spelling).not.toContain(KEY);
    const server = await fake();
    server.inject({ kind: "custom", on: "submit", status: 400, body: `proxy says: no key ${spelling} here` });
    const error = await rejection(createRunwareClient(wanVideoBinding(), fastOptions(server.url, KEY)).run(wanTask()));
    expect(error).toMatchObject({ code: "httpError", status: 400 });
    expect(error.message).toContain("no key [redacted] here");
    expect(shown(error)).not.toContain(spelling);
  });

  it.each(SPELLINGS)("%s, in a JSON error item: message and details say [redacted]", async (_, spelling) => {
    const server = await fake();
    server.inject({ kind: "custom", on: "submit", status: 401, body: { errors: [{ code: "invalidApiKey", message: `the key ${spelling} is invalid`, echo: { query: `?key=${spelling}` } }] } });
    const error = await rejection(createRunwareClient(wanVideoBinding(), fastOptions(server.url, KEY)).run(wanTask()));
    expect(error.code).toBe("invalidApiKey");
    expect(error.message).toBe("the key [redacted] is invalid");
    expect(JSON.stringify(error.details)).toContain('"query":"?key=[redacted]"');
    expect(shown(error)).not.toContain(spelling);
  });
});

describe("the redactor", () => {
  it("masks JSON-escaped quotes and backslashes and UTF-8 percent-encoding, and leaves near misses alone", () => {
    const key = 'pa"ss\\wörd-0123';
    const redact = createRedactor([key]);
    for (const spelling of [key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key), encodeURIComponent(key).toLowerCase()]) {
      expect(redact(`<${spelling}>`), spelling).toBe("<[redacted]>");
    }
    expect(redact("pa%22ss%5Cw%C3%B6rd-012")).toBe("pa%22ss%5Cw%C3%B6rd-012");
    expect(redact("pa\"ss\\wXrd-0123")).toBe("pa\"ss\\wXrd-0123");
  });
});
