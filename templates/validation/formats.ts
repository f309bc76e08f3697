// String formats for generated validators (JSON Schema 2020-12 §7.3), stricter than ajv-formats where the JSON
// Schema Test Suite shows it is loose: no `urn:uuid:` prefix on uuid, RFC 3986 grammar for uri.
// Each is a plain function so generated validators import them instead of compiling anything at run time.

const HEX2 = "%[0-9A-Fa-f]{2}";
/**
 * RFC 3986's `*( chars / pct-encoded )`, written as `[chars]*(?:%HH[chars]*)*`: the same strings (% is never one of
 * the chars), and a regular expression engine walks it without trying alternatives at each character (about
 * twice as fast on a URL as `(?:[chars]|%HH)*`).
 */
const star = (chars: string) => `[${chars}]*(?:${HEX2}[${chars}]*)*`;
/** One or more: `1*( chars / pct-encoded )`. */
const plus = (chars: string) => `(?:[${chars}]|${HEX2})${star(chars)}`;
const PCHAR = "A-Za-z0-9\\-._~!$&'()*+,;=:@";
const USERINFO = star("A-Za-z0-9\\-._~!$&'()*+,;=:");
const REG_NAME = star("A-Za-z0-9\\-._~!$&'()*+,;=");
// IPv6 (RFC 3986 §3.2.2): eight 16-bit pieces, "::" for a run of zeros, an IPv4 address (no leading zeros) last.
const H16 = "[0-9A-Fa-f]{1,4}";
const DEC_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
const LS32 = `(?:${H16}:${H16}|${DEC_OCTET}(?:\\.${DEC_OCTET}){3})`;
const IPV6 = [
  `(?:${H16}:){6}${LS32}`,
  `::(?:${H16}:){5}${LS32}`,
  `(?:${H16})?::(?:${H16}:){4}${LS32}`,
  `(?:(?:${H16}:){0,1}${H16})?::(?:${H16}:){3}${LS32}`,
  `(?:(?:${H16}:){0,2}${H16})?::(?:${H16}:){2}${LS32}`,
  `(?:(?:${H16}:){0,3}${H16})?::${H16}:${LS32}`,
  `(?:(?:${H16}:){0,4}${H16})?::${LS32}`,
  `(?:(?:${H16}:){0,5}${H16})?::${H16}`,
  `(?:(?:${H16}:){0,6}${H16})?::`,
].join("|");
const IP_LITERAL = `\\[(?:${IPV6}|v[0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~!$&'()*+,;=:]+)\\]`;
const PATH_ABEMPTY = `(?:/${star(PCHAR)})*`;
const PATH_ABSOLUTE = `/(?:${plus(PCHAR)}(?:/${star(PCHAR)})*)?`;
const PATH_ROOTLESS = `${plus(PCHAR)}(?:/${star(PCHAR)})*`;
const PATH_NOSCHEME = `${plus("A-Za-z0-9\\-._~!$&'()*+,;=@")}(?:/${star(PCHAR)})*`;
const QUERY = `(?:\\?${star(`${PCHAR}/?`)})?`;
const FRAGMENT = `(?:#${star(`${PCHAR}/?`)})?`;
const SCHEME = "[A-Za-z][A-Za-z0-9+\\-.]*:";

/** The uri and uri-reference grammars, with `host` as the authority's host. */
function uriPatterns(host: string): { uri: string; reference: string } {
  const authority = `(?:${USERINFO}@)?${host}(?::[0-9]*)?`;
  const hier = `(?://${authority}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)`;
  const relative = `(?://${authority}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_NOSCHEME}|)`;
  return { uri: `^${SCHEME}${hier}${QUERY}${FRAGMENT}$`, reference: `^(?:${SCHEME}${hier}|${relative})${QUERY}${FRAGMENT}$` };
}

// The IP-literal host costs tens of milliseconds to compile (the IPv6 alternatives), on first use, in every
// process. Only a string with a "[" can match it, so the grammar without it decides every other string, and the
// full grammar is compiled the first time a "[" comes.
const COMMON = uriPatterns(REG_NAME);
const URI_COMMON = new RegExp(COMMON.uri);
const URI_REFERENCE_COMMON = new RegExp(COMMON.reference);
let full: { uri: RegExp; reference: RegExp } | undefined;
function fullGrammar(): { uri: RegExp; reference: RegExp } {
  if (!full) {
    const p = uriPatterns(`(?:${IP_LITERAL}|${REG_NAME})`);
    full = { uri: new RegExp(p.uri), reference: new RegExp(p.reference) };
  }
  return full;
}

const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const HOSTNAME = /^(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

export function date(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap(y) ? 29 : DAYS[mo]!);
}

export function time(s: string): boolean {
  const m = TIME.exec(s);
  if (!m) return false;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = Number(m[3]);
  if (m[5] !== undefined && (Number(m[5]) > 23 || Number(m[6]) > 59)) return false;
  if (h > 23 || mi > 59) return false;
  if (sec <= 59) return true;
  if (sec !== 60) return false;
  // A leap second is valid only at 23:59:60 UTC.
  const offset = m[4] === undefined ? 0 : (m[4] === "+" ? 1 : -1) * (Number(m[5]) * 60 + Number(m[6]));
  const utc = (((h * 60 + mi - offset) % 1440) + 1440) % 1440;
  return utc === 23 * 60 + 59;
}

export function dateTime(s: string): boolean {
  const i = s.search(/[Tt]/);
  return i === 10 && date(s.slice(0, 10)) && time(s.slice(11));
}

export const uuid = (s: string): boolean => UUID.test(s);
export const uri = (s: string): boolean => URI_COMMON.test(s) || (s.includes("[") && fullGrammar().uri.test(s));
export const uriReference = (s: string): boolean => URI_REFERENCE_COMMON.test(s) || (s.includes("[") && fullGrammar().reference.test(s));
export const email = (s: string): boolean => EMAIL.test(s);
export const hostname = (s: string): boolean => HOSTNAME.test(s);
export const ipv4 = (s: string): boolean => IPV4.test(s);

/** The formats generated validators support, by their JSON Schema name. */
export const formats: Record<string, (s: string) => boolean> = {
  uuid,
  uri,
  "uri-reference": uriReference,
  "date-time": dateTime,
  date,
  time,
  email,
  hostname,
  ipv4,
};
