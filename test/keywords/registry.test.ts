// The registry: every keyword the pipeline accepts (ir/build.ts KNOWN_KEYWORDS) is owned by exactly one family,
// or listed as an annotation or as a keyword no family models; every constraint word is one family's.
import { describe, expect, test } from "vitest";
import { ANNOTATIONS, FAMILIES, UNMODELLED, familyOf } from "../../generator/keywords/index.js";
import { CONSTRAINT_ORDER, WORDS } from "../../templates/validation/words.js";
import { KNOWN_KEYWORDS } from "../../generator/ir/build.js";

const knownKeywords = (): string[] => [...KNOWN_KEYWORDS];

describe("the keyword registry", () => {
  test("every accepted keyword has exactly one home", () => {
    const known = knownKeywords();
    expect(known.length).toBeGreaterThan(60);
    for (const k of known) {
      const owners = FAMILIES.filter((f) => f.keywords.includes(k)).map((f) => f.name);
      const homes = [...owners, ...(ANNOTATIONS.has(k) ? ["annotation"] : []), ...(UNMODELLED.has(k) ? ["unmodelled"] : [])];
      expect(homes, k).toHaveLength(1);
    }
  });
  test("the registry names no keyword the pipeline does not accept", () => {
    const known = new Set(knownKeywords());
    for (const k of [...FAMILIES.flatMap((f) => f.keywords), ...ANNOTATIONS, ...UNMODELLED]) expect(known.has(k), k).toBe(true);
    for (const f of FAMILIES) for (const k of f.keywords) expect(familyOf(k)).toBe(f);
  });
  test("every constraint keyword of the runtime's words is one family's, with the runtime's function", () => {
    expect(Object.keys(WORDS).sort()).toEqual([...CONSTRAINT_ORDER].sort());
    for (const k of CONSTRAINT_ORDER) {
      const owners = FAMILIES.filter((f) => k in f.words.predicates);
      expect(owners.map((f) => f.name), k).toHaveLength(1);
      expect(owners[0]?.words.predicates[k]).toBe(WORDS[k]);
      expect(owners[0]?.keywords).toContain(k);
    }
  });
  test("each family either contributes TypeScript or says why it leaves it alone", () => {
    for (const f of FAMILIES) expect(Boolean(f.declaration.type ?? f.declaration.kinds ?? f.declaration.unchanged), f.name).toBe(true);
  });
});
