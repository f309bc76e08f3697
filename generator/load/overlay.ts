// OpenAPI Overlay Specification 1.0.0 (https://spec.openapis.org/overlay/v1.0.0):
// actions applied in order; `target` is an RFC 9535 JSONPath; `update` merges, `remove` deletes.
import { paths as jsonPaths, type JsonValue } from "jsonpath-rfc9535";
import { SpecError } from "../errors.js";
import type { SourceDocument } from "../ir/types.js";
import { isPlain } from "../json.js";

/** One action, as checkOverlay found it. */
export interface OverlayAction {
  readonly target: string;
  readonly description?: unknown;
  readonly update?: unknown;
  readonly remove?: unknown;
}

/** An overlay document, as checkOverlay found it. */
export interface Overlay {
  readonly overlay: string;
  readonly actions: readonly OverlayAction[];
}

type Key = string | number;

/** Keys of an RFC 9535 normalized path such as $['a'][0]['b\'c']. */
export function normalizedPathKeys(path: string): Key[] {
  const keys: Key[] = [];
  const re = /\[(?:(\d+)|'((?:[^'\\]|\\.)*)')\]/gy;
  re.lastIndex = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    const [, index, name = ""] = m;
    keys.push(index !== undefined ? Number(index) : JSON.parse(`"${name.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`));
  }
  return keys;
}

function merge(target: unknown, update: unknown): unknown {
  if (Array.isArray(target)) return [...target, structuredClone(update)];
  if (!isPlain(target) || !isPlain(update)) return structuredClone(update);
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(update)) out[k] = k in out && isPlain(out[k]) && isPlain(v) ? merge(out[k], v) : structuredClone(v);
  return out;
}

/** The object or array at `keys`; the keys came from a JSONPath match in `doc`, so every step exists. */
function containerAt(doc: unknown, keys: readonly Key[]): Record<string, unknown> | unknown[] {
  let node = doc;
  for (const k of keys) node = Array.isArray(node) ? node[Number(k)] : isPlain(node) ? node[k] : undefined;
  if (!isPlain(node) && !Array.isArray(node)) throw new Error(`overlay: nothing to change at ${JSON.stringify(keys)}`);
  return node;
}

/** Check an overlay document's shape; throws SpecError naming the file and the place. */
export function checkOverlay(overlayDoc: SourceDocument): Overlay {
  const o = overlayDoc.value;
  const where = (path: readonly Key[]): string => {
    const loc = overlayDoc.locate(path);
    return loc ? `${loc.line}:${loc.column}` : "/" + path.join("/");
  };
  if (!isPlain(o)) throw new SpecError(overlayDoc.file, "1:1", "expected an OpenAPI Overlay document (an object)");
  if (typeof o.overlay !== "string" || !/^1\.0\.\d+$/.test(o.overlay))
    throw new SpecError(overlayDoc.file, where(["overlay"]), `expected \`overlay: 1.0.x\`, found ${JSON.stringify(o.overlay)}`);
  if (!Array.isArray(o.actions) || o.actions.length === 0)
    throw new SpecError(overlayDoc.file, where(["actions"]), "expected `actions`, a non-empty list");
  const actions = o.actions.map((a: unknown, i): OverlayAction => {
    if (!isPlain(a) || typeof a.target !== "string")
      throw new SpecError(overlayDoc.file, where(["actions", i]), "expected an action with a `target` JSONPath string");
    if (a.remove !== true && !("update" in a))
      throw new SpecError(overlayDoc.file, where(["actions", i]), "expected the action to have `update` or `remove: true`");
    return { ...a, target: a.target };
  });
  return { overlay: o.overlay, actions };
}

/**
 * Apply an overlay to a document value; returns a new value (the input is not changed).
 * An action whose target matches nothing is an error naming the overlay file and the action.
 */
export function applyOverlay(docValue: unknown, overlayDoc: SourceDocument): unknown {
  const { actions } = checkOverlay(overlayDoc);
  let doc = structuredClone(docValue);
  actions.forEach((action, i) => {
    const loc = overlayDoc.locate(["actions", i, "target"]);
    const where = loc ? `${loc.line}:${loc.column}` : `/actions/${i}`;
    let found: string[];
    try {
      // The document was parsed from JSON or YAML text, so it is a JSON value.
      found = jsonPaths(doc as JsonValue, action.target);
    } catch (e) {
      throw new SpecError(overlayDoc.file, where, `actions[${i}].target is not a valid RFC 9535 JSONPath (${(e instanceof Error ? e.message : String(e)).split("\n")[0]})`);
    }
    if (found.length === 0)
      throw new SpecError(overlayDoc.file, where, `actions[${i}] (${String(action.description ?? action.target)}): target ${action.target} matches nothing in the spec`);
    const targets = found.map(normalizedPathKeys);
    if (action.remove === true) {
      // Remove deepest-last-index first so earlier removals do not shift later array targets.
      targets.sort((a, b) => compareForRemoval(a, b));
      for (const keys of targets) {
        const last = keys.at(-1);
        if (last === undefined) throw new SpecError(overlayDoc.file, where, `actions[${i}]: the document root cannot be removed`);
        const parent = containerAt(doc, keys.slice(0, -1));
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
      }
    } else {
      for (const keys of targets) {
        const last = keys.at(-1);
        if (last === undefined) doc = merge(doc, action.update);
        else {
          const parent = containerAt(doc, keys.slice(0, -1));
          if (Array.isArray(parent)) parent[Number(last)] = merge(parent[Number(last)], action.update);
          else parent[last] = merge(parent[last], action.update);
        }
      }
    }
  });
  return doc;
}

function compareForRemoval(a: readonly Key[], b: readonly Key[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return y - x;
    return String(x) < String(y) ? -1 : 1;
  }
  return b.length - a.length;
}
