// Format every generated text file with prettier, last, so output style never depends on the emitters.
import * as prettier from "prettier";

const OPTIONS = { printWidth: 120, trailingComma: "all", endOfLine: "lf" };

function parserFor(file) {
  if (file.endsWith(".d.ts") || file.endsWith(".ts")) return "typescript";
  if (file.endsWith(".js")) return "babel";
  if (file.endsWith(".json")) return "json";
  return null;
}

/** Machine code that no one reviews line by line: Ajv lays it out one statement per line already. Markdown
 * pages are emitted in their final layout (GFM tables need no column alignment). */
const UNFORMATTED = /(^|\/)validator\.js$/;

/** @param {Record<string, string>} files @returns {Promise<Record<string, string>>} */
export async function formatFiles(files) {
  const out = {};
  for (const [file, text] of Object.entries(files)) {
    const parser = UNFORMATTED.test(file) ? null : parserFor(file);
    out[file] = parser ? await prettier.format(text, { ...OPTIONS, parser }) : text;
  }
  return out;
}
