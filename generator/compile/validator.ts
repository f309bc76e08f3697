// The compile stage: Ajv (draft 2020-12, strict) compiles the task schema once; the analysis runs that function in
// this process (in generation, where models may share a compilation, the code it ships: in-process.ts), and
// analyzeModel asks it for the code that ships (AnalyzedIR.validatorCode): Ajv's standalone code as ESM, its
// `require`s of runtime helpers and formats replaced by imports from `_runtime/validation/`, so importing compiles
// nothing. validator.js holds two compilations of the same schema: `validate` (all errors,
// behind validateTask's issues) and `guard` (first error, behind isTask; compiled without ownProperties when it
// can be, see pollutionTest and withPlainChecks). No person reads the file: it is minified (esbuild), and its
// behaviour is pinned by the differential and guard tests.
import Ajv2020Module from "ajv/dist/2020.js";
import { transform } from "esbuild";
import standaloneModule from "ajv/dist/standalone/index.js";
import { _ } from "ajv/dist/compile/codegen/index.js";
import { SpecError } from "../errors.js";
import { isPlain } from "../json.js";
import { mapSchema } from "../normalize/walk.js";
import { useLinearNames } from "./ajv-names.js";
import type { Options, ValidateFunction } from "ajv";
import type { SchemaObject } from "../ir/types.js";

// Ajv is CommonJS: under Node's ESM loader the default import is `module.exports`, under a bundler its `default`.
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const standaloneCode = standaloneModule.default ?? standaloneModule;
type Ajv = InstanceType<typeof Ajv2020>;

// Ajv's optimiser counts names in one pass (same code out, a third less compile time on deep schemas).
useLinearNames(true);

/** String formats by their JSON Schema name: the runtime's checkers (templates/validation/formats.ts). */
export type FormatFunctions = Readonly<Record<string, (value: string) => boolean>>;

/** A task schema compiled once: run here (lint, examples) and written out as the validator that ships. */
export interface CompiledValidator {
  readonly validate: ValidateFunction;
  /**
   * The shipped ESM code, minified, importing Ajv's runtime helpers and the formats from `runtimeImport`: exports
   * `validate` (all errors) and `guard` (the same schema compiled to stop at the first error). A promise: esbuild
   * minifies in its own process, and the thread can go on with other work meanwhile.
   */
  standalone(runtimeImport: string): Promise<string>;
}

const ANNOTATIONS = ["title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment", "contentMediaType", "contentEncoding"];

/** The validator does not read annotations; dropping them keeps the shipped code small. */
export function stripAnnotations(schema: SchemaObject): SchemaObject {
  return mapSchema(schema, (s) => withoutKeys(s, (k) => ANNOTATIONS.includes(k)));
}

/**
 * The schema as Ajv must see it: Ajv leaves a property named `__proto__` out of `properties` (a guard against
 * prototype pollution), so it moves to `patternProperties` as `^__proto__$`, which checks the same own key.
 */
export function forAjv(schema: SchemaObject): SchemaObject {
  return mapSchema(schema, (s) => {
    if (!isPlain(s.properties) || !Object.prototype.hasOwnProperty.call(s.properties, "__proto__")) return s;
    // An own `__proto__` key (JSON.parse makes one) shadows Object.prototype's accessor, so indexing reads it.
    const proto = s.properties["__proto__"];
    if (proto === undefined) return s;
    const properties = withoutKeys(s.properties, (k) => k === "__proto__");
    return { ...s, properties, patternProperties: { ...(s.patternProperties ?? {}), "^__proto__$": proto } };
  });
}

/** `the object has an own property named ""`, said without `required` (see forGuard). */
const HAS_EMPTY_NAME = { not: { type: "object", properties: { "": false } } } as const;

/**
 * The schema as the first-error guard must see it. Ajv's first-error code checks a `required` list as a chain of
 * `(missing = "name")` tests whose value decides the branch, so a property named "" (a falsy string) is never
 * reported missing: `required: ["a", ""]` accepts `{a: 1}` there while the all-errors code refuses it. The guard
 * therefore says "has the property ''" with `properties` instead (same own-key check, same verdict), in `required`
 * and in `dependentRequired`.
 */
export function forGuard(schema: SchemaObject): SchemaObject {
  return mapSchema(schema, (s) => {
    let out = s;
    if (Array.isArray(s.required) && s.required.includes("")) {
      out = { ...out, required: s.required.filter((n) => n !== ""), allOf: [...(Array.isArray(s.allOf) ? s.allOf : []), HAS_EMPTY_NAME] };
    }
    const dependent = s.dependentRequired;
    if (isPlain(dependent) && Object.values(dependent).some((names) => Array.isArray(names) && names.includes(""))) {
      const dependentSchemas: Record<string, unknown> = { ...(isPlain(s.dependentSchemas) ? s.dependentSchemas : {}) };
      const dependentRequired: Record<string, unknown> = {};
      for (const [key, names] of Object.entries(dependent)) {
        if (!Array.isArray(names) || !names.includes("")) {
          dependentRequired[key] = names;
          continue;
        }
        dependentRequired[key] = names.filter((n) => n !== "");
        const before = dependentSchemas[key];
        dependentSchemas[key] = before === undefined ? HAS_EMPTY_NAME : { allOf: [before, HAS_EMPTY_NAME] };
      }
      out = { ...out, dependentRequired, dependentSchemas } as SchemaObject;
    }
    return out;
  });
}

/** A copy of an object without the keys `drop` picks; Object.fromEntries keeps a `__proto__` key as an own key. */
function withoutKeys<T extends object>(o: T, drop: (key: string) => boolean): T {
  // Dropping keys keeps the object's declared shape: every keyword of T is optional or an index signature.
  return Object.fromEntries(Object.entries(o).filter(([k]) => !drop(k))) as T;
}

/** Ajv options shared by generation, lint and the tests' reference validators. */
export function ajvOptions(formats: FormatFunctions): Options {
  return {
    strict: true,
    // A tuple (prefixItems) without minItems/maxItems is legitimate 2020-12: only Ajv's lint for it is off.
    strictTuples: false,
    // A property that also matches a patternProperties pattern is legitimate too (both apply).
    allowMatchingProperties: true,
    // Messages come from templates/validation/issues.ts (keyword + params + the rules in words): Ajv's own
    // strings would only make every generated validator bigger.
    messages: false,
    allowUnionTypes: true,
    allErrors: true,
    ownProperties: true,
    formats,
    validateFormats: true,
  };
}

const schemaCheckers = new WeakMap<FormatFunctions, Ajv>();
/** An Ajv with the same options, used only to check schemas against the meta-schema (compiled on first use). */
function schemaChecker(formats: FormatFunctions): Ajv {
  let ajv = schemaCheckers.get(formats);
  if (!ajv) schemaCheckers.set(formats, (ajv = new Ajv2020(ajvOptions(formats))));
  return ajv;
}

let shapeChecker: Ajv | undefined;
/** Schemas checkSchemaShape passed (by identity; an IR's task is frozen), and copies vouched for by vouchShape. */
const shapesChecked = new WeakSet<SchemaObject>();

/**
 * The schema against the 2020-12 meta-schema, as compileValidator checks it, but before the analysis reads it: a
 * keyword of the wrong shape (`type: {}`, `required: "a"`) crashed the rules' analysis (`want.includes is not a
 * function`) before the compile could name it. A SpecError at `file`, `pointer`.
 */
export function checkSchemaShape(schema: SchemaObject, { file = "<schema>", pointer = "" }: { file?: string; pointer?: string } = {}): void {
  // Shapes: the formats the meta-schema names (uri-reference on $id) are checked neither here nor by the compile's
  // own check (Ajv compiles its meta-schemas with formats off).
  shapeChecker ??= new Ajv2020({ ...ajvOptions({}), validateFormats: false });
  if (shapeChecker.validateSchema(forAjv(stripAnnotations(schema))) === true) {
    shapesChecked.add(schema);
    return;
  }
  // The deepest place the meta-schema complains about is the keyword a person must fix.
  const errors = shapeChecker.errors ?? [];
  const deepest = errors.reduce<(typeof errors)[number] | undefined>((a, e) => (a === undefined || e.instancePath.split("/").length > a.instancePath.split("/").length ? e : a), undefined);
  const at = deepest?.instancePath ?? "";
  const keyword = at.split("/").at(-1) ?? "";
  throw new SpecError(file, `${pointer}${at}`, keyword ? `${JSON.stringify(keyword.replace(/~1/g, "/").replace(/~0/g, "~"))} has a value of the wrong shape for a JSON Schema 2020-12 keyword (the meta-schema's ${deepest?.keyword ?? ""} check fails there)` : "not a JSON Schema 2020-12 schema (the meta-schema fails on it)");
}

