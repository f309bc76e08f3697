export declare function date(s: string): boolean;
export declare function time(s: string): boolean;
export declare function dateTime(s: string): boolean;
export declare const uuid: (s: string) => boolean;
export declare const uri: (s: string) => boolean;
export declare const uriReference: (s: string) => boolean;
export declare const email: (s: string) => boolean;
export declare const hostname: (s: string) => boolean;
export declare const ipv4: (s: string) => boolean;
/** The formats generated validators support, by their JSON Schema name. */
export declare const formats: Record<string, (s: string) => boolean>;
