export type Redactor = <T>(value: T) => T;
export declare function createRedactor(secrets: readonly string[]): Redactor;
