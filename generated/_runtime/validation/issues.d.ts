export interface ValidationIssue {
  /** JSON Pointer of the offending place in the payload ("" for the task itself). */
  path: string;
  message: string;
}
/** A message for the errors at or below an Ajv schema path, with placeholders (placeholders.ts) filled when shown. */
export interface RuleMessage {
  schemaPath: string;
  message: string;
  /** Where the issue points when no focus is present ("" when left out: the task). */
  path?: string;
  /** Places the message is about, best first: the issue points at the first one present in the payload. */
  focus?: string[];
}
/** A check JSON Schema cannot express (x-modelgen-rules). */
export interface ExtraRule {
  kind: "sameLength";
  paths: string[];
  message: string;
}
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
/** The value at a JSON Pointer, or undefined. */
export declare function valueAt(data: unknown, pointer: string): unknown;
/** "/inputs/referenceImages/0" → "inputs.referenceImages[0]". */
export declare function pointerText(pointer: string): string;
/**
 * One issue per broken rule: errors at or below a described schema path share that rule's message; other
 * errors get a message from their keyword. Combinator bookkeeping (`if`, the branch errors of a described
 * anyOf) never shows on its own.
 */
export declare function toIssues(
  errors: readonly AjvError[] | null | undefined,
  data: unknown,
  rules: readonly RuleMessage[],
): ValidationIssue[];
/** Checks JSON Schema cannot express, run after the schema validator. */
export declare function checkExtraRules(data: unknown, rules: readonly ExtraRule[]): ValidationIssue[];
