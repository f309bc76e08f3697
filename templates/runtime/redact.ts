// Keeps the API key out of everything the runtime hands back: error messages, copied
// API error items, causes. Servers and proxies sometimes echo credentials in messages.

export type Redactor = <T>(value: T) => T;

const MASK = "[redacted]";

export function createRedactor(secrets: readonly string[]): Redactor {
  const active = secrets.filter((s) => s.length > 0);
  const text = (s: string): string => active.reduce((acc, secret) => acc.split(secret).join(MASK), s);
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return text(value);
    if (depth > 8 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[text(k)] = walk(v, depth + 1);
    return out;
  };
  return <T>(value: T): T => (active.length === 0 ? value : (walk(value, 0) as T));
}
