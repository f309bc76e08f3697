export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;
export declare function createLimiter(n: number): Limiter;
