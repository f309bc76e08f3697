// Each generated fixture module's public API, read back from its emitted declarations with ts-morph: the names it
// exports, what kind of declaration each is, and the types a user relies on (`isTask` narrows to `Task`,
// `validateTask` returns `ValidationIssue[]`, …). The declarations must also say what the JavaScript exports, no
// more and no less; the same for the registry. A missing export or one that changes kind fails here before any user.
import { beforeAll, describe, expect, test } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Node, Project, ts, VariableDeclarationKind, type ExportedDeclarations, type Signature, type SourceFile, type Type } from "ts-morph";
import { FIXTURE_SPECS, fixturesOut } from "../helpers/generated.js";

/** The module folder of every fixture spec: `<root>/a/b.json` → `a/b`. */
function fixtureModules(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(json|ya?ml)$/i.test(e.name) && !/\.overlay\./i.test(e.name) ? [path.join(dir, e.name)] : [],
    );
  return Object.values(FIXTURE_SPECS)
    .flatMap((root) => walk(root).map((f) => path.relative(root, f).replace(/\\/g, "/").replace(/\.(json|ya?ml)$/i, "").replace(/\.openapi$/i, "")))
    .sort();
}

/** A declaration's kind as this test names it. */
function kindOf(d: ExportedDeclarations): string {
  if (Node.isVariableDeclaration(d)) return d.getVariableStatementOrThrow().getDeclarationKind() === VariableDeclarationKind.Const ? "const" : "let/var";
  if (Node.isFunctionDeclaration(d)) return "function";
  if (Node.isClassDeclaration(d)) return "class";
  if (Node.isInterfaceDeclaration(d)) return "interface";
  if (Node.isTypeAliasDeclaration(d)) return "type";
  return d.getKindName();
}

const isValue = (kind: string) => kind === "const" || kind === "let/var" || kind === "function" || kind === "class";

/** The kind of a value index.js exports, in the same names. */
const jsKindOf = (v: unknown) => (typeof v !== "function" ? "const" : /^class[\s{]/.test(Function.prototype.toString.call(v)) ? "class" : "function");

/**
 * Exported names → the kind of their declaration. Several declarations of one name must be overloads of one
 * function (anything else, say a const and a type under one name, is a bug: say so).
 */
function exportsOf(file: SourceFile): Map<string, { kind: string; decl: ExportedDeclarations }> {
  const out = new Map<string, { kind: string; decl: ExportedDeclarations }>();
  for (const [name, decls] of file.getExportedDeclarations()) {
    const kinds = [...new Set(decls.map(kindOf))];
    expect(kinds.length === 1 && (decls.length === 1 || kinds[0] === "function"), `${file.getBaseName()}: ${name} is declared as ${decls.map(kindOf).join(", ")}`).toBe(true);
    out.set(name, { kind: kinds[0]!, decl: decls[0]! });
  }
  return out;
}

const propertyNames = (t: Type) => t.getProperties().map((p) => p.getName()).sort();

/**
 * What every model module exports, with the kind of each. Other exports are types (the spec's named parts). The
 * functions are declared as consts of the runtime's function types (`ModelFunctions["isTask"]`, …): what a caller
 * relies on is their one call signature, checked below.
 */
const COMMON_API: Record<string, string> = {
  modelId: "const",
  title: "const",
  version: "const",
  provider: "const",
  overlays: "const",
  isTask: "const",
  validateTask: "const",
  taskSchema: "const",
  createClient: "const",
  Task: "type",
  TaskInput: "type",
  TaskCommon: "interface",
  Result: "interface",
  ClientOptions: "interface",
  ValidationIssue: "interface",
  parseWebhook: "const",
  handleWebhook: "const",
};
/** The exports that are functions in index.js. */
const FUNCTIONS = ["isTask", "validateTask", "createClient", "parseWebhook", "handleWebhook", "createWebhookUrl"];
/** Runware modules also make the webhook URL (Runflow signs its callbacks instead). */
const apiOf = (provider: unknown): Record<string, string> => (provider === "runware" ? { ...COMMON_API, createWebhookUrl: "const" } : COMMON_API);
const valuesOf = (api: Record<string, string>) => Object.keys(api).filter((n) => isValue(api[n]!)).sort();

const modules = fixtureModules();
let project: Project;
let out: string;

beforeAll(() => {
  out = fixturesOut();
  project = new Project({
    skipAddingFilesFromTsConfig: true,
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
    },
  });
  project.addSourceFileAtPath(path.join(out, "index.d.ts"));
  for (const m of modules) project.addSourceFileAtPath(path.join(out, m, "index.d.ts"));
  project.resolveSourceFileDependencies();
});

const dts = (rel: string) => project.getSourceFileOrThrow(path.join(out, rel));

