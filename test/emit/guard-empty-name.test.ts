// A property named "" in `required` / `dependentRequired`: Ajv's first-error code tests each required name as
// `(missing = "name")`, a falsy value for "", so its guard never reported the property missing and isTask accepted
// what validateTask refused. Through the real CLI: the generated module's isTask and validateTask agree.
import { expect, test } from "vitest";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runCli } from "../helpers/cli.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";

test('isTask and validateTask agree on a property named "" in required and dependentRequired', async () => {
  const spec = runwareSpec({
    properties: { "": { type: "string" }, a: { type: "integer" }, b: { type: "integer" } },
    required: ["a", ""],
    dependentRequired: { b: [""] },
  });
  const dir = writeSpecs({ "m.json": spec });
  const out = path.join(dir, "out");
  const r = runCli(["generate", "--no-cache", "--specs", path.join(dir, "m.json"), "--out", out]);
  expect(r.code, r.stderr).toBe(0);
  const mod = await import(pathToFileURL(path.join(out, "m/index.js")).href);
  const base = { taskType: "videoInference", taskUUID: "u", model: "test:model@1" };
  const cases: [unknown, boolean][] = [
    [{ ...base, a: 1, "": "x" }, true],
    [{ ...base, a: 1 }, false], // "" missing
    [{ ...base, "": "x" }, false], // a missing
    [{ ...base, a: 1, "": "x", b: 2 }, true],
    [{ ...base, a: 1, b: 2 }, false], // "" missing, twice over
    [JSON.parse('{"taskType":"videoInference","taskUUID":"u","model":"test:model@1","a":1,"__proto__":{"":"x"}}'), false], // inherited, not own
  ];
  for (const [payload, valid] of cases) {
    expect(mod.validateTask(payload).length === 0, JSON.stringify(payload)).toBe(valid);
    expect(mod.isTask(payload), JSON.stringify(payload)).toBe(valid);
  }
  expect(mod.validateTask({ ...base, a: 1 }).map((i: { path: string }) => i.path)).toEqual(["/"]); // RFC 6901: "/" is the property named ""
});
