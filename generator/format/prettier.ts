// Lay out every generated text file as prettier does, last, so output style never depends on the emitters.
//
// A TypeScript or JavaScript file is cut into its top-level statements (format/chunks.ts) and each statement is
// laid out on its own by format/printer.ts, which prints the part of the language the emitters write exactly as
// prettier would, without prettier (prettier was the largest cost of generating a spec). A statement the printer
// declines goes to prettier, remembered by its text (such statements recur across the models of a catalog), several
// in one call. The statements are joined as prettier joins them (one blank line kept where the source had one).
// test/format/chunks.test.ts checks that this gives the bytes of prettier on the whole file, for every file the
// fixtures generate, and that the printer declines none of their statements; a file the cutter cannot follow is
// formatted whole by prettier. Prettier loads only when a statement needs it.
import type * as Prettier from "prettier";
import { splitTopLevel } from "./chunks.js";
import { printJson, printStatement } from "./printer.js";

let loaded: Promise<typeof Prettier> | null = null;
/** prettier, imported on first use (a run whose statements the printer all lays out never loads it). */
const prettierModule = (): Promise<typeof Prettier> => (loaded ??= import("prettier"));

const OPTIONS: Prettier.Options = { printWidth: 120, trailingComma: "all", endOfLine: "lf" };

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

/**
 * The printer's layout of statements by parser and source text (null where it declines), emptied when it holds more
 * than MEMO_LIMIT characters: a catalog's modules repeat most of their statements (imports, shared declarations,
 * the model's one call), a third of the characters the printer reads in fal's catalog and in the Runware corpus.
 */
const printedMemo = new Map<string, string | null>();
let printedSize = 0;

/** printStatement, through printedMemo (the printer's output depends on the text and the parser alone). */
function printedStatement(text: string, parser: string): string | null {
  const key = `${parser}\0${text}`;
  const known = printedMemo.get(key);
  if (known !== undefined) return known;
  const out = printStatement(text, parser);
  if (printedSize > MEMO_LIMIT) {
    printedMemo.clear();
    printedSize = 0;
  }
  printedMemo.set(key, out);
  printedSize += key.length + (out?.length ?? 0);
  return out;
}

/**
 * Counts for the tests and the bench: statements laid out by the printer, formatted by prettier now, taken from
 * prettier's memo, and files prettier formatted whole.
 */
export const formatStats = { printed: 0, formatted: 0, remembered: 0, wholeFiles: 0 };

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
  const prettier = await prettierModule();
  const out = await prettier.format(texts.join(JOINED), { ...OPTIONS, parser });
  const parts = out.split(JOINED);
  if (parts.length !== texts.length) return null;
  return parts.map((p, i) => (i < parts.length - 1 ? `${p}\n` : p));
}

/** One file's text as prettier formats it: statement by statement when the file can be cut, else whole. */
export async function formatText(text: string, parser: string): Promise<string> {
  if (parser === "json") {
    const printed = printJson(text);
    if (printed !== null) {
      formatStats.printed++;
      return printed;
    }
  }
  const chunks = parser === "json" ? null : splitTopLevel(text);
  if (chunks && chunks.length > 0) {
    // The printer's layout where it has one; the rest by prettier, through the memo.
    const printed = chunks.map((c) => printedStatement(c.text, parser));
    const keys = chunks.map((c, i) => (printed[i] === null ? `${parser}\0${c.text}` : null));
    const missing = [...new Set(keys.filter((k): k is string => k !== null && !memo.has(k)))];
    try {
      const fresh = missing.length ? await formatMany(missing.map((k) => k.slice(parser.length + 1)), parser) : [];
      if (fresh) {
        const now = new Map(missing.map((k, i) => [k, fresh[i]!]));
        const parts = keys.map((k, i) => (k === null ? printed[i]! : (now.get(k) ?? memo.get(k)!)));
        const declined = keys.filter((k) => k !== null).length;
        formatStats.printed += chunks.length - declined;
        formatStats.formatted += missing.length;
        formatStats.remembered += declined - missing.length;
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
  return (await prettierModule()).format(text, { ...OPTIONS, parser });
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
    out[file] = parser ? await (await prettierModule()).format(text, { ...OPTIONS, parser }) : text;
  }
  return out;
}