/**
 * `copy` has the keywords of `checked` and values of the same types (in-process.ts's id token replaces a const or
 * enum string with another string): if `checked` passed checkSchemaShape, so does `copy`.
 */
export function vouchShape(copy: SchemaObject, checked: SchemaObject): void {
  if (shapesChecked.has(checked)) shapesChecked.add(copy);
}

/** Ajv's own error for a bad schema, turned into a SpecError with the JSON Pointer it names. */
function schemaError(file: string, basePointer: string, e: unknown): SpecError {
  const message = e instanceof Error ? e.message : String(e);
  const m = /"#(\/[^"]*)"/.exec(message);
  return new SpecError(file, `${basePointer}${m?.[1] ?? ""}`, message.replace(/^strict mode: /, "not supported: "));
}

const RUNTIME_REQUIRES: Readonly<Record<string, string>> = {
  "ajv/dist/runtime/ucs2length": "ajvUcs2length",
  "ajv/dist/runtime/equal": "ajvEqual",
  "modelgen:formats": "formats",
};

/**
 * What Ajv makes its function from, for a compilation whose function is never called (its code is what is wanted):
 * Ajv evaluates the code it generated with `new Function`, which on a large task schema costs V8 a parse of the
 * whole text. The source Ajv keeps for standalone code (`validate.source`) is made before, and is the same.
 */
const NOT_RUN = (): string => 'return function notRun() { throw new Error("modelgen: this compilation is for its code only") }';

/** The options of an Ajv that compiles for standalone code: `run`, whether its functions are called too. */
function codeOptions(run: boolean): Options["code"] {
  return { source: true, esm: true, lines: true, formats: _`require("modelgen:formats")`, ...(run ? {} : { process: NOT_RUN }) };
}

/**
 * Compile a task schema once: the function runs in this process (lint, examples, README snippets) and the same
 * compilation gives the standalone code that ships. `formats` are the runtime's checkers, under the names the
 * shipped code imports; `file` and `pointer` place Ajv's complaints about the schema. `run: false`: only the code
 * is wanted, and `validate` throws if called (in-process.ts runs the shipped code instead). `text`: the schema's
 * JSON text, where the caller has it already.
 */
export function compileValidator(
  schema: SchemaObject,
  formats: FormatFunctions,
  { file = "<schema>", pointer = "", run = true, text = JSON.stringify(schema) }: { file?: string; pointer?: string; run?: boolean; text?: string } = {},
): CompiledValidator {
  // The schema is checked against the meta-schema by an Ajv kept for that: a fresh Ajv would compile the
  // 2020-12 meta-schema again for every spec, which cost as much as compiling the task schema itself.
  const evaluated = tracksEvaluated(text);
  const ajv = withEvaluated(new Ajv2020({ ...ajvOptions(formats), validateSchema: false, meta: false, code: codeOptions(run) }), evaluated);
  let validate: ValidateFunction;
  let input: SchemaObject;
  try {
    input = forAjv(stripAnnotations(schema));
    // A schema checkSchemaShape passed is not checked again: Ajv compiles its meta-schemas with formats off
    // whatever the instance's option (its constructor), so this check is that one (test/compile/shape-check.test.ts).
    if (!shapesChecked.has(schema)) schemaChecker(formats).validateSchema(input, true);
    validate = ajv.compile(input);
  } catch (e) {
    throw schemaError(file, pointer, e);
  }
  const standalone = (runtimeImport: string): Promise<string> => {
    // The guard is compiled only for the shipped code (its function is never called here): analysis in this
    // process runs the all-errors validator.
    const guardSchema = forGuard(input);
    const names = namesRead(guardSchema);
    const loose = names.every((n) => !(n in Object.prototype)) ? names : null;
    const guardAjv = withEvaluated(new Ajv2020({ ...ajvOptions(formats), allErrors: false, ownProperties: loose === null, validateSchema: false, meta: false, code: codeOptions(false) }), evaluated);
    const guard = guardAjv.compile(guardSchema);
    return shippedCode([standaloneCode(ajv, validate), standaloneCode(guardAjv, guard)], formats, runtimeImport, loose);
  };
  return { validate, standalone };
}

/**
 * Ajv2020 always tracks which properties and items each subschema evaluated (its `unevaluated` option, forced on),
 * for unevaluatedProperties and unevaluatedItems and across $dynamicRef: in a validator of a schema with none of
 * them that is code whose result nothing reads (a tenth of validator.js, and work on every call). Such a schema is
 * compiled without it. The test is on the schema's text, so a property merely named so keeps the tracking.
 */
function withEvaluated(ajv: Ajv, evaluated: boolean): Ajv {
  if (!evaluated) (ajv.opts as { unevaluated?: boolean }).unevaluated = false;
  return ajv;
}

/** Whether a schema's JSON text names a keyword that reads evaluated properties or items (see withEvaluated). */
const tracksEvaluated = (schemaText: string): boolean => /"(?:unevaluatedProperties|unevaluatedItems|\$dynamicRef|\$dynamicAnchor|\$recursiveRef|\$recursiveAnchor)"/.test(schemaText);

/**
 * A loop over an object's keys, as Ajv writes it (`gen.forIn("key", …)`: additionalProperties, patternProperties,
 * propertyNames, unevaluatedProperties). Unanchored: the same text inside a string literal only makes the guard
 * ask Object.prototype one question more.
 */
const LOOPS_OVER_KEYS = /\bfor\s*\(\s*(?:const|let|var) [\w$]+ in /;

/** The two lines Ajv's ESM standalone code exports its function with. */
const EXPORTS = /^export const validate = (validate\d+);\nexport default \1;\n/m;

/**
 * One module from the two standalone codes: the all-errors one at the top level (`validate`, default export), the
 * first-error one in a function scope of its own (Ajv names both functions validate0, schema0, …) as `guard`.
 */
function shippedCode([full, first]: readonly [string, string], formats: FormatFunctions, runtimeImport: string, loose: readonly string[] | null): Promise<string> {
  const used = new Map<string, string>();
  const guard = EXPORTS.exec(first);
  if (!guard) throw new Error("Ajv's standalone code no longer exports `validate`: the guard cannot be wrapped");
  let body = withUnchangedCounts(withCountedTests(withoutUnreadPassing(withBoundFirst(withCheckedFirst(withoutUnusedContext(withRuntimeImports(first.replace(EXPORTS, ""), formats, used, { dropErrors: true })))))));
  const all = withRuntimeImports(full.replace(/^export default (validate\d+);\n/m, ""), formats, used, { sharePaths: true });
  body = withoutRepeatedDeclarations(body, all);
  // Compiled without ownProperties: plain objects only, else the all-errors validator answers (see ajvGuard).
  if (loose) body = withPlainChecks(body);
  body = withObjectFlags(body);
  let guarded = `(() => {\n${body}\nreturn ${guard[1]};\n})()`;
  if (loose) {
    used.set("ajvPlain", "__ajvPlain").set("ajvGuard", "__ajvGuard");
    guarded = `__ajvGuard(${guarded}, validate, ${pollutionTest(loose, LOOPS_OVER_KEYS.test(body))})`;
  }
  // The guard's object tests read a flag set where each value is bound (withObjectFlags), not a call of ajvObject:
  // a hundred calls exceed what V8 inlines into one function, and isTask must stay as fast as Ajv.
  // index.js imports `validate` by name: the default export goes.
  // Strings and enum lists are shared by the two parts: validate's and the guard's are the same schema's.
  const code = withSharedStrings(withEnumSets(`${withParamsCalls(withSharedParams(withResetCalls(withErrorCalls(withoutUnusedParams(withOwnPropertyTests(withObjectTests(all, used), used))))))}\nexport const guard = ${guarded};\n`));
  const header = used.size ? `import { ${[...used].sort(([a], [b]) => (a < b ? -1 : 1)).map(([exp, local]) => `${exp} as ${local}`).join(", ")} } from ${JSON.stringify(runtimeImport)};\n` : "";
  // esbuild keeps a computed `["__proto__"]` key computed and escapes `</script` in strings.
  return minify(header + code);
}

/**
 * esbuild's minify of one module, in esbuild's service: a Go program this thread starts on its first call, and that
 * inherits the thread's environment then. With Go's default GOGC=100 its small heap is collected every few calls,
 * which was about a fifth of each call's time on fal's validators (2.99-3.43 ms → 2.59-2.65 ms a call with
 * GOGC=400, measured in one thread over fal's 230 documents); a GOGC the user set is left as it is.
 */
export async function minify(code: string): Promise<string> {
  process.env.GOGC ??= "400";
  return (await transform(code, { minify: true, format: "esm", target: "es2020", charset: "utf8", legalComments: "none" })).code;
}

/**
 * Ajv's test that a value is an object (`x && typeof x == "object" && !Array.isArray(x)`, before every keyword that
 * reads properties: a hundred times in a large validator) as a call of the runtime's ajvObject. In a string
 * literal the pattern's quotes would be escaped, so it matches code only.
 */
export function withObjectTests(code: string, used: Map<string, string>): string {
  const out = code.replace(OBJECT_TEST, (_test: string, data: string) => `__ajvObject(${data})`);
  if (out !== code) used.set("ajvObject", "__ajvObject");
  return out;
}

/** Whether a character opens a string literal (any of JavaScript's three quotes). */
const isQuote = (c: string | undefined): boolean => c === '"' || c === "'" || c === "`";

/**
 * The index of the quote that closes the string literal opening at `start` (code[start] is its quote), escapes
 * skipped; code.length when it does not close.
 */
function stringEnd(code: string, start: number): number {
  const quote = code[start];
  let i = start + 1;
  for (; i < code.length && code[i] !== quote; i++) if (code[i] === "\\") i++;
  return i;
}

/** How many times each first group of `re` (global) matches in `code`. */
function countMatches(code: string, re: RegExp): Map<string, number> {
  const n = new Map<string, number>();
  for (const m of code.matchAll(re)) n.set(m[1]!, (n.get(m[1]!) ?? 0) + 1);
  return n;
}

/**
 * Ajv's required checks name the missing property in a variable (`… && (missing0 = "name")`) for the error's
 * params; once the error is counted and not kept (the guard's, those under `if` and `not`), nothing reads it. A
 * variable whose every use is its declaration or such an assignment of a non-empty name (truthy, so dropping it
 * leaves each condition's verdict) goes, with its assignments.
 */
export function withoutUnreadMissing(code: string): string {
  const DECL = /^let (missing\d+);\n/gm;
  const ASSIGN = / && \((missing\d+) = "(?:[^"\\]|\\.)+"\)/g;
  const declared = [...code.matchAll(DECL)].map((m) => m[1]!);
  if (declared.length === 0) return code;
  // One scan each: every use of a name (a string literal's text counts too, which only keeps a variable), and
  // the uses that are its declarations or its assignments.
  const count = (re: RegExp) => countMatches(code, re);
  const uses = count(/\b(missing\d+)\b/g);
  const assigns = count(ASSIGN);
  const decls = count(DECL);
  const unread = new Set(declared.filter((n) => uses.get(n) === (assigns.get(n) ?? 0) + (decls.get(n) ?? 0)));
  if (unread.size === 0) return code;
  return code.replace(ASSIGN, (whole: string, n: string) => (unread.has(n) ? "" : whole)).replace(DECL, (whole: string, n: string) => (unread.has(n) ? "" : whole));
}

