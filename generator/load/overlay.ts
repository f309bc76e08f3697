// OpenAPI Overlay Specification 1.0.0 (https://spec.openapis.org/overlay/v1.0.0):
// actions applied in order; `target` is an RFC 9535 JSONPath; `update` merges, `remove` deletes.
import { paths as jsonPaths } from "jsonpath-rfc9535";
import { SpecError } from "../errors.js";

/** Keys of an RFC 9535 normalized path such as $['a'][0]['b\'c']. */
export function normalizedPathKeys(path) {
  const keys = [];
  const re = /\[(?:(\d+)|'((?:[^'\\]|\\.)*)')\]/gy;
  re.lastIndex = 1;
  let m;
  while ((m = re.exec(path))) {
    keys.push(m[1] !== undefined ? Number(m[1]) : JSON.parse(`"${m[2].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`));
  }
  return keys;
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function merge(target, update) {
  if (Array.isArray(target)) return [...target, structuredClone(update)];
  if (!isObject(target) || !isObject(update)) return structuredClone(update);
  const out = { ...target };
  for (const [k, v] of Object.entries(update)) out[k] = k in out && isObject(out[k]) && isObject(v) ? merge(out[k], v) : structuredClone(v);
  return out;
}

function getAt(doc, keys) {
  return keys.reduce((node, k) => node[k], doc);
}

/**
 * Check an overlay document's shape; throws SpecError naming the file and the place.
 * @param {import("./read.js").SourceDoc} overlayDoc
 */
export function checkOverlay(overlayDoc) {
  const o = overlayDoc.value;
  const where = (path) => {
    const loc = overlayDoc.locate(path);
    return loc ? `${loc.line}:${loc.column}` : "/" + path.join("/");
  };
  if (!isObject(o)) throw new SpecError(overlayDoc.file, "1:1", "expected an OpenAPI Overlay document (an object)");
  if (typeof o.overlay !== "string" || !/^1\.0\.\d+$/.test(o.overlay))
    throw new SpecError(overlayDoc.file, where(["overlay"]), `expected \`overlay: 1.0.x\`, found ${JSON.stringify(o.overlay)}`);
  if (!Array.isArray(o.actions) || o.actions.length === 0)
    throw new SpecError(overlayDoc.file, where(["actions"]), "expected `actions`, a non-empty list");
  o.actions.forEach((a, i) => {
    if (!isObject(a) || typeof a.target !== "string")
      throw new SpecError(overlayDoc.file, where(["actions", i]), "expected an action with a `target` JSONPath string");
    if (a.remove !== true && !("update" in a))
      throw new SpecError(overlayDoc.file, where(["actions", i]), "expected the action to have `update` or `remove: true`");
  });
}

/**
 * Apply an overlay to a document value; returns a new value (the input is not changed).
 * An action whose target matches nothing is an error naming the overlay file and the action.
 */
export function applyOverlay(docValue, overlayDoc) {
  checkOverlay(overlayDoc);
  let doc = structuredClone(docValue);
  overlayDoc.value.actions.forEach((action, i) => {
    const loc = overlayDoc.locate(["actions", i, "target"]);
    const where = loc ? `${loc.line}:${loc.column}` : `/actions/${i}`;
    let found;
    try {
      found = jsonPaths(doc, action.target);
    } catch (e) {
      throw new SpecError(overlayDoc.file, where, `actions[${i}].target is not a valid RFC 9535 JSONPath (${e.message.split("\n")[0]})`);
    }
    if (found.length === 0)
      throw new SpecError(overlayDoc.file, where, `actions[${i}] (${action.description ?? action.target}): target ${action.target} matches nothing in the spec`);
    const targets = found.map(normalizedPathKeys);
    if (action.remove === true) {
      // Remove deepest-last-index first so earlier removals do not shift later array targets.
      targets.sort((a, b) => compareForRemoval(a, b));
      for (const keys of targets) {
        if (keys.length === 0) throw new SpecError(overlayDoc.file, where, `actions[${i}]: the document root cannot be removed`);
        const parent = getAt(doc, keys.slice(0, -1));
        const last = keys.at(-1);
        if (Array.isArray(parent)) parent.splice(last, 1);
        else delete parent[last];
      }
    } else {
      for (const keys of targets) {
        if (keys.length === 0) doc = merge(doc, action.update);
        else {
          const parent = getAt(doc, keys.slice(0, -1));
          parent[keys.at(-1)] = merge(parent[keys.at(-1)], action.update);
        }
      }
    }
  });
  return doc;
}

function compareForRemoval(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === "number" && typeof b[i] === "number") return b[i] - a[i];
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return b.length - a.length;
}
