// Text that leaves the program goes through one escaper per destination: a terminal, a Markdown table cell, a
// Markdown paragraph (with inline code and HTML-block text beside them), and JSON. Names, ids, titles and
// descriptions come from specs, payloads and file names, so each escaper assumes the text is hostile: nothing in
// it may move a cursor, reorder what a person reads, render as HTML, a link or an image, ping someone, or end the
// cell, the code span or the line it stands in. (Code is the other destination: emit/code.ts.) The terminal's and
// JSON's escapers are the runtime's (templates/validate/escape.ts): the generated package's `validate` writes
// to both.
import { ACTING, escapeJsonText, escapeTerminal, visible } from "../../templates/validate/escape.js";

export { escapeJsonText, escapeTerminal };

/** The same, without the line feed: a paragraph keeps its lines. */
const ACTING_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * An @mention, a #123 or owner/repo#123 reference or a GH-123 reference as GitHub reads them: what starts one
 * (one pass, so the `#` of an inserted `&#8203;` is not read again).
 */
const REFERENCE = /(?<![\p{L}\p{N}_`])@(?=[\p{L}\p{N}_])|#(?=\d+(?![\p{L}\p{N}_]))|(?<![\p{L}\p{N}_])GH-(?=\d)/gu;

/** JSON.stringify, then escapeJsonText: the JSON a command writes. */
export function stringifyJson(value: unknown, indent?: number): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}

/**
 * The inline escapes Markdown needs in running text, whatever the block: a backslash first (so none of ours can
 * be undone), entities for `&`, `<`, `>` (no HTML, no `<!--`, no `<https://…>` autolink, no entity trick),
 * backslashes before `[`, `]` (no link, image, reference or footnote) and pipes (no table cell ends, no table
 * forms; `\|` shows as `|`), and a zero-width space entity where GitHub would read an @mention or a #123 or
 * GH-123 reference, so they neither ping nor link (what Dependabot and Renovate write). A bare URL becomes a
 * code span (`plain`).
 */
function plain(s: string, inTable: boolean): string {
  let out = "";
  let from = 0;
  for (const m of s.matchAll(BARE_URL)) {
    const url = urlExtent(m[0]);
    const at = m.index ?? 0;
    out += plainText(s.slice(from, at)) + markdownCode(url, { inTable });
    from = at + url.length;
  }
  return out + plainText(s.slice(from));
}

/**
 * Where GitHub would make a bare URL a live link (GFM's extended autolinks: `http://`, `https://`, `ftp://`,
 * `www.`): the URL goes into a code span instead, shown whole and copyable, never a link a reader clicks. A spec's
 * text cannot send the reader of a generated page to a site by looking like a link. (An email address stays text.)
 */
const BARE_URL = /(?:(?:https?|ftp):\/\/|www\.)[^\s<>]*/gi;

/** The URL without the trailing punctuation GFM leaves out of an autolink (and an unbalanced closing parenthesis). */
function urlExtent(text: string): string {
  let url = text;
  for (;;) {
    const trimmed = url.replace(/[.,:;!?'"*_~]+$/, "");
    const opens = trimmed.split("(").length;
    const closes = trimmed.split(")").length;
    const next = trimmed.endsWith(")") && closes > opens ? trimmed.slice(0, -1) : trimmed;
    if (next === url) return url;
    url = next;
  }
}

function plainText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[[\]`|]/g, (c) => `\\${c}`)
    .replace(REFERENCE, "$&&#8203;");
}

/**
 * One line of running text: the author's code spans (a run of backticks closed by a run of the same length) are
 * kept, since nothing renders inside one (only a pipe in a table must still be escaped); the rest is `plain`, a
 * lone backtick escaped.
 */
function inline(line: string, inTable: boolean): string {
  let out = "";
  let from = 0;
  for (const open of line.matchAll(/`+/g)) {
    const at = open.index ?? 0;
    if (at < from) continue;
    const run = open[0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
    close.lastIndex = at + run.length;
    const end = close.exec(line);
    if (!end) continue;
    const span = line.slice(at, end.index + run.length);
    out += plain(line.slice(from, at), inTable) + (inTable ? span.replace(/\|/g, "\\|") : span);
    from = end.index + run.length;
  }
  return out + plain(line.slice(from), inTable);
}

/**
 * Text in a Markdown table cell (also a heading or a list item: one line). Inline escapes, pipes escaped (a pipe
 * would end the cell), every control and line break shown as an escape (a line break would end the row), and
 * leading and trailing spaces trimmed.
 */
export function markdownCell(text: unknown): string {
  return inline(String(text ?? "").trim().replace(ACTING, visible), true);
}

/**
 * A paragraph of Markdown text, line breaks kept: CR LF, lone CR, U+2028/2029 become line feeds (U+2029 a blank
 * line), every other control is shown as an escape, each line's indentation is dropped (four spaces would open a
 * code block), inline escapes everywhere, and a character that would open a block at a line's start (a heading,
 * quote, list, rule, setext underline, table row) is escaped.
 */
export function markdownParagraph(text: unknown): string {
  return String(text ?? "")
    .replace(/\r\n?|\u2028/g, "\n")
    .replace(/\u2029/g, "\n\n")
    .replace(ACTING_BUT_LF, visible)
    .split("\n")
    .map((line) => inline(line.trim(), false).replace(/^([#>+=*_~-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2"))
    .join("\n")
    .trim();
}

/**
 * Inline code: the text as it is (controls and line breaks shown as escapes), in a run of backticks longer than
 * any inside it, padded with a space where the text starts or ends with a backtick or a space (Markdown strips
 * one of each). `inTable`: pipes escaped, which a table needs even inside code and shows without the backslash.
 */
export function markdownCode(text: unknown, { inTable = false }: { inTable?: boolean } = {}): string {
  let s = String(text).replace(ACTING, visible);
  const fence = "`".repeat(Math.max(0, ...Array.from(s.matchAll(/`+/g), (m) => m[0].length)) + 1);
  if (/^[` ]|[` ]$/.test(s) && s.trim() !== "") s = ` ${s} `;
  if (inTable) s = s.replace(/\|/g, "\\|");
  return `${fence}${s}${fence}`;
}

/**
 * Text inside an HTML block of a Markdown page (`<summary>…</summary>`), where Markdown is not read: entities for
 * `&`, `<`, `>`, `"`, controls shown as escapes, and the zero-width space after `@` and `#`.
 */
export function markdownHtml(text: unknown): string {
  return String(text ?? "")
    .replace(ACTING, visible)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(REFERENCE, "$&&#8203;");
}
