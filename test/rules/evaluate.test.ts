// The one evaluator of the rules' semantics (rules/evaluate.ts) against a plain two-valued reading written here,
// on random formulas over presence, value and opaque atoms (fixed seed): under a total assignment simplify gives
// the reference's TRUE or FALSE; under a partial one its residual agrees with the formula on every extension,
// truthOf decides only what every extension decides, and binding all at once equals binding one at a time (the
// search's step); diff's verdict on a payload is the reference's value of that payload.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { evaluate, simplify, truthOf } from "../../generator/rules/evaluate.js";
import { verdictOn } from "../../generator/diff/rules.js";
import { and, eq, has, not, opaque, or } from "../../generator/keywords/algebra.js";
import { OTHER } from "../../generator/ir/types.js";
import type { Formula, Json, Value } from "../../generator/ir/types.js";

const SEED = 20_261_207;
const RUNS = 300;

const A = has(["a"]);
const AC = has(["a", "c"]);
const B = has(["b"]);
const MX = eq(["m"], "x");
const MY = eq(["m"], "y");
const OP = opaque(["b"], { minimum: 1 });
/** Every variable with its domain (m's value: the two mentioned values and OTHER). */
const DOMAINS: readonly (readonly [string, readonly Value[]])[] = [
  [A.key, [true, false]],
  [AC.key, [true, false]],
  [B.key, [true, false]],
  [MX.presence, [true, false]],
  [MX.key, ["x", "y", OTHER]],
  [OP.key, [true, false]],
];

const formula: fc.Arbitrary<Formula> = fc.letrec<{ f: Formula }>((tie) => ({
  f: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<Formula>(A, AC, B, MX, MY, OP),
    fc.array(tie("f"), { minLength: 1, maxLength: 3 }).map(and),
    fc.array(tie("f"), { minLength: 1, maxLength: 3 }).map(or),
    tie("f").map(not),
  ),
})).f;

/** The reference: a formula's value under a total assignment. */
function reference(f: Formula, asg: ReadonlyMap<string, Value>): boolean {
  switch (f.t) {
    case "true":
      return true;
    case "false":
      return false;
    case "and":
      return f.xs.every((x) => reference(x, asg));
    case "or":
      return f.xs.some((x) => reference(x, asg));
    case "not":
      return !reference(f.x, asg);
    case "has":
    case "opaque":
      return asg.get(f.key) === true;
    case "eq":
      return asg.get(f.presence) === true && asg.get(f.key) === f.value;
  }
}

/** Does the formula mention the variable? */
const mentions = (f: Formula, key: string): boolean =>
  f.t === "and" || f.t === "or" ? f.xs.some((x) => mentions(x, key)) : f.t === "not" ? mentions(f.x, key) : f.t === "true" || f.t === "false" ? false : f.key === key;

/** Every total assignment. */
const totals: ReadonlyMap<string, Value>[] = DOMAINS.reduce<Map<string, Value>[]>(
  (acc, [key, domain]) => acc.flatMap((m) => domain.map((v) => new Map(m).set(key, v))),
  [new Map()],
);
/** A partial assignment: each variable bound (to one of its values) or left free. */
const partial: fc.Arbitrary<Map<string, Value>> = fc
  .tuple(...DOMAINS.map(([, domain]) => fc.option(fc.constantFrom(...domain), { nil: undefined })))
  .map((vs) => new Map(DOMAINS.flatMap(([key], i) => (vs[i] === undefined ? [] : [[key, vs[i]] as [string, Value]]))));
const extends_ = (t: ReadonlyMap<string, Value>, p: ReadonlyMap<string, Value>) => [...p].every(([k, v]) => t.get(k) === v);

describe(`the one evaluator (seed ${SEED}, ${RUNS} formulas)`, () => {
  test("under a total assignment, simplify gives the reference's value", () => {
    let n = 0;
    fc.assert(
      fc.property(formula, (f) => {
        for (const t of totals) {
          n++;
          expect(simplify(f, t)).toEqual(reference(f, t) ? { t: "true" } : { t: "false" });
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(n).toBe(RUNS * totals.length);
  });

  test("under a partial assignment: the residual agrees on every extension, truthOf decides only what they all decide, one pass equals one binding at a time", () => {
    let decided = 0;
    let open = 0;
    fc.assert(
      fc.property(formula, partial, (f, p) => {
        const residual = simplify(f, p);
        const values = new Set(totals.filter((t) => extends_(t, p)).map((t) => (expect(reference(residual, t)).toBe(reference(f, t)), reference(f, t))));
        const truth = truthOf(f, (k) => p.get(k));
        if (truth === "open") open++;
        else {
          decided++;
          expect([...values]).toEqual([truth === "true"]);
        }
        // The search's step: the residual so far under one more binding (with the earlier ones still readable).
        let stepwise = f;
        const bound = new Map<string, Value>();
        for (const [key, value] of p) {
          stepwise = evaluate(stepwise, (k) => (k === key ? value : bound.get(k)));
          bound.set(key, value);
        }
        expect(stepwise).toEqual(residual);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(decided + open).toBe(RUNS);
    expect(decided).toBeGreaterThan(RUNS / 10);
    expect(open).toBeGreaterThan(RUNS / 10);
  });

  test("diff's verdict on a payload, when it gives one, is the reference's value whatever the opaque check says; without an opaque atom it always gives one", () => {
    let n = 0;
    let defined = 0;
    fc.assert(
      fc.property(formula, (f) => {
        // The opaque variable is what the payload cannot decide: one payload per assignment of the others.
        for (const t of totals.filter((t) => t.get(OP.key) === true)) {
          // A payload that holds this assignment: a.c only inside a, m's OTHER as a value no rule mentions.
          if (t.get(AC.key) && !t.get(A.key)) continue;
          const payload: Record<string, Json> = {};
          if (t.get(A.key)) payload.a = t.get(AC.key) ? { c: 1 } : {};
          if (t.get(B.key)) payload.b = 1;
          if (t.get(MX.presence)) payload.m = t.get(MX.key) === OTHER ? "z" : (t.get(MX.key) as Json);
          const verdict = verdictOn(f, payload);
          const withOpaque = [true, false].map((o) => reference(f, new Map(t).set(OP.key, o)));
          if (verdict !== undefined) (expect(withOpaque).toEqual([verdict, verdict]), defined++);
          if (!mentions(f, OP.key)) expect(verdict).toBe(withOpaque[0]);
          n++;
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(n).toBe(RUNS * totals.filter((t) => !(t.get(AC.key) && !t.get(A.key))).length / 2);
    expect(defined).toBeGreaterThan(n / 4);
  });
});
