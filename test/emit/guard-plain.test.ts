// isTask's guard is compiled without Ajv's ownProperties when no property name the schema reads is a property of
// Object.prototype: it reads `data.name` instead of calling hasOwnProperty for each property. It decides only plain
// objects (prototype Object.prototype or null); any other payload goes to the all-errors validator, and so does
// every payload while Object.prototype has a property named like one the schema reads (or an enumerable one, where
// the guard loops over keys). Through the real CLI: on objects that are not plain, on a polluted Object.prototype
// and on a schema that names `constructor` and `toString`, isTask answers as validateTask does.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";
import { runwareSpec, writeSpecs } from "../helpers/spec-factory.js";

interface Module {
  isTask(value: unknown): boolean;
  validateTask(value: unknown): unknown[];
}

const base = { taskType: "videoInference", taskUUID: "u", model: "test:model@1" };

async function generate(task: Record<string, unknown>): Promise<{ mod: Module; validatorJs: string }> {
  const dir = writeSpecs({ "m.json": runwareSpec(task) });
  const out = path.join(dir, "out");
  const r = runCli(["generate", "--no-cache", "--specs", path.join(dir, "m.json"), "--out", out]);
  expect(r.code, r.stderr).toBe(0);
  const mod = (await import(pathToFileURL(path.join(out, "m/index.js")).href)) as Module;
  return { mod, validatorJs: readFileSync(path.join(out, "m/validator.js"), "utf8") };
}

/** isTask and validateTask on each payload: the expected verdict, and the two agree. */
function expectVerdicts(mod: Module, cases: readonly (readonly [string, unknown, boolean])[]): void {
  for (const [what, payload, valid] of cases) {
    expect(mod.validateTask(payload).length === 0, `validateTask: ${what}`).toBe(valid);
    expect(mod.isTask(payload), `isTask: ${what}`).toBe(valid);
  }
}

class Task {
  constructor(o: object) {
    Object.assign(this, o);
  }
}

describe("a schema whose names Object.prototype lacks: the guard without ownProperties", () => {
  let mod: Module;
  let validatorJs: string;
  beforeAll(async () => {
    ({ mod, validatorJs } = await generate({
      properties: {
        prompt: { type: "string" },
        settings: { type: "object", additionalProperties: false, properties: { steps: { type: "integer" }, mode: { enum: ["a", "b"] } }, required: ["steps"] },
        frames: { type: "array", items: { type: "object", properties: { image: { type: "string" } }, required: ["image"] } },
      },
      required: ["prompt"],
    }));
  });

  test("ships the fast guard behind the runtime's ajvGuard", () => {
    expect(validatorJs).toMatch(/\bajvGuard\b/);
    expect(validatorJs).toMatch(/\bajvPlain\b/);
  });

  test("objects that are not plain, anywhere in the payload, get validateTask's verdict", () => {
    const ok = { ...base, prompt: "p", settings: { steps: 2 }, frames: [{ image: "i" }] };
    const inherited = (o: object) => Object.create(o) as object;
    const getters = (o: Record<string, unknown>) => Object.create(Object.defineProperties({}, Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { get: () => v, enumerable: true }])))) as object;
    // An own `__proto__` property that claims Object.prototype, on an object whose prototype is something else.
    const lying = Object.defineProperty(Object.create({ prompt: "p" }) as object, "__proto__", { value: Object.prototype, enumerable: false });
    const otherRealm: unknown = vm.runInNewContext(`(${JSON.stringify(ok)})`);
    expectVerdicts(mod, [
      ["plain", ok, true],
      ["null prototype", Object.assign(Object.create(null) as object, ok), true],
      ["class instance with own properties", new Task(ok), true],
      ["every property inherited", inherited(ok), false],
      ["every property an inherited getter", getters(ok), false],
      ["required prompt inherited", Object.assign(inherited({ prompt: "p" }), { ...base, settings: { steps: 2 } }), false],
      ["prompt inherited through an own __proto__ that claims Object.prototype", Object.assign(lying, base), false],
      ["nested: settings.steps inherited", { ...ok, settings: inherited({ steps: 2 }) }, false],
      ["nested: settings a class instance", { ...ok, settings: new Task({ steps: 2 }) }, true],
      ["nested: an unknown inherited property under additionalProperties: false", { ...ok, settings: Object.assign(inherited({ extra: 1 }), { steps: 2 }) }, true],
      ["nested in an array: image inherited", { ...ok, frames: [inherited({ image: "i" })] }, false],
      ["nested in an array: a null-prototype item", { ...ok, frames: [Object.assign(Object.create(null) as object, { image: "i" })] }, true],
      ["an object of another realm", otherRealm, true],
      // The task has additionalProperties: false: an own `__proto__` or `constructor` key is an unknown property.
      ["own __proto__ key (JSON.parse)", JSON.parse(`{"__proto__":{"prompt":1},${JSON.stringify(ok).slice(1)}`), false],
      ["own constructor key", { ...ok, constructor: 1 }, false],
      ["own __proto__ key in settings", { ...ok, settings: JSON.parse('{"__proto__":{"steps":1}}') }, false],
    ]);
  });

  test("a polluted Object.prototype: an enumerable property there gets validateTask's verdict", () => {
    const missing = { ...base, settings: { steps: 2 } }; // no prompt
    const extra = { ...base, prompt: "p", settings: { steps: 2 } };
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto["prompt"] = "polluted";
      proto["sneaky"] = 1;
      expectVerdicts(mod, [
        ["required prompt only on Object.prototype", missing, false],
        ["an enumerable Object.prototype property under additionalProperties: false", extra, true],
      ]);
    } finally {
      delete proto["prompt"];
      delete proto["sneaky"];
    }
    expectVerdicts(mod, [["after the pollution is gone", extra, true]]);
  });

  test("a property of a name the schema reads, not enumerable, on Object.prototype gets validateTask's verdict", () => {
    const missing = { ...base, settings: { steps: 2 } }; // no prompt, and settings.steps given
    const proto = Object.prototype as Record<string, unknown>;
    expectVerdicts(mod, [["before", missing, false], ["steps missing, before", { ...base, prompt: "p", settings: {} }, false]]);
    try {
      Object.defineProperty(proto, "prompt", { value: "polluted", enumerable: false, configurable: true, writable: true });
      Object.defineProperty(proto, "steps", { value: 2, enumerable: false, configurable: true, writable: true });
      expectVerdicts(mod, [
        ["required prompt only on Object.prototype", missing, false],
        ["required settings.steps only on Object.prototype", { ...base, prompt: "p", settings: {} }, false],
      ]);
    } finally {
      delete proto["prompt"];
      delete proto["steps"];
    }
  });
});

describe("a schema that names Object.prototype's properties: the guard keeps ownProperties", () => {
  test("constructor and toString are own-property checks", async () => {
    const { mod, validatorJs } = await generate({
      properties: { constructor: { type: "string" }, toString: { type: "string" } },
      required: ["constructor"],
    });
    expect(validatorJs).not.toMatch(/\bajvGuard\b/);
    expectVerdicts(mod, [
      ["constructor given", { ...base, constructor: "c" }, true],
      ["constructor only inherited from Object.prototype", { ...base }, false],
      ["toString given, constructor missing", { ...base, toString: "t" }, false],
      ["constructor of the wrong type", { ...base, constructor: 1 }, false],
    ]);
  });
});
