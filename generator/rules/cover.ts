// The cover of a case split made small and readable: cubes widened while the others still cover what they
// dropped, cubes that others cover dropped. Coverage decides "is every assignment extending d covered?".
import { stableStringify } from "../json.js";
import { truthOf } from "./evaluate.js";
import { domainOf } from "./search.js";
import { OTHER } from "../ir/types.js";
import type { Cube, Formula, Value, Variable } from "../ir/types.js";

const cubeKey = (cube: Cube, skip?: string): string =>
  [...cube]
    .filter(([k]) => k !== skip)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v === OTHER ? "*other*" : stableStringify(v)}`)
    .join("|");

function subsumes(a: Cube, b: Cube): boolean {
  for (const [k, v] of a) if (!b.has(k) || b.get(k) !== v) return false;
  return true;
}

/**
 * Coverage of assignments by a fixed list of cubes, for `minimize`: is every structural assignment extending `d`
 * covered by some cube (or impossible by declaration)? Splits `d` on the variables the cubes fix until each piece
 * is decided. Cubes and assignments are dense (variable index → domain index, -1 free); the answer depends on `d`
 * alone (a piece's relevant cubes are the list's cubes compatible with it), so it is memoized per list.
 */
class Coverage {
  private readonly order: Variable[];
  private readonly index = new Map<string, number>();
  /** Per variable: its domain, then any other value a cube holds (compared by identity, never split on). */
  private readonly values: Value[][];
  private readonly cubes: { readonly pos: Int32Array; readonly val: Int32Array }[];
  private readonly memo = new Map<string, boolean>();
  private readonly all: number[];

  constructor(
    cubes: readonly Cube[],
    vars: ReadonlyMap<string, Variable>,
    private readonly background: Formula,
  ) {
    this.order = [...vars.values()].filter((v) => v.kind !== "opaque");
    this.order.forEach((v, i) => this.index.set(v.key, i));
    this.values = this.order.map((v) => [...domainOf(v)]);
    this.cubes = cubes.map((c) => {
      const pos: number[] = [];
      const val: number[] = [];
      for (const [k, v] of c) {
        const i = this.index.get(k);
        if (i === undefined) throw new Error("a cube fixes a variable that is not in the split");
        pos.push(i);
        val.push(this.valueIndex(i, v));
      }
      return { pos: Int32Array.from(pos), val: Int32Array.from(val) };
    });
    this.all = this.cubes.map((_, i) => i);
  }

  private valueIndex(i: number, v: Value): number {
    const vs = this.values[i]!;
    const at = vs.indexOf(v);
    return at >= 0 ? at : vs.push(v) - 1;
  }

  covers(d: Cube): boolean {
    const dense = new Int32Array(this.order.length).fill(-1);
    for (const [k, v] of d) {
      const i = this.index.get(k);
      // A variable no cube can fix: the old map-based check treated it the same way (never split on, never compared).
      if (i !== undefined) dense[i] = this.valueIndex(i, v);
    }
    return this.covered(dense, this.all);
  }

  private covered(d: Int32Array, cubes: readonly number[]): boolean {
    const key = d.join(",");
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const answer = this.decide(d, cubes);
    this.memo.set(key, answer);
    return answer;
  }

  private decide(d: Int32Array, cubes: readonly number[]): boolean {
    const get = (k: string): Value | undefined => {
      const i = this.index.get(k);
      const at = i === undefined ? -1 : d[i]!;
      return at < 0 ? undefined : this.values[i!]![at];
    };
    if (truthOf(this.background, get) === "false") return true;
    const relevant: number[] = [];
    let inside = false;
    for (const ci of cubes) {
      const { pos, val } = this.cubes[ci]!;
      let compatible = true;
      let fixed = true;
      for (let j = 0; j < pos.length; j++) {
        const at = d[pos[j]!]!;
        if (at < 0) fixed = false;
        else if (at !== val[j]) {
          compatible = false;
          break;
        }
      }
      if (!compatible) continue;
      relevant.push(ci);
      if (fixed) inside = true;
    }
    if (relevant.length === 0) return false;
    if (inside) return true;
    // Some relevant cube fixes a variable `d` leaves free (else `inside`): split on the first in branching order.
    let split = -1;
    for (const ci of relevant) for (const p of this.cubes[ci]!.pos) if (d[p]! < 0 && (split < 0 || p < split)) split = p;
    if (split < 0) throw new Error("a cube fixes a variable that is not in the split");
    const size = domainOf(this.order[split]!).length;
    for (let value = 0; value < size; value++) {
      const piece = d.slice();
      piece[split] = value;
      if (!this.covered(piece, relevant)) return false;
    }
    return true;
  }
}

/**
 * Make the cover small and readable: free every variable a cube does not need (the cube stays inside the
 * union), then drop cubes the others already cover. Deterministic: cubes and variables in a fixed order.
 */
export function minimize(cubes: readonly Cube[], vars: ReadonlyMap<string, Variable>, background: Formula): Cube[] {
  let list = dedupe(cubes)
    .map((c) => ({ c, key: cubeKey(c) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ c }) => c);
  const universe = new Coverage(list, vars, background);
  list = list.map((c) => {
    let cube = c;
    for (const v of vars.values()) {
      if (!cube.has(v.key)) continue;
      const wider = new Map(cube);
      wider.delete(v.key);
      if (universe.covers(wider)) cube = wider;
    }
    return cube;
  });
  list = dedupe(list);
  list = list.filter((c) => !list.some((o) => o !== c && o.size < c.size && subsumes(o, c)));
  for (let i = list.length - 1; i >= 0; i--) {
    const cube = list[i];
    const others = list.filter((_, j) => j !== i);
    if (cube && others.length && new Coverage(others, vars, background).covers(cube)) list = others;
  }
  return list;
}

function dedupe(cubes: readonly Cube[]): Cube[] {
  const seen = new Map<string, Cube>();
  for (const c of cubes) seen.set(cubeKey(c), c);
  return [...seen.values()];
}
