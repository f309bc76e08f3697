// JSON Pointer (RFC 6901), written once for the generator and the runtime: in a token "~" is "~0" and "/" is "~1".

/** One key as a pointer token. */
export const escapeToken = (key: string | number): string => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

/** One pointer token as the key it stands for ("~1" before "~0", so "~01" is "~1"). */
export const unescapeToken = (token: string): string => token.replace(/~1/g, "/").replace(/~0/g, "~");

/** The pointer of a list of keys: ["a/b", 0] → "/a~1b/0". */
export const pointerOf = (keys: readonly (string | number)[]): string => keys.map((k) => `/${escapeToken(k)}`).join("");

/** The keys of a pointer (a leading "#" of a URI fragment allowed): "/a~1b/0" → ["a/b", "0"]. */
export function tokensOf(pointer: string): string[] {
  if (pointer === "" || pointer === "#") return [];
  return pointer.replace(/^#/, "").split("/").slice(1).map(unescapeToken);
}

/**
 * A JSON Pointer into a schema as Ajv writes it in an error's `schemaPath`: a URI fragment, each token
 * percent-encoded ("/properties/a b" → "#/properties/a%20b"). Rule messages are keyed by it.
 */
export const schemaPathOf = (pointer: string): string => `#${pointer.split("/").map(encodeURIComponent).join("/")}`;
