// templates:registry/lookup.js
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const row = [i + 1];
    for (let j = 0; j < b.length; j++)
      row.push(Math.min((prev[j + 1] ?? 0) + 1, (row[j] ?? 0) + 1, (prev[j] ?? 0) + (a[i] === b[j] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length] ?? 0;
}
function closestIds(id, ids, n = 3) {
  const a = String(id).slice(0, 200);
  return ids
    .map((x) => [distance(a, x), x])
    .sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1))
    .slice(0, n)
    .map(([, x]) => x);
}
var UnknownModelError = class extends Error {
  code = "unknownModel";
  /** The id asked for, as given. */
  modelId;
  /** The nearest known ids (at most three), nearest first. */
  closest;
  constructor(modelId, closest) {
    super(
      `unknown model ${JSON.stringify(String(modelId))}; the closest known ids: ${closest.join(", ") || "none (the registry is empty)"}`,
    );
    this.name = "UnknownModelError";
    this.modelId = modelId;
    this.closest = closest;
  }
};
function modelLoader(loaders, ids) {
  return async (id) => {
    const load = typeof id === "string" ? loaders.get(id) : void 0;
    if (!load) throw new UnknownModelError(id, closestIds(String(id), ids));
    return load();
  };
}
export { UnknownModelError, closestIds, modelLoader };
