// Freeze an IR value deeply, in fact and not only by type: objects and arrays through Object.freeze, and Maps by
// copying them into a FrozenMap whose mutators throw (Object.freeze cannot stop Map.prototype.set).

// Map's constructor adds its entries through `set`, before any field of a subclass exists: sealed maps are
// remembered here instead.
const sealed = new WeakSet<object>();

export class FrozenMap<K, V> extends Map<K, V> {
  constructor(entries?: Iterable<readonly [K, V]>) {
    super(entries);
    sealed.add(this);
  }
  override set(key: K, value: V): this {
    if (sealed.has(this)) throw new TypeError("the IR is frozen: a FrozenMap cannot be changed");
    return super.set(key, value);
  }
  override delete(): boolean {
    throw new TypeError("the IR is frozen: a FrozenMap cannot be changed");
  }
  override clear(): void {
    throw new TypeError("the IR is frozen: a FrozenMap cannot be changed");
  }
}

/** Deep-freeze `value`: every reachable object, array and Map (Maps become FrozenMaps, keys and values frozen). */
export function deepFreeze<T>(value: T): T {
  const frozen = freeze(value, new WeakMap());
  // The value and its own values are remembered (not everything below: a WeakSet of every object cost more than
  // the walk it saves), which is what a later deepFreeze of an object made from it by spreading meets first.
  if (frozen !== null && typeof frozen === "object") {
    deeplyFrozen.add(frozen);
    for (const x of frozen instanceof Map ? frozen.values() : Object.values(frozen)) if (x !== null && typeof x === "object") deeplyFrozen.add(x);
  }
  return frozen as T;
}

/**
 * Objects an earlier deepFreeze finished: everything they reach is frozen already, so a later one (analyzeModel's,
 * over the ModelIR it extends) does not walk them again.
 */
const deeplyFrozen = new WeakSet<object>();

function freeze(v: unknown, seen: WeakMap<object, unknown>): unknown {
  if (v === null || typeof v !== "object") return v;
  if (deeplyFrozen.has(v)) return v;
  if (seen.has(v)) return seen.get(v);
  if (v instanceof FrozenMap) {
    seen.set(v, v);
    return v;
  }
  if (v instanceof Map) {
    const entries: [unknown, unknown][] = [...v].map(([k, x]) => [freeze(k, seen), freeze(x, seen)]);
    const sealed = Object.freeze(new FrozenMap(entries));
    seen.set(v, sealed);
    return sealed;
  }
  seen.set(v, v);
  // Shared subtrees (a rule in split.rules and in its group) are frozen once; Maps inside are swapped for FrozenMaps.
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = freeze(o[k], seen);
    if (x !== o[k]) o[k] = x;
  }
  return Object.freeze(o);
}
