// A generated module's createClient refuses a missing or short API key when the client is made (issue 24), as
// the README says: synchronously, before the runtime loads (it loads lazily, at the first call) and before any
// request leaves. A real key still reaches a fake Runware server on 127.0.0.1 and runs a task.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIN_SECRET_LENGTH } from "../../templates/runtime/redact.js";
import { ROOT, importModel } from "../helpers/generated.js";
import { fastOptions, useFakeRunware, wanTask } from "../helpers/fake-runware.js";

const KEY = "good-key-0123456789";
const fake = useFakeRunware(KEY, afterEach);
const wan = (await importModel(path.join(ROOT, "generated"), "runware/alibaba-wan2-7")) as { createClient(options: unknown): { run(task: unknown): Promise<{ videoURL?: string }[]> } };
const runflow = (await importModel(path.join(ROOT, "generated"), "runflow/alibaba-wan-v2-7-text-to-video")) as { createClient(options: unknown): unknown };

describe("createClient", () => {
  const refused: [string, unknown, string, RegExp][] = [
    ["a 1-character key", { apiKey: "k" }, "invalidOptions", /^options\.apiKey is 1 character long: not a real API key \(keys have at least 8\)$/],
    ["a 5-character key", { apiKey: "short" }, "invalidOptions", /is 5 characters long/],
    ["7 characters once trimmed", { apiKey: " 1234567 " }, "invalidOptions", /is 7 characters long/],
    ["an empty key", { apiKey: "" }, "missingApiKey", /non-empty string/],
    ["a blank key", { apiKey: "   " }, "missingApiKey", /non-empty string/],
    ["no key", {}, "missingApiKey", /non-empty string/],
    ["a key that is not a string", { apiKey: 12345678 }, "missingApiKey", /non-empty string/],
    ["no options", undefined, "missingApiKey", /non-empty string/],
  ];

  it.each(refused)("throws at once for %s, and nothing is sent", async (_, options, code, message) => {
    const server = await fake();
    for (const mod of [wan, runflow]) {
      let thrown: unknown;
      try {
        mod.createClient(options && typeof options === "object" ? { ...options, baseUrl: server.url } : options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect(thrown).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(server.requests).toHaveLength(0);
  });

  it(`takes a key of ${MIN_SECRET_LENGTH} characters or more, and runs a task against the server`, async () => {
    const server = await fake();
    expect(() => runflow.createClient({ apiKey: "12345678" })).not.toThrow();
    const client = wan.createClient(fastOptions(server.url, KEY));
    const [video] = await client.run(wanTask());
    expect(video?.videoURL).toMatch(/^https?:\/\//);
    expect(server.requests.length).toBeGreaterThan(0);
  });
});
