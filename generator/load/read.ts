// Read a JSON or YAML document and keep a source map (JSON Pointer → line:column) for error messages.
import { readFileSync } from "node:fs";
import * as jsonc from "jsonc-parser";
import YAML from "yaml";
import { SpecError } from "../errors.js";

/**
 * @typedef {{ file: string, text: string, value: unknown, locate(path: (string|number)[]): { line: number, column: number } | undefined }} SourceDoc
 */

/** @returns {SourceDoc} */
export function readDocument(file, text = undefined) {
  if (text === undefined) {
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new SpecError(file, "", `cannot read the file (${e.code ?? e.message})`);
    }
  }
  return /\.ya?ml$/i.test(file) ? parseYaml(file, text) : parseJson(file, text);
}

function lineColumn(text, offset) {
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

export function parseJson(file, text) {
  const errors = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !tree) {
    const e = errors[0] ?? { offset: 0, error: 0 };
    const { line, column } = lineColumn(text, e.offset);
    const what = errors.length ? jsonc.printParseErrorCode(e.error) : "EmptyContent";
    throw new SpecError(file, `${line}:${column}`, `invalid JSON (${describeJsonError(what)})`);
  }
  // JSON.parse keeps the last of two equal keys without a word; the spec a person reads would not be the one
  // generated. Say where the second one is.
  const duplicate = findDuplicateKey(tree);
  if (duplicate) {
    const { line, column } = lineColumn(text, duplicate.offset);
    throw new SpecError(file, `${line}:${column}`, `duplicate key ${JSON.stringify(duplicate.key)} in one object; JSON parsers silently keep the last, so keys must be unique`);
  }
  const value = JSON.parse(text);
  return {
    file,
    text,
    value,
    locate(path) {
      let node = jsonc.findNodeAtLocation(tree, path);
      // Point at the property's key where there is one: that is the line a person looks for.
      if (node?.parent?.type === "property") node = node.parent;
      return node ? lineColumn(text, node.offset) : undefined;
    },
  };
}

function findDuplicateKey(node) {
  if (node.type === "object") {
    const seen = new Set();
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      if (seen.has(keyNode.value)) return { key: keyNode.value, offset: keyNode.offset };
      seen.add(keyNode.value);
    }
  }
  for (const child of node.children ?? []) {
    const found = findDuplicateKey(child);
    if (found) return found;
  }
  return null;
}

function describeJsonError(code) {
  const words = {
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
  return words[code] ?? code;
}

export function parseYaml(file, text) {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const { line, col } = lineCounter.linePos(e.pos[0]);
    throw new SpecError(file, `${line}:${col}`, `invalid YAML (${e.message.split("\n")[0]})`);
  }
  if (doc.contents === null) throw new SpecError(file, "1:1", "the file is empty");
  const value = doc.toJS({ maxAliasCount: 100 });
  return {
    file,
    text,
    value,
    locate(path) {
      const node = doc.getIn(path, true);
      const parent = path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
      const pair = parent?.items?.find?.((p) => p?.key !== undefined && String(p.key?.value ?? p.key) === String(path.at(-1)));
      const range = pair?.key?.range ?? node?.range;
      if (!range) return undefined;
      const { line, col } = lineCounter.linePos(range[0]);
      return { line, column: col };
    },
  };
}
