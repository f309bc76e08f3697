// emit/registry: generated/index.js, index.d.ts and package.json over every model, in model-id order.
import { describe, expect, test } from "vitest";
import { emitRegistry, type RegistryModel } from "../../generator/emit/registry.js";

const model = (modelId: string, name: string, extra: Partial<RegistryModel> = {}): RegistryModel => ({ modelId, name, title: `Title of ${modelId}`, provider: "runware", ...extra });

describe("emitRegistry", () => {
  const models = [model("z:last@1", "runware/z-last"), model("a:first@1", "runware/a-first"), model("m:flow", "runflow/m-flow", { provider: "runflow" })];
  const files = emitRegistry(models);

  test("imports every module and lists it by model id, sorted by id whatever the input order", () => {
    const js = files["index.js"];
    const imports = [...js.matchAll(/^import \* as (m\d+) from "([^"]+)";$/gm)].map((m) => [m[1], m[2]]);
    expect(imports).toEqual([
      ["m0", "./runware/a-first/index.js"],
      ["m1", "./runflow/m-flow/index.js"],
      ["m2", "./runware/z-last/index.js"],
    ]);
    expect(js).toContain('  "a:first@1": { modelId: "a:first@1", title: "Title of a:first@1", provider: "runware", modulePath: "./runware/a-first/index.js", isTask: m0.isTask, validateTask: m0.validateTask },');
    expect(js.indexOf('"a:first@1":')).toBeLessThan(js.indexOf('"m:flow":'));
    expect(js.indexOf('"m:flow":')).toBeLessThan(js.indexOf('"z:last@1":'));
    expect(files["index.d.ts"]).toContain('  "m:flow": ModelEntry;\n  "z:last@1": ModelEntry;');
  });

  test("the package exports one subpath per model, its declarations first", () => {
    const pkg = JSON.parse(files["package.json"]) as { exports: Record<string, unknown>; type: string };
    expect(pkg.type).toBe("module");
    expect(Object.keys(pkg.exports)).toEqual([".", "./runware/a-first", "./runflow/m-flow", "./runware/z-last", "./_runtime/*"]);
    expect(pkg.exports["./runflow/m-flow"]).toEqual({ types: "./runflow/m-flow/index.d.ts", default: "./runflow/m-flow/index.js" });
  });

  test("model ids and titles from specs enter the code only as escaped literals", () => {
    const hostile = model('x"</script>\u2028', "runware/x", { title: "*/ }; evil(); /*" });
    const { "index.js": js, "index.d.ts": dts } = emitRegistry([hostile]);
    expect(js).toContain('"x\\"<\\/script>\\u2028": { modelId: "x\\"<\\/script>\\u2028", title: "*/ }; evil(); /*"');
    expect(dts).toContain('"x\\"<\\/script>\\u2028": ModelEntry;');
    expect(js).not.toContain("\u2028");
  });

  test("no models: an empty registry that still parses as a module body", () => {
    const { "index.js": js } = emitRegistry([]);
    expect(js).toContain("export const models = {\n\n};");
  });
});
