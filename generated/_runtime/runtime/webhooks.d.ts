export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;
/** One header's value, by name in any case (the first of repeated values). */
export declare function headerValue(headers: WebhookHeaders, name: string): string | undefined;
