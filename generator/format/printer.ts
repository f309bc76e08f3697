// Lays out one top-level statement of a generated index.d.ts or index.js (the models' and the registry's), or a
// JSON file, exactly as prettier 3.10 would with the project's options (printWidth 120, trailing commas, double
// quotes), without prettier: prettier cost more than anything else per spec, and what the emitters write is a small
// part of the language. format/prettier.ts asks this printer first for each statement and runs prettier only on
// those it declines.
//
// What the printer guarantees: for a statement it accepts, the bytes prettier prints for it. That is checked for
// every statement of every file the fixtures emit and the registry over them, and for samples of each construct
// (test/format/chunks.test.ts). It accepts only what it knows prettier's rules for, and returns null for anything
// else, so that prettier formats that statement:
// - statements: `import [type] { a, b } from "m";`, `export [type] { a, b } [from "m"];`, `export {};`,
//   `[export] [declare] const x: Type;`, `[export] type X<T> = Type;`, `[export] interface X<T> extends A, B<C> { … }`,
//   `export declare function f<T extends U>(a: A): R;` (only when it fits on its line), `[export] const x = value;`
//   and `export const { a, b } = f(x, y);` (index.js's model functions, the last two arguments objects);
// - values: strings, numbers, true/false/null, names, arrays, objects (shorthand properties too), one call of a
//   name or a dotted name (`Object.freeze(…)`, with prettier's argument hugging), `new Name(…)`, `() => import("m")`;
// - types: unions (leading `|` or not), intersections, `T[]`, `T["k"]`, `readonly T`, `keyof T`, type references
//   with arguments, `typeof import("m")`, string/number/boolean literal types, object types (property and index
//   signatures), tuples;
// - comments: block and line comments on their own lines before a statement or a member (JSDoc blocks re-indented
//   as prettier does), a line comment after a union's member or after a statement; blank lines between
//   statements, members and comments kept once;
// - JSON (printJson): objects, arrays, strings and integers, as prettier's json parser prints them.
// Layout follows prettier's documents, printed by prettier's algorithm (printDoc: groups that break when their
// content does not fit in 120 columns, conditional groups, line suffixes): unions broken one member a line with
// `| `, objects and arrays one entry a line with a trailing comma, an interface's body always broken, an object kept
// broken when its source had a line break after `{`, a string value moved to the next line when it does not fit
// after its key, the last argument of a call hugging the parentheses. Where prettier has a rule this printer does
// not copy (a tuple or an array of numbers that do not fit, a declared function's
// signature, a character whose display width is not plain), the construct is printed only if it fits on its line,
// and the statement is declined otherwise. Declined too: function types and expressions other than the one above,
// chains of calls, templates, computed or numeric keys, comments anywhere else (such as inside a type), blank
// lines inside a value, and any character the tokenizer does not expect.

const WIDTH = 120;

/** Thrown while parsing or printing a statement the printer leaves to prettier. */
class Decline extends Error {}
const decline = (why: string): never => {
  throw new Decline(why);
};

// ---------------------------------------------------------------------------------------------------------------
// Tokens

type TokenKind = "id" | "str" | "num" | "punct" | "eof";
interface Comment {
  readonly text: string;
  readonly block: boolean;
  /** A blank line follows the comment in the source. */
  readonly blankAfter: boolean;
}
interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  /** Newlines between the previous token (or comment) and this token's first comment or itself. */
  readonly newlinesBefore: number;
  /** Comments between the previous token and this one. */
  readonly comments: readonly Comment[];
  /** A line comment after this token on its line. */
  trailing?: string;
}

const PUNCT = new Set(["{", "}", "(", ")", "[", "]", "<", ">", ";", ":", ",", "?", "|", "&", "=", ".", "-", "*"]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  let newlines = 0; // since the last token or comment
  let lead: number | null = null; // newlines before the first of the pending comments
  let comments: Comment[] = [];
  const newlinesAt = (from: number): number => {
    // Newlines in the white space from `from`, up to the next non-space character.
    let k = 0;
    for (let j = from; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) k++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
    return k;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === "\n") {
      newlines++;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "/" && (text[i + 1] === "*" || text[i + 1] === "/")) {
      // A comment must stand on its own lines: a newline (or the start) before it and after it.
      const block = text[i + 1] === "*";
      if (tokens.length > 0 && comments.length === 0 && newlines === 0) {
        // A line comment after code on its line: the parser places it (after a union's member or a statement).
        if (block || tokens[tokens.length - 1]!.trailing !== undefined) decline("comment after code");
        const end = text.indexOf("\n", i);
        tokens[tokens.length - 1]!.trailing = text.slice(i, end === -1 ? n : end).trimEnd();
        i = end === -1 ? n : end;
        continue;
      }
      const end = block ? text.indexOf("*/", i + 2) : text.indexOf("\n", i);
      const stop = block ? (end === -1 ? decline("unclosed comment") : end + 2) : end === -1 ? n : end;
      const after = newlinesAt(stop);
      if (after === 0 && stop < n) decline("code after a comment");
      if (comments.length === 0) lead = newlines;
      comments.push({ text: text.slice(i, stop), block, blankAfter: after >= 2 });
      i = stop;
      newlines = 0;
      continue;
    }
    const before = lead ?? newlines;
    const push = (kind: TokenKind, value: string): void => {
      tokens.push({ kind, value, newlinesBefore: before, comments });
      comments = [];
      lead = null;
      newlines = 0;
    };
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c) {
        if (text[j] === "\\") j++;
        if (text[j] === "\n" || text[j] === "\r") decline("line break in a string");
        j++;
      }
      if (j >= n) decline("unclosed string");
      push("str", text.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      if (!m || /[\w$]/.test(text[i + m[0].length] ?? "")) decline("number");
      push("num", m![0]);
      i += m![0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 256))!;
      if (m[0].length === 256 || /[^\x00-\x7f]/.test(text[i + m[0].length] ?? "")) decline("identifier");
      push("id", m[0]);
      i += m[0].length;
      continue;
    }
    if (c === "." && text.startsWith("...", i)) {
      push("punct", "...");
      i += 3;
      continue;
    }
    if (PUNCT.has(c)) {
      push("punct", c);
      i++;
      continue;
    }
    decline(`character ${JSON.stringify(c)}`);
  }
  tokens.push({ kind: "eof", value: "", newlinesBefore: lead ?? newlines, comments });
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents: prettier's, the few kinds the printer needs, printed by the same algorithm (doc-printer.js).

