// The real TypeScript compiler, run in-process on a batch of files in one program (fast: one program per batch).
import ts from "typescript";

export const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: false,
  allowJs: true,
  checkJs: false,
  types: [],
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
};

export interface Diagnostic {
  file: string;
  line: number;
  message: string;
}

/**
 * Type-check real files plus in-memory ones (path → text; they may import the real ones).
 * @returns diagnostics with the file they are in
 */
export function typeCheck(realFiles: string[], virtual: Record<string, string> = {}, options: ts.CompilerOptions = STRICT): Diagnostic[] {
  const host = ts.createCompilerHost(options, true);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => f in virtual || fileExists(f);
  host.readFile = (f) => (f in virtual ? virtual[f] : readFile(f));
  host.getSourceFile = (f, lang, onError, create) => (f in virtual ? ts.createSourceFile(f, virtual[f]!, lang, true) : getSourceFile(f, lang, onError, create));
  const program = ts.createProgram([...realFiles, ...Object.keys(virtual)], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return { file: d.file?.fileName ?? "", line: (pos?.line ?? -1) + 1, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") };
  });
}
