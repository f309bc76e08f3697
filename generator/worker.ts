// A worker thread of `generate`: generates its share of the specs and posts the model records back.
import { parentPort, workerData } from "node:worker_threads";
import { generateSpecs, type WorkOptions, type WorkerMessage } from "./pipeline.js";
import { SpecError } from "./errors.js";
import type { SpecEntry } from "./ir/types.js";

const data = workerData as WorkOptions & { entries: SpecEntry[] };
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
try {
  const models = await generateSpecs(data.entries, data, () => post({ specDone: true }));
  post({ models: [...models] });
} catch (e) {
  post({
    error: e instanceof SpecError ? { spec: true, file: e.file, where: e.where, expected: e.expected, exitCode: e.exitCode } : { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined },
  });
}
