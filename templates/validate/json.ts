// Strict JSON with positions, for one task's text: where a property or an array element starts (to place an
// issue at its line), the first syntax error and the first duplicate key. JSON.parse reads every task; this runs
// only for a task with issues or one that JSON.parse refused, so it favours plainness over speed. Nesting is
// bounded before it gets here (the scanner refuses more than MAX_DEPTH levels), so recursion is bounded too.

/** A value, or an object's property (its children: the key, a string node, then the value). */
export interface JsonNode {
  readonly type: "object" | "array" | "property" | "string" | "number" | "boolean" | "null";
  readonly offset: number;
  readonly parent: JsonNode | undefined;
  readonly children: JsonNode[];
  /** A string's text (property keys included); undefined for the other kinds. */
  readonly value: string | undefined;
}

/** Why a text is not JSON, by the names jsonc-parser's error codes use (and their words, below). */
export type JsonErrorCode =
  | "InvalidSymbol"
  | "InvalidNumberFormat"
  | "PropertyNameExpected"
  | "ValueExpected"
  | "ColonExpected"
  | "CommaExpected"
  | "CloseBraceExpected"
  | "CloseBracketExpected"
  | "EndOfFileExpected"
  | "InvalidCommentToken"
  | "UnexpectedEndOfString"
  | "UnexpectedEndOfNumber"
  | "InvalidUnicode"
  | "InvalidEscapeCharacter"
  | "InvalidCharacter";

const JSON_ERROR_WORDS: Readonly<Record<string, string>> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "malformed number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' or a closing bracket",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "expected the end of the document",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
  EmptyContent: "the file is empty",
};

/** A JSON error code (this parser's or jsonc-parser's, which the spec loader uses) in words. */
export const describeJsonError = (code: string): string => JSON_ERROR_WORDS[code] ?? code;

export type JsonParse = { readonly ok: true; readonly root: JsonNode } | { readonly ok: false; readonly code: JsonErrorCode; readonly offset: number };

class Stop {
  constructor(
    readonly code: JsonErrorCode,
    readonly offset: number,
  ) {}
}

