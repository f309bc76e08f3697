// What every provider's webhooks share: the headers as given (a Fetch API Headers or Node's record of values) and
// one header read from them. Each provider's webhook lives in its folder (runware/webhook.ts, runflow/webhook.ts,
// fal/webhook.ts).

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** One header's value, by name in any case (the first of repeated values). */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null) throw new TypeError("the webhook headers must be a Headers object or a record of header values");
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