/** How each of Ajv's functions in all-errors code starts: its list and count of errors. */
const PROLOGUE = /^(function [\w$]+\(data\b.*\)\{\nlet vErrors = null;\nlet errors = 0;\n)/gm;

/**
 * Each function's error sites (compactErrorSites's `vErrors = __ajvError(vErrors, …);` and `errors++;`) as calls of
 * a closure over its list and count, `__e(…)`, declared once at the function's start. Only when every site is in a
 * function that starts as Ajv writes them.
 */
export function withErrorCalls(code: string): string {
  const starts = [...code.matchAll(PROLOGUE)].map((m) => m.index);
  const sites = [...code.matchAll(/vErrors = __ajvError\(vErrors, /g)].map((m) => m.index);
  if (sites.length === 0 || starts.length === 0 || sites[0]! < starts[0]!) return code;
  // The lazy match ends where the site does: its arguments (Ajv's params over lines) cannot hold `);`, a line
  // break and `errors++;`, since no string literal holds a line break.
  const out = code.replace(/vErrors = __ajvError\(vErrors, ([^]*?)\);\nerrors\+\+;/g, "__e($1);");
  if (out.includes("vErrors = __ajvError(")) return code;
  return out.replace(PROLOGUE, "$1const __e = (...a) => {\nvErrors = __ajvError(vErrors, ...a);\nerrors++;\n};\n");
}

/** Ajv's reset of the count and the list of errors to an earlier count (KeywordCxt.reset). */
const COUNT_RESET = /^errors = (_errs\d+);\nif\(vErrors !== null\)\{\nif\(\1\)\{\nvErrors\.length = \1;\n\}\nelse \{\nvErrors = null;\n\}\n\}\n/gm;

/** Each function's resets as calls of one closure over its count and list, `__r(_errsN)`, as withErrorCalls does. */
export function withResetCalls(code: string): string {
  const starts = [...code.matchAll(PROLOGUE)].map((m) => m.index);
  const sites = [...code.matchAll(COUNT_RESET)].map((m) => m.index);
  if (sites.length === 0 || starts.length === 0 || sites[0]! < starts[0]!) return code;
  return code
    .replace(COUNT_RESET, "__r($1);\n")
    .replace(PROLOGUE, "$1const __r = (n) => {\nerrors = n;\nif(vErrors !== null){\nif(n){\nvErrors.length = n;\n}\nelse {\nvErrors = null;\n}\n}\n};\n");
}

/** What naming a shared string costs at each use (esbuild's name for it) and once (`,n="…"`). */
const STRING_USE = 3;
const STRING_DECL = 5;

/**
 * The string literals validate repeats (property names, instance paths such as "/inputs/frameImages/", patterns)
 * as module constants declared first (`const __s0 = "/inputs/frameImages/";`), where that saves bytes. Left as
 * they are: a key (a literal followed by `:`, or what a ternary's `:` follows, which only keeps it), the operand
 * of a typeof comparison (which V8 compiles to a type check only against a literal), and literals in quotes other
 * than Ajv's double quotes.
 */
export function withSharedStrings(code: string): string {
  const sites: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (!isQuote(c)) continue;
    const start = i;
    i = stringEnd(code, i);
    if (c !== '"') continue;
    const text = code.slice(start, i + 1);
    if (/^\s*:/.test(code.slice(i + 1, i + 4))) continue;
    if (/typeof\s+\S+\s*[!=]==?\s*$/.test(code.slice(Math.max(0, start - 60), start))) continue;
    // The guard's `"name" in P` tests, which V8 folds to constants only with a literal name.
    if (/^\s+in\b/.test(code.slice(i + 1, i + 5))) continue;
    sites.push({ start, end: i + 1, text });
  }
  const counts = new Map<string, number>();
  for (const { text } of sites) counts.set(text, (counts.get(text) ?? 0) + 1);
  const shared = new Map<string, string>();
  for (const [text, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n * (text.length - STRING_USE) - (text.length + STRING_DECL) > 0) shared.set(text, `__s${shared.size}`);
  }
  if (shared.size === 0) return code;
  let out = "";
  let from = 0;
  for (const site of sites) {
    const name = shared.get(site.text);
    if (name === undefined) continue;
    out += code.slice(from, site.start) + name;
    from = site.end;
  }
  return [...shared].map(([text, name]) => `const ${name} = ${text};\n`).join("") + out + code.slice(from);
}

/** The fewest strings an enum must list for its test to become a Set's (a shorter chain of `===` is as fast). */
export const MIN_ENUM_SET = 4;

/**
 * Ajv's enum test of strings, a chain `((X === "a") || (X === "b")) || …` (vocabularies/validation/enum.ts), as
 * `__esN.has(X)`: a module constant `const __esN = new Set([…])` declared once for the same list in validate and the
 * guard (Set's SameValueZero and `===` agree on strings), one hash lookup instead of a compare per value. Only
 * chains of MIN_ENUM_SET strings or more, the same X in every test, in code (not inside a string literal).
 */
export function withEnumSets(code: string): string {
  const CHAIN = /(\(+)([\w$]+(?:\.[A-Za-z_$][\w$]*)*) === ("(?:[^"\\]|\\.)*")\)((?: \|\| \(\2 === "(?:[^"\\]|\\.)*"\)\))+)/g;
  const strings = stringRanges(code);
  const sets = new Map<string, string>();
  const out = code.replace(CHAIN, (chain: string, open: string, data: string, first: string, rest: string, at: number) => {
    const values = [first, ...[...rest.matchAll(/ \|\| \([\w$.]+ === ("(?:[^"\\]|\\.)*")\)\)/g)].map((m) => m[1]!)];
    if (values.length < MIN_ENUM_SET || open.length < values.length || insideString(strings, at)) return chain;
    const key = JSON.stringify([...new Set(values.map((v) => JSON.parse(v) as string))].sort());
    let name = sets.get(key);
    if (name === undefined) sets.set(key, (name = `__es${sets.size}`));
    return `${open.slice(values.length)}${name}.has(${data})`;
  });
  if (sets.size === 0) return code;
  // Written as Ajv writes values into code (no raw U+2028 or U+2029).
  return [...sets].map(([key, name]) => `const ${name} = new Set(${safeStringify(JSON.parse(key))});\n`).join("") + out;
}

/** The [start, end) ranges of the string literals in code (any quote), in order. */
function stringRanges(code: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (!isQuote(c)) continue;
    const start = i;
    i = stringEnd(code, i);
    ranges.push([start, i + 1]);
  }
  return ranges;
}

/** Whether `at` lies inside one of the ranges (stringRanges's, sorted). */
function insideString(ranges: readonly [number, number][], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid]!;
    if (at < start) hi = mid - 1;
    else if (at >= end) lo = mid + 1;
    else return at > start;
  }
  return false;
}

