// The cover of a case split made small and readable: cubes widened while the others still cover what they
// dropped, cubes that others cover dropped. Coverage decides "is every assignment extending d covered?".
import { stableStringify } from "../json.js";
import { truthOf } from "./evaluate.js";
import { atomsOf } from "./formula.js";
import { domainOf } from "./search.js";
import { OTHER } from "../ir/types.js";
import type { Cube, Formula, Value, Variable } from "../ir/types.js";

/** A cube's identity: its variables in sorted order with their values. */
function cubeKey(cube: Cube): string {
  const keys = [...cube.keys()].sort();
  let out = "";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = cube.get(k);
    out += `${i === 0 ? "" : "|"}${k}=${v === OTHER ? "*other*" : v === true ? "true" : v === false ? "false" : stableStringify(v)}`;
  }
  return out;
}

function subsumes(a: Cube, b: Cube): boolean {
  for (const [k, v] of a) if (!b.has(k) || b.get(k) !== v) return false;
  return true;
}

/**
 * Coverage of assignments by a fixed list of cubes, for `minimize`: is every structural assignment extending `d`
 * covered by some cube (or impossible by declaration)? Splits `d` on the variables the cubes fix until each piece
 * is decided. Cubes and assignments are dense (variable index → domain index, -1 free); the answer depends on `d`
 * alone (a piece's relevant cubes are the list's cubes compatible with it), so it is memoized per list. Sets of
 * cubes are bitsets: per variable and value, the cubes compatible with it (made when first asked), and per
 * variable the cubes that fix it, so that a piece's relevant cubes are a few word-wise ANDs instead of a pass over
 * every cube (minimize asks thousands of pieces of a Wan-sized split's two hundred cubes). An assignment's memo key
 * is a number (each variable a digit: free, or its value index + 1) while the digits fit in a double; a piece is
 * made by setting one variable of `d` and unsetting it after, not by a copy.
 */
class Coverage {
  private readonly order: Variable[];
  private readonly index = new Map<string, number>();
  /** Per variable: its domain, then any other value a cube holds (compared by identity, never split on). */
  private readonly values: Value[][];
  /** Per cube, per variable: the value index it fixes, or -1. */
  private readonly fixed: Int32Array[];
  private readonly memo = new Map<number | string, boolean>();
  /** 32-bit words per bitset of cubes. */
  private readonly words: number;
  private readonly all: Uint32Array;
  /** Per variable: the cubes that fix it. */
  private readonly fixers: Uint32Array[];
  /** Per variable, per value index: the cubes that leave it free or fix it to that value. */
  private readonly compat: Uint32Array[][];
  /** The variables the background mentions, and whether it is false, by their values (pieces share them). */
  private readonly backgroundVars: number[];
  private readonly backgroundFalse = new Map<number | string, boolean>();
  /** Per variable: its digit's weight in a numeric key; null once keys are strings (see keyOf). */
  private weights: Float64Array | null;
  /** Scratch: the cubes that fix a variable `d` leaves free (read before decide recurses, so one is enough). */
  private readonly free: Uint32Array;
  /** Up to 32 variables: per cube, the variables it fixes as bits (bit i: variable i); else null. */
  private readonly masks: Int32Array | null;

  constructor(
    cubes: readonly Cube[],
    vars: ReadonlyMap<string, Variable>,
    private readonly background: Formula,
  ) {
    this.order = [...vars.values()].filter((v) => v.kind !== "opaque");
    this.order.forEach((v, i) => this.index.set(v.key, i));
    this.values = this.order.map((v) => [...domainOf(v)]);
    this.fixed = cubes.map((c) => {
      const row = new Int32Array(this.order.length).fill(-1);
      for (const [k, v] of c) {
        const i = this.index.get(k);
        if (i === undefined) throw new Error("a cube fixes a variable that is not in the split");
        row[i] = this.valueIndex(i, v);
      }
      return row;
    });
    this.words = Math.ceil(cubes.length / 32);
    this.all = new Uint32Array(this.words);
    this.free = new Uint32Array(this.words);
    for (let ci = 0; ci < cubes.length; ci++) this.all[ci >>> 5]! |= 1 << (ci & 31);
    this.fixers = this.order.map((_, i) => {
      const bits = new Uint32Array(this.words);
      this.fixed.forEach((row, ci) => {
        if (row[i]! >= 0) bits[ci >>> 5]! |= 1 << (ci & 31);
      });
      return bits;
    });
    this.compat = this.order.map(() => []);
    this.masks = this.order.length <= 32 ? Int32Array.from(this.fixed, (row) => row.reduce((m, at, i) => (at >= 0 ? m | (1 << i) : m), 0)) : null;
    this.backgroundVars = [...atomsOf(background).keys()].flatMap((k) => {
      const i = this.index.get(k);
      return i === undefined ? [] : [i];
    });
    // Digits in base (values + 1), as many values as each variable holds now; numbers while the largest key is exact.
    this.weights = new Float64Array(this.order.length);
    let weight = 1;
    for (let i = 0; i < this.order.length; i++) {
      this.weights[i] = weight;
      weight *= this.values[i]!.length + 1;
    }
    if (weight > Number.MAX_SAFE_INTEGER) this.weights = null;
  }

