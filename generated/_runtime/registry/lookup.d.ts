/** The `n` ids nearest to `id` (its first 200 characters: a huge id costs little), nearest first, ties by id. */
export declare function closestIds(id: string, ids: readonly string[], n?: number): string[];
/** Raised (as loadModel's rejection) for an id that no generated model has; `closest` are the nearest ids. */
export declare class UnknownModelError extends Error {
  readonly code: "unknownModel";
  /** The id asked for, as given. */
  readonly modelId: unknown;
  /** The nearest known ids (at most three), nearest first. */
  readonly closest: string[];
  constructor(modelId: unknown, closest: string[]);
}
/**
 * The registry's loadModel over its loaders (id → the import of that model's module, made when first asked): a
 * known id's module, or a rejection with an UnknownModelError naming the closest ids.
 */
export declare function modelLoader<M>(
  loaders: ReadonlyMap<string, () => Promise<M>>,
  ids: readonly string[],
): (id: unknown) => Promise<M>;
