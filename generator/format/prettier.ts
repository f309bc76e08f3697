// Format every generated text file with prettier, last, so output style never depends on the emitters.
//
// Prettier is the largest cost of generating a spec, and most of what it formats recurs across the models of a
// catalog (the client, guard and webhook functions, the response and queue types, doc comments): a TypeScript or
// JavaScript file is cut into its top-level statements (format/chunks.ts), each statement is formatted on its own
// and remembered by its text, and the formatted statements are joined as prettier joins them (one blank line kept
// where the source had one). test/format/chunks.test.ts checks that this gives the same bytes as prettier on
// the whole file, for every file the fixtures generate; a file the cutter cannot follow is formatted whole.
import * as prettier from "prettier";
import { splitTopLevel } from "./chunks.js";

const OPTIONS: prettier.Options = { printWidth: 120, trailingComma: "all", endOfLine: "lf" };

/** The parser for a file by its name, `ts` for TypeScript; null for files left as emitted. */
function parserBy(file: string, ts: string): string | null {
  if (UNFORMATTED.test(file)) return null;
  if (file.endsWith(".d.ts") || file.endsWith(".ts")) return ts;
  if (file.endsWith(".js")) return "babel";
  if (file.endsWith(".json")) return "json";
  return null;
}

/**
 * The parser for a file, or null for files left as emitted. Declarations are parsed with babel-ts: prettier prints
 * the same tree from it as from typescript-estree, at less than half the cost (checked by the same test).
 */
export const parserFor = (file: string): string | null => parserBy(file, "babel-ts");

/** The parser prettier picks for the whole file by its name: what the fast path must agree with. */
export const referenceParserFor = (file: string): string | null => parserBy(file, "typescript");

/** Machine code that no one reviews line by line: Ajv lays it out one statement per line already. Markdown
 * pages are emitted in their final layout (GFM tables need no column alignment). */
const UNFORMATTED = /(^|\/)validator\.js$/;

/** Formatted statements by parser and source text; emptied when it holds more than MEMO_LIMIT characters. */
const memo = new Map<string, string>();
let memoSize = 0;
const MEMO_LIMIT = 64 * 1024 * 1024;

/** Counts for `--debug` and the bench: statements formatted now, and taken from the memo. */
export const formatStats = { formatted: 0, remembered: 0, wholeFiles: 0 };

/**
 * Statements joined for one prettier call, and cut apart again after it: prettier's fixed cost per call (its
 * options are normalized anew each time, several milliseconds) would otherwise be most of formatting a small
 * statement. A line comment on its own line between two statements is printed as it is, with one blank line on
 * each side kept.
 */
const SEPARATOR = "// @modelgen-format-cut";
const JOINED = `\n\n${SEPARATOR}\n\n`;

/** Formats statements not seen before in one call; their texts by position, or null when they cannot be cut apart. */
async function formatMany(texts: readonly string[], parser: string): Promise<string[] | null> {
  if (texts.some((t) => t.includes(SEPARATOR))) return null;
  const out = await prettier.format(texts.join(JOINED), { ...OPTIONS, parser });
  const parts = out.split(JOINED);
  if (parts.length !== texts.length) return null;
  return parts.map((p, i) => (i < parts.length - 1 ? `${p}\n` : p));
}

/** One file's text as prettier formats it: statement by statement when the file can be cut, else whole. */
export async function formatText(text: string, parser: string): Promise<string> {
  const chunks = parser === "json" ? null : splitTopLevel(text);
  if (chunks && chunks.length > 1) {
    const keys = chunks.map((c) => `${parser}\0${c.text}`);
    const missing = [...new Set(keys.filter((k) => !memo.has(k)))];
    try {
      const fresh = missing.length ? await formatMany(missing.map((k) => k.slice(parser.length + 1)), parser) : [];
      if (fresh) {
        const now = new Map(missing.map((k, i) => [k, fresh[i]!]));
        const parts = keys.map((k) => now.get(k) ?? memo.get(k)!);
        formatStats.formatted += missing.length;
        formatStats.remembered += keys.length - missing.length;
        if (memoSize > MEMO_LIMIT) {
          memo.clear();
          memoSize = 0;
        }
        for (const [k, v] of now) {
          memo.set(k, v);
          memoSize += k.length + v.length;
        }
        return parts.map((p, i) => (i > 0 && chunks[i]!.blankBefore ? "\n" : "") + p).join("");
      }
    } catch {
      // A statement that does not parse alone (the cutter went wrong): prettier on the whole file says what it is.
    }
  }
  formatStats.wholeFiles++;
  return prettier.format(text, { ...OPTIONS, parser });
}

export async function formatFiles(files: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    const parser = parserFor(file);
    out[file] = parser ? await formatText(text, parser) : text;
  }
  return out;
}

/**
 * Prettier on each whole file with the parser its name selects: what formatFiles must equal (the tests compare
 * them), and how the shipped runtime is formatted (once per build; its bundles are not cut into statements).
 */
export async function formatFilesWhole(files: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    const parser = referenceParserFor(file);
    out[file] = parser ? await prettier.format(text, { ...OPTIONS, parser }) : text;
  }
  return out;
}
