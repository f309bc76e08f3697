// Finding a model by id, for the generated registry's loadModel and for `validate`: own ids only (a registry's
// `models` has no prototype, so `constructor` is no model), and for an unknown id, the closest known ids.

/** Levenshtein distance (two rows: the previous one and the one being filled). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const row = [i + 1];
    for (let j = 0; j < b.length; j++) row.push(Math.min((prev[j + 1] ?? 0) + 1, (row[j] ?? 0) + 1, (prev[j] ?? 0) + (a[i] === b[j] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The `n` ids nearest to `id` (its first 200 characters: a huge id costs little), nearest first, ties by id. */
export function closestIds(id: string, ids: readonly string[], n = 3): string[] {
  const a = String(id).slice(0, 200);
  return ids
    .map((x) => [distance(a, x), x] as const)
    .sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1))
    .slice(0, n)
    .map(([, x]) => x);
}

/** Raised (as loadModel's rejection) for an id that no generated model has; `closest` are the nearest ids. */
export class UnknownModelError extends Error {
  readonly code = "unknownModel" as const;
  /** The id asked for, as given. */
  readonly modelId: unknown;
  /** The nearest known ids (at most three), nearest first. */
  readonly closest: string[];
  constructor(modelId: unknown, closest: string[]) {
    super(`unknown model ${JSON.stringify(String(modelId))}; the closest known ids: ${closest.join(", ") || "none (the registry is empty)"}`);
    this.name = "UnknownModelError";
    this.modelId = modelId;
    this.closest = closest;
  }
}

/**
 * The registry's loadModel over its loaders (id → the import of that model's module, made when first asked): a
 * known id's module, or a rejection with an UnknownModelError naming the closest ids.
 */
export function modelLoader<M>(loaders: ReadonlyMap<string, () => Promise<M>>, ids: readonly string[]): (id: unknown) => Promise<M> {
  return async (id) => {
    const load = typeof id === "string" ? loaders.get(id) : undefined;
    if (!load) throw new UnknownModelError(id, closestIds(String(id), ids));
    return load();
  };
}
