// What the emitters and analysis read off a split the same way: a mode's representative cube and its key, the
// reading order of paired properties. Functions of IR values only.
import { stableStringify } from "../json.js";
import type { Cube, Value, Variant } from "./types.js";

/** The representative cube of a mode: its presence facts and its first allowed value combination. */
export function modeCube(variant: Variant): Cube {
  return new Map<string, Value>([...variant.presence, ...(variant.tuples[0] ?? new Map<string, Value>())]);
}

/** A cube as a key (entries sorted): how AnalyzedIR.modeWitnesses is looked up. */
export function modeKey(cube: Cube): string {
  return [...cube]
    .map(([k, v]) => `${k}=${typeof v === "symbol" ? "*other*" : stableStringify(v)}`)
    .sort()
    .join("|");
}

/** Conventional reading order for paired properties, whatever order a spec (or a rule's branch) lists them in. */
const PAIRS = [["width", "height"], ["x", "y"], ["min", "max"], ["start", "end"]] as const;
export function displayOrder<T>(keys: Iterable<T>, leaf: (k: T) => unknown = (k) => k): T[] {
  return [...keys].sort((a, b) => {
    for (const [first, second] of PAIRS) {
      if (leaf(a) === first && leaf(b) === second) return -1;
      if (leaf(a) === second && leaf(b) === first) return 1;
    }
    return 0;
  });
}