/** A property access as Ajv writes it (codegen getProperty): `.name`, or `["any name"]`. */
const ACCESS = String.raw`(\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])`;
const STRING = String.raw`("(?:[^"\\]|\\.)*")`;
/** `(data.p !== undefined && func0.call(data, "p"))`: Ajv's "has own property p" (vocabularies/code.ts propertyInData). */
const HAS = (func: string) => new RegExp(String.raw`\(([\w$]+)${ACCESS} !== undefined && ${func}\.call\(\1, ${STRING}\)\)`, "g");
/** `((data.p === undefined) || (!(func0.call(data, "p"))))`: its negation (noPropertyInData). */
const HAS_NOT = (func: string) => new RegExp(String.raw`\(\(([\w$]+)${ACCESS} === undefined\) \|\| \(!\(${func}\.call\(\1, ${STRING}\)\)\)\)`, "g");

/**
 * Ajv's own-property tests (`data.p !== undefined && func0.call(data, "p")`, func0 its
 * Object.prototype.hasOwnProperty, and the negation) as calls of the runtime's ajvHas, which does the same two
 * reads in the same order. Only a test in parentheses of its own (as Ajv's and/or/if write every one), so the call
 * takes its place in any expression; the access must name the same property as the string.
 */
export function withOwnPropertyTests(code: string, used: Map<string, string>): string {
  let out = code;
  for (const [, func] of code.matchAll(/^const (func\d+) = Object\.prototype\.hasOwnProperty;$/gm)) {
    const same = (access: string, name: string) => (access.startsWith(".") ? JSON.stringify(access.slice(1)) === name : access.slice(1, -1) === name);
    out = out.replace(HAS(func!), (whole: string, data: string, access: string, name: string) => (same(access, name) ? `(__ajvHas(${data}, ${name}))` : whole));
    out = out.replace(HAS_NOT(func!), (whole: string, data: string, access: string, name: string) => (same(access, name) ? `(!__ajvHas(${data}, ${name}))` : whole));
  }
  if (out.includes("__ajvHas(")) used.set("ajvHas", "__ajvHas");
  return out;
}

/** Keywords whose names (keys, or list entries) the validator reads as property names of the payload. */
function namesReadHere(s: SchemaObject): string[] {
  const keys = (v: unknown) => (isPlain(v) ? Object.keys(v) : []);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((n): n is string => typeof n === "string") : []);
  const dependent = isPlain(s.dependentRequired) ? Object.values(s.dependentRequired).flatMap(list) : [];
  // draft-07's `dependencies`, which Ajv2020 still runs, should a schema carry it past normalize.
  const legacy: unknown = (s as Record<string, unknown>)["dependencies"];
  const legacyNames = isPlain(legacy) ? [...Object.keys(legacy), ...Object.values(legacy).flatMap(list)] : [];
  return [...keys(s.properties), ...list(s.required), ...keys(s.dependentRequired), ...dependent, ...keys(s.dependentSchemas), ...legacyNames];
}

/** Every property name the schema reads of a payload (at any depth), sorted, each once. */
export function namesRead(schema: SchemaObject): string[] {
  const names = new Set<string>();
  mapSchema(schema, (s) => {
    for (const n of namesReadHere(s)) names.add(n);
    return s;
  });
  return [...names].sort();
}

/**
 * When no name the schema reads is a property of Object.prototype (`constructor`, `toString`, `__proto__`, …), the
 * guard is compiled without Ajv's `ownProperties`. On a plain object (prototype Object.prototype or null),
 * `data.name !== undefined` then holds exactly when the object has an own property `name`, and
 * `for (key in data)` visits exactly its own enumerable keys, as long as Object.prototype has not been given a
 * property of one of those names, nor any enumerable property where the code loops over keys. The shipped guard
 * asks Object.prototype that first, with this function (`"name" in P` for each name: constant tests an optimising
 * compiler folds away until Object.prototype changes), and hands the payload to the all-errors validator if so.
 */
export function pollutionTest(names: readonly string[], loops: boolean): string {
  const tests = names.map((n) => `${JSON.stringify(n)} in P`).join(" || ") || "false";
  return loops ? `(P) => { for (const _ in P) return true; return ${tests}; }` : `(P) => ${tests}`;
}

/** How Ajv's code tests that a value is an object, before any keyword reads its properties (compile/validate/dataType.ts). */
const OBJECT_TEST = /\b([\w$.]+) && typeof \1 == "object" && !Array\.isArray\(\1\)/g;
const plainCheck = (data: string) => `if(${data} && typeof ${data} == "object" && !Array.isArray(${data})) __ajvPlain(${data});`;

/**
 * Every object the guard compiled without `ownProperties` reads properties of goes through the runtime's
 * ajvPlain, which throws on an object whose prototype is not Object.prototype or null (ajvGuard then answers
 * with the all-errors validator, own properties only). Ajv binds every value it validates further to `data` (a
 * function's parameter, never reassigned) or to a `let`/`const dataN` of its own line, so the check runs once
 * where each is bound, not at each of the object tests that follow. An object test of anything else (none in
 * Ajv 8's output, but cheap to cover) gets the check in the test itself. The patterns cannot match inside a
 * string literal: Ajv writes strings with double quotes, so a `"` in one is escaped, and one statement a line.
 */