type TokenKind = "{" | "}" | "[" | "]" | ":" | "," | "string" | "number" | "true" | "false" | "null" | "eof";
interface Token {
  readonly kind: TokenKind;
  readonly offset: number;
  /** A string token's text. */
  readonly value?: string;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
/** A character of a bare word (a misspelt keyword): anything but whitespace, a line break and JSON's punctuation. */
const inWord = (c: number): boolean => !isSpace(c) && c !== 0x2028 && c !== 0x2029 && !"{}[]\":,/".includes(String.fromCharCode(c));
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/**
 * Parse `text` as one strict JSON value (no comments, no trailing commas), with each node's offset. The first
 * error is reported as jsonc-parser reports it (the same code at the same offset; test/package holds the two to
 * each other), so a payload's syntax error reads like a spec's: a bad token (a misspelt word, a comment, a broken
 * string or number) at its start, and a misplaced one where the grammar expected something else.
 */
export function parseJsonTree(text: string): JsonParse {
  let pos = 0;
  const len = text.length;
  /** The token at `pos` (whitespace skipped); a bad token stops the parse at its start. */
  const next = (): Token => {
    while (pos < len && isSpace(text.charCodeAt(pos))) pos++;
    const offset = pos;
    if (pos >= len) return { kind: "eof", offset: len };
    const c = text.charCodeAt(pos);
    const ch = text[pos]!;
    if ("{}[]:,".includes(ch)) {
      pos++;
      return { kind: ch as TokenKind, offset };
    }
    if (c === 34) return { kind: "string", offset, value: scanString(offset) };
    if (c === 47 && (text.charCodeAt(pos + 1) === 47 || text.charCodeAt(pos + 1) === 42)) throw new Stop("InvalidCommentToken", offset);
    if (c === 45 || isDigit(c)) {
      if (c === 45) {
        pos++;
        if (pos >= len || !isDigit(text.charCodeAt(pos))) throw new Stop("InvalidSymbol", offset);
      }
      scanNumber(offset);
      return { kind: "number", offset };
    }
    while (pos < len && inWord(text.charCodeAt(pos))) pos++;
    const word = text.slice(offset, pos);
    if (word === "true" || word === "false" || word === "null") return { kind: word, offset };
    throw new Stop("InvalidSymbol", offset);
  };
  const scanString = (offset: number): string => {
    pos++;
    let out = "";
    let error: JsonErrorCode | undefined;
    for (;;) {
      if (pos >= len) throw new Stop("UnexpectedEndOfString", offset);
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        break;
      }
      if (c === 92) {
        pos++;
        if (pos >= len) throw new Stop("UnexpectedEndOfString", offset);
        const e = text[pos++]!;
        if (e === "u") {
          let digits = 0;
          while (digits < 4 && pos < len && isHex(text.charCodeAt(pos))) {
            pos++;
            digits++;
          }
          if (digits === 4) out += String.fromCharCode(parseInt(text.slice(pos - 4, pos), 16));
          else error = "InvalidUnicode";
        } else if (ESCAPES[e] !== undefined) out += ESCAPES[e];
        else error = "InvalidEscapeCharacter";
        continue;
      }
      if (c === 10 || c === 13) throw new Stop("UnexpectedEndOfString", offset);
      // A control character: an error, but the string goes on (a later error in it is the one reported).
      if (c <= 0x1f) error = "InvalidCharacter";
      out += text[pos];
      pos++;
    }
    if (error) throw new Stop(error, offset);
    return out;
  };
  const scanNumber = (offset: number): void => {
    if (text.charCodeAt(pos) === 48) pos++;
    else while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === 46) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw new Stop("UnexpectedEndOfNumber", offset);
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === 45) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw new Stop("UnexpectedEndOfNumber", offset);
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    }
  };
  const node = (type: JsonNode["type"], offset: number, parent: JsonNode | undefined, value?: string): JsonNode => ({ type, offset, parent, children: [], value });
  /** The value that starts at `tok`, added to `parent`; returns the token after it. */
  const value = (tok: Token, parent: JsonNode | undefined, into: JsonNode[]): Token => {
    switch (tok.kind) {
      case "{": {
        const obj = node("object", tok.offset, parent);
        into.push(obj);
        let t = next();
        let needsComma = false;
        while (t.kind !== "}" && t.kind !== "eof") {
          if (t.kind === ",") {
            if (!needsComma) throw new Stop("ValueExpected", t.offset);
            t = next();
          } else if (needsComma) throw new Stop("CommaExpected", t.offset);
          if (t.kind !== "string") throw new Stop("PropertyNameExpected", t.offset);
          const prop = node("property", t.offset, obj);
          obj.children.push(prop);
          prop.children.push(node("string", t.offset, prop, t.value));
          t = next();
          if (t.kind !== ":") throw new Stop("ColonExpected", t.offset);
          t = value(next(), prop, prop.children);
          needsComma = true;
        }
        if (t.kind !== "}") throw new Stop("CloseBraceExpected", t.offset);
        return next();
      }
      case "[": {
        const arr = node("array", tok.offset, parent);
        into.push(arr);
        let t = next();
        let needsComma = false;
        while (t.kind !== "]" && t.kind !== "eof") {
          if (t.kind === ",") {
            if (!needsComma) throw new Stop("ValueExpected", t.offset);
            t = next();
          } else if (needsComma) throw new Stop("CommaExpected", t.offset);
          t = value(t, arr, arr.children);
          needsComma = true;
        }
        if (t.kind !== "]") throw new Stop("CloseBracketExpected", t.offset);
        return next();
      }
      case "string":
      case "number":
      case "true":
      case "false":
      case "null":
        into.push(node(tok.kind === "true" || tok.kind === "false" ? "boolean" : tok.kind, tok.offset, parent, tok.value));
        return next();
      default:
        throw new Stop("ValueExpected", tok.offset);
    }
  };
  try {
    const roots: JsonNode[] = [];
    const after = value(next(), undefined, roots);
    if (after.kind !== "eof") throw new Stop("EndOfFileExpected", after.offset);
    return { ok: true, root: roots[0]! };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, code: e.code, offset: e.offset };
    throw e;
  }
}

/** The node at a pointer's keys: a property's value under an object, an element (by its decimal index) under an array. */
export function nodeAt(root: JsonNode, keys: readonly string[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const key of keys) {
    if (!node) return undefined;
    if (node.type === "array") node = /^(0|[1-9][0-9]*)$/.test(key) ? node.children[Number(key)] : undefined;
    else if (node.type === "object") {
      // The last of equal keys is the one JSON.parse keeps.
      let found: JsonNode | undefined;
      for (const p of node.children) if (p.children[0]?.value === key) found = p.children[1];
      node = found;
    } else return undefined;
  }
  return node;
}

/** The first object key that appears twice in one object, with its offset (in document order). */
export function findDuplicateKey(root: JsonNode): { key: string; offset: number } | null {
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "object") {
      const seen = new Set<string>();
      for (const prop of node.children) {
        const keyNode = prop.children[0];
        if (keyNode?.value === undefined) continue;
        if (seen.has(keyNode.value)) return { key: keyNode.value, offset: keyNode.offset };
        seen.add(keyNode.value);
      }
    }
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  return null;
}