type Doc = string | Doc[] | Group | Indent | Line | IfBreak | IndentIfBreak | CommentText | LineSuffix | Mark;
/** Text printed at the end of the line (a trailing comment), before the next line break. */
interface LineSuffix {
  readonly t: "lineSuffix";
  readonly c: Doc;
}
/** breakParent (breaks every enclosing group) and lineSuffixBoundary. */
interface Mark {
  readonly t: "breakParent" | "lineSuffixBoundary";
}
interface Group {
  readonly t: "group";
  readonly c: Doc;
  brk: boolean;
  readonly id?: symbol | undefined;
  /** A layout whose broken form this printer does not copy: breaking it declines the statement. */
  readonly strict?: boolean;
  /** prettier's conditionalGroup: the layouts to try in turn, the last one broken (c is the first). */
  readonly states?: readonly Doc[] | undefined;
}
interface Indent {
  readonly t: "indent";
  readonly c: Doc;
}
interface Line {
  readonly t: "line";
  readonly soft: boolean;
  readonly hard: boolean;
}
interface IfBreak {
  readonly t: "ifBreak";
  readonly b: Doc;
  readonly f: Doc;
  readonly id?: symbol | undefined;
}
interface IndentIfBreak {
  readonly t: "indentIfBreak";
  readonly c: Doc;
  readonly id: symbol;
}
/** A comment's text: it always ends its line, so its width never decides a group (see widthOf). */
interface CommentText {
  readonly t: "comment";
  readonly text: string;
}

const group = (c: Doc, opts: { brk?: boolean; id?: symbol; strict?: boolean } = {}): Group => ({ t: "group", c, brk: opts.brk ?? false, id: opts.id, strict: opts.strict ?? false });
const indent = (c: Doc): Indent => ({ t: "indent", c });
const conditionalGroup = (states: Doc[]): Group => ({ t: "group", c: states[0]!, brk: false, states });
const breakParent: Mark = { t: "breakParent" };
const line: Line = { t: "line", soft: false, hard: false };
const softline: Line = { t: "line", soft: true, hard: false };
const hardline: Line = { t: "line", soft: false, hard: true };
const ifBreak = (b: Doc, f: Doc = "", id?: symbol): IfBreak => ({ t: "ifBreak", b, f, id });
const join = (sep: Doc, docs: readonly Doc[]): Doc[] => docs.flatMap((d, i) => (i ? [sep, d] : [d]));

/** Marks every group that holds a hard line or a broken group as broken, as prettier's propagateBreaks does. */
function propagateBreaks(doc: Doc, seen = new Set<Group>()): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    let hard = false;
    for (const d of doc) if (propagateBreaks(d, seen)) hard = true;
    return hard;
  }
  switch (doc.t) {
    case "line":
      return doc.hard;
    case "group": {
      // A broken group breaks its parents, whether a hard line or its source broke it; a conditional group is
      // broken only by its own choice (its states are walked for the groups inside them).
      // A group shared by several states is walked once.
      if (seen.has(doc)) return doc.brk;
      seen.add(doc);
      if (doc.states) {
        for (const state of doc.states) propagateBreaks(state, seen);
        return doc.brk;
      }
      if (propagateBreaks(doc.c, seen)) doc.brk = true;
      return doc.brk;
    }
    case "indent":
    case "indentIfBreak":
      return propagateBreaks(doc.c, seen);
    case "ifBreak": {
      // prettier walks both branches (a hard line in either breaks the parents).
      const b = propagateBreaks(doc.b, seen);
      return propagateBreaks(doc.f, seen) || b;
    }
    case "comment":
    case "lineSuffix":
    case "lineSuffixBoundary":
      return false;
    case "breakParent":
      return true;
  }
}

/** prettier's getStringWidth for the characters the printer lets through; anything wider or stranger declines. */
function widthOf(text: string): number {
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7e || text.charCodeAt(i) < 0x20) {
      plain = false;
      break;
    }
  }
  if (plain) return text.length;
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) continue;
    if (cp >= 0x300 && cp <= 0x36f) continue;
    // Latin, Greek, Cyrillic and the general punctuation, arrows, math and box symbols are one column wide in
    // prettier's table; emoji, CJK and the rest are not all, so they decline.
    if (cp < 0x1100 || (cp >= 0x2000 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e) || (cp >= 0x2190 && cp <= 0x21ff) || (cp >= 0x2200 && cp <= 0x22ff)) {
      w++;
      continue;
    }
    decline("character width");
  }
  return w;
}

/** prettier's willBreak: a group broken already, or a hard line, before breaks are propagated. */
function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(willBreak);
  switch (doc.t) {
    case "group":
      return doc.brk || willBreak(doc.c);
    case "line":
      return doc.hard;
    case "breakParent":
      return true;
    case "indent":
    case "indentIfBreak":
    case "lineSuffix":
      return willBreak(doc.c);
    case "ifBreak":
      return willBreak(doc.b) || willBreak(doc.f);
    default:
      return false;
  }
}

const MODE_BREAK = 1;
const MODE_FLAT = 2;
interface Cmd {
  readonly ind: number;
  readonly mode: number;
  readonly doc: Doc;
}

function fits(next: Cmd, rest: readonly Cmd[], width: number, modes: Map<symbol, number>, hasLineSuffix: boolean): boolean {
  let restIdx = rest.length;
  const cmds: Cmd[] = [next];
  // A flat line's space counts only when text follows it (prettier's hasPendingSpace).
  let pendingSpace = false;
  while (width >= 0) {
    if (cmds.length === 0) {
      if (restIdx === 0) return true;
      cmds.push(rest[--restIdx]!);
      continue;
    }
    const { mode, doc, ind } = cmds.pop()!;
    if (typeof doc === "string") {
      if (doc) {
        if (pendingSpace) width--;
        pendingSpace = false;
        width -= widthOf(doc);
      }
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: doc[i]! });
      continue;
    }
    switch (doc.t) {
      case "indent":
      case "indentIfBreak":
        cmds.push({ ind, mode, doc: doc.c });
        break;
      case "group": {
        const m = doc.brk ? MODE_BREAK : mode;
        cmds.push({ ind, mode: m, doc: doc.states && m === MODE_BREAK ? doc.states.at(-1)! : doc.c });
        break;
      }
      case "ifBreak": {
        const m = doc.id ? (modes.get(doc.id) ?? MODE_FLAT) : mode;
        cmds.push({ ind, mode, doc: m === MODE_BREAK ? doc.b : doc.f });
        break;
      }
      case "line":
        if (mode === MODE_BREAK || doc.hard) return true;
        if (!doc.soft) pendingSpace = true;
        break;
      case "comment":
        if (pendingSpace) width--;
        pendingSpace = false;
        width -= doc.text.length;
        break;
      case "lineSuffix":
        hasLineSuffix = true;
        break;
      case "lineSuffixBoundary":
        if (hasLineSuffix) return false;
        break;
      case "breakParent":
        break;
    }
  }
  return false;
}

