export type Redactor = <T>(value: T) => T;
/**
 * Shorter secrets are not redacted (a 1-character "key" would mask that letter everywhere); the
 * client refuses such keys when it is made (options.ts), so every real key is covered.
 */
export declare const MIN_SECRET_LENGTH = 8;
/**
 * A redactor that masks each secret (trimmed, as sent on the wire; raw, percent-encoded or JSON-escaped) in
 * strings, and copies plain objects and arrays with their keys and values masked, however deep (iterative: no stack
 * limit; shared and cyclic references are copied once). Class instances (errors, Headers) pass unchanged.
 */
export declare function createRedactor(secrets: readonly string[]): Redactor;
