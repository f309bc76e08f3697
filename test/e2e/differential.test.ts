// The generated validator and Ajv compiled at run time from the spec agree on every golden payload, and both
// give the verdict the corpus declares (each payload valid, or invalid for one named reason).
import { describe, expect, test } from "vitest";
import path from "node:path";
import { ROOT, fixturesOut, importModel } from "../helpers/generated.js";
import { CORPORA } from "../helpers/corpora.js";

for (const corpus of CORPORA) {
  describe(`${corpus.name}: generated validator vs Ajv on the spec`, async () => {
    const dir = corpus.where === "generated" ? path.join(ROOT, "generated") : fixturesOut();
    const mod = await importModel(dir, corpus.module);
    const reference = corpus.reference();
    for (const group of corpus.groups) {
      for (const t of group.tests) {
        test(`${group.description}: ${t.description}`, () => {
          const expected = { reference: reference(t.data), isTask: mod.isTask(t.data), validateTask: mod.validateTask(t.data).length === 0 };
          expect(expected).toEqual({ reference: t.valid, isTask: t.valid, validateTask: t.valid });
        });
      }
    }
  });
}
