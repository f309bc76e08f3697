// The variants of a group of rules: its cubes merged by their presence facts, so that one variant is one mode
// of the task (what it requires and forbids), and the value combinations the mode allows are its tuples.
import type { Cube, Value, Variant } from "../ir/types.js";

/** A group's cubes grouped by presence (in first-seen order), each with the value tuple of every cube in it. */
export function variantsOf(group: { readonly cubes: readonly Cube[] }): Omit<Variant, "reasons">[] {
  const byPresence = new Map<string, { presence: Map<string, boolean>; tuples: Cube[]; cubes: Cube[] }>();
  for (const cube of group.cubes) {
    const presence: [string, boolean][] = [];
    const values: [string, Value][] = [];
    for (const [k, v] of cube) {
      // Presence variables only ever take true or false (their domain).
      if (k.startsWith("has:")) presence.push([k, v === true]);
      else if (k.startsWith("eq:")) values.push([k, v]);
    }
    presence.sort(([a], [b]) => (a < b ? -1 : 1));
    const key = presence.map(([k, v]) => `${k}=${v}`).join("|");
    let variant = byPresence.get(key);
    if (!variant) byPresence.set(key, (variant = { presence: new Map(presence), tuples: [], cubes: [] }));
    variant.tuples.push(new Map(values));
    variant.cubes.push(cube);
  }
  return [...byPresence.values()];
}
