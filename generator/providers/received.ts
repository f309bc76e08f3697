// A model document as a catalog sent it, made ready to write unchanged: strict JSON (the loader's own parser, so
// a duplicate key or a comment is refused here as generate would refuse it), an object with an `openapi` field,
// within the size limit, and laid out as pretty-printed JSON with a final newline. Only whitespace between tokens
// changes: numbers, string escapes and key order stay as sent (JSON.parse and JSON.stringify would turn 1e400
// into null and rewrite escapes).
import * as jsonc from "jsonc-parser";
import { parseJson } from "../load/read.js";
import { SpecError } from "../errors.js";
import { isPlain } from "../json.js";
import type { ReceivedDocument } from "./catalog.js";
import type { JsonObject } from "../ir/types.js";

/**
 * Strict JSON text re-laid out as JSON.stringify(value, null, 2) lays out a value, with a final newline, token by
 * token: each token's text is copied as it is (linear time, whatever the size).
 */
export function prettyJson(text: string): string {
  const scanner = jsonc.createScanner(text, true);
  const parts: string[] = [];
  let depth = 0;
  let afterOpen = false;
  const newline = () => parts.push("\n", "  ".repeat(depth));
  for (let kind = scanner.scan(); kind !== jsonc.SyntaxKind.EOF; kind = scanner.scan()) {
    const token = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
    if (kind === jsonc.SyntaxKind.CloseBraceToken || kind === jsonc.SyntaxKind.CloseBracketToken) {
      depth--;
      if (!afterOpen) newline();
      parts.push(token);
      afterOpen = false;
    } else if (kind === jsonc.SyntaxKind.CommaToken) {
      parts.push(",");
      newline();
    } else if (kind === jsonc.SyntaxKind.ColonToken) {
      parts.push(": ");
    } else {
      if (afterOpen) newline();
      parts.push(token);
      afterOpen = kind === jsonc.SyntaxKind.OpenBraceToken || kind === jsonc.SyntaxKind.OpenBracketToken;
      if (afterOpen) depth++;
    }
  }
  parts.push("\n");
  return parts.join("");
}

/** The document to write, or why it cannot be one (reported by pull, never written). */
export function receiveDocument(raw: string, label: string, maxBytes: number): ReceivedDocument | { readonly error: string } {
  let value: unknown;
  try {
    value = parseJson(label, raw).value;
  } catch (e) {
    if (e instanceof SpecError) return { error: `${e.where ? `${e.where}: ` : ""}${e.expected}` };
    throw e;
  }
  if (!isPlain(value)) return { error: "the document is not a JSON object" };
  if (typeof value.openapi !== "string") return { error: "the document is not an OpenAPI document (no openapi version string)" };
  const text = prettyJson(raw);
  const size = Buffer.byteLength(text);
  if (size > maxBytes) return { error: `the document is ${size} bytes; the limit is ${maxBytes}` };
  return { text, value: value as JsonObject };
}