export function withPlainChecks(code: string): string {
  const tested = new Set([...code.matchAll(OBJECT_TEST)].map((m) => m[1]!));
  const bound = new Set<string>();
  let out = code.replace(/^(function [\w$]+\(data\b.*\)\{)$/gm, (line: string) => {
    bound.add("data");
    return `${line}\n${plainCheck("data")}`;
  });
  // Only where the value is later tested as an object: a string or number bound to `dataN` needs no check.
  out = out.replace(/^((?:let|const) (data\d+) = .*;)$/gm, (line: string, _decl: string, data: string) => {
    if (!tested.has(data)) return line;
    bound.add(data);
    return `${line}\n${plainCheck(data)}`;
  });
  return out.replace(OBJECT_TEST, (test: string, data: string) => (bound.has(data) ? test : `${test} && __ajvPlain(${data})`));
}

/**
 * The guard's object tests (`dataN && typeof dataN == "object" && !Array.isArray(dataN)`, before every keyword that
 * reads properties: eighty times in a large guard, most of them of `data`) as a flag computed once, right where
 * Ajv binds the value: the function's parameter `data`, or a `let`/`const dataN` of its own line (see
 * withPlainChecks). The flag `__o<name>` is a const declared just after the binding, in the same block, so every
 * test that names the binding is in the flag's scope; a binding the code assigns again keeps its tests. The flag
 * holds what the test gave (Ajv uses it only as a condition). The plain check withPlainChecks puts after each
 * binding then reads the flag too, so the test runs once per value.
 */
export function withObjectFlags(code: string): string {
  const tested = new Set([...code.matchAll(OBJECT_TEST)].map((m) => m[1]!));
  // Assigned again (`data0 = …`, not a declaration): the flag would go stale.
  const reassigned = new Set([...code.matchAll(/(?<!(?:let|const|var) )\b(data\d*) (?:[-+*/%&|^]|\?\?|&&|\|\|)?= (?!=)/g)].map((m) => m[1]!));
  const flag = (data: string) => `const __o${data} = ${data} && typeof ${data} == "object" && !Array.isArray(${data});`;
  const flagged = new Set<string>();
  let out = code.replace(/^(function [\w$]+\((data)\b.*\)\{)$|^((?:let|const) (data\d+) = .*;)$/gm, (line: string, _f: string, param: string | undefined, _d: string, bound: string | undefined) => {
    const data = (param ?? bound)!;
    if (!tested.has(data) || reassigned.has(data)) return line;
    flagged.add(data);
    return `${line}\n${flag(data)}`;
  });
  out = out.replace(OBJECT_TEST, (test: string, data: string) => (flagged.has(data) ? `__o${data}` : test));
  // The flags' own definitions were rewritten to themselves: put them back.
  return out.replace(/^const (__o(data\d*)) = \1;$/gm, (_line: string, _name: string, data: string) => flag(data));
}

/**
 * Ajv's first-error code for a property it checks when present:
 * `if(X !== undefined){ [let dataN = X;] const _errsN = errors; … var validK = _errsN === errors; } else { var validK
 * = true; }`. Counting the errors before the test instead gives validK the same value (an absent property adds
 * none), in 30 bytes less: `const _errsN = errors; if(X !== undefined){ … } var validK = _errsN === errors;`.
 * Ajv names each `_errsN` once in a function, so the count moves out of the block without meeting another; a block
 * whose braces do not balance as expected is left as it is.
 */
export function withCheckedFirst(code: string): string {
  const START = /^if\(([\w$]+(?:\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])*) !== undefined\)\{\n((?:let|const) data\d+ = .*;\n)?const (_errs\d+) = errors;\n/gm;
  let out = "";
  let from = 0;
  for (const m of code.matchAll(START)) {
    if (m.index < from) continue;
    const [whole, access, binding = "", errs] = m;
    const endRe = new RegExp(String.raw`^var (valid\d+) = ${errs} === errors;\n\}\nelse \{\nvar \1 = true;\n\}\n`, "m");
    const rest = code.slice(m.index + whole.length);
    const end = endRe.exec(rest);
    if (!end) continue;
    const inner = rest.slice(0, end.index);
    if (!balanced(inner)) continue;
    // The test written again from its parts: a property's name may hold a brace.
    out += `${code.slice(from, m.index)}const ${errs} = errors;\nif(${access} !== undefined){\n${binding}${inner}}\nvar ${end[1]} = ${errs} === errors;\n`;
    from = m.index + whole.length + end.index + end[0].length;
  }
  return out + code.slice(from);
}

/**
 * The guard's count around one test (after withCheckedFirst): `const _errsN = errors; if(A){ if(B){ errors++; } }
 * var validK = _errsN === errors;` (a property compared with its const when present, the most common shape in a
 * size table) as `var validK = !(A) || !(B); if(!validK){ errors++; }`: the same value and the same count, A and B
 * evaluated in the same order, in 15 bytes less. Only where A and B are one line each, read no `errors` and
 * assign nothing, and `_errsN` has no other use.
 */
export function withCountedTests(code: string): string {
  const SITE = /^const (_errs\d+) = errors;\n(?:if\(([^\n]*)\)\{\n)?if\(([^\n]*)\)\{\nerrors\+\+;\n\}\n(\}\n)?var (valid\d+) = \1 === errors;$/gm;
  const uses = countMatches(code, /\b(_errs\d+)\b/g);
  const pure = (c: string) => balanced(c) && !/\berrors\b|[^=!<>]=[^=]|\+\+|--/.test(c);
  return code.replace(SITE, (site: string, errs: string, outer: string | undefined, inner: string, close: string | undefined, valid: string) => {
    if ((outer === undefined) !== (close === undefined) || uses.get(errs) !== 2 || !pure(inner) || (outer !== undefined && !pure(outer))) return site;
    return `var ${valid} = ${outer === undefined ? "" : `!(${outer}) || `}!(${inner});\nif(!${valid}){\nerrors++;\n}`;
  });
}

/**
 * In first-error code most checks return false at once: between `const _errsN = errors;` and the tests of it
 * (`_errsN === errors`) the count often cannot change, and then each test is true. Where the text from the
 * declaration to its last use (widened to close every block opened in it, so a loop around a use and not the
 * declaration cannot hide a change) writes no `errors` (`errors++`, `errors = …`) and holds no `function`, each test
 * becomes `true` and the declaration goes (esbuild then drops what is left of it).
 */
export function withUnchangedCounts(code: string): string {
  const decls = [...code.matchAll(/^const (_errs\d+) = errors;\n/gm)];
  // Every mention of each name, in one scan (offsets into code).
  const mentions = new Map<string, number[]>();
  for (const m of code.matchAll(/\b_errs\d+\b/g)) {
    const list = mentions.get(m[0]);
    if (list) list.push(m.index);
    else mentions.set(m[0], [m.index]);
  }
  const drop = new Set<string>();
  for (const m of decls) {
    const name = m[1]!;
    const start = m.index + m[0].length;
    const uses = (mentions.get(name) ?? []).filter((at) => at >= start).map((at) => ({ index: at - start }));
    const last = uses.at(-1);
    if (!last || uses.some((u) => !code.startsWith(`${name} === errors`, start + u.index))) continue;
    // Widen to the end of the block structure opened between the declaration and the last use.
    let depth = 0;
    let end = start + last.index;
    let ok = true;
    for (let i = start; i < code.length; i++) {
      const c = code[i];
      if (isQuote(c)) {
        i = stringEnd(code, i);
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}" && --depth < 0) {
        ok = i >= start + last.index;
        end = i;
        break;
      }
      if (i >= start + last.index && depth === 0 && c === "\n") {
        end = i;
        break;
      }
    }
    const span = code.slice(start, end);
    if (ok && !/\berrors(?:\+\+| =[^=])|\bfunction\b/.test(span)) drop.add(name);
  }
  if (drop.size === 0) return code;
  return code.replace(/^const (_errs\d+) = errors;\n|\b(_errs\d+) === errors\b/gm, (whole: string, decl?: string, use?: string) => (drop.has((decl ?? use)!) ? (decl ? "" : "true") : whole));
}

/**
 * The guard's module-level constants that validate declares alike under the same name (Ajv numbers them in the
 * same order for the same schema): `func0 = Object.prototype.hasOwnProperty`, a format, a pattern's RegExp (no `g`
 * or `y` flag: `.test` keeps no state), go from the guard, whose function then reads validate's. A schema literal
 * goes too when the guard reads only own keys of it (`funcN.call(schemaN.properties, keyM)`, for
 * additionalProperties) and validate's literal of that name has the same keys at each such path.
 */
export function withoutRepeatedDeclarations(guard: string, outer: string): string {
  const DECL = /^const ((?:func|formats|pattern|schema)\d+) = (.*);$/gm;
  const declared = new Map([...outer.matchAll(DECL)].map((m) => [m[1]!, m[2]!]));
  return guard.replace(DECL, (line: string, name: string, value: string) => {
    const theirs = declared.get(name);
    if (theirs === undefined) return line;
    if (theirs === value && !/^new RegExp\(.*, "[^"]*[gy][^"]*"\)$/.test(value)) return "\u0000";
    return name.startsWith("schema") && sameKeysRead(guard, name, value, theirs) ? "\u0000" : line;
  }).replace(/^\u0000\n?/gm, "");
}

/** Whether the guard reads only own keys of `name` (`funcN.call(name.path, keyM)`), the same in both literals. */
function sameKeysRead(guard: string, name: string, ours: string, theirs: string): boolean {
  let a: unknown;
  let b: unknown;
  try {
    a = JSON.parse(ours);
    b = JSON.parse(theirs);
  } catch {
    return false;
  }
  const strings = stringRanges(guard);
  const refs = [...guard.matchAll(new RegExp(String.raw`(?<![\w$.])${name}\b`, "g"))].filter((m) => !insideString(strings, m.index));
  const reads = refs.filter((m) => !guard.slice(Math.max(0, m.index - 6), m.index).endsWith("const "));
  if (reads.length === 0) return false;
  for (const m of reads) {
    const read = new RegExp(String.raw`^${name}((?:\.[A-Za-z_$][\w$]*)*), key\d+\)`, "y");
    if (!/[\w$]+\.call\($/.test(guard.slice(Math.max(0, m.index - 20), m.index))) return false;
    const r = read.exec(guard.slice(m.index));
    if (!r) return false;
    const path = r[1]!.split(".").slice(1);
    const at = (v: unknown) => path.reduce<unknown>((o, k) => (isPlain(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined), v);
    const [x, y] = [at(a), at(b)];
    if (!isPlain(x) || !isPlain(y)) return false;
    const [kx, ky] = [Object.keys(x).sort(), Object.keys(y).sort()];
    if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i])) return false;
  }
  return true;
}