/** prettier's printDocToString for these documents, spaces for indentation. */
function printDoc(doc: Doc): string {
  propagateBreaks(doc);
  const modes = new Map<symbol, number>();
  const cmds: Cmd[] = [{ ind: 0, mode: MODE_BREAK, doc }];
  const out: string[] = [];
  let pos = 0;
  let remeasure = false;
  const suffixes: Cmd[] = [];
  while (cmds.length || suffixes.length) {
    if (!cmds.length) {
      cmds.push(...suffixes.reverse());
      suffixes.length = 0;
      continue;
    }
    const { ind, mode, doc } = cmds.pop()!;
    if (typeof doc === "string") {
      out.push(doc);
      pos += widthOf(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: doc[i]! });
      continue;
    }
    switch (doc.t) {
      case "comment":
        out.push(doc.text);
        pos += doc.text.length;
        break;
      case "lineSuffix":
        suffixes.push({ ind, mode, doc: doc.c });
        break;
      case "lineSuffixBoundary":
        if (suffixes.length) cmds.push({ ind, mode, doc: hardline });
        break;
      case "breakParent":
        break;
      case "indent":
        cmds.push({ ind: ind + 2, mode, doc: doc.c });
        break;
      case "indentIfBreak":
        cmds.push({ ind: modes.get(doc.id) === MODE_BREAK ? ind + 2 : ind, mode, doc: doc.c });
        break;
      case "ifBreak": {
        const m = doc.id ? modes.get(doc.id) : mode;
        cmds.push({ ind, mode, doc: m === MODE_BREAK ? doc.b : doc.f });
        break;
      }
      case "group": {
        let chosen: number;
        let contents = doc.c;
        if (mode === MODE_FLAT && !remeasure) chosen = doc.brk ? MODE_BREAK : MODE_FLAT;
        else {
          remeasure = false;
          const rem = WIDTH - pos;
          chosen = !doc.brk && fits({ ind, mode: MODE_FLAT, doc: doc.c }, cmds, rem, modes, suffixes.length > 0) ? MODE_FLAT : MODE_BREAK;
          if (chosen === MODE_BREAK && doc.states) {
            // The first of the states between the first and the last that fits, flat; else the last one, broken.
            contents = doc.states.at(-1)!;
            if (!doc.brk) {
              for (const state of doc.states.slice(1, -1)) {
                if (fits({ ind, mode: MODE_FLAT, doc: state }, cmds, rem, modes, suffixes.length > 0)) {
                  chosen = MODE_FLAT;
                  contents = state;
                  break;
                }
              }
            }
          }
        }
        if (chosen === MODE_BREAK && doc.strict) decline("a layout the printer does not copy");
        cmds.push({ ind, mode: chosen, doc: contents });
        if (doc.id) modes.set(doc.id, chosen);
        break;
      }
      case "line":
        if (mode === MODE_FLAT && !doc.hard) {
          if (!doc.soft) {
            out.push(" ");
            pos++;
          }
          break;
        }
        if (mode === MODE_FLAT) remeasure = true;
        if (suffixes.length) {
          cmds.push({ ind, mode, doc }, ...suffixes.reverse());
          suffixes.length = 0;
          break;
        }
        trimEnd(out);
        out.push(`\n${" ".repeat(ind)}`);
        pos = ind;
        break;
    }
  }
  return out.join("");
}

