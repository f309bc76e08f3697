// Read a JSON or YAML document and keep a source map (JSON Pointer → line:column) for error messages.
import { readFileSync } from "node:fs";
import * as jsonc from "jsonc-parser";
import YAML from "yaml";
import { SpecError, systemErrorText } from "../errors.js";
import type { SourceDocument, SourceLocation } from "../ir/types.js";

/** Read `file` (or parse `text` as if it were that file's): YAML for .yaml/.yml, JSON otherwise. */
export function readDocument(file: string, text?: string): SourceDocument {
  if (text === undefined) {
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new SpecError(file, "", `cannot read the file (${systemErrorText(e)})`);
    }
  }
  return /\.ya?ml$/i.test(file) ? parseYaml(file, text) : parseJson(file, text);
}

function lineColumn(text: string, offset: number): SourceLocation {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Strict JSON (no comments, no trailing commas, unique keys); a SpecError names line:column otherwise. */
export function parseJson(file: string, text: string): SourceDocument {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const error = errors[0];
  if (error || !tree) {
    const { line, column } = lineColumn(text, error?.offset ?? 0);
    const what = error ? jsonc.printParseErrorCode(error.error) : "EmptyContent";
    throw new SpecError(file, `${line}:${column}`, `invalid JSON (${describeJsonError(what)})`);
  }
  // JSON.parse keeps the last of two equal keys without a word; the spec a person reads would not be the one
  // generated. Say where the second one is.
  const duplicate = findDuplicateKey(tree);
  if (duplicate) {
    const { line, column } = lineColumn(text, duplicate.offset);
    throw new SpecError(file, `${line}:${column}`, `duplicate key ${JSON.stringify(duplicate.key)} in one object; JSON parsers silently keep the last, so keys must be unique`);
  }
  const value: unknown = JSON.parse(text);
  return {
    file,
    text,
    value,
    locate(path) {
      let node = jsonc.findNodeAtLocation(tree, [...path]);
      // Point at the property's key where there is one: that is the line a person looks for.
      if (node?.parent?.type === "property") node = node.parent;
      return node ? lineColumn(text, node.offset) : undefined;
    },
  };
}

function findDuplicateKey(node: jsonc.Node): { key: string; offset: number } | null {
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      // A property node's first child is its key, a string node (the tree parsed without errors).
      const keyNode = prop.children?.[0];
      if (keyNode === undefined) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) return { key, offset: keyNode.offset };
      seen.add(key);
    }
  }
  for (const child of node.children ?? []) {
    const found = findDuplicateKey(child);
    if (found) return found;
  }
  return null;
}

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

const describeJsonError = (code: string): string => JSON_ERROR_WORDS[code] ?? code;

/** YAML 1.2 with unique keys, no merge keys, and a bound on alias expansion (a "billion laughs" file). */
export function parseYaml(file: string, text: string): SourceDocument {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new SpecError(file, `${line}:${col}`, `invalid YAML (${error.message.split("\n")[0]})`);
  }
  if (doc.contents === null) throw new SpecError(file, "1:1", "the file is empty");
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  return {
    file,
    text,
    value,
    locate(path) {
      // The key of the pair where there is one (the line a person looks for), else the node itself.
      const parent = path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
      const last = String(path.at(-1));
      const pair = YAML.isMap(parent) ? parent.items.find((p) => keyText(p.key) === last) : undefined;
      const node = doc.getIn(path, true);
      const range = (YAML.isNode(pair?.key) ? pair.key.range : undefined) ?? (YAML.isNode(node) ? node.range : undefined);
      if (!range) return undefined;
      const { line, col } = lineCounter.linePos(range[0]);
      return { line, column: col };
    },
  };
}

const keyText = (key: unknown): string => String(YAML.isScalar(key) ? key.value : key);