/**
 * validate's error params of one key that are left after withSharedParams (`{allowedValue: 512}` in a size table,
 * `{missingProperty: "model"}`, `{additionalProperty: key0}`, …) as calls of one arrow function per key,
 * `__pk0(512)` with `const __pk0 = (v) => ({allowedValue: v});`, where the key is written often enough for that to
 * save bytes: each call makes a new object of the same shape, as the literal did. Only the last argument of an
 * error call, and a value that is one token (a string, a number, a name or a chain of property names).
 */
export function withParamsCalls(code: string): string {
  const SITE = /(__e\([^\n]*?, )\{([A-Za-z_$][\w$]*): ("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\}(?=\);|, "[\w$]+"\);)/g;
  const strings = stringRanges(code);
  const at = (m: RegExpMatchArray) => m.index! + m[1]!.length;
  const counts = new Map<string, number>();
  for (const m of code.matchAll(SITE)) if (!insideString(strings, at(m))) counts.set(m[2]!, (counts.get(m[2]!) ?? 0) + 1);
  // A call saves the key, its colon and braces less the name and parentheses (4); declaring costs the key and 14.
  const keys = new Map([...counts].filter(([key, n]) => n * (key.length - 1) - (key.length + 14) > 0).map(([key]) => key).sort().map((key, i) => [key, `__pk${i}`]));
  if (keys.size === 0) return code;
  const out = code.replace(SITE, (site: string, call: string, key: string, value: string, offset: number) => {
    const name = keys.get(key);
    return name === undefined || insideString(strings, offset + call.length) ? site : `${call}${name}(${value})`;
  });
  return [...keys].map(([key, name]) => `const ${name} = (v) => ({${key}: v});\n`).join("") + out;
}

/** What naming a shared params object costs at each use (esbuild's name for it) and once (`,n={…}`). */
const PARAMS_USE = 3;
const PARAMS_DECL = 3;
/** An object literal of literal values only (a string, number, boolean or null each), as Ajv writes error params. */
const LITERAL_PARAMS = String.raw`\{(?:[A-Za-z_$][\w$]*: (?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)(?:, (?=[A-Za-z_$]))?)+\}`;

/**
 * validate's error params written alike at several sites (`{type: "string"}`, `{missingProperty: "model"}`,
 * `{comparison: "<=", limit: 4}`: literal values only) as one module constant each (`const __p0 = {…};`), where
 * that saves bytes: the errors of such sites then share one params object, as Ajv's own sites already share their
 * schema's enum arrays (`allowedValues`). Nothing in the runtime writes to an error's params (issues.ts reads them).
 * Only the last argument of an error call (`__e(…, {…})` or `__e(…, {…}, "keyword")`).
 */
export function withSharedParams(code: string): string {
  const SITE = new RegExp(String.raw`(__e\([^\n]*?, )(${LITERAL_PARAMS})(?=\);|, "[\w$]+"\);)`, "g");
  // A site whose params lie inside a string literal (a property name that spells code) is not a site.
  const strings = stringRanges(code);
  const inCode = (m: RegExpMatchArray) => !insideString(strings, m.index! + m[1]!.length);
  const counts = new Map<string, number>();
  for (const m of code.matchAll(SITE)) if (inCode(m)) counts.set(m[2]!, (counts.get(m[2]!) ?? 0) + 1);
  const shared = new Map<string, string>();
  for (const [text, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const size = text.replace(/: /g, ":").replace(/, /g, ",").length;
    if (n * (size - PARAMS_USE) - (size + PARAMS_DECL) > 0) shared.set(text, `__p${shared.size}`);
  }
  if (shared.size === 0) return code;
  const out = code.replace(SITE, (site: string, call: string, params: string, at: number) => {
    const name = shared.get(params);
    return name === undefined || insideString(strings, at + call.length) ? site : `${call}${name}`;
  });
  return [...shared].map(([text, name]) => `const ${name} = ${text};\n`).join("") + out;
}

/**
 * Ajv's first-error code tests a property before it binds it: `if(X !== undefined){\nlet dataN = X;` (X a chain of
 * property names). Bound first, `let dataN = X;\nif(dataN !== undefined){`, the property is read once and written
 * once. Ajv names each `dataN` once in a function, so moving its declaration out of the block meets no other.
 */
export function withBoundFirst(code: string): string {
  return code.replace(/^if\(([\w$]+(?:\.[A-Za-z_$][\w$]*)+) !== undefined\)\{\nlet (data\d+) = \1;\n/gm, (_site: string, access: string, data: string) => `let ${data} = ${access};\nif(${data} !== undefined){\n`);
}

/** Whether the braces, brackets and parentheses of a code fragment (outside string literals) balance. */
function balanced(code: string): boolean {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (isQuote(c)) {
      i = stringEnd(code, i);
    } else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") {
      if (--depth < 0) return false;
    }
  }
  return depth === 0;
}

/**
 * Ajv's oneOf records which branches passed (`passingN`) for its error's params; the guard keeps no errors, so
 * when nothing else reads the variable its declaration and assignments (lines of their own) go.
 */
export function withoutUnreadPassing(code: string): string {
  const DECL = /^let (passing\d+) = null;\n/gm;
  const ASSIGN = /^(passing\d+) = (?:\d+|\[\1, \d+\]);\n/gm;
  const count = (re: RegExp) => countMatches(code, re);
  const uses = count(/\b(passing\d+)\b/g);
  const decls = count(DECL);
  const assigns = count(ASSIGN);
  // An assignment `passingN = [passingN, k]` names it twice.
  const arrays = count(/^(passing\d+) = \[\1, \d+\];$/gm);
  const unread = new Set([...decls.keys()].filter((n) => uses.get(n) === (decls.get(n) ?? 0) + (assigns.get(n) ?? 0) + (arrays.get(n) ?? 0)));
  if (unread.size === 0) return code;
  return code.replace(ASSIGN, (line: string, n: string) => (unread.has(n) ? "" : line)).replace(DECL, (line: string, n: string) => (unread.has(n) ? "" : line));
}

/** What Ajv passes each of its functions besides the data: where it is, for error objects and dynamic refs. */
const CONTEXT_PARAMS = /(^function [\w$]+\(data), \{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}\)\{$/gm;

/**
 * The guard's functions without the context parameters when nothing reads them (the guard builds no error
 * objects, and a call of another function passes them by name): every call then skips destructuring a default `{}`
 * and allocating another for dynamicAnchors.
 */
export function withoutUnusedContext(code: string): string {
  const rest = code.replace(CONTEXT_PARAMS, "");
  if (/\b(instancePath|parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(rest)) return code;
  return code.replace(CONTEXT_PARAMS, "$1){");
}

/**
 * The all-errors functions' context parameters that nothing reads, left out (they only name what a call passes;
 * instancePath is read by every error site). A parameter a call passes on by name is read, so it stays.
 */
export function withoutUnusedParams(code: string): string {
  const rest = code.replace(CONTEXT_PARAMS, "");
  const kept = ["parentData", "parentDataProperty", "rootData=data", "dynamicAnchors={}"].filter((p) => new RegExp(String.raw`\b${p.split("=")[0]}\b`).test(rest));
  return code.replace(CONTEXT_PARAMS, (_whole: string, start: string) => `${start}, {${['instancePath=""', ...kept].join(", ")}}={}){`);
}

/**
 * The guard answers yes or no: nothing reads its errors. Each error object Ajv builds (`{instancePath,
 * schemaPath:…}`) becomes `0`, so the errors arrays keep their lengths (Ajv counts errors through them) and the
 * code loses most of its bytes. Code that reads an error's fields (`.instancePath`, as Ajv writes for keywords
 * that extend errors) keeps them all.
 */
export function withoutErrorObjects(code: string): string {
  if (/\.(instancePath|schemaPath|keyword|params)\b/.test(code)) return code;
  let out = "";
  let from = 0;
  for (let at = indexInCode(code, "{instancePath", from); at !== -1; at = indexInCode(code, "{instancePath", from)) {
    const end = objectEnd(code, at);
    if (end === -1) return code;
    const literal = code.slice(at, end);
    out += code.slice(from, at) + (topLevelKeys(literal).includes("schemaPath") ? "0" : literal);
    from = end;
  }
  return out + code.slice(from);
}

/**
 * The first index of `needle` at or after `from` that is code, not inside a string literal (a spec's enum value or
 * pattern can hold any text). `from` must itself be outside a string. Ajv writes no template literals, comments or
 * regular expression literals holding quotes.
 */
function indexInCode(code: string, needle: string, from: number): number {
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (isQuote(c)) {
      i = stringEnd(code, i);
    } else if (c === needle[0] && code.startsWith(needle, i)) return i;
  }
  return -1;
}

/** The index after the `}` that closes the object literal opening at `start` (-1 when it does not close). */
function objectEnd(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (isQuote(c)) {
      i = stringEnd(code, i);
    } else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") {
      depth--;
      if (depth === 0) return c === "}" ? i + 1 : -1;
    }
  }
  return -1;
}

/** The keys at the top level of an object literal's text (`{a,b:1,c:{d:2}}` → a, b, c). */
function topLevelKeys(literal: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let token = "";
  let key = true;
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    if (isQuote(c)) {
      const start = i;
      i = stringEnd(literal, i);
      if (depth === 1 && key) token += literal.slice(start, i + 1);
      continue;
    }
    if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") depth--;
    if (depth === 1 && key && c === ":") {
      keys.push(token.trim());
      key = false;
    } else if ((depth === 1 && c === ",") || (depth === 0 && c === "}")) {
      if (key && token.trim()) keys.push(token.trim());
      token = "";
      key = true;
    } else if (depth === 1 && key && c !== "{") token += c;
  }
  return keys;
}

/** How Ajv's standalone code records an error (allErrors, or inside a composite rule): after `const errN = <value>`. */
const PUSH = (n: string) => `;\nif(vErrors === null){\nvErrors = [err${n}];\n}\nelse {\nvErrors.push(err${n});\n}\nerrors++;`;

/**
 * Each of Ajv's error sites (`const errN = {instancePath, schemaPath, keyword, params}; if (vErrors === null) …
 * push; errors++;`) as one call to the runtime's ajvError (same object, same order of keys; the keyword left out
 * when it is the schema path's last segment), or to ajvPush for values of another shape; a value `dropped` picks
 * (see errorsUnread) is counted and not kept. A site written in any other way is left as it is. With `paths`, each
 * ajvError's schema path is pushed there and written as a mark (NUL, its index, NUL: no code of Ajv holds a NUL),
 * for withSharedPaths.
 */
export function compactErrorSites(code: string, used: Map<string, string>, dropped: (value: string) => boolean = () => false, paths?: string[]): string {
  let out = "";
  let from = 0;
  const name = /err(\d+) = /y;
  const word = /[\w$]+/y;
  for (let at = indexInCode(code, "const err", 0); at !== -1; at = indexInCode(code, "const err", at + 1)) {
    name.lastIndex = at + "const ".length;
    const m = name.exec(code);
    if (!m) continue;
    const valueStart = name.lastIndex;
    word.lastIndex = valueStart;
    const valueEnd = code[valueStart] === "{" ? objectEnd(code, valueStart) : word.test(code) ? word.lastIndex : -1;
    if (valueEnd === -1 || !code.startsWith(PUSH(m[1]!), valueEnd)) continue;
    const value = code.slice(valueStart, valueEnd);
    if (dropped(value)) {
      out += `${code.slice(from, at)}errors++;`;
      from = valueEnd + PUSH(m[1]!).length;
      at = from - 1;
      continue;
    }
    const parts = value.startsWith("{") ? topLevelEntries(value) : null;
    let call: string;
    if (parts && parts.map(([k]) => k).join() === "instancePath,schemaPath,keyword,params" && /^"[^"\\]*"$/.test(parts[2]![1]) && /^"[^"\\]*"$/.test(parts[1]![1])) {
      const [[, instancePath], [, schemaPath], [, keyword], [, params]] = parts as [[string, string], [string, string], [string, string], [string, string]];
      const last = JSON.parse(schemaPath).split("/").pop();
      used.set("ajvError", "__ajvError");
      const path = paths ? `\0${paths.push(schemaPath) - 1}\0` : schemaPath;
      call = `__ajvError(vErrors, ${instancePath}, ${path}, ${params}${JSON.parse(keyword) === last ? "" : `, ${keyword}`})`;
    } else {
      used.set("ajvPush", "__ajvPush");
      call = `__ajvPush(vErrors, ${value})`;
    }
    out += `${code.slice(from, at)}vErrors = ${call};\nerrors++;`;
    from = valueEnd + PUSH(m[1]!).length;
    at = from - 1;
  }
  return out + code.slice(from);
}

/**
 * Whether the code reads its list of errors only to reset it to an earlier length: no `vErrors[i]` (Ajv's
 * extendErrors, for keywords that add to errors), no `.concat(` (errors of another compiled function, then
 * `errors = vErrors.length`). Then the count `errors` alone decides every verdict, and an error recorded only
 * to be discarded (the guard's, or the `{}` under `if` and `not`) can be counted without being kept: a reset to
 * a count the list never reached lengthens it with holes only inside the region whose own reset then cuts them.
 */
export function errorsUnread(code: string): boolean {
  return !code.includes("vErrors[") && !code.includes(".concat(") && !code.includes("= vErrors.length");
}

/** Ajv's reset of the list of errors to an earlier count (compile/errors.ts resetErrorsCount). */
const RESET = /^if\(vErrors !== null\)\{\nif\((_errs\d+)\)\{\nvErrors\.length = \1;\n\}\nelse \{\nvErrors = null;\n\}\n\}\n/gm;

/**
 * The guard keeps no errors (compactErrorSites counts them): the list stays null, so its resets, the
 * `validateN.errors = …` before each return (nothing reads the guard's errors: isTask takes its verdict) and its
 * declaration go.
 */
export function withoutErrorList(code: string): string {
  const out = code.replace(RESET, "").replace(/^validate\d+\.errors = (?:vErrors|\[0\]);\n/gm, "");
  const left = out.replace(/^let vErrors = null;\n/gm, "");
  return /\bvErrors\b/.test(left) ? out : left;
}

/** What a use of a shared prefix costs beside the literal: its minified name (two characters) and a `+`. */
const PREFIX_USE = 3;

/**
 * The schema paths of the error sites (marked by compactErrorSites, in `paths`) written back, their common prefixes
 * shared: the all-errors validator of a task schema with nested allOf / if / oneOf spells
 * `"#/allOf/7/then/oneOf/3/properties/width/const"` at each of hundreds of sites, a seventh of validator.js. A
 * prefix (ending at a `/`) becomes a module constant (`const __sp0 = "#/allOf/7/then/oneOf/";`, declared first)
 * where that saves bytes, and a path the expression `__sp0 + "3/properties/width/const"`: the same string when
 * the error is made. Prefixes are chosen greedily, the one that saves most first; a path takes the longest chosen
 * prefix of it.
 */
export function withSharedPaths(code: string, paths: readonly string[]): string {
  const values = paths.map((p) => JSON.parse(p) as string);
  // Each candidate prefix with the paths under it (indices into values); `used[i]`: the prefix length path i takes.
  const under = new Map<string, number[]>();
  values.forEach((v, i) => {
    for (let at = v.indexOf("/", 2) + 1; at > 0 && at < v.length; at = v.indexOf("/", at) + 1) {
      const c = v.slice(0, at);
      const list = under.get(c);
      if (list) list.push(i);
      else under.set(c, [i]);
    }
  });
  const used = values.map(() => 0);
  const chosen = new Set<string>();
  // Each candidate with what declaring it costs and the most it could ever save (gains only shrink as prefixes
  // are chosen), best first: a round stops at the first candidate that cannot beat the best gain found.
  const candidates = [...under]
    .filter(([, list]) => list.length > 1)
    .map(([c, list]) => {
      const cost = JSON.stringify(c).length + 6;
      return { c, list, cost, bound: list.length * (c.length - PREFIX_USE) - cost };
    })
    .sort((a, b) => b.bound - a.bound || (a.c < b.c ? -1 : 1));
  for (;;) {
    let best: (typeof candidates)[number] | undefined;
    let bestGain = 0;
    for (const cand of candidates) {
      if (cand.bound < bestGain) break;
      if (chosen.has(cand.c)) continue;
      // What the paths under c would save over what they save now, less the constant's declaration.
      let gain = -cand.cost;
      for (const i of cand.list) if (used[i]! < cand.c.length) gain += cand.c.length - Math.max(used[i]!, PREFIX_USE);
      if (gain > bestGain || (gain === bestGain && gain > 0 && best !== undefined && cand.c < best.c)) {
        best = cand;
        bestGain = gain;
      }
    }
    if (best === undefined) break;
    chosen.add(best.c);
    for (const i of best.list) used[i] = Math.max(used[i]!, best.c.length);
  }
  // A prefix every path of which took a longer one since is not declared.
  const taken = new Set(values.flatMap((v, i) => (used[i]! > 0 ? [v.slice(0, used[i])] : [])));
  const names = new Map([...chosen].filter((c) => taken.has(c)).sort().map((c, i) => [c, `__sp${i}`]));
  // What follows a prefix often differs only in its first segment (`12/properties/width/const` in a size table's
  // oneOf): that part's tail from its first `/` becomes a constant too where it saves bytes, the segment a number
  // where it is one (string + number + string is the same string).
  const tail = (i: number) => {
    const rest = values[i]!.slice(used[i]!);
    const at = rest.indexOf("/", 1);
    return used[i]! > 0 && at > 0 ? rest.slice(at) : undefined;
  };
  const tails = new Map<string, number>();
  values.forEach((_, i) => {
    const t = tail(i);
    if (t !== undefined) tails.set(t, (tails.get(t) ?? 0) + 1);
  });
  const tailNames = new Map(
    [...tails]
      .filter(([t, n]) => n * (JSON.stringify(t).length - PREFIX_USE) - (JSON.stringify(t).length + 6) > 0)
      .map(([t]) => t)
      .sort()
      .map((t, i) => [t, `__sx${i}`]),
  );
  const out = code.replace(/\0(\d+)\0/g, (_mark: string, n: string) => {
    const i = Number(n);
    const v = values[i]!;
    const at = used[i]!;
    if (at === 0) return paths[i]!;
    const t = tail(i);
    const tailName = t === undefined ? undefined : tailNames.get(t);
    if (t === undefined || tailName === undefined) return `${names.get(v.slice(0, at))} + ${JSON.stringify(v.slice(at))}`;
    const segment = v.slice(at, v.length - t.length);
    return `${names.get(v.slice(0, at))} + ${/^(?:0|[1-9]\d{0,8})$/.test(segment) ? segment : JSON.stringify(segment)} + ${tailName}`;
  });
  return [...names, ...tailNames].map(([c, name]) => `const ${name} = ${JSON.stringify(c)};\n`).join("") + out;
}

/** The entries at the top level of an object literal's text, as [key, value text]; a shorthand key is its value. */
function topLevelEntries(literal: string): [string, string][] {
  const entries: [string, string][] = [];
  let depth = 0;
  let start = 1;
  const flush = (end: number) => {
    const text = literal.slice(start, end).trim();
    if (!text) return;
    const colon = /^([A-Za-z_$][\w$]*)\s*:/.exec(text);
    entries.push(colon ? [colon[1]!, text.slice(colon[0].length).trim()] : [text, text]);
  };
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    if (isQuote(c)) {
      i = stringEnd(literal, i);
    } else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") {
      depth--;
      if (depth === 0) flush(i);
    } else if (c === "," && depth === 1) {
      flush(i);
      start = i + 1;
    }
  }
  return entries;
}

