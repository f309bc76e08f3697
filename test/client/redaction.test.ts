// The API key never comes back in an error (issue 14, item 6): redacted before the body snippet is cut, at any
// depth, in codes, run ids and object keys, as sent on the wire (trimmed); only real keys (8+ characters) are
// redacted, and a shorter one is refused when the client is made.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createRunflowClient, createRunwareClient, type ClientOptions, type ModelgenError } from "../../templates/runtime/index.js";
import { createRedactor, MIN_SECRET_LENGTH } from "../../templates/runtime/redact.js";
import { wanRunflowBinding } from "../helpers/fake-runflow.js";
import { fastOptions, useFakeRunware, wanTask, wanVideoBinding } from "../helpers/fake-runware.js";
import { rejection } from "../helpers/rejection.js";

const KEY = "LEAKYKEY-7f3a9c1e5b";
const fake = useFakeRunware(KEY, afterEach);

/** Every way an error is shown or logged. */
function shown(error: ModelgenError): string {
  return [error.message, error.code, error.runId, error.taskUUID, String(error.stack), JSON.stringify(error), inspect(error, { depth: Infinity })].join("\n");
}

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { level: i, inner: value };
  return value;
}

/** A fetch that answers every request with `answer(request)`: the runtime's own code path, no socket needed. */
function cannedFetch(answer: (url: string, init: RequestInit) => Response): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => answer(String(input), init ?? {})) as typeof fetch;
}

function runflowOptions(fetchImpl: typeof fetch, apiKey = KEY): ClientOptions {
  return { apiKey, baseUrl: "https://runflow.test", fetch: fetchImpl, retries: 0, poll: { firstDelayMs: 1, maxDelayMs: 1, budgetMs: 2000 } };
}

describe("redaction of the API key", () => {
  it("redacts before cutting the 200-character body snippet (no part of the key survives the cut)", async () => {
    const server = await fake();
    // The key straddles character 200 of the body: cut first, its first half would survive.
    server.inject({ kind: "custom", on: "submit", status: 400, body: `${"x".repeat(185)}${KEY} echoed back` });
    const error = await rejection(createRunwareClient(wanVideoBinding(), fastOptions(server.url, KEY)).run(wanTask()));
    expect(error).toMatchObject({ code: "httpError", status: 400 });
    expect(error.message).toContain("[redacted]");
    expect(shown(error)).not.toContain(KEY.slice(0, 6));

    const runflow = createRunflowClient(wanRunflowBinding(), runflowOptions(cannedFetch(() => new Response(`${"y".repeat(185)}${KEY}`, { status: 400 }))));
    const rf = await rejection(runflow.create({ prompt: "p" }));
    expect(rf.message).toContain("[redacted]");
    expect(shown(rf)).not.toContain(KEY.slice(0, 6));
  });

  it("redacts at any depth of an error item, in its object keys, and in the error code", async () => {
    const server = await fake();
    const item = { code: `bad-${KEY}`, message: `refused ${KEY}`, parameter: [KEY], [`x-${KEY}`]: "header", trace: nest(40, { echo: KEY, [KEY]: true }) };
    server.inject({ kind: "custom", on: "submit", status: 400, body: { errors: [item] } });
    const error = await rejection(createRunwareClient(wanVideoBinding(), fastOptions(server.url, KEY)).run(wanTask()));
    expect(error.code).toBe("bad-[redacted]");
    expect(error.parameter).toEqual(["[redacted]"]);
    expect(shown(error)).not.toContain(KEY);
    expect(JSON.stringify(error.details)).toContain('"x-[redacted]":"header"');
    expect(JSON.stringify(error.details).match(/\[redacted\]/g)?.length).toBe(6);
  });

  it("redacts the run id of a failed run, and the code of a Runflow error envelope", async () => {
    const failed = createRunflowClient(wanRunflowBinding(), runflowOptions(cannedFetch(() => Response.json({ id: `run_${KEY}`, status: "failed", error: { message: `no ${KEY}` } }, { status: 201 }))));
    const error = await rejection(failed.run({ prompt: "p" }));
    expect(error).toMatchObject({ code: "runFailed", runId: "run_[redacted]" });
    expect(shown(error)).not.toContain(KEY);

    const envelope = createRunflowClient(wanRunflowBinding(), runflowOptions(cannedFetch(() => Response.json({ code: `auth_${KEY}`, message: "no", errors: [nest(30, KEY)] }, { status: 401 }))));
    const rejected = await rejection(envelope.create({ prompt: "p" }));
    expect(rejected.code).toBe("auth_[redacted]");
    expect(shown(rejected)).not.toContain(KEY);
  });

  it("redacts the key as sent: trimmed", async () => {
    let sent: string | undefined;
    const echo = cannedFetch((_url, init) => {
      sent = new Headers(init.headers).get("authorization") ?? undefined;
      return Response.json({ code: "unauthorized", message: `key ${sent?.slice("Bearer ".length)} is not valid`, errors: [] }, { status: 401 });
    });
    const error = await rejection(createRunflowClient(wanRunflowBinding(), runflowOptions(echo, `  ${KEY}\n`)).create({ prompt: "p" }));
    expect(sent).toBe(`Bearer ${KEY}`);
    expect(error.message).toBe("key [redacted] is not valid");
  });

  it(`redacts only secrets of ${MIN_SECRET_LENGTH}+ characters, and refuses a shorter key when the client is made`, () => {
    expect(createRedactor(["t"])({ status: "started", t: "t" })).toEqual({ status: "started", t: "t" });
    expect(createRedactor(["status"])("status: ok")).toBe("status: ok");
    expect(createRedactor(["  12345678  "])("a12345678b")).toBe("a[redacted]b");
    for (const apiKey of ["k", "short", " 1234567 "]) {
      for (const make of [() => createRunwareClient(wanVideoBinding(), { apiKey }), () => createRunflowClient(wanRunflowBinding(), { apiKey })]) {
        expect(make).toThrow(expect.objectContaining({ code: "invalidOptions", message: expect.stringMatching(/not a real API key/) }));
      }
    }
    expect(() => createRunwareClient(wanVideoBinding(), { apiKey: "12345678" })).not.toThrow();
  });

  it("copies deep, shared and cyclic values without overflowing the stack, leaving class instances alone", () => {
    const redact = createRedactor([KEY]);
    const deep = redact(nest(20_000, KEY));
    let cursor = deep as { inner?: unknown };
    for (let i = 0; i < 20_000; i++) cursor = cursor.inner as { inner?: unknown };
    expect(cursor).toBe("[redacted]");
    const cyclic: Record<string, unknown> = { name: KEY };
    cyclic.self = cyclic;
    const copy = redact(cyclic);
    expect(copy.name).toBe("[redacted]");
    expect(copy.self).toBe(copy);
    const cause = new Error(`keep ${KEY}`);
    expect(redact({ cause }).cause).toBe(cause);
    const proto = redact(JSON.parse(`{"__proto__": "${KEY}"}`) as Record<string, unknown>);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(proto, "__proto__")?.value).toBe("[redacted]");
  });
});
