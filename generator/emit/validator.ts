// Emit a precompiled Ajv validator (draft 2020-12, strict) as ESM: Ajv's standalone code with its `require`s of
// runtime helpers and formats replaced by imports from `_runtime/validation/`, so importing compiles nothing.
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { _ } from "ajv/dist/compile/codegen/index.js";
import { SpecError } from "../errors.js";
import { mapSchema, isPlain } from "../normalize/walk.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const standaloneCode = standaloneModule.default ?? standaloneModule;

const ANNOTATIONS = ["title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment", "contentMediaType", "contentEncoding"];

/** The validator does not read annotations; dropping them keeps the shipped code small. */
export function stripAnnotations(schema) {
  return mapSchema(schema, (s) => Object.fromEntries(Object.entries(s).filter(([k]) => !ANNOTATIONS.includes(k))));
}

/**
 * The schema as Ajv must see it: Ajv leaves a property named `__proto__` out of `properties` (a guard against
 * prototype pollution), so it moves to `patternProperties` as `^__proto__$`, which checks the same own key.
 */
export function forAjv(schema) {
  return mapSchema(schema, (s) => {
    if (!isPlain(s.properties) || !Object.prototype.hasOwnProperty.call(s.properties, "__proto__")) return s;
    const properties = Object.fromEntries(Object.entries(s.properties).filter(([k]) => k !== "__proto__"));
    return { ...s, properties, patternProperties: { ...(s.patternProperties ?? {}), "^__proto__$": s.properties.__proto__ } };
  });
}

/** Ajv options shared by generation, lint and the tests' reference validators. */
export function ajvOptions(formats) {
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
function schemaError(file, basePointer, e) {
  const m = /"#(\/[^"]*)"/.exec(e.message);
  return new SpecError(file, `${basePointer}${m ? m[1] : ""}`, e.message.replace(/^strict mode: /, "not supported: "));
}

const RUNTIME_REQUIRES = {
  "ajv/dist/runtime/ucs2length": "ajvUcs2length",
  "ajv/dist/runtime/equal": "ajvEqual",
  "modelgen:formats": "formats",
};

/**
 * Compile a task schema once: the function runs in this process (lint, examples, README snippets) and the same
 * compilation gives the standalone code that ships.
 * @param {object} schema normalized task schema
 * @param {Record<string, Function>} formats the runtime's format functions (same names as the shipped ones)
 * @returns {{ validate: Function, standalone(runtimeImport: string): string }}
 */
export function compileValidator(schema, formats, { file = "<schema>", pointer = "" } = {}) {
  const ajv = new Ajv2020({ ...ajvOptions(formats), code: { source: true, esm: true, lines: true, formats: _`require("modelgen:formats")` } });
  let validate;
  try {
    validate = ajv.compile(forAjv(stripAnnotations(schema)));
  } catch (e) {
    throw schemaError(file, pointer, e);
  }
  return { validate, standalone: (runtimeImport) => shippedCode(ajv, validate, formats, runtimeImport) };
}

function shippedCode(ajv, validate, formats, runtimeImport) {
  let code = standaloneCode(ajv, validate);
  // Named imports of exactly what the code uses, so a bundler keeps only those (formats are one function each).
  const used = new Map();
  code = code.replace(/require\("([^"]+)"\)((?:\.[A-Za-z_$][\w$]*)?)/g, (_whole, mod, member) => {
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

