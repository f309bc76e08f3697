// Task identifiers: Runware requires a client-chosen UUID v4 per task (RFC 9562 §5.4).

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidV4(): string {
  return globalThis.crypto.randomUUID();
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_RE.test(value);
}
