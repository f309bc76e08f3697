export declare function hmacSha256(secret: string | Uint8Array, data: string | Uint8Array): Promise<Uint8Array>;
export declare function bytesToHex(bytes: Uint8Array): string;
/** Decodes hex (either case); undefined when the text is not whole bytes of hex. */
export declare function hexToBytes(hex: string): Uint8Array | undefined;
/** Compares in time independent of where the inputs differ (the length of a MAC is public). */
export declare function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
export declare function hmacSha256Hex(secret: string | Uint8Array, data: string | Uint8Array): Promise<string>;
