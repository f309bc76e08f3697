// HMAC-SHA256 (RFC 2104) over raw bytes with WebCrypto, plus a constant-time comparison,
// for verifying webhook signatures.
const encoder = new TextEncoder();
/** Copies into a fresh ArrayBuffer-backed view, the only BufferSource WebCrypto's typings accept everywhere. */
function toBytes(data) {
  const source = typeof data === "string" ? encoder.encode(data) : data;
  const out = new Uint8Array(new ArrayBuffer(source.byteLength));
  out.set(source);
  return out;
}
export async function hmacSha256(secret, data) {
  const key = await globalThis.crypto.subtle.importKey(
    "raw",
    toBytes(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, toBytes(data)));
}
export function bytesToHex(bytes) {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
/** Decodes hex (either case); undefined when the text is not whole bytes of hex. */
export function hexToBytes(hex) {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
/** Compares in time independent of where the inputs differ (the length of a MAC is public). */
export function timingSafeEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
export async function hmacSha256Hex(secret, data) {
  return bytesToHex(await hmacSha256(secret, data));
}