/** The one call signature of an exported function's declared type (a function with overloads would have several). */
function signatureOf(file: SourceFile, fn: string): Signature {
  const signatures = file.getVariableDeclarationOrThrow(fn).getType().getCallSignatures();
  expect(signatures, `${fn}: one call signature`).toHaveLength(1);
  return signatures[0]!;
}
/** Its parameters as `name: type`, each type as written in the file's names (aliases kept, nothing truncated). */
const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
const paramsOf = (file: SourceFile, sig: Signature) => sig.getParameters().map((p) => `${p.getName()}${p.isOptional() ? "?" : ""}: ${p.getTypeAtLocation(file).getText(file, FORMAT)}`);
/**
 * The type a name the file exports declares (an alias or an interface, its own or the runtime's it re-exports, as
 * Runware's Result), to compare types by identity.
 */
function declaredType(file: SourceFile, typeName: string): Type {
  const own = file.getTypeAlias(typeName) ?? file.getInterface(typeName);
  if (own) return own.getType();
  const [exported] = file.getExportedDeclarations().get(typeName) ?? [];
  if (!exported || !(Node.isInterfaceDeclaration(exported) || Node.isTypeAliasDeclaration(exported))) throw new Error(`${file.getBaseName()} exports no type named ${typeName}`);
  return exported.getType();
}
const importJs = (rel: string) => import(pathToFileURL(path.join(out, rel)).href) as Promise<Record<string, unknown>>;

test("the fixtures give 11 modules to check", () => {
  // The list comes from the spec files: an empty list would make every test below pass on nothing.
  expect(modules).toHaveLength(11);
  expect(modules).toContain("seed/alibaba-wan2-7");
});

describe.each(modules)("%s/index.d.ts", (m) => {
  test("exports the module API, each name with its kind", async () => {
    const { provider } = await importJs(`${m}/index.js`);
    const api = exportsOf(dts(`${m}/index.d.ts`));
    const kinds = Object.fromEntries(Object.keys(apiOf(provider)).map((n) => [n, api.get(n)?.kind ?? "missing"]));
    expect(kinds).toEqual(apiOf(provider));
    // Everything else is a type: a stray value export in the declarations would be a promise index.js cannot keep.
    const values = [...api].filter(([, e]) => isValue(e.kind)).map(([n]) => n).sort();
    expect(values).toEqual(valuesOf(apiOf(provider)));
  });

  test("index.js exports exactly the values the declarations declare, with the declared literals", async () => {
    const js = await importJs(`${m}/index.js`);
    const api = exportsOf(dts(`${m}/index.d.ts`));
    expect(Object.keys(js).sort()).toEqual(valuesOf(apiOf(js.provider)));
    const functions = valuesOf(apiOf(js.provider)).filter((n) => FUNCTIONS.includes(n));
    expect(functions.length).toBeGreaterThanOrEqual(5);
    for (const f of functions) expect(typeof js[f], f).toBe("function");

    const literal = (name: string) => {
      const t = api.get(name)!.decl.getType();
      expect(t.isStringLiteral(), `${name}: ${t.getText()} is a string literal type`).toBe(true);
      return t.getLiteralValue();
    };
    expect(literal("modelId")).toBe(js.modelId);
    expect(literal("provider")).toBe(js.provider);
    expect(["runware", "runflow"]).toContain(js.provider);
    for (const name of ["title", "version"]) {
      expect(api.get(name)!.decl.getType().getText(), name).toBe("string");
      expect(typeof js[name], name).toBe("string");
    }
    expect(api.get("overlays")!.decl.getType().getText()).toBe("readonly string[]");
    expect(Array.isArray(js.overlays)).toBe(true);
    // The Standard Schema v1 form of validateTask, typed with the module's Task.
    const file = dts(`${m}/index.d.ts`);
    const schema = file.getVariableDeclarationOrThrow("taskSchema").getType();
    expect(schema.getAliasSymbol()?.getName() ?? schema.getSymbol()?.getName()).toBe("StandardSchemaV1");
    const task = declaredType(file, "Task");
    expect((schema.getAliasTypeArguments().length ? schema.getAliasTypeArguments() : schema.getTypeArguments()).map((t) => t.compilerType === task.compilerType)).toEqual([true, true]);
    expect((js.taskSchema as { "~standard": { version: number; vendor: string } })["~standard"]).toMatchObject({ version: 1, vendor: "modelgen" });
  });

  test("isTask(value: unknown) is the type guard `value is Task`", () => {
    const file = dts(`${m}/index.d.ts`);
    const isTask = signatureOf(file, "isTask");
    expect(paramsOf(file, isTask)).toEqual(["value: unknown"]);
    const predicate = project.getTypeChecker().compilerObject.getTypePredicateOfSignature(isTask.compilerSignature);
    if (!predicate) throw new Error(`isTask returns ${isTask.getReturnType().getText()}, not a type predicate`);
    expect(predicate.kind).toBe(ts.TypePredicateKind.Identifier); // not `asserts value is …`
    expect(predicate.parameterName).toBe("value");
    expect(predicate.type === declaredType(file, "Task").compilerType, "the predicate's type is the module's Task").toBe(true);
  });

  test("validateTask(value: unknown) returns ValidationIssue[] (path and message)", () => {
    const file = dts(`${m}/index.d.ts`);
    const validateTask = signatureOf(file, "validateTask");
    expect(paramsOf(file, validateTask)).toEqual(["value: unknown"]);
    const returned = validateTask.getReturnType();
    expect(returned.isArray(), returned.getText()).toBe(true);
    const issue = returned.getArrayElementTypeOrThrow();
    // Resolved through the runtime's declarations: an unresolved import would leave an error type with no properties.
    expect(issue.getSymbol()?.getName()).toBe("ValidationIssue");
    expect(propertyNames(issue)).toEqual(expect.arrayContaining(["message", "path"]));
  });

  test("createClient(options: ClientOptions) returns the provider's client of TaskInput", async () => {
    const { provider } = await importJs(`${m}/index.js`);
    const file = dts(`${m}/index.d.ts`);
    const createClient = signatureOf(file, "createClient");
    expect(paramsOf(file, createClient)).toEqual(["options: ClientOptions"]);
    // The client of this module's TaskInput (Runflow: its body's `input`) and results, by type identity…
    const client = createClient.getReturnType();
    const taskInput = declaredType(file, "TaskInput");
    const input = provider === "runflow" ? taskInput.getPropertyOrThrow("input").getTypeAtLocation(file) : taskInput;
    const results = declaredType(file, provider === "runflow" ? "RunflowOutput" : "Result");
    expect(client.getTypeArguments().map((t) => t.compilerType)).toEqual([input.compilerType, results.compilerType]);
    // …and that name resolves to the runtime's client, with its methods.
    expect(client.getSymbol()?.getName()).toBe(provider === "runflow" ? "RunflowClient" : "RunwareClient");
    expect(propertyNames(client)).toEqual(expect.arrayContaining(provider === "runflow" ? ["create", "get", "run", "wait"] : ["poll", "run", "runBatch", "submit"]));
  });

  test("parseWebhook and handleWebhook resolve to this model's webhook (Runware: of its Result)", async () => {
    const { provider } = await importJs(`${m}/index.js`);
    const file = dts(`${m}/index.d.ts`);
    for (const f of ["parseWebhook", "handleWebhook"]) {
      const returned = signatureOf(file, f).getReturnType();
      expect(returned.getSymbol()?.getName(), f).toBe("Promise");
      const payload = returned.getTypeArguments()[0];
      if (provider === "runware") {
        expect(payload?.getSymbol()?.getName() ?? payload?.getAliasSymbol()?.getName(), f).toBe("RunwareWebhook");
        expect(payload?.getTypeArguments().length ? payload.getTypeArguments()[0]!.compilerType : payload?.getAliasTypeArguments()[0]?.compilerType, `${f}: of this module's Result`).toBe(declaredType(file, "Result").compilerType);
      } else {
        expect(payload?.getProperties().length, `${f}: the callback payload resolves`).toBeGreaterThan(0);
      }
    }
    expect(paramsOf(file, signatureOf(file, "handleWebhook"))[0]).toBe("request: Request");
  });
});

