// isTask runs the first-error guard (Ajv's default compile of the task schema, its errors dropped); validateTask
// runs the all-errors validator. The two are separate compilations in validator.js, so they are checked against
// each other: on every golden payload of every corpus, and on payloads made from them by fixed mutations (each
// top-level property removed, set to values of other types, out-of-range numbers and strings; an unknown property
// added; the payload as objects that are not plain: null prototype, class instances, inherited properties, own
// `constructor` / `__proto__` keys), the guard, the all-errors validator, isTask and validateTask agree on validity.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, fixturesOut, importModel } from "../helpers/generated.js";
import { CORPORA } from "../helpers/corpora.js";

/** Values a property is set to in the mutations: other JSON types, edges of numbers and strings. */
const REPLACEMENTS: unknown[] = [null, true, 0, -1, 1.5, 1e9, "", "x".repeat(3000), [], [1], {}, { a: 1 }];

/** An instance of a class: own properties copied from `o`, its prototype not Object.prototype. */
class Instance {
  constructor(o: Record<string, unknown>) {
    Object.assign(this, o);
  }
}

/** A class whose prototype holds `o`'s properties as getters: none of them is the instance's own. */
function withInheritedGetters(o: Record<string, unknown>): object {
  const proto: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) Object.defineProperty(proto, k, { get: () => v, enumerable: true });
  return Object.create(proto) as object;
}

/**
 * Objects that are not plain, or whose keys Object.prototype also has: the guard compiled without ownProperties
 * hands these to the all-errors validator, and must answer as it does. `o` as a null-prototype object, a class
 * instance, an object inheriting all of `o`'s properties (as values or getters), with an own `constructor`,
 * `toString` or `__proto__` key, and with each object-valued property so replaced one level down.
 */
function shapes(o: Record<string, unknown>): unknown[] {
  const ownProto = JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(o).slice(1)}`) as unknown;
  const out: unknown[] = [
    Object.assign(Object.create(null) as object, o),
    new Instance(o),
    Object.create(o) as object,
    withInheritedGetters(o),
    { ...o, constructor: 1 },
    { ...o, toString: "x" },
    ownProto,
  ];
  for (const [key, v] of Object.entries(o)) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) continue;
    const inner = v as Record<string, unknown>;
    out.push({ ...o, [key]: Object.assign(Object.create(null) as object, inner) }, { ...o, [key]: new Instance(inner) }, { ...o, [key]: Object.create(inner) as object });
  }
  return out;
}

/** The payload itself and, when it is an object, its mutations (fixed, so the count is known). */
function cases(data: unknown): unknown[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [data];
  const o = data as Record<string, unknown>;
  const out: unknown[] = [data, { ...o, unknownProperty: 1 }, ...shapes(o)];
  for (const key of Object.keys(o)) {
    const { [key]: _dropped, ...rest } = o;
    out.push(rest);
    for (const v of REPLACEMENTS) out.push({ ...o, [key]: v });
  }
  return out;
}

const counts = { golden: 0, checked: 0, valid: 0, invalid: 0, notPlain: 0, looseModules: 0 };
const expectedGolden = CORPORA.reduce((n, c) => n + c.groups.reduce((m, g) => m + g.tests.length, 0), 0);

for (const corpus of CORPORA) {
  describe(`${corpus.name}: the guard and the all-errors validator agree`, async () => {
    const dir = corpus.where === "generated" ? path.join(ROOT, "generated") : fixturesOut();
    const mod = await importModel(dir, corpus.module);
    const validatorFile = path.join(dir, corpus.module, "validator.js");
    const validator = await import(pathToFileURL(validatorFile).href);
    if (/\bajvGuard\b/.test(readFileSync(validatorFile, "utf8"))) counts.looseModules++;
    test(`${corpus.groups.reduce((n, g) => n + g.tests.length, 0)} golden payloads and their mutations`, () => {
      const disagreements: unknown[] = [];
      for (const group of corpus.groups) {
        for (const t of group.tests) {
          counts.golden++;
          for (const payload of cases(t.data)) {
            const verdicts = { guard: validator.guard(payload) as boolean, validate: validator.validate(payload) as boolean, isTask: mod.isTask(payload) as boolean, validateTask: mod.validateTask(payload).length === 0 };
            counts.checked++;
            if (payload !== null && typeof payload === "object" && !Array.isArray(payload) && Object.getPrototypeOf(payload) !== Object.prototype) counts.notPlain++;
            if (verdicts.validateTask) counts.valid++;
            else counts.invalid++;
            if (verdicts.guard !== verdicts.validate || verdicts.isTask !== verdicts.validateTask) disagreements.push({ case: `${group.description}: ${t.description}`, payload, verdicts });
          }
        }
      }
      expect(disagreements).toEqual([]);
    });
  });
}

test("every golden payload was checked, with enough valid and invalid mutations for the comparison to mean something", () => {
  expect(expectedGolden).toBeGreaterThan(300);
  expect(counts.golden).toBe(expectedGolden);
  expect(counts.checked).toBeGreaterThan(10 * expectedGolden);
  expect(counts.valid).toBeGreaterThan(300);
  expect(counts.invalid).toBeGreaterThan(3000);
  expect(counts.notPlain).toBeGreaterThanOrEqual(4 * expectedGolden);
  // The guard compiled without ownProperties (behind the runtime's ajvGuard) is what most of them ship.
  expect(counts.looseModules).toBeGreaterThan(CORPORA.length / 2);
});
