// The Task types are sound and exact on structure: every payload the validator accepts compiles as
// `const t: Task = <payload>`, and every payload it rejects for a structural reason (a required or forbidden
// property, a const/enum value, a JSON type, an unknown property) does not. One tsc program for all payloads.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { ROOT, fixturesOut } from "../helpers/generated.js";
import { CORPORA } from "../helpers/corpora.js";
import { typeCheck } from "../helpers/tsc.js";

const cases: { id: string; corpus: string; description: string; valid: boolean; structural: boolean; file: string; text: string }[] = [];
for (const corpus of CORPORA) {
  const dir = corpus.where === "generated" ? path.join(ROOT, "generated") : fixturesOut();
  const moduleFile = path.join(dir, corpus.module, "index.js");
  corpus.groups.forEach((g, gi) =>
    g.tests.forEach((t, ti) => {
      if (!t.valid && !t.structural) return; // non-structural checks (ranges, lengths, patterns) are the validator's job
      const file = path.join(ROOT, "test/.out/types", corpus.module.replace(/\//g, "_"), `case-${gi}-${ti}.ts`);
      const text = `import type { Task } from ${JSON.stringify(moduleFile)};\nexport const t: Task = ${JSON.stringify(t.data, null, 2)};\n`;
      cases.push({ id: `${corpus.name} › ${g.description} › ${t.description}`, corpus: corpus.name, description: t.description, valid: t.valid, structural: !!t.structural, file, text });
    }),
  );
}

describe("Task types against the golden payloads", () => {
  const diagnostics = typeCheck([], Object.fromEntries(cases.map((c) => [c.file, c.text])));
  const errorsIn = (file: string) => diagnostics.filter((d) => d.file === file);
  for (const c of cases) {
    test(`${c.valid ? "compiles" : "rejected"}: ${c.id}`, () => {
      const errors = errorsIn(c.file).map((d) => `${d.line}: ${d.message.split("\n")[0]}`);
      if (c.valid) expect(errors).toEqual([]);
      else expect(errors.length, "a structurally invalid payload must not compile").toBeGreaterThan(0);
    });
  }
});
