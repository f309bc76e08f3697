// A provider is one folder: the stages reach providers only through generator/providers/index.ts, so adding one
// touches its two folders (generator/providers/<name>/, templates/runtime/<name>/), one line of the registry, one of
// the runtime's index, one of the validation runtime's index (its model function), its tests and the README, and
// nothing else. This test imports providers only through the
// registry and checks that no stage names one.
import { describe, expect, test } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { providers } from "../../generator/providers/index.js";
import { ROOT } from "../helpers/generated.js";
import { MIN_SECRET_LENGTH } from "../../templates/runtime/redact.js";

const GENERATOR = path.join(ROOT, "generator");

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? tsFiles(p) : name.endsWith(".ts") ? [p] : [];
    });
}

const runtimeIndex = (name: string) => readFileSync(path.join(ROOT, "templates/runtime", name, "index.ts"), "utf8");
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe("the provider registry", () => {
  test("lists at least Runware and Runflow, each once", () => {
    const names = providers.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["runware", "runflow"]));
    expect(new Set(names).size).toBe(names.length);
  });

  test.each(providers.map((p) => [p.name, p] as const))("%s has its generator folder and its runtime folder", (name, p) => {
    expect(existsSync(path.join(GENERATOR, "providers", name, "index.ts"))).toBe(true);
    expect(existsSync(path.join(ROOT, "templates/runtime", name, "index.ts"))).toBe(true);
    // The provider's model function (what a module calls) is in its runtime folder, and the validation runtime,
    // which a module imports, exports it.
    const model = readFileSync(path.join(ROOT, "templates/runtime", name, "model.ts"), "utf8");
    expect(model).toContain(`export function ${p.module.model}(`);
    expect(readFileSync(path.join(ROOT, "templates/validation/index.ts"), "utf8")).toContain(`export { ${p.module.model} } from "../runtime/${name}/model.js";`);
    // …with the type of what it returns, which index.d.ts imports from the client runtime; its createClient's words
    // state the runtime's key length.
    expect(model).toContain(`export interface ${p.module.modelType}<`);
    expect(runtimeIndex(name)).toContain(`export type { ${p.module.modelType} } from "./model.js";`);
    expect(model).toContain(`shorter than ${MIN_SECRET_LENGTH} characters`);
    expect(readFileSync(path.join(ROOT, "templates/runtime/index.ts"), "utf8")).toContain(`export * from "./${name}/index.js";`);
  });

  test("no file of the generator outside generator/providers/ names a provider or imports a provider's folder", () => {
    const files = tsFiles(GENERATOR).filter((f) => !f.startsWith(path.join(GENERATOR, "providers") + path.sep));
    expect(files.length).toBeGreaterThan(40);
    const offences: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const rel = path.relative(ROOT, f);
      for (const { name } of providers) {
        // A provider's name as a value ("runware"), a branch on it (isRunware), or a path into its folder.
        if (new RegExp(`["'\`]${name}["'\`]`, "i").test(text)) offences.push(`${rel}: the string ${JSON.stringify(name)}`);
        if (new RegExp(`\\bis${capital(name)}\\b`).test(text)) offences.push(`${rel}: is${capital(name)}`);
        if (text.includes(`providers/${name}/`)) offences.push(`${rel}: imports providers/${name}/`);
      }
    }
    expect(offences).toEqual([]);
  });

  test.each(providers.map((p) => [p.name, p] as const))("%s: the model function returns the task checks and exactly the functions a module exports", async (name, p) => {
    const mod = (await import(path.join(ROOT, "templates/runtime", name, "model.ts"))) as Record<string, (...args: unknown[]) => Record<string, unknown>>;
    const validator = Object.assign(() => true, { errors: null });
    const made = mod[p.module.model]!({ validate: validator, guard: () => true, ruleMessages: [], extraRules: [] }, { modelId: "m", taskType: null, deliveryMethods: ["async"], defaultDelivery: "async", runPath: "/v1/runs" });
    expect(Object.keys(made).sort()).toEqual(["isTask", "validateTask", "taskSchema", ...p.module.functions].sort());
    for (const f of p.module.functions) expect(typeof made[f], f).toBe("function");
  });

  test("every provider's module surface is complete", () => {
    for (const p of providers) {
      expect(p.signs.length, p.name).toBeGreaterThan(10);
      expect(p.module.functions, p.name).toContain("createClient");
      expect(p.module.model, p.name).toMatch(/^[a-z]\w*Model$/);
      expect(p.module.modelType, p.name).toMatch(/^[A-Z]\w*Model$/);
    }
  });
});
