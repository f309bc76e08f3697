// Where text stands in a generated JS/TS file, by TypeScript's own parser: inside a string literal, inside a
// comment, or in code. Spec text may only ever be in the first two.
import ts from "typescript";

export interface Span {
  start: number;
  end: number;
  kind: "string" | "comment";
}

/** String-literal and comment spans of a file (template pieces count as strings; `${…}` inside them is code). */
export function literalSpans(fileName: string, text: string): { spans: Span[]; source: ts.SourceFile } {
  const kind = fileName.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const spans: Span[] = [];
  const seen = new Set<number>();
  const comments = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      spans.push({ start: r.pos, end: r.end, kind: "comment" });
    }
  };
  const visit = (node: ts.Node) => {
    comments(ts.getLeadingCommentRanges(text, node.pos));
    comments(ts.getTrailingCommentRanges(text, node.end));
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      node.kind === ts.SyntaxKind.TemplateHead ||
      node.kind === ts.SyntaxKind.TemplateMiddle ||
      node.kind === ts.SyntaxKind.TemplateTail ||
      ts.isRegularExpressionLiteral(node)
    ) {
      spans.push({ start: node.getStart(source), end: node.end, kind: "string" });
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return { spans, source };
}

/** Every place `marker` stands in code (outside any string literal or comment): [line, text of the line]. */
export function markerInCode(fileName: string, text: string, markers: string[]): string[] {
  const { spans } = literalSpans(fileName, text);
  const out: string[] = [];
  for (const marker of markers) {
    for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
      if (spans.some((s) => s.start <= i && i + marker.length <= s.end)) continue;
      const line = text.slice(0, i).split("\n").length;
      out.push(`${fileName}:${line}: ${JSON.stringify(marker)} in code: ${text.split("\n")[line - 1]!.trim().slice(0, 160)}`);
    }
  }
  return out;
}

const ESLINT_DIRECTIVE = /^\s*(?:eslint(?:-disable(?:-next-line|-line)?|-enable|-env)?|exported|globals?)(?:\s|$)/u;

/** Comments a tool would obey: TypeScript's @ts-ignore/@ts-expect-error/@ts-nocheck, triple-slash references, ESLint directives. */
export function directives(fileName: string, text: string): string[] {
  const { spans, source } = literalSpans(fileName, text);
  const out: string[] = [];
  const internal = source as unknown as { commentDirectives?: { range: ts.TextRange; type: number }[]; checkJsDirective?: unknown };
  for (const d of internal.commentDirectives ?? []) out.push(`${fileName}: TypeScript comment directive: ${text.slice(d.range.pos, d.range.end)}`);
  if (internal.checkJsDirective) out.push(`${fileName}: @ts-check/@ts-nocheck pragma`);
  for (const r of [...source.referencedFiles, ...source.typeReferenceDirectives, ...source.libReferenceDirectives]) out.push(`${fileName}: triple-slash reference ${r.fileName}`);
  for (const s of spans.filter((x) => x.kind === "comment")) {
    const raw = text.slice(s.start, s.end);
    const value = raw.startsWith("//") ? raw.slice(2) : raw.slice(2, -2);
    if (ESLINT_DIRECTIVE.test(value)) out.push(`${fileName}: ESLint directive comment: ${raw.slice(0, 80)}`);
  }
  return out;
}
