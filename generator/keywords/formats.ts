// format (JSON Schema 2020-12 §7, with the format-assertion vocabulary: the validators check every format they
// implement, templates/validation/formats.ts): left to the validator; the type stays `string`; a sample per format.
import { WORDS, formatWords } from "../../templates/validation/words.js";
import type { KeywordFamily } from "./family.js";

const SAMPLE_UUID = "0d84f171-2e54-4c07-836e-05788795736d";
/** A value of each format the validators implement. */
export const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  uuid: SAMPLE_UUID,
  uri: "https://example.com/asset.png",
  "uri-reference": "https://example.com/asset.png",
  "date-time": "2026-01-01T00:00:00Z",
  date: "2026-01-01",
  time: "00:00:00Z",
  email: "user@example.com",
  hostname: "example.com",
  ipv4: "127.0.0.1",
};

export const formats: KeywordFamily = {
  name: "formats",
  section: "§7 vocabularies for semantic content with format",
  keywords: ["format"],
  declaration: { unchanged: "a format stays `string`: it is the validator's job" },
  words: {
    predicates: { format: WORDS.format },
    alternative: (b) => (typeof b.format === "string" ? formatWords(b.format) : undefined),
  },
  witness: {
    sample: (schema, ctx) => (ctx.type === "string" && typeof schema.format === "string" ? FORMAT_SAMPLES[schema.format] || undefined : undefined),
  },
};
