// The golden payload corpora and, for each, the generated module and the reference Ajv they are checked with.
import path from "node:path";
import { ROOT, readJson, referenceValidator, type GoldenGroup } from "./generated.js";

/** Seed 000's size rule as newer Runware specs (and our overlay) write it. */
export function fixSizeRule(task: any) {
  const sizes = task.allOf[1].oneOf;
  task.allOf[1] = { if: { anyOf: [{ required: ["width"] }, { required: ["height"] }] }, then: { oneOf: sizes } };
  return task;
}

export interface Corpus {
  name: string;
  groups: GoldenGroup[];
  /** Folder holding the generated module, and the module's name inside it. */
  where: "fixtures" | "generated";
  module: string;
  reference: () => (data: unknown) => boolean;
}

const REAL = ["alibaba-wan3-0", "bfl-flux-3-video", "bfl-flux-video-upscale", "bytedance-seedance-2-5", "google-nano-banana-2", "lightricks-ltx-2-3-fast", "meta-muse-image", "minimax-h3", "openai-gpt-image-2-5-flare", "xai-grok-imagine-video-1-5"];
const payloads = (name: string) => readJson<GoldenGroup[]>(path.join(ROOT, "test/fixtures/payloads", `${name}.json`));
const seedSpec = path.join(ROOT, "test/fixtures/specs/seed/alibaba-wan2-7.json");

export const CORPORA: Corpus[] = [
  { name: "seed 000 as published", groups: payloads("alibaba-wan2-7"), where: "fixtures", module: "seed/alibaba-wan2-7", reference: () => referenceValidator(seedSpec) },
  { name: "seed 000 with its overlay", groups: payloads("alibaba-wan2-7.fixed"), where: "generated", module: "runware/alibaba-wan2-7", reference: () => referenceValidator(seedSpec, fixSizeRule) },
  ...REAL.map((n): Corpus => ({ name: n, groups: payloads(n), where: "fixtures", module: n, reference: () => referenceValidator(path.join(ROOT, "test/fixtures/real-specs", `${n}.json`)) })),
];
