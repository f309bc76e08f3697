// Bad input, named: one error type that says the file, the place (line:column or JSON Pointer) and what was
// expected. The generator and the package's `validate` both throw it; their CLIs print `message` alone (no stack)
// and exit with `exitCode`.

export class SpecError extends Error {
  readonly file: string;
  /** "12:5" or a JSON Pointer such as "/components/schemas/RequestBody"; "" when the whole file is meant. */
  readonly where: string;
  /** What was wrong or what was expected, in words. */
  readonly expected: string;
  readonly exitCode: number;

  constructor(file: string, where: string, expected: string, exitCode = 2) {
    super(`${file}${where ? `:${where}` : ""}: ${expected}`);
    this.name = "SpecError";
    this.file = file;
    this.where = where;
    this.expected = expected;
    this.exitCode = exitCode;
  }
}

/** What a caught file-system error says: its code (`ENOENT`) when it has one, else its message. */
export function systemErrorText(e: unknown): string {
  if (e instanceof Error) return "code" in e && typeof e.code === "string" ? e.code : e.message;
  return String(e);
}


/** A command used wrongly (an unknown option value, no input): printed alone, exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}