/** Drops the spaces and tabs at the end of the printed text (prettier trims each line's end). */
function trimEnd(out: string[]): void {
  while (out.length) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing into documents

/** A printed type, and what prettier's rules ask of its node. */
interface TypeDoc {
  readonly doc: Doc;
  readonly kind: "union" | "intersection" | "object" | "keyword" | "reference" | "literal" | "array" | "operator" | "tuple" | "other";
  /** For a union: its members' kinds (prettier hugs `{…} | null`). */
  readonly members?: readonly TypeDoc[];
  /** A keyword, a literal type or a type reference without type arguments: prettier's isSimpleType. */
  readonly simple?: boolean;
  /** Built lazily for the places that print a union differently (see unionDoc). */
  readonly union?: (place: UnionPlace) => Doc;
  readonly nullish?: boolean;
}
type UnionPlace = "annotation" | "plain" | "parens";

const KEYWORDS = new Set(["string", "number", "boolean", "unknown", "never", "any", "null", "undefined", "void", "object", "bigint", "symbol", "true", "false", "this"]);
/** Words that are no plain variable reference where a value is read. */
const RESERVED_VALUES = new Set(["undefined", "new", "function", "class", "async", "await", "typeof", "void", "delete", "this", "super", "import", "yield"]);
const ES5_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string literal as prettier prints it: double quotes unless the text holds more of them than single ones. */
function stringDoc(raw: string): string {
  const body = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '"') doubles++;
    else if (body[i] === "'") singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  const other = quote === '"' ? "'" : '"';
  const text = body.replace(/\\(.)|(["'])/gs, (m, escaped: string | undefined, q: string | undefined) => (escaped === other ? escaped : q === quote ? `\\${q}` : q ?? m));
  return `${quote}${text}${quote}`;
}

/** prettier's printNumber. */
function numberDoc(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(\d)/, "$1$2$3")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}

/** A block comment as prettier prints it: a JSDoc-like one re-indented line by line, another as written. */
function commentDoc(c: Comment): Doc {
  if (!c.block) return { t: "comment", text: c.text.trimEnd() };
  const lines = `*${c.text.slice(2, -2)}*`.split("\n");
  if (lines.length === 1) return { t: "comment", text: c.text };
  if (!lines.every((l) => l.trimStart()[0] === "*")) decline("a block comment that is not a JSDoc block");
  return join(
    hardline,
    lines.map((l, i) => ({ t: "comment", text: `${i === 0 ? "/" : " "}${i === 0 ? l.trimEnd() : i < lines.length - 1 ? l.trim() : l.trimStart()}${i === lines.length - 1 ? "/" : ""}` }) as CommentText),
  );
}

/** Leading comments of a statement or member: each on its own line, a blank line after one kept. */
function commentsDoc(comments: readonly Comment[]): Doc[] {
  return comments.flatMap((c) => [commentDoc(c), hardline, ...(c.blankAfter ? [hardline] : [])]);
}

class Parser {
  private i = 0;
  /** Tokens read whose trailing comment no rule has placed yet: the statement declines if any is left. */
  private readonly unplaced = new Set<number>();
  constructor(
    private readonly tokens: readonly Token[],
    private readonly ts: boolean,
    /** JSON (prettier's json parser): keys and strings as written, no trailing commas, values never moved. */
    private readonly json = false,
  ) {}

  private peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }
  private is(value: string, k = 0): boolean {
    const t = this.peek(k);
    return (t.kind === "punct" || t.kind === "id") && t.value === value;
  }
  /** The next token, which must carry no comments (comments are only allowed where the grammar reads them). */
  private next(): Token {
    const t = this.peek();
    if (t.comments.length) decline("a comment inside a statement");
    if (t.kind === "eof") decline("end of text");
    if (t.trailing !== undefined) this.unplaced.add(this.i);
    this.i++;
    return t;
  }
  private expect(value: string): void {
    const t = this.next();
    if (t.value !== value || (t.kind !== "punct" && t.kind !== "id")) decline(`expected ${value}, got ${t.value}`);
  }
  private ident(): string {
    const t = this.next();
    if (t.kind !== "id") decline(`expected a name, got ${t.value}`);
    return t.value;
  }
  private string(): string {
    const t = this.next();
    if (t.kind !== "str") decline("expected a string");
    return stringDoc(t.value);
  }

  /** The line comment after the last token read, as prettier prints a trailing comment; placed. */
  private trailingComment(): Doc | null {
    const last = this.i - 1;
    const text = this.tokens[last]?.trailing;
    if (text === undefined || !this.unplaced.has(last)) return null;
    this.unplaced.delete(last);
    return [{ t: "lineSuffix", c: [" ", { t: "comment", text }] }, { t: "breakParent" }];
  }

  /** The statements of a chunk, with their leading comments, as prettier prints a program. */
  program(): string {
    const parts: Doc[] = [];
    let first = true;
    for (;;) {
      const t = this.peek();
      if (!first && t.newlinesBefore >= 2) parts.push(hardline);
      if (t.kind === "eof") {
        if (t.comments.length) {
          if (!first) parts.push(hardline);
          parts.push(...commentsDoc(t.comments));
        }
        break;
      }
      if (!first) parts.push(hardline);
      parts.push(...commentsDoc(t.comments));
      (this.tokens[this.i] as { comments: readonly Comment[] }).comments = [];
      parts.push(this.statement());
      const trailing = this.trailingComment();
      if (trailing) parts.push(trailing);
      if (this.unplaced.size) decline("a comment after code");
      first = false;
    }
    const text = printDoc(parts);
    return text.endsWith("\n") ? text : `${text}\n`;
  }

  private statement(): Doc {
    const head: string[] = [];
    if (this.is("import")) return this.importDecl();
    if (this.is("export")) {
      this.next();
      if (this.is("{") || (this.is("type") && this.is("{", 1))) return this.exportList();
      head.push("export ");
    }
    if (this.ts && this.is("declare")) {
      this.next();
      head.push("declare ");
    }
    if (this.is("const")) {
      this.next();
      return [...head, "const ", this.ts && head.includes("declare ") ? this.declaredConst() : this.constDecl()];
    }
    if (this.ts && this.is("type") && this.peek(1).kind === "id") {
      this.next();
      return [...head, "type ", this.typeAlias()];
    }
    if (this.ts && this.is("interface")) {
      return [...head, this.interfaceDecl()];
    }
    if (this.ts && head.includes("declare ") && this.is("function")) {
      this.next();
      return group([...head, "function ", this.functionSignature()], { strict: true });
    }
    return decline(`statement ${this.peek().value}`);
  }

  /** `{ a, b }` of an import or export: one line, or one name a line when there are several. */
  private specifiers(): Doc {
    this.expect("{");
    const names: string[] = [];
    while (!this.is("}")) {
      let name = this.ident();
      // `A as B` is one specifier: prettier never breaks inside it.
      if (this.is("as")) {
        this.next();
        name = `${name} as ${this.ident()}`;
      }
      names.push(name);
      if (!this.is("}")) this.expect(",");
    }
    this.expect("}");
    if (names.length === 0) return "{}";
    if (names.length === 1) return ["{ ", names[0]!, " }"];
    return group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"]);
  }

  private importDecl(): Doc {
    this.expect("import");
    const type = this.is("type") && this.is("{", 1) ? (this.next(), "type ") : "";
    const list = this.specifiers();
    this.expect("from");
    const from = this.string();
    this.expect(";");
    return ["import ", type, list, " from ", from, ";"];
  }

  private exportList(): Doc {
    const type = this.is("type") ? (this.next(), "type ") : "";
    const list = this.specifiers();
    let from: Doc = "";
    if (this.is("from")) {
      this.next();
      from = [" from ", this.string()];
    }
    this.expect(";");
    return ["export ", type, list, from, ";"];
  }

  /** `name: Type;` after `declare const`. */
  private declaredConst(): Doc {
    const name = this.ident();
    this.expect(":");
    const type = this.type();
    this.expect(";");
    return [name, ": ", unionAt(type, "annotation"), ";"];
  }

  /** `name = literal;` (JavaScript): prettier's assignment layouts for the values a generator writes. */
  private constDecl(): Doc {
    if (!this.ts && this.is("{")) return this.destructuredCall();
    const name = this.ident();
    if (this.ts && this.is(":")) decline("annotated const");
    this.expect("=");
    const value = this.value();
    this.expect(";");
    return [assignment(name, " =", value), ";"];
  }

  /**
   * `{ a, b } = f(x, y);` (index.js's model functions): the names as an object pattern, the call's arguments one a
   * line when they do not fit. Only when the last two arguments are objects: prettier then never hugs the last one.
   */
  private destructuredCall(): Doc {
    this.expect("{");
    const names: string[] = [];
    while (!this.is("}")) {
      names.push(this.ident());
      if (!this.is("}")) this.expect(",");
    }
    this.expect("}");
    if (!names.length) decline("empty pattern");
    this.expect("=");
    const callee = this.ident();
    this.expect("(");
    const args: Value[] = [];
    while (!this.is(")")) {
      args.push(this.value());
      if (!this.is(")")) this.expect(",");
    }
    this.expect(")");
    this.expect(";");
    if (args.length < 2 || args.at(-1)!.kind !== "object" || args.at(-2)!.kind !== "object") decline("call arguments");
    const pattern = group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"]);
    const call = [callee, group(["(", indent([softline, join([",", line], args.map((a) => a.doc))]), ifBreak(","), softline, ")"])];
    return [fluid(pattern, " =", call), ";"];
  }

  private typeAlias(): Doc {
    const name = this.ident();
    const params = this.is("<") ? this.typeParams() : "";
    this.expect("=");
    const type = this.type();
    this.expect(";");
    return [typeAssignment([name, params], type), ";"];
  }

  /** `name<T extends U>(a: A, b?: B): R;` of a declared function: printed only when it fits on its line. */
  private functionSignature(): Doc {
    const name = this.ident();
    const params: Doc[] = [];
    if (this.is("<")) {
      this.next();
      while (!this.is(">")) {
        const p = this.ident();
        if (this.is("extends")) {
          this.next();
          params.push([p, " extends ", unionAt(this.type(), "plain")]);
        } else params.push(p);
        if (this.is("=")) decline("type parameter default");
        if (!this.is(">")) this.expect(",");
      }
      this.expect(">");
    }
    this.expect("(");
    const args: Doc[] = [];
    while (!this.is(")")) {
      const a = this.ident();
      const optional = this.is("?") ? (this.next(), "?") : "";
      this.expect(":");
      args.push([a, optional, ": ", unionAt(this.type(), "plain")]);
      if (!this.is(")")) this.expect(",");
    }
    this.expect(")");
    this.expect(":");
    const returns = this.type();
    this.expect(";");
    return [name, params.length ? ["<", join(", ", params), ">"] : "", "(", join(", ", args), "): ", unionAt(returns, "plain"), ";"];
  }

  private typeParams(): Doc {
    this.expect("<");
    const names: string[] = [];
    while (!this.is(">")) {
      names.push(this.ident());
      if (this.is("extends") || this.is("=")) decline("constrained type parameter");
      if (!this.is(">")) this.expect(",");
    }
    this.expect(">");
    return group(["<", indent([softline, join([",", line], names)]), ifBreak(","), softline, ">"], { strict: true });
  }

  private interfaceDecl(): Doc {
    this.expect("interface");
    const name = this.ident();
    const params = this.is("<") ? this.typeParams() : "";
    const heritage: TypeDoc[] = [];
    if (this.is("extends")) {
      this.next();
      for (;;) {
        heritage.push(this.postfixType());
        if (!this.is(",")) break;
        this.next();
      }
    }
    const body = this.members(true);
    // prettier 3's printHeritageClauses: `extends` breaks onto its own line, and two or more types one a line.
    let head: Doc = [" ", name, params];
    if (heritage.length > 1) head = group([" ", name, params, indent([line, "extends", group(indent([line, join([",", line], heritage.map((h) => h.doc))]))])]);
    else if (heritage.length === 1 && heritage[0]!.kind === "reference" && heritage[0]!.simple) {
      if (String(heritage[0]!.doc).includes(".")) decline("qualified heritage");
      head = group([" ", name, params, indent([line, group(["extends ", heritage[0]!.doc])])]);
    } else if (heritage.length === 1) head = [" ", name, params, " extends ", heritage[0]!.doc];
    return ["interface", head, " ", body];
  }

  /** `{ members }` of an interface (always broken) or an object type (broken if its source breaks after `{`). */
  private members(isInterface: boolean): Doc {
    this.expect("{");
    const brokenSource = this.peek().newlinesBefore > 0 || this.peek().comments.length > 0;
    const items: { doc: Doc; blankAfter: boolean }[] = [];
    let separator: string | null = null;
    while (!this.is("}")) {
      const t = this.peek();
      if (items.length && t.newlinesBefore >= 2) items[items.length - 1]!.blankAfter = true;
      const comments = commentsDoc(t.comments);
      (this.tokens[this.i] as { comments: readonly Comment[] }).comments = [];
      items.push({ doc: [...comments, this.member()], blankAfter: false });
      if (this.is(";") || this.is(",")) {
        const sep = this.next().value;
        if (separator !== null && sep !== separator) decline("mixed separators");
        separator = sep;
      } else if (!this.is("}") && this.peek().newlinesBefore === 0) decline("members without a separator");
    }
    const closing = this.peek();
    if (closing.comments.length) decline("a comment before `}`");
    if (items.length && closing.newlinesBefore >= 2) {
      // prettier drops a blank line before `}`.
    }
    this.expect("}");
    if (items.length === 0) return "{}";
    const parts: Doc[] = [];
    items.forEach((it, i) => {
      parts.push(it.doc);
      if (i < items.length - 1) parts.push(";", line, ...(it.blankAfter ? [softline] : []));
    });
    return group(["{", indent([line, ...parts]), ifBreak(";"), line, "}"], { brk: isInterface || brokenSource });
  }

  private member(): Doc {
    let readonly = "";
    if (this.is("readonly") && !this.is(":", 1) && !this.is("?", 1)) {
      this.next();
      readonly = "readonly ";
    }
    if (this.is("[")) {
      this.next();
      const key = this.ident();
      this.expect(":");
      const keyType = this.ident();
      if (keyType !== "string" && keyType !== "number") decline("index signature type");
      this.expect("]");
      this.expect(":");
      const type = this.type();
      return [readonly, "[", key, ": ", keyType, "]: ", unionAt(type, "annotation")];
    }
    const t = this.next();
    let key: string;
    if (t.kind === "id") key = t.value;
    else if (t.kind === "str") {
      const value = t.value.slice(1, -1);
      if (ES5_IDENTIFIER.test(value) && !value.includes("\\")) key = value;
      else if (/^\d/.test(value) || value.includes("\\")) return decline("numeric or escaped key");
      else key = stringDoc(t.value);
    } else return decline("member key");
    let optional = "";
    if (this.is("?")) {
      this.next();
      optional = "?";
    }
    if (this.is("(") || this.is("<")) decline("method signature");
    this.expect(":");
    const type = this.type();
    return [readonly, key, optional, ": ", unionAt(type, "annotation")];
  }

  // Types, loosest first.
  private type(): TypeDoc {
    const leading = this.is("|");
    if (leading) this.next();
    const members = [this.intersection()];
    const comments: (Doc | null)[] = [this.is("|") ? this.trailingComment() : null];
    while (this.is("|")) {
      this.next();
      members.push(this.intersection());
      comments.push(this.is("|") ? this.trailingComment() : null);
    }
    if (members.length === 1) return members[0]!;
    return unionType(members, comments);
  }

  private intersection(): TypeDoc {
    if (this.is("&")) this.next();
    const members = [this.operatorType()];
    while (this.is("&")) {
      this.next();
      members.push(this.operatorType());
    }
    if (members.length === 1) return members[0]!;
    const parts: Doc[] = [];
    let indented = false;
    members.forEach((m, i) => {
      // An intersection in parentheses inside another keeps them in prettier's output; this printer declines it.
      if (m.kind === "intersection") decline("an intersection in an intersection");
      const d = m.kind === "union" ? ["(", m.union!("parens"), ")"] : m.doc;
      if (i === 0) parts.push(d);
      else {
        const prevObject = members[i - 1]!.kind === "object";
        const object = m.kind === "object";
        if (!prevObject && !object) parts.push(indent([" &", line, d]));
        else if (prevObject && object) parts.push(" & ", indented ? indent(d) : d);
        else {
          if (i > 1) indented = true;
          parts.push(" & ", i > 1 ? indent(d) : d);
        }
      }
    });
    return { doc: group(parts), kind: "intersection" };
  }

  private operatorType(): TypeDoc {
    if ((this.is("readonly") || this.is("keyof")) && !this.is(";", 1) && !this.is(":", 1)) {
      const op = this.next().value;
      const inner = this.operatorType();
      if (inner.kind === "intersection") decline("an operator on an intersection");
      return { doc: [`${op} `, inner.doc], kind: "operator" };
    }
    return this.postfixType();
  }

  private postfixType(): TypeDoc {
    let t = this.primaryType();
    while (this.is("[") && this.peek().newlinesBefore === 0) {
      this.next();
      if (this.is("]")) {
        this.next();
        const inner = t.kind === "union" ? ["(", t.union!("parens"), ")"] : t.kind === "intersection" || t.kind === "operator" ? ["(", t.doc, ")"] : t.doc;
        t = { doc: [inner, "[]"], kind: "array" };
      } else {
        const index = this.type();
        this.expect("]");
        if (t.kind === "union" || t.kind === "intersection" || t.kind === "operator") decline("indexed access of a compound type");
        t = { doc: [t.doc, "[", unionAt(index, "plain"), "]"], kind: "other" };
      }
    }
    return t;
  }

  private primaryType(): TypeDoc {
    const t = this.peek();
    if (t.kind === "str") {
      this.next();
      return { doc: stringDoc(t.value), kind: "literal", simple: true };
    }
    if (t.kind === "num") {
      this.next();
      return { doc: numberDoc(t.value), kind: "literal", simple: true };
    }
    if (this.is("-") && this.peek(1).kind === "num") {
      this.next();
      return { doc: `-${numberDoc(this.next().value)}`, kind: "literal", simple: true };
    }
    if (this.is("(")) {
      this.next();
      const inner = this.type();
      if (this.is(",") || this.is(":") || this.is(")") === false) decline("function type");
      this.expect(")");
      if (this.is("=>")) decline("function type");
      return inner;
    }
    if (this.is("{")) return { doc: this.members(false), kind: "object" };
    if (this.is("[")) return this.tupleType();
    if (t.kind === "id" && t.value === "typeof" && this.is("import", 1) && this.is("(", 2) && this.peek(3).kind === "str" && this.is(")", 4)) {
      // `typeof import("m")`: prettier 3 keeps it on its line, however long.
      this.next();
      this.next();
      this.next();
      const from = this.string();
      this.expect(")");
      if (this.is(".") || this.is("<")) decline("qualified import type");
      return { doc: ["typeof import(", from, ")"], kind: "other" };
    }
    if (t.kind === "id") {
      if (t.value === "typeof" || t.value === "import" || t.value === "infer" || t.value === "new") decline(`type ${t.value}`);
      this.next();
      if (KEYWORDS.has(t.value)) return { doc: t.value, kind: t.value === "true" || t.value === "false" ? "literal" : "keyword", simple: true, nullish: t.value === "null" || t.value === "void" };
      let name = t.value;
      while (this.is(".")) {
        this.next();
        name += `.${this.ident()}`;
      }
      if (!this.is("<")) return { doc: name, kind: "reference", simple: true };
      this.next();
      const args: TypeDoc[] = [];
      while (!this.is(">")) {
        args.push(this.type());
        if (!this.is(">")) this.expect(",");
      }
      this.expect(">");
      if (args.length === 0) decline("empty type arguments");
      const only = args.length === 1 ? args[0]! : null;
      if (only && (only.simple || only.kind === "object" || hugs(only))) return { doc: [name, "<", unionAt(only, "plain"), ">"], kind: "reference" };
      // Several arguments break one a line, without a trailing comma (prettier's printTypeParameters).
      return { doc: [name, group(["<", indent([softline, join([",", line], args.map((a) => unionAt(a, "plain")))]), softline, ">"])], kind: "reference" };
    }
    return decline(`type ${t.value}`);
  }

  private tupleType(): TypeDoc {
    this.expect("[");
    const items: Doc[] = [];
    while (!this.is("]")) {
      if (this.is("...")) {
        this.next();
        items.push(["...", this.postfixType().doc]);
      } else {
        const t = this.type();
        const optional = this.is("?") ? (this.next(), "?") : "";
        items.push([t.kind === "union" ? ["(", t.union!("parens"), ")"] : t.doc, optional]);
      }
      if (!this.is("]")) this.expect(",");
    }
    this.expect("]");
    if (items.length === 0) return { doc: "[]", kind: "tuple" };
    return { doc: group(["[", indent([softline, join([",", line], items)]), ifBreak(","), softline, "]"], { strict: true }), kind: "tuple" };
  }

  // JavaScript values (JSON-like literals).
  private value(): Value {
    const t = this.peek();
    if (t.kind === "str") {
      this.next();
      return { doc: this.json ? t.value : stringDoc(t.value), kind: "string" };
    }
    if (this.json) {
      if (t.kind === "num" || this.is("-")) {
        const sign = this.is("-") ? (this.next(), "-") : "";
        const n = this.next();
        if (n.kind !== "num" || !/^\d+$/.test(n.value)) decline("a JSON number");
        return { doc: sign + n.value, kind: "number" };
      }
      if (t.kind === "id" && t.value !== "true" && t.value !== "false" && t.value !== "null") decline("a JSON value");
    }
    if (t.kind === "num") {
      this.next();
      return { doc: numberDoc(t.value), kind: "number" };
    }
    if (this.is("-") && this.peek(1).kind === "num") {
      this.next();
      return { doc: `-${numberDoc(this.next().value)}`, kind: "number" };
    }
    if (this.is("(") && this.is(")", 1) && this.is("=", 2) && this.is(">", 3)) {
      // `() => import("m")` (the registry's loaders); another body is left to prettier.
      for (let k = 0; k < 4; k++) this.next();
      const body = this.value();
      if (body.kind !== "import") decline("an arrow function's body");
      return { doc: group(["()", " =>", group(indent([line, body.doc]))]), kind: "arrow" };
    }
    if (this.is("import") && this.is("(", 1)) {
      // A dynamic import is printed on one line, whatever its length.
      this.next();
      this.next();
      const from = this.string();
      this.expect(")");
      return { doc: ["import(", from, ")"], kind: "import" };
    }
    if (this.is("new") && this.peek(1).kind === "id") {
      this.next();
      const callee = this.ident();
      if (!this.is("(")) decline("new without arguments");
      return this.call(`new ${callee}`, "new");
    }
    if (t.kind === "id" && !RESERVED_VALUES.has(t.value) && (this.is(".", 1) || this.is("(", 1))) {
      let callee = this.ident();
      while (this.is(".")) {
        this.next();
        callee += `.${this.ident()}`;
      }
      if (!this.is("(")) decline("member expression");
      return this.call(callee, "call");
    }
    if (t.kind === "id" && (t.value === "true" || t.value === "false" || t.value === "null")) {
      this.next();
      return { doc: t.value, kind: "literal" };
    }
    if (this.is("[")) return this.arrayValue();
    if (this.is("{")) return this.objectValue();
    if (t.kind === "id" && !RESERVED_VALUES.has(t.value)) {
      this.next();
      return { doc: t.value, kind: "name" };
    }
    return decline(`value ${t.value}`);
  }

  /**
   * `callee(args)` (one call: a chain of calls is prettier's member-chain layout, left to it): prettier's
   * printCallArguments for these arguments. A last argument that is a non-empty object or array, of another kind
   * than the one before it, hugs the parentheses (`f({` … `})`) when the call does not fit on its line.
   */
  private call(callee: string, kind: "call" | "new"): Value {
    this.expect("(");
    const args: Value[] = [];
    while (!this.is(")")) {
      if (args.length && this.peek().newlinesBefore >= 2) decline("a blank line between arguments");
      args.push(this.value());
      if (!this.is(")")) this.expect(",");
    }
    this.expect(")");
    if (this.is(".") || this.is("(") || this.is("[")) decline("a chain of calls");
    if (args.some((a) => a.kind === "arrow")) decline("a function argument");
    return { doc: [callee, callArguments(args)], kind, size: args.length, args };
  }

  private arrayValue(): Value {
    this.expect("[");
    const items: Value[] = [];
    while (!this.is("]")) {
      if (this.peek().newlinesBefore >= 2 && items.length) decline("a blank line in an array");
      items.push(this.value());
      if (!this.is("]")) this.expect(",");
    }
    this.expect("]");
    if (items.length === 0) return { doc: "[]", kind: "array", size: 0 };
    const first = items[0]!.kind;
    // prettier breaks an array of two or more objects (or arrays) that each have more than one entry.
    const matrix = items.length > 1 && (first === "object" || first === "array") && items.every((v) => v.kind === first && (v.size ?? 0) > 1);
    // An array of numbers is filled line by line when it breaks: a layout the printer does not copy.
    const numbers = items.every((v) => v.kind === "number");
    return {
      doc: group(["[", indent([softline, join([",", line], items.map((v) => v.doc))]), ifBreak(this.json ? "" : ","), softline, "]"], { brk: matrix, strict: numbers }),
      kind: "array",
      size: items.length,
      numbers,
    };
  }

  private objectValue(): Value {
    this.expect("{");
    const brokenSource = this.peek().newlinesBefore > 0;
    const props: Doc[] = [];
    while (!this.is("}")) {
      if (props.length && this.peek().newlinesBefore >= 2) decline("a blank line in an object");
      const t = this.next();
      let key: string;
      if (this.json) {
        if (t.kind !== "str") decline("a JSON key");
        this.expect(":");
        props.push(group([t.value, ":", " ", this.value().doc]));
        if (!this.is("}")) this.expect(",");
        continue;
      }
      if (t.kind === "id") key = t.value;
      else if (t.kind === "str") {
        const value = t.value.slice(1, -1);
        if (ES5_IDENTIFIER.test(value)) key = value;
        else if (/^\d/.test(value) || value.includes("\\")) return decline("numeric or escaped key");
        else key = stringDoc(t.value);
      } else return decline("property key");
      if (t.kind === "id" && (this.is(",") || this.is("}"))) {
        props.push(key); // shorthand
        if (!this.is("}")) this.expect(",");
        continue;
      }
      this.expect(":");
      props.push(assignment(key, ":", this.value()));
      if (!this.is("}")) this.expect(",");
    }
    this.expect("}");
    if (props.length === 0) return { doc: "{}", kind: "object", size: 0 };
    return { doc: group(["{", indent([line, join([",", line], props)]), ifBreak(this.json ? "" : ","), line, "}"], { brk: brokenSource }), kind: "object", size: props.length };
  }

  /** A JSON document (prettier's json parser), ending with a newline. */
  jsonDocument(): string {
    const value = this.value();
    if (this.peek().kind !== "eof" || this.peek().comments.length) decline("text after the JSON value");
    return `${printDoc(value.doc)}\n`;
  }
}

interface Value {
  readonly doc: Doc;
  readonly kind: "string" | "number" | "literal" | "array" | "object" | "name" | "call" | "new" | "import" | "arrow";
  readonly size?: number;
  /** A call's arguments. */
  readonly args?: readonly Value[];
  /** An array of numbers only (prettier fills it when it breaks). */
  readonly numbers?: boolean;
}

/**
 * prettier's assignment layouts (`left = value`, `key: value`, printAssignment) for these values: a string breaks
 * after the operator when it does not fit, unless its key is shorter than 5 columns; a number or a boolean never
 * moves; anything else is "fluid" (an array or object stays after the operator and breaks inside).
 */
function assignment(left: string, operator: string, value: Value): Doc {
  const shortKey = operator === ":" && widthOf(left) < 5;
  if (value.kind === "string" && !shortKey) return group([group(left), operator, group(indent([line, value.doc]))]);
  if (value.kind === "number" || value.doc === "true" || value.doc === "false" || (value.kind === "string" && shortKey)) return group([group(left), operator, " ", value.doc]);
  // A call with no argument or one short one is "poorly breakable": it moves after the operator as a whole.
  if (value.kind === "call" && (value.args!.length === 0 || (value.args!.length === 1 && loneShort(value.args![0]!)))) return group([group(left), operator, group(indent([line, value.doc]))]);
  return fluid(left, operator, value.doc);
}

/** prettier's isLoneShortArgument for these values. */
function loneShort(v: Value): boolean {
  const short = WIDTH * 0.25;
  if (v.kind === "name" || v.kind === "string") return widthOf(String(v.doc)) <= short;
  if (v.kind === "number" || v.kind === "literal") return true;
  if (v.kind === "object" || v.kind === "array") return v.size === 0;
  return false;
}

/** The AST node type prettier compares between the last two arguments. */
const nodeType = (v: Value): string => (v.kind === "literal" ? String(v.doc) : v.kind === "number" && String(v.doc).startsWith("-") ? "unary" : v.kind);

/** prettier's printCallArguments, for arguments that are no functions. */
function callArguments(args: readonly Value[]): Doc {
  if (args.length === 0) return "()";
  const printed: Doc[] = args.map((a, i) => (i < args.length - 1 ? [a.doc, ",", line] : a.doc));
  const allBroken = (): Group => group(["(", indent([line, ...printed]), ",", line, ")"], { brk: true });
  const last = args.at(-1)!;
  const before = args.at(-2);
  const expandLast = (last.kind === "object" || last.kind === "array") && (last.size ?? 0) > 0 && (!before || nodeType(before) !== nodeType(last)) && !(args.length > 1 && last.numbers === true);
  if (expandLast) {
    const head = printed.slice(0, -1);
    if (head.some(willBreak)) return allBroken();
    if (willBreak(last.doc)) return [breakParent, conditionalGroup([["(", ...head, group(last.doc, { brk: true }), ")"], allBroken()])];
    return conditionalGroup([["(", ...head, last.doc, ")"], ["(", ...head, group(last.doc, { brk: true }), ")"], allBroken()]);
  }
  return group(["(", indent([softline, ...printed]), ifBreak(","), softline, ")"], { brk: printed.some(willBreak) });
}


/** prettier's shouldHugUnionType: one object type or type reference, and the rest null or void. */
function hugs(t: TypeDoc): boolean {
  if (t.kind !== "union" || !t.members) return false;
  const objects = t.members.filter((m) => m.kind === "object" || m.kind === "reference").length;
  const nullish = t.members.filter((m) => m.nullish).length;
  return objects === 1 && nullish === t.members.length - 1;
}

/**
 * A union as prettier 3 prints it (printUnionType): one line, or one member a line after `| `, each member
 * aligned by two (an indent, with spaces); under a type annotation it starts on the next line, in parentheses it
 * closes on its own line; a union hugging an object type never breaks.
 */
function unionType(members: TypeDoc[], comments: readonly (Doc | null)[]): TypeDoc {
  const self: TypeDoc = {
    // A union is printed by its parent (union(place)): one where no rule places it (a union inside a union's
    // parentheses, after `keyof`, in a heritage clause) declines.
    get doc(): Doc {
      return decline("a union in a place the printer does not lay out");
    },
    kind: "union",
    members,
    union: (place) => {
      if (comments.some((c) => c !== null)) {
        if (hugs(self)) decline("a comment in a hugged union");
      } else if (hugs(self)) return join(" | ", members.map((m) => m.doc));
      const code = group(members.map((m, i) => [i === 0 ? ifBreak("| ") : [line, "| "], indent(m.kind === "intersection" ? ["(", m.doc, ")"] : m.doc), comments[i] ?? ""]));
      if (place === "parens") return group([indent([softline, code]), softline]);
      if (place === "annotation") return group(indent([softline, code]));
      return code;
    },
  };
  return self;
}

/** A type where a union is printed as prettier prints it under that parent (see unionType). */
function unionAt(t: TypeDoc, place: UnionPlace): Doc {
  return t.kind === "union" ? t.union!(place) : t.doc;
}

/**
 * `left = type` of a type alias (prettier's printAssignment): a union that does not hug breaks after the `=`
 * ("break-after-operator"), anything else is "fluid".
 */
function typeAssignment(left: Doc, t: TypeDoc): Doc {
  if (t.kind === "union" && !hugs(t)) return group([group(left), " =", group(indent([line, t.union!("plain")]))]);
  return fluid(left, " =", unionAt(t, "plain"));
}

/** prettier's "fluid" assignment layout: the value moves to the next line only if its first line does not fit. */
function fluid(left: Doc, operator: string, value: Doc): Doc {
  const id = Symbol("assignment");
  return group([group(left), operator, group(indent(line), { id }), { t: "lineSuffixBoundary" }, { t: "indentIfBreak", c: value, id }]);
}

/**
 * One chunk (format/chunks.ts: a statement and the comments before it) as prettier lays it out, ending with a
 * newline; null when the printer leaves it to prettier.
 */
export function printStatement(text: string, parser: string): string | null {
  const ts = parser === "babel-ts" || parser === "typescript";
  if (!ts && parser !== "babel") return null;
  try {
    return new Parser(tokenize(text), ts).program();
  } catch (e) {
    if (e instanceof Decline) return null;
    throw e;
  }
}

/** A JSON file as prettier's json parser lays it out, or null when the printer leaves it to prettier. */
export function printJson(text: string): string | null {
  try {
    return new Parser(tokenize(text), false, true).jsonDocument();
  } catch (e) {
    if (e instanceof Decline) return null;
    throw e;
  }
}

/** Why the printer declines a chunk (for tests and for tuning the printer), or null when it prints it. */
export function declineReason(text: string, parser: string): string | null {
  try {
    new Parser(tokenize(text), parser !== "babel").program();
    return null;
  } catch (e) {
    if (e instanceof Decline) return e.message;
    throw e;
  }
}