/** Ajv's requires of runtime helpers and formats as named imports (recorded in `used`), and its literals pruned. */
function withRuntimeImports(source: string, formats: FormatFunctions, used: Map<string, string>, { dropErrors = false, sharePaths = false } = {}): string {
  // Named imports of exactly what the code uses, so a bundler keeps only those (formats are one function each).
  let code = source.replace(/require\("([^"]+)"\)((?:\.[A-Za-z_$][\w$]*)?)/g, (_whole: string, mod: string, member: string) => {
    const name = RUNTIME_REQUIRES[mod];
    if (!name) throw new Error(`Ajv's standalone code requires ${mod}, which the runtime does not provide`);
    if (name === "formats") {
      const format = member.slice(1);
      const exported = formats[format]?.name;
      if (!exported || !/^[A-Za-z_$][\w$]*$/.test(exported)) throw new Error(`no runtime export for format ${format}`);
      used.set(exported, `__format_${exported}`);
      return `__format_${exported}`;
    }
    used.set(name, `__${name}`);
    return `__${name}${member}`;
  });
  code = code.replace(/^"use strict";/, "");
  if (dropErrors) code = withoutErrorObjects(code);
  const unread = errorsUnread(code);
  // The guard's errors are never read: none is kept. The all-errors validator keeps every error but the `{}`
  // Ajv records under `if` and `not` (createErrors: false), which the keyword always discards.
  const paths: string[] = [];
  code = compactErrorSites(code, used, unread ? (dropErrors ? () => true : (value) => value === "{}") : undefined, sharePaths ? paths : undefined);
  if (unread && dropErrors) code = withoutErrorList(code);
  if (sharePaths) code = withSharedPaths(code, paths);
  code = withoutUnreadMissing(code);
  // `const _errsN = errors;` then at once `if(errors === _errsN)`: true (a count is never NaN), and esbuild drops
  // the test (and any else) once it says so.
  code = code.replace(/^(const (_errs\d+) = errors;\nif\()errors === \2\)/gm, "$1true)");
  code = pruneSchemaLiterals(code);
  // Ajv writes schemas into the code as JSON object literals. A `"__proto__":` key there would set the object's
  // prototype instead of adding a property: make it a computed key. And no `</script` may end an inline script.
  return code.replace(/"__proto__":/g, '["__proto__"]:').replace(/<\/(script)/gi, "<\\/$1");
}


