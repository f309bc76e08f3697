// formats: validator-only; `string`; "must be a UUID"; a sample of every format the validators implement.
import { describe, expect, test } from "vitest";
import { has, implies, opaque } from "../../generator/keywords/algebra.js";
import { FORMAT_SAMPLES, formats } from "../../generator/keywords/formats.js";
import { alternativeText } from "../../generator/keywords/alternatives.js";
import { formats as implemented } from "../../templates/validation/formats.js";
import { obj, str } from "../helpers/ir.js";
import { expectSameWords, formulaOf, tsOf, witnessAccepted } from "./helpers.js";

describe("formats", () => {
  test("atoms: a format is an opaque check", () => {
    expect(formulaOf({ properties: { s: { format: "uri" } } }, obj({ s: str() }))).toEqual(implies(has(["s"]), opaque(["s"], { format: "uri" })));
  });
  test("TypeScript: a format stays string", () => {
    expect(formats.declaration.unchanged).toBeTruthy();
    expect(tsOf(str({ format: "uuid" }))).toBe("string");
  });
  test("words: the runtime's", () => {
    expectSameWords(formats, ["format"]);
    expect(alternativeText(str({ format: "uri" }))).toBe("a URI");
  });
  test("witness: a sample for every implemented format, accepted by the validators' format", () => {
    expect(Object.keys(FORMAT_SAMPLES).sort()).toEqual(Object.keys(implemented).sort());
    for (const format of Object.keys(implemented)) expect(witnessAccepted(str({ format }))).toBe(FORMAT_SAMPLES[format]);
  });
});

/** RFC 3986's uri and uri-reference as the grammar reads, `*( chars / pct-encoded )` as an alternation (reference). */
function plainUriGrammar(): { uri: RegExp; reference: RegExp } {
  const pct = "%[0-9A-Fa-f]{2}";
  const pchar = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|${pct})`;
  const userinfo = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=:]|${pct})*`;
  const regName = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=]|${pct})*`;
  const ipLiteral = "\\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~!$&'()*+,;=:]+)\\]";
  const abempty = `(?:/${pchar}*)*`;
  const absolute = `/(?:${pchar}+(?:/${pchar}*)*)?`;
  const rootless = `${pchar}+(?:/${pchar}*)*`;
  const noscheme = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=@]|${pct})+(?:/${pchar}*)*`;
  const query = `(?:\\?(?:${pchar}|[/?])*)?`;
  const fragment = `(?:#(?:${pchar}|[/?])*)?`;
  const scheme = "[A-Za-z][A-Za-z0-9+\\-.]*:";
  const authority = `(?:${userinfo}@)?(?:${ipLiteral}|${regName})(?::[0-9]*)?`;
  const hier = `(?://${authority}${abempty}|${absolute}|${rootless}|)`;
  const relative = `(?://${authority}${abempty}|${absolute}|${noscheme}|)`;
  return { uri: new RegExp(`^${scheme}${hier}${query}${fragment}$`), reference: new RegExp(`^(?:${scheme}${hier}|${relative})${query}${fragment}$`) };
}

test("uri and uri-reference: the same verdicts as RFC 3986's grammar written as alternations, on 40,000 strings", () => {
  const plain = plainUriGrammar();
  // Strings of URI-ish characters (fixed seed), each alone and after "https://h", so both grammars see every part.
  const alphabet = ["a", "Z", "0", "9", "%", "%2F", "%G1", "%4", ":", "/", "//", "?", "#", "@", ".", "-", "_", "~", "!", "'", "(", "+", ";", "=", " ", "\\", "^", "é"];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  let accepted = 0;
  let refused = 0;
  for (let i = 0; i < 20000; i++) {
    let s = "";
    for (let n = next() % 12; n > 0; n--) s += alphabet[next() % alphabet.length];
    for (const text of [s, `https://h${s}`]) {
      // Strings with "[" take the IP-literal grammar, kept apart in both: the reference has none of these characters.
      expect(implemented.uri!(text), text).toBe(plain.uri.test(text));
      expect(implemented["uri-reference"]!(text), text).toBe(plain.reference.test(text));
      if (plain.uri.test(text)) accepted++;
      else refused++;
    }
  }
  expect(accepted).toBeGreaterThan(2000);
  expect(refused).toBeGreaterThan(2000);
});
