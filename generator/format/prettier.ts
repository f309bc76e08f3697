// Format every generated text file with prettier, last, so output style never depends on the emitters.
import * as prettier from "prettier";

const OPTIONS: prettier.Options = { printWidth: 120, trailingComma: "all", endOfLine: "lf" };

function parserFor(file: string): string | null {
  if (file.endsWith(".d.ts") || file.endsWith(".ts")) return "typescript";
  if (file.endsWith(".js")) return "babel";
  if (file.endsWith(".json")) return "json";
  return null;
}

/** Machine code that no one reviews line by line: Ajv lays it out one statement per line already. Markdown
 * pages are emitted in their final layout (GFM tables need no column alignment). */
const UNFORMATTED = /(^|\/)validator\.js$/;

export async function formatFiles(files: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    const parser = UNFORMATTED.test(file) ? null : parserFor(file);
    out[file] = parser ? await prettier.format(text, { ...OPTIONS, parser }) : text;
  }
  return out;
}