describe("registry index.d.ts", () => {
  test("declares what index.js exports, each with the kind it has there", async () => {
    const api = exportsOf(dts("index.d.ts"));
    const js = await importJs("index.js");
    const declared = Object.fromEntries([...api].filter(([, e]) => isValue(e.kind)).map(([n, e]) => [n, e.kind]));
    expect(declared).toEqual(Object.fromEntries(Object.entries(js).map(([n, v]) => [n, jsKindOf(v)])));
    expect(api.get("models")?.kind).toBe("const");
    expect(api.get("modelIds")?.kind).toBe("const");
    expect(api.get("modelIds")!.decl.getType().getText()).toMatch(/^(readonly )?string\[\]$/);
    expect(Array.isArray(js.modelIds)).toBe(true);
  });

  test("models: one ModelEntry per model id, the ids index.js has and the modules declare, with the fields it has", async () => {
    const js = await importJs("index.js");
    const registry = dts("index.d.ts");
    const models = exportsOf(registry).get("models")!.decl.getType();
    const declared = propertyNames(models);
    const entries = js.models as Record<string, Record<string, unknown>>;
    expect(declared).toEqual(Object.keys(entries).sort());
    const ids = modules.map((m) => exportsOf(dts(`${m}/index.d.ts`)).get("modelId")!.decl.getType().getLiteralValue()).sort();
    expect(declared).toEqual(ids);
    const entry = exportsOf(registry).get("ModelEntry");
    expect(entry?.kind).toBe("interface");
    const fields = entry!.decl.getType().getProperties();
    const required = fields.filter((f) => !f.isOptional()).map((f) => f.getName()).sort();
    for (const p of models.getProperties()) {
      expect(p.getTypeAtLocation(registry).getSymbol()?.getName(), p.getName()).toBe("ModelEntry");
      const runtime = Object.keys(entries[p.getName()]!).sort();
      expect(runtime.filter((k) => !fields.some((f) => f.getName() === k)), `${p.getName()}: fields index.js has and ModelEntry does not declare`).toEqual([]);
      expect(required.filter((k) => !runtime.includes(k)), `${p.getName()}: ModelEntry fields index.js lacks`).toEqual([]);
    }
  });
});