  private valueIndex(i: number, v: Value): number {
    const vs = this.values[i]!;
    const at = vs.indexOf(v);
    if (at >= 0) return at;
    // A value first seen after the key's digits were fixed (an assignment asked about, not a cube): from then on
    // keys are strings, one code unit per variable while they hold, else joined numbers.
    if (this.weights) {
      this.weights = null;
      this.memo.clear();
      this.backgroundFalse.clear();
    }
    if (vs.length >= 0xfffe && !this.wide) {
      this.wide = true;
      this.memo.clear();
      this.backgroundFalse.clear();
    }
    return vs.push(v) - 1;
  }

  /** Whether some variable has more values than a string key's code unit holds. */
  private wide = false;

  /** The memo's key of an assignment: a number (see weights), else one code unit per variable (free is -1, 0xFFFF). */
  private keyOf(d: Int32Array): number | string {
    const weights = this.weights;
    if (weights) {
      let key = 0;
      for (let i = 0; i < d.length; i++) key += (d[i]! + 1) * weights[i]!;
      return key;
    }
    return this.wide ? d.join(",") : String.fromCharCode.apply(null, d as unknown as number[]);
  }

  /** The cubes compatible with variable i holding value index a. */
  private compatible(i: number, a: number): Uint32Array {
    const row = this.compat[i]!;
    let bits = row[a];
    if (bits === undefined) {
      bits = new Uint32Array(this.words);
      this.fixed.forEach((f, ci) => {
        const at = f[i]!;
        if (at < 0 || at === a) bits![ci >>> 5]! |= 1 << (ci & 31);
      });
      row[a] = bits;
    }
    return bits;
  }

  /** The dense assignment of a cube: -1 for each variable it leaves free. */
  dense(d: Cube): Int32Array {
    const dense = new Int32Array(this.order.length).fill(-1);
    for (const [k, v] of d) {
      const i = this.index.get(k);
      // A variable no cube can fix: the old map-based check treated it the same way (never split on, never compared).
      if (i !== undefined) dense[i] = this.valueIndex(i, v);
    }
    return dense;
  }

  /** The variable index of a key (undefined for an opaque variable). */
  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  covers(d: Cube): boolean {
    return this.coversDense(this.dense(d));
  }

  /**
   * `covers`, by the cubes of the list that `use` marks (by position) instead of all of them: what a Coverage of
   * those cubes alone answers (the answer never depends on the others, nor on the order of the cubes), without
   * making one. The memo holds answers for one set of cubes: it starts empty.
   */
  coversWith(d: Cube, use: readonly boolean[]): boolean {
    const cubes = new Uint32Array(this.words);
    use.forEach((u, ci) => {
      if (u) cubes[ci >>> 5]! |= 1 << (ci & 31);
    });
    this.memo.clear();
    return this.covered(this.dense(d), cubes);
  }

  /** `covers` of a dense assignment (left as it was). */
  coversDense(d: Int32Array): boolean {
    return this.covered(d, this.all);
  }

  /** `fresh`: the variable a piece set, when `cubes` are already the ones compatible with the rest of `d`; else -1. */
  private covered(d: Int32Array, cubes: Uint32Array, fresh = -1): boolean {
    const key = this.keyOf(d);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const answer = this.decide(d, cubes, fresh);
    this.memo.set(key, answer);
    return answer;
  }

