// The README's usage example, and local fake servers for it (shared by the test and `npm run demo`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { startFakeRunware, specTaskValidator, type FakeRunware } from "./fake-runware.js";
import { startFakeRunflow, type FakeRunflow } from "./fake-runflow.js";
import { startFakeFal, type FakeFal } from "./fake-fal.js";

export const REPO = path.resolve(import.meta.dirname, "../..");

/** The first ```js block under "## Use a generated module", with its imports pointed at this checkout. */
export function readmeExample(): string {
  const readme = readFileSync(path.join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Use a generated module"));
  const block = /```js\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("README.md has no ```js block under ## Use a generated module");
  return block[1]!.replace(/"\.\/generated\//g, `"${path.join(REPO, "generated")}/`);
}

/** Fake Runware (validating each task against its own model's spec), fake Runflow and a fake fal queue, on 127.0.0.1. */
export async function startExampleServers(apiKey = "test-key"): Promise<{ runware: FakeRunware; runflow: FakeRunflow; fal: FakeFal; env: Record<string, string>; stop(): Promise<void> }> {
  const bySpec: Record<string, (t: unknown) => { path: string; message: string }[]> = {
    "alibaba:wan@2.7": specTaskValidator(path.join(REPO, "specs/runware/alibaba-wan2-7.json")),
    "alibaba:wan@2.7-image": specTaskValidator(path.join(REPO, "specs/runware/alibaba-wan2-7-image.json")),
  };
  const runware = await startFakeRunware({
    apiKey,
    validateTask: (t) => bySpec[(t as { model?: string }).model ?? ""]?.(t) ?? [{ path: "/model", message: "unknown model" }],
    plan: () => ({ stepsPerResult: 2 }),
  });
  const runflow = await startFakeRunflow({ apiKey });
  const fal = await startFakeFal({ apiKey });
  return {
    runware,
    runflow,
    fal,
    env: { RUNWARE_API_KEY: apiKey, RUNWARE_BASE_URL: runware.url, RUNFLOW_API_KEY: apiKey, RUNFLOW_BASE_URL: runflow.url, FAL_KEY: apiKey, FAL_BASE_URL: fal.url },
    async stop() {
      await Promise.all([runware.stop(), runflow.stop(), fal.stop()]);
    },
  };
}
