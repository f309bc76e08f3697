// Two versions of a spec that differ only in words (descriptions, titles, summaries, examples) accept the same
// tasks and promise the same responses: they are unchanged without building either model.
import { isPlain, stableStringify } from "../json.js";
import type { LoadedSpec } from "../ir/types.js";

const WORDS = new Set(["description", "title", "summary", "examples", "example", "$comment", "externalDocs", "x-modelgen-reason"]);
/** Keywords whose value maps names to schemas or values: their keys are names (a property may be called `title`). */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "paths", "responses", "content", "webhooks", "const", "enum", "default"]);

function withoutWords(v: unknown, namesHere = false): unknown {
  if (Array.isArray(v)) return v.map((x) => withoutWords(x));
  if (!isPlain(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => namesHere || !WORDS.has(k))
      .map(([k, x]) => [k, namesHere ? withoutWords(x) : k === "const" || k === "enum" || k === "default" ? x : withoutWords(x, NAME_MAPS.has(k))]),
  );
}

export const sameContract = (a: LoadedSpec, b: LoadedSpec): boolean => a.hash === b.hash || stableStringify(withoutWords(a.doc)) === stableStringify(withoutWords(b.doc));
