// emit/registry: generated/index.js, index.d.ts and package.json over every model, in model-id order.
import { describe, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { emitRegistry, type RegistryModel } from "../../generator/emit/registry.js";
import { shippedRuntime } from "../../generator/runtime.js";

/** Import a registry's index.js beside the shipped runtime's registry lookup, as generate writes them. */
async function importRegistry(js: string): Promise<unknown> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-registry-"));
  mkdirSync(path.join(dir, "_runtime/registry"), { recursive: true });
  const lookup = (await shippedRuntime())["registry/index.js"];
  if (lookup === undefined) throw new Error("the runtime ships no registry/index.js");
  writeFileSync(path.join(dir, "_runtime/registry/index.js"), lookup);
  writeFileSync(path.join(dir, "index.js"), js);
  return import(pathToFileURL(path.join(dir, "index.js")).href);
}

const model = (modelId: string, name: string, extra: Partial<RegistryModel> = {}): RegistryModel => ({ modelId, name, title: `Title of ${modelId}`, provider: "runware", ...extra });

describe("emitRegistry", () => {
  const models = [model("z:last@1", "runware/z-last"), model("a:first@1", "runware/a-first"), model("m:flow", "runflow/m-flow", { provider: "runflow" })];
  const files = emitRegistry(models);

  test("lists every model's metadata by id and imports no model module (only the runtime's lookup), sorted by id whatever the input order", () => {
    const js = files["index.js"];
    expect(js.match(/^import .*$/gm)).toEqual(['import { modelLoader } from "./_runtime/registry/index.js";']);
    const loaders = [...js.matchAll(/^  \[("[^"]+"), \(\) => import\("([^"]+)"\)\],$/gm)].map((m) => [m[1], m[2]]);
    expect(loaders).toEqual([
      ['"a:first@1"', "./runware/a-first/index.js"],
      ['"m:flow"', "./runflow/m-flow/index.js"],
      ['"z:last@1"', "./runware/z-last/index.js"],
    ]);
    expect(js).toContain('  ["a:first@1", Object.freeze({ modelId: "a:first@1", title: "Title of a:first@1", provider: "runware", modulePath: "./runware/a-first/index.js" })],');
    expect(js.indexOf('["a:first@1",')).toBeLessThan(js.indexOf('["m:flow",'));
    expect(js.indexOf('["m:flow",')).toBeLessThan(js.indexOf('["z:last@1",'));
    expect(files["index.d.ts"]).toContain('  readonly "m:flow": ModelEntry;\n  readonly "z:last@1": ModelEntry;');
    expect(files["index.d.ts"]).toContain('  "m:flow": typeof import("./runflow/m-flow/index.js");');
  });

  test("the package exports one subpath per model, its declarations first", () => {
    const pkg = JSON.parse(files["package.json"]) as { exports: Record<string, unknown>; type: string };
    expect(pkg.type).toBe("module");
    expect(Object.keys(pkg.exports)).toEqual([".", "./runware/a-first", "./runflow/m-flow", "./runware/z-last", "./_runtime/*", "./package.json"]);
    expect(pkg.exports["./runflow/m-flow"]).toEqual({ types: "./runflow/m-flow/index.d.ts", default: "./runflow/m-flow/index.js" });
  });

  test("model ids and titles from specs enter the code only as escaped literals", () => {
    const hostile = model('x"</script>\u2028', "runware/x", { title: "*/ }; evil(); /*" });
    const { "index.js": js, "index.d.ts": dts } = emitRegistry([hostile]);
    expect(js).toContain('["x\\"<\\/script>\\u2028", Object.freeze({ modelId: "x\\"<\\/script>\\u2028", title: "*/ }; evil(); /*"');
    expect(dts).toContain('readonly "x\\"<\\/script>\\u2028": ModelEntry;');
    expect(js).not.toContain("\u2028");
  });

  test("an id named __proto__ or constructor is an own key of models, never the prototype", async () => {
    const { "index.js": js } = emitRegistry([model("__proto__", "runware/p"), model("constructor", "runware/c")]);
    const registry = (await importRegistry(js)) as { models: Record<string, { modulePath: string }>; modelIds: string[] };
    expect(registry.modelIds).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(registry.models)).toBeNull();
    expect(Object.hasOwn(registry.models, "__proto__")).toBe(true);
    expect(registry.models["__proto__"]?.modulePath).toBe("./runware/p/index.js");
  });

  test("no models: an empty registry that still imports, and rejects every id", async () => {
    const { "index.js": js } = emitRegistry([]);
    const registry = (await importRegistry(js)) as { modelIds: string[]; loadModel(id: string): Promise<unknown> };
    expect(registry.modelIds).toEqual([]);
    await expect(registry.loadModel("a")).rejects.toThrow('unknown model "a"; the closest known ids: none (the registry is empty)');
  });
});