  private decide(d: Int32Array, cubes: Uint32Array, fresh: number): boolean {
    // The background is false or not by the values of the variables it mentions alone.
    const weights = this.weights;
    let bgKey: number | string;
    if (weights) {
      bgKey = 0;
      for (const i of this.backgroundVars) bgKey += (d[i]! + 1) * weights[i]!;
    } else {
      bgKey = "";
      for (const i of this.backgroundVars) bgKey += `${d[i]},`;
    }
    let impossible = this.backgroundFalse.get(bgKey);
    if (impossible === undefined) {
      const get = (k: string): Value | undefined => {
        const i = this.index.get(k);
        const at = i === undefined ? -1 : d[i]!;
        return at < 0 ? undefined : this.values[i!]![at];
      };
      impossible = truthOf(this.background, get) === "false";
      this.backgroundFalse.set(bgKey, impossible);
    }
    if (impossible) return true;
    // The relevant cubes: compatible with every value `d` fixes (a piece's cubes are its parent's relevant ones:
    // only the variable it set is new). One of them is inside `d` when it fixes no variable that `d` leaves free.
    const relevant = cubes.slice();
    if (fresh >= 0) {
      const bits = this.compatible(fresh, d[fresh]!);
      for (let w = 0; w < this.words; w++) relevant[w]! &= bits[w]!;
    } else {
      for (let i = 0; i < d.length; i++) {
        const at = d[i]!;
        if (at < 0) continue;
        const bits = this.compatible(i, at);
        for (let w = 0; w < this.words; w++) relevant[w]! &= bits[w]!;
      }
    }
    let split = -1;
    const masks = this.masks;
    if (masks) {
      // Up to 32 variables: each relevant cube's fixed variables as a mask, in one pass over the relevant cubes.
      // The split is the first variable in branching order that `d` leaves free and some relevant cube fixes.
      let fixedInD = 0;
      for (let i = 0; i < d.length; i++) if (d[i]! >= 0) fixedInD |= 1 << i;
      let union = 0;
      let any = false;
      for (let w = 0; w < this.words; w++) {
        for (let word = relevant[w]!; word !== 0; word &= word - 1) {
          any = true;
          const outside = masks[(w << 5) + 31 - Math.clz32(word & -word)]! & ~fixedInD;
          if (outside === 0) return true;
          union |= outside;
        }
      }
      if (!any) return false;
      split = 31 - Math.clz32(union & -union);
    } else {
      const free = this.free;
      free.fill(0);
      for (let i = 0; i < d.length; i++) {
        if (d[i]! >= 0) continue;
        const bits = this.fixers[i]!;
        for (let w = 0; w < this.words; w++) free[w]! |= bits[w]!;
      }
      let any = false;
      for (let w = 0; w < this.words; w++) {
        if (relevant[w] === 0) continue;
        any = true;
        if ((relevant[w]! & ~free[w]!) !== 0) return true;
      }
      if (!any) return false;
      // Some relevant cube fixes a variable `d` leaves free (else one is inside): split on the first in branching order.
      for (let i = 0; i < d.length && split < 0; i++) {
        if (d[i]! >= 0) continue;
        const bits = this.fixers[i]!;
        for (let w = 0; w < this.words; w++)
          if ((relevant[w]! & bits[w]!) !== 0) {
            split = i;
            break;
          }
      }
    }
    if (split < 0) throw new Error("a cube fixes a variable that is not in the split");
    const size = domainOf(this.order[split]!).length;
    // Each piece is `d` with the split variable set; it is unset again before returning.
    let answer = true;
    for (let value = 0; value < size && answer; value++) {
      d[split] = value;
      answer = this.covered(d, relevant, split);
    }
    d[split] = -1;
    return answer;
  }
}

/**
 * Make the cover small and readable: free every variable a cube does not need (the cube stays inside the
 * union), then drop cubes the others already cover. Deterministic: cubes and variables in a fixed order.
 */
export function minimize(cubes: readonly Cube[], vars: ReadonlyMap<string, Variable>, background: Formula): Cube[] {
  let list = dedupeKeyed(cubes)
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ c }) => c);
  const universe = new Coverage(list, vars, background);
  list = list.map((c) => {
    // Free each variable in turn on one dense copy of the cube; a variable stays freed while the union covers it.
    const dense = universe.dense(c);
    let freed: Set<string> | null = null;
    for (const v of vars.values()) {
      if (!c.has(v.key)) continue;
      const i = universe.indexOf(v.key);
      if (i === undefined) continue; // an opaque variable: never in a cube (projected out), never compared
      const held = dense[i]!;
      dense[i] = -1;
      if (universe.coversDense(dense)) (freed ??= new Set()).add(v.key);
      else dense[i] = held;
    }
    return freed === null ? c : new Map([...c].filter(([k]) => !freed.has(k)));
  });
  list = dedupe(list);
  list = list.filter((c) => !list.some((o) => o !== c && o.size < c.size && subsumes(o, c)));
  // From the last cube to the first: drop it when the cubes still kept cover it. One Coverage of the list, asked
  // with the kept cubes but this one as the cubes it may use.
  const all = new Coverage(list, vars, background);
  const kept = list.map(() => true);
  let left = list.length;
  for (let i = list.length - 1; i >= 0; i--) {
    kept[i] = false;
    if (left > 1 && all.coversWith(list[i]!, kept)) left--;
    else kept[i] = true;
  }
  return list.filter((_, i) => kept[i]);
}

/** dedupe's cubes, each with its key. */
function dedupeKeyed(cubes: readonly Cube[]): { c: Cube; key: string }[] {
  const seen = new Map<string, Cube>();
  for (const c of cubes) seen.set(cubeKey(c), c);
  return [...seen].map(([key, c]) => ({ c, key }));
}

function dedupe(cubes: readonly Cube[]): Cube[] {
  const seen = new Map<string, Cube>();
  for (const c of cubes) seen.set(cubeKey(c), c);
  return [...seen.values()];
}
