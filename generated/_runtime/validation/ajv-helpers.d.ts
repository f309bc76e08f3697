/** Length of a string in Unicode code points (JSON Schema counts characters, not UTF-16 units). */
export declare function ucs2length(str: string): number;
/** Structural equality of JSON values (for const, enum and uniqueItems). */
export declare function equal(a: unknown, b: unknown): boolean;
/** Module-shaped objects matching what Ajv's standalone code `require`s (it reads `.default`). */
export declare const ajvUcs2length: {
  default: typeof ucs2length;
};
export declare const ajvEqual: {
  default: typeof equal;
};
