// Keeps the API key out of everything the runtime hands back: error messages, copied
// API error items, causes. Servers and proxies sometimes echo credentials in messages.
const MASK = "[redacted]";
export function createRedactor(secrets) {
  const active = secrets.filter((s) => s.length > 0);
  const text = (s) => active.reduce((acc, secret) => acc.split(secret).join(MASK), s);
  const walk = (value, depth) => {
    if (typeof value === "string") return text(value);
    if (depth > 8 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    const out = {};
    for (const [k, v] of Object.entries(value)) out[text(k)] = walk(v, depth + 1);
    return out;
  };
  return (value) => (active.length === 0 ? value : walk(value, 0));
}
