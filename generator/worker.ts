// A worker thread of `generate` (pipeline.ts's WorkerPool): generates one spec per `spec` message and posts its
// model record back; formats files on a `format` message (the registry, in a warm thread); a SpecError comes
// back as one. It runs until the pool terminates it.
import { parentPort, workerData } from "node:worker_threads";
import { generateSpecs, warmUp, type WorkOptions, type WorkerMessage, type WorkerRequest } from "./pipeline.js";
import { formatFiles } from "./format/prettier.js";
import { SpecError } from "./errors.js";

const options = workerData as WorkOptions;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
/** Requests run one after the other (the pool keeps the next one waiting here, so no worker idles between two). */
// The first request waits for the warm-up (the modules a spec needs, esbuild's service) that starts with the thread.
let queue: Promise<void> = warmUp();
parentPort?.on("message", (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: WorkerRequest): Promise<void> {
  const work = "spec" in request ? generateSpecs([request.spec], options).then((models) => post({ models: [...models] })) : formatFiles(request.format).then((files) => post({ formatted: files }));
  await work.catch((e: unknown) =>
    post({
      error: e instanceof SpecError ? { spec: true, file: e.file, where: e.where, expected: e.expected, exitCode: e.exitCode } : { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined },
    }),
  );
}
