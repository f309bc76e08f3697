// The pieces of a pull that need no server: a document laid out as received (tokens untouched), refused when it is
// not one, and Retry-After read as seconds or a date.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prettyJson, receiveDocument } from "../../generator/providers/received.js";
import { retryAfterMs } from "../../generator/providers/catalog-http.js";
import { fixtureModels } from "./fake-catalog.js";

describe("prettyJson", () => {
  test("lays out fal's real documents exactly as JSON.stringify(value, null, 2), from any layout", () => {
    const docs = fixtureModels().map((m) => m.openapi!);
    expect(docs.length).toBe(5);
    for (const text of docs) {
      const value: unknown = JSON.parse(text);
      const want = JSON.stringify(value, null, 2) + "\n";
      expect(prettyJson(text)).toBe(want);
      expect(prettyJson(JSON.stringify(value))).toBe(want);
      expect(prettyJson(JSON.stringify(value, null, "\t"))).toBe(want);
    }
  });

  test("keeps every token as sent: numbers, escapes and the order of integer-like keys (JSON.parse would change all three)", () => {
    expect(prettyJson(`{"b":{},"a":[ ],"2":1e400,"1":1.0,"s":"\\u00e9\\/"}`)).toBe(`{\n  "b": {},\n  "a": [],\n  "2": 1e400,\n  "1": 1.0,\n  "s": "\\u00e9\\/"\n}\n`);
  });
});

describe("receiveDocument", () => {
  test("an OpenAPI document is kept with its value; anything else is an error entry saying why", () => {
    const text = readFileSync(path.join(import.meta.dirname, "../fixtures/fal-catalog/text-to-video/fal-ai/minimax/video-01.json"), "utf8");
    const ok = receiveDocument(text, "x", 1 << 20);
    expect("error" in ok ? ok.error : ok.text).toBe(text);
    expect(receiveDocument(`{"openapi":"3.0.4","a":1,"a":2}`, "x", 1 << 20)).toEqual({ error: `1:26: duplicate key "a" in one object; JSON parsers silently keep the last, so keys must be unique` });
    expect(receiveDocument(`[1]`, "x", 1 << 20)).toEqual({ error: "the document is not a JSON object" });
    expect(receiveDocument(`{"info":{}}`, "x", 1 << 20)).toEqual({ error: "the document is not an OpenAPI document (no openapi version string)" });
    expect(receiveDocument(`{"openapi":"3.0.4"} // note`, "x", 1 << 20)).toEqual({ error: "1:21: invalid JSON (comments are not allowed in JSON)" });
    expect(receiveDocument(`{"openapi":"3.0.4"}`, "x", 10)).toEqual({ error: "the document is 25 bytes; the limit is 10" });
  });
});

test("Retry-After: seconds, an HTTP date (from now), or nothing readable", () => {
  expect(retryAfterMs("7")).toBe(7000);
  expect(retryAfterMs(" 0 ")).toBe(0);
  expect(retryAfterMs("Wed, 21 Oct 2015 07:28:30 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(30_000);
  expect(retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:29:00 GMT"))).toBe(0);
  expect(retryAfterMs("soon")).toBeNull();
  expect(retryAfterMs("-1")).toBeNull();
  expect(retryAfterMs(null)).toBeNull();
});
