// What the `modelgen validate` CLI tests share: the fixtures' generated registry, a temporary folder for payload
// files, the CLI run against that registry, and a valid Wan 2.7 task to change.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fixturesOut } from "./generated.js";
import { runCli } from "./cli.js";

/** A valid Wan 2.7 task as a payload file holds it, with `extra` over it. */
export const wanPayload = (extra: object = {}) => ({ taskType: "videoInference", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: "alibaba:wan@2.7", positivePrompt: "a fox", width: 1280, height: 720, ...extra });

export function validateCli(name: string) {
  const registry = fixturesOut();
  const dir = mkdtempSync(path.join(os.tmpdir(), `modelgen-${name}-`));
  /** Writes a payload file into the folder; returns its path. */
  const file = (base: string, text: string): string => {
    const f = path.join(dir, base);
    writeFileSync(f, text);
    return f;
  };
  /** `modelgen validate --registry <fixtures> …args`, with `input` on stdin when given. */
  const validate = (args: string[], input?: string) => runCli(["validate", "--registry", registry, ...args], input === undefined ? {} : { input });
  return { registry, dir, file, validate };
}