/** A JSON value as Ajv writes it into code (codegen's safeStringify). */
const safeStringify = (v: unknown): string => JSON.stringify(v).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** One place the code reads a schema literal at: its property path, and whether only its own keys matter. */
interface SchemaRead {
  readonly path: readonly string[];
  readonly keysOnly: boolean;
}

/**
 * Ajv's standalone code declares each schema it reads at run time whole (`const schema0 = {…};`), beside the code
 * that already checks it; it reads only a few parts: enum and type lists as error params, and a `properties`
 * object's own keys (`hasOwnProperty.call(schema0.properties, key)`) for additionalProperties. Keep those parts
 * (other keys of such an object become 0) and nothing else: a smaller module that parses faster. A read this
 * does not recognise keeps the whole literal.
 */
export function pruneSchemaLiterals(code: string): string {
  const hasOwn = new Set([...code.matchAll(/^const (func\d+) = Object\.prototype\.hasOwnProperty;$/gm)].map((m) => m[1]));
  return code.replace(/^const (schema\d+) = (.*);$/gm, (whole: string, name: string, json: string) => {
    let schema: unknown;
    try {
      schema = JSON.parse(json);
    } catch {
      return whole;
    }
    const reads: SchemaRead[] = [];
    const ref = new RegExp(`\\b${name}\\b((?:\\.[A-Za-z_$][\\w$]*|\\[\\d+\\]|\\["(?:[^"\\\\]|\\\\.)*"\\])*)(, key\\d+\\))?`, "g");
    for (const m of code.matchAll(ref)) {
      const before = code.slice(Math.max(0, m.index - 40), m.index);
      if (before.endsWith("const ")) continue; // the declaration
      const call = /([\w$]+)\.call\($/.exec(before)?.[1];
      const keysOnly = call !== undefined && hasOwn.has(call) && m[2] !== undefined;
      if (call !== undefined && !keysOnly) return whole;
      const path = [...(m[1] ?? "").matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((s) => s[1] ?? s[2] ?? (JSON.parse(s[3]!) as string));
      reads.push({ path, keysOnly });
    }
    // A literal nothing reads (the guard's, once its error objects are gone) is not declared at all.
    if (reads.length === 0) return "";
    const kept = keep(schema, reads);
    return kept === undefined ? whole : `const ${name} = ${safeStringify(kept)};`;
  });
}

/** The parts of `value` the reads need, or undefined when a read does not resolve (then the caller keeps all). */
function keep(value: unknown, reads: readonly SchemaRead[]): unknown {
  if (reads.some((r) => r.path.length === 0 && !r.keysOnly)) return value;
  const keysOnly = reads.some((r) => r.path.length === 0);
  if (value === null || typeof value !== "object") return reads.length ? undefined : value;
  const below = new Map<string, SchemaRead[]>();
  for (const r of reads) {
    const [head, ...rest] = r.path;
    if (head === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(value, head)) return undefined;
    below.set(head, [...(below.get(head) ?? []), { path: rest, keysOnly: r.keysOnly }]);
  }
  if (Array.isArray(value)) {
    if (keysOnly) return value;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const sub = below.get(String(i));
      if (sub === undefined) {
        if ([...below.keys()].some((k) => Number(k) > i)) out.push(0);
        continue;
      }
      const kept = keep(value[i], sub);
      if (kept === undefined) return undefined;
      out.push(kept);
    }
    return out;
  }
  const entries: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value)) {
    const sub = below.get(k);
    if (sub === undefined) {
      if (keysOnly) entries.push([k, 0]);
      continue;
    }
    const kept = keep(v, sub);
    if (kept === undefined) return undefined;
    entries.push([k, kept]);
  }
  // fromEntries keeps a "__proto__" key an own key (an assignment would set the prototype).
  return Object.fromEntries(entries);
}
