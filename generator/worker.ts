// A worker thread of `generate`: generates its share of the specs and posts the model records back.
import { parentPort, workerData } from "node:worker_threads";
import { generateSpecs } from "./pipeline.js";
import { SpecError } from "./errors.js";

try {
  const models = await generateSpecs(workerData.entries, workerData);
  parentPort.postMessage({ models: [...models] });
} catch (e) {
  parentPort.postMessage({
    error: e instanceof SpecError ? { spec: true, file: e.file, where: e.where, expected: e.expected, exitCode: e.exitCode } : { message: e?.message ?? String(e), stack: e?.stack },
  });
}
