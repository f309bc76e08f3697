// An API answer that redirects elsewhere is an error, never followed: the clients send the API key and the task to
// the base URL only. (Node's fetch drops Authorization on a cross-origin redirect but still re-sends the body; a
// fetch given in options may keep the header too.) Runs the generated modules against real servers on 127.0.0.1.
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers/generated.js";

const KEY = "rw_SECRETKEY_0123456789abcdef";
const received: string[] = [];
let elsewhere: http.Server;
let api: http.Server;
let apiUrl = "";

beforeAll(async () => {
  elsewhere = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
    req.resume();
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  const to = `http://localhost:${(elsewhere.address() as { port: number }).port}/collect`;
  api = http.createServer((req, res) => {
    req.resume();
    res.writeHead(307, { location: to }).end();
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
});
afterAll(() => {
  api.close();
  elsewhere.close();
});

describe("a redirecting API", () => {
  test.each([
    ["Runware", "runware/alibaba-wan2-7-image", { positivePrompt: "a", width: 1024, height: 1024 }],
    ["Runflow", "runflow/alibaba-wan-v2-7-text-to-video", { prompt: "a", duration: 5, resolution: "1080p" }],
    ["fal", "fal/fal-ai/kling-video/v2.5-turbo/pro/text-to-video", { prompt: "a" }],
  ])("%s: HTTP 307 is the error, and nothing reaches the other host", async (_, model, task) => {
    const m = await import(path.join(ROOT, "generated", model, "index.js"));
    const client = m.createClient({ apiKey: KEY, baseUrl: apiUrl, maxRetries: 0 });
    await expect(client.run(task)).rejects.toMatchObject({ code: "httpError", status: 307 });
    expect(received).toEqual([]);
  });
});
