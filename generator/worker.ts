// A worker thread of `generate` (pipeline.ts's WorkerPool): generates one spec per `spec` message and posts its
// model record back; formats files on a `format` message (the registry, in a warm thread); a SpecError comes
// back as one. It runs until the pool terminates it.
import { parentPort, workerData } from "node:worker_threads";
import { generateSpecs, warmUp, type WorkOptions, type WorkerMessage, type WorkerRequest } from "./pipeline.js";
import { formatFiles } from "./format/prettier.js";
import { SpecError } from "./errors.js";

const options = workerData as WorkOptions;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
// Requests start as they come (the pool keeps one more waiting here, so no worker idles between two), after the
// warm-up (the modules a spec needs, esbuild's service) that starts with the thread. Two in flight interleave where
// one waits: while esbuild minifies one spec's validator in its own process, the other spec's work goes on here.
// Answers are posted in the order the requests came, one message each (the pool matches them in that order).
const warm = warmUp();
let answered: Promise<void> = Promise.resolve();
parentPort?.on("message", (request: WorkerRequest) => {
  const answer = warm.then(() => handle(request));
  answered = answered.then(() => answer).then(post);
});

function handle(request: WorkerRequest): Promise<WorkerMessage> {
  const work: Promise<WorkerMessage> = "spec" in request ? generateSpecs([request.spec], options).then((models) => ({ models: [...models] })) : formatFiles(request.format).then((files) => ({ formatted: files }));
  return work.catch((e: unknown) => ({
    error: e instanceof SpecError ? { spec: true, file: e.file, where: e.where, expected: e.expected, exitCode: e.exitCode } : { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined },
  }));
}
