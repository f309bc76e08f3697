// Emit a precompiled Ajv validator (draft 2020-12, strict) as ESM: Ajv's standalone code with its `require`s of
// runtime helpers and formats replaced by imports from `_runtime/validation/`, so importing compiles nothing.
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { _ } from "ajv/dist/compile/codegen/index.js";
import { SpecError } from "../errors.js";
import { mapSchema, isPlain } from "../normalize/walk.js";
import type { Options, ValidateFunction } from "ajv";
import type { SchemaObject } from "../ir/types.js";

// Ajv is CommonJS: under Node's ESM loader the default import is `module.exports`, under a bundler its `default`.
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const standaloneCode = standaloneModule.default ?? standaloneModule;
type Ajv = InstanceType<typeof Ajv2020>;

/** String formats by their JSON Schema name: the runtime's checkers (templates/validation/formats.ts). */
export type FormatFunctions = Readonly<Record<string, (value: string) => boolean>>;

/** A task schema compiled once: run here (lint, examples) and written out as the validator that ships. */
export interface CompiledValidator {
  readonly validate: ValidateFunction;
  /** The shipped ESM code, importing Ajv's runtime helpers and the formats from `runtimeImport`. */
  standalone(runtimeImport: string): string;
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
 * Compile a task schema once: the function runs in this process (lint, examples, README snippets) and the same
 * compilation gives the standalone code that ships. `formats` are the runtime's checkers, under the names the
 * shipped code imports; `file` and `pointer` place Ajv's complaints about the schema.
 */
export function compileValidator(
  schema: SchemaObject,
  formats: FormatFunctions,
  { file = "<schema>", pointer = "" }: { file?: string; pointer?: string } = {},
): CompiledValidator {
  const ajv = new Ajv2020({ ...ajvOptions(formats), code: { source: true, esm: true, lines: true, formats: _`require("modelgen:formats")` } });
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(forAjv(stripAnnotations(schema)));
  } catch (e) {
    throw schemaError(file, pointer, e);
  }
  return { validate, standalone: (runtimeImport) => shippedCode(ajv, validate, formats, runtimeImport) };
}

function shippedCode(ajv: Ajv, validate: ValidateFunction, formats: FormatFunctions, runtimeImport: string): string {
  let code = standaloneCode(ajv, validate);
  // Named imports of exactly what the code uses, so a bundler keeps only those (formats are one function each).
  const used = new Map<string, string>();
  code = code.replace(/require\("([^"]+)"\)((?:\.[A-Za-z_$][\w$]*)?)/g, (_whole: string, mod: string, member: string) => {
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
  // Ajv writes schemas into the code as JSON object literals. A `"__proto__":` key there would set the object's
  // prototype instead of adding a property: make it a computed key. And no `</script` may end an inline script.
  code = code.replace(/"__proto__":/g, '["__proto__"]:').replace(/<\/(script)/gi, "<\\/$1");
  const header = used.size ? `import { ${[...used].sort(([a], [b]) => (a < b ? -1 : 1)).map(([exp, local]) => `${exp} as ${local}`).join(", ")} } from ${JSON.stringify(runtimeImport)};\n` : "";
  return header + code;
}

