/** One key as a pointer token. */
export declare const escapeToken: (key: string | number) => string;
/** One pointer token as the key it stands for ("~1" before "~0", so "~01" is "~1"). */
export declare const unescapeToken: (token: string) => string;
/** The pointer of a list of keys: ["a/b", 0] → "/a~1b/0". */
export declare const pointerOf: (keys: readonly (string | number)[]) => string;
/** The keys of a pointer (a leading "#" of a URI fragment allowed): "/a~1b/0" → ["a/b", "0"]. */
export declare function tokensOf(pointer: string): string[];
/**
 * A JSON Pointer into a schema as Ajv writes it in an error's `schemaPath`: a URI fragment, each token
 * percent-encoded ("/properties/a b" → "#/properties/a%20b"). Rule messages are keyed by it.
 */
export declare const schemaPathOf: (pointer: string) => string;
