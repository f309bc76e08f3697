export declare function uuidV4(): string;
export declare function isUuid(value: unknown): value is string;
