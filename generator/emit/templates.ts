// Compile the runtime templates (templates/**/*.ts: real, tested TypeScript) into the ESM JavaScript and
// declaration files that generated modules import from `_runtime/`. Pure: file texts in, file texts out.
// typescript and esbuild load only when the templates are compiled: at install (generator/runtime.ts builds
// dist/runtime.json), or when a template changed since.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT, TEMPLATES_DIR } from "../paths.js";
import type * as TS from "typescript";

/** One template source: its path under templates/ ("runtime/errors.ts") and its text. */
export interface TemplateSource {
  readonly rel: string;
  readonly text: string;
}

/** File texts by path relative to templates/ (or to _runtime/ once shipped), sorted by path. */
export type TemplateFiles = Record<string, string>;

/** Read every template source under templates/ (sorted), as { rel: "runtime/errors.ts", text }. */
export function readTemplates(dir: string = TEMPLATES_DIR): TemplateSource[] {
  const out: TemplateSource[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts") && !name.endsWith(".test.ts")) out.push({ rel: path.relative(dir, p).replace(/\\/g, "/"), text: readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out;
}

/** The compiler, loaded on demand (its module's default export: the `ts` namespace). */
const loadTypeScript = async () => (await import("typescript")).default;
type TypeScript = Awaited<ReturnType<typeof loadTypeScript>>;

const options = (ts: TypeScript): TS.CompilerOptions => ({
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  declaration: true,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
  skipLibCheck: true,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  // Node's types for the one folder that runs only under Node (validate/, the package's command).
  types: ["node"],
  typeRoots: [path.join(ROOT, "node_modules/@types")],
});

/**
 * Compile template sources to { "runtime/errors.js": text, "runtime/errors.d.ts": text, … }.
 * Type errors in templates are generator bugs: they throw with the compiler's message.
 */
export async function compileTemplates(sources: readonly TemplateSource[]): Promise<TemplateFiles> {
  const ts = await loadTypeScript();
  const OPTIONS = options(ts);
  const root = "/templates/";
  const files = new Map(sources.map((s) => [root + s.rel, s.text]));
  const base = ts.createCompilerHost(OPTIONS, true);
  const out: TemplateFiles = {};
  const host: TS.CompilerHost = {
    ...base,
    fileExists: (f) => files.has(f) || base.fileExists(f),
    directoryExists: (d) => [...files.keys()].some((f) => f.startsWith(d.endsWith("/") ? d : `${d}/`)) || base.directoryExists?.(d) !== false,
    realpath: (f) => f,
    readFile: (f) => files.get(f) ?? base.readFile(f),
    getSourceFile: (f, lang) => {
      const text = files.get(f);
      return text !== undefined ? ts.createSourceFile(f, text, lang, true) : base.getSourceFile(f, lang);
    },
    writeFile: (f, text) => {
      out[f.startsWith(root) ? f.slice(root.length) : f] = text;
    },
    getCurrentDirectory: () => "/",
  };
  const program = ts.createProgram([...files.keys()], { ...OPTIONS, outDir: root, rootDir: root }, host);
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length) {
    const msg = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => "/", getNewLine: () => "\n" });
    throw new Error(`templates do not type-check:\n${msg}`);
  }
  program.emit();
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * One ESM file per runtime folder (`runtime/index.js`, `validation/index.js`) so that importing a model loads a
 * handful of modules, not twenty: module loading dominates a validator's cold start. Declarations stay per file,
 * for the folders a program imports (those with an index). A folder's `bin.js` is a command (the package's
 * `validate`): bundled on its own, Node's built-in modules left as imports. An import() of another folder's module
 * stays an import() of that folder's bundle.
 */
export async function bundleTemplates(compiled: Readonly<TemplateFiles>): Promise<TemplateFiles> {
  const esbuild = await import("esbuild");
  const entries = Object.keys(compiled).filter((rel) => /^[^/]+\/(index|bin)\.js$/.test(rel));
  const imported = new Set(entries.filter((rel) => rel.endsWith("/index.js")).map((rel) => rel.split("/")[0]));
  const out = Object.fromEntries(Object.entries(compiled).filter(([rel]) => rel.endsWith(".d.ts") && imported.has(rel.split("/")[0])));
  for (const entry of entries) {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      legalComments: "none",
      plugins: [
        {
          name: "compiled-templates",
          setup(build) {
            build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true }));
            // An import() stays an import() of the other bundle (validation's model functions load the client
            // runtime on first use), rewritten relative to this bundle's file.
            build.onResolve({ filter: /.*/ }, (args) => {
              if (args.kind !== "dynamic-import") return undefined;
              const target = path.posix.join(path.posix.dirname(args.importer), args.path);
              const from = path.posix.relative(path.posix.dirname(entry), target);
              return { path: from.startsWith(".") ? from : `./${from}`, external: true };
            });
            build.onResolve({ filter: /.*/ }, (args) => ({ path: args.kind === "entry-point" ? args.path : path.posix.join(path.posix.dirname(args.importer), args.path), namespace: "templates" }));
            build.onLoad({ filter: /.*/, namespace: "templates" }, (args) => {
              if (!(args.path in compiled)) throw new Error(`template bundle: no compiled module ${args.path}`);
              return { contents: compiled[args.path], loader: "js" };
            });
          },
        },
      ],
    });
    const [bundle] = result.outputFiles;
    if (!bundle) throw new Error(`template bundle: esbuild wrote nothing for ${entry}`);
    out[entry] = bundle.text;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
