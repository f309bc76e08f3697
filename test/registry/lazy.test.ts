// The lazy registry (generated index.js): metadata by id with own keys only, loadModel through a dynamic import,
// typed per id; importing it loads no model module; an unknown id (prototype names included) names the closest ids.
import { describe, expect, test } from "vitest";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fixturesOut } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";

interface Registry {
  models: Record<string, unknown>;
  modelIds: string[];
  loadModel(id: unknown): Promise<Record<string, unknown>>;
  UnknownModelError: new (...args: never[]) => Error;
}

const out = fixturesOut();
const registry = (await import(pathToFileURL(path.join(out, "index.js")).href)) as Registry;
const WAN = "alibaba:wan@2.7";

/** Folders of out that hold a model module (index.js beside validator.js). */
function moduleFolders(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const sub = path.join(rel, name);
    if (!statSync(path.join(dir, sub)).isDirectory() || name === "_runtime") return [];
    return readdirSync(path.join(dir, sub)).includes("validator.js") ? [sub] : moduleFolders(dir, sub);
  });
}

describe("models: metadata only, own keys only", () => {
  test("every id, with its title, provider and module path, and nothing a module exports", () => {
    expect(registry.modelIds.length).toBeGreaterThan(3);
    expect(Object.keys(registry.models)).toEqual(registry.modelIds);
    const entry = registry.models[WAN];
    expect(entry).toEqual({ modelId: WAN, title: expect.any(String), provider: "runware", modulePath: expect.stringMatching(/^\.\/.+\/index\.js$/) });
    for (const id of registry.modelIds) expect(Object.keys(registry.models[id] as object).sort()).toEqual(["modelId", "modulePath", "provider", "title"]);
  });

  test("a prototype name is no model: no prototype, frozen", () => {
    expect(Object.getPrototypeOf(registry.models)).toBeNull();
    expect(Object.isFrozen(registry.models)).toBe(true);
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      expect(registry.models[name], name).toBeUndefined();
      expect(name in registry.models, name).toBe(false);
    }
  });
});

describe("loadModel", () => {
  test("returns the model's module: the same module object a direct import gives", async () => {
    const mod = await registry.loadModel(WAN);
    const direct = (await import(pathToFileURL(path.join(out, String((registry.models[WAN] as { modulePath: string }).modulePath))).href)) as unknown;
    expect(mod).toBe(direct);
    expect(mod.modelId).toBe(WAN);
    expect(typeof mod.validateTask).toBe("function");
    for (const id of registry.modelIds) expect((await registry.loadModel(id)).modelId, id).toBe(id);
  });

  test.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "alibaba:wan@2.8"])("%s is an unknown model, rejected with the closest ids", async (id) => {
    const error = await registry.loadModel(id).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(registry.UnknownModelError);
    expect(error).toMatchObject({ code: "unknownModel", modelId: id, closest: expect.any(Array) });
    const { closest, message } = error as { closest: string[]; message: string };
    expect(closest).toHaveLength(3);
    for (const c of closest) expect(registry.modelIds).toContain(c);
    expect(message).toBe(`unknown model ${JSON.stringify(id)}; the closest known ids: ${closest.join(", ")}`);
    if (id === "alibaba:wan@2.8") expect(closest[0]).toBe(WAN);
  });

  test("an id that is not a string rejects too (never a throw)", async () => {
    for (const id of [undefined, 42, { toString: () => WAN }]) await expect(registry.loadModel(id)).rejects.toMatchObject({ code: "unknownModel" });
  });
});

describe("importing the registry loads no model module", () => {
  // A copy of the output where every model module announces itself when it runs: the registry must not run any.
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-lazy-")), "out");
  cpSync(out, copy, { recursive: true });
  const folders = moduleFolders(copy);
  for (const folder of folders) appendFileSync(path.join(copy, folder, "index.js"), `\n(globalThis.__loaded ??= []).push(${JSON.stringify(folder)});\n`);
  const run = (body: string) => {
    const script = `const r = await import(${JSON.stringify(pathToFileURL(path.join(copy, "index.js")).href)});\n${body}`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    return JSON.parse(child.stdout) as unknown;
  };

  test("the copy's modules announce themselves (so the check below can fail)", () => {
    expect(folders.length).toBeGreaterThan(3);
    expect(run(`await import(${JSON.stringify(pathToFileURL(path.join(copy, folders[0]!, "index.js")).href)});\nconsole.log(JSON.stringify(globalThis.__loaded ?? []));`)).toEqual([folders[0]]);
  });

  test("import + models + modelIds run none; loadModel runs exactly the one asked for", () => {
    const wan = String((registry.models[WAN] as { modulePath: string }).modulePath).replace(/^\.\//, "").replace(/\/index\.js$/, "");
    expect(run(`const before = [...(globalThis.__loaded ?? [])];\nvoid Object.keys(r.models), r.modelIds.length;\nawait r.loadModel(${JSON.stringify(WAN)}).catch(() => {});\nawait r.loadModel("constructor").catch(() => {});\nconsole.log(JSON.stringify({ before, after: globalThis.__loaded ?? [] }));`)).toEqual({
      before: [],
      after: [wan],
    });
  });
});

describe("loadModel's types (index.d.ts)", () => {
  test("await loadModel(id) has that model's module type; a wrong pairing fails to compile", () => {
    const consumer = path.join(out, "consumer.mts");
    const modulePath = `./${String((registry.models[WAN] as { modulePath: string }).modulePath).replace(/^\.\//, "")}`;
    const diagnostics = typeCheck([], {
      [consumer]: `import { loadModel, models, modelIds, UnknownModelError, type ModelId, type ModelEntry } from "./index.js";
export async function main(): Promise<void> {
  const wan = await loadModel("alibaba:wan@2.7");
  const direct: typeof import(${JSON.stringify(modulePath)}) = wan;
  const id: "alibaba:wan@2.7" = wan.modelId;
  const issues: { path: string; message: string }[] = wan.validateTask({});
  const entry: ModelEntry = models["alibaba:wan@2.7"];
  const some: ModelId = "alibaba:wan@2.7";
  const any = await loadModel(modelIds[0] ?? "");
  const anyId: string = any.modelId;
  const error = new UnknownModelError("x", []);
  const closest: string[] = error.closest;
  // @ts-expect-error: not a model id of this registry
  const unknown: ModelId = "alibaba:wan@2.8";
  // @ts-expect-error: another model's module is not this one's
  const other: typeof import(${JSON.stringify(modulePath)}) = await loadModel(${JSON.stringify(registry.modelIds.find((m) => m !== WAN))});
  void [direct, id, issues, entry, some, anyId, closest, unknown, other];
}
`,
    });
    expect(diagnostics.map((d) => `${path.basename(d.file)}:${d.line}: ${d.message}`)).toEqual([]);
  });
});
