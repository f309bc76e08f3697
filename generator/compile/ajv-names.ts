// Ajv's code optimiser, made linear. After generating a validator's code, Ajv's CodeGen.optimize counts how often
// each name is used in the code tree (`names`, to drop unused constants and inline the ones read once). Its getter
// on every block node builds a fresh map and copies each child's map into it, so every name is copied once per
// level it is nested in: on a deep task schema (Wan 2.7's allOf / if / oneOf) that counting was about a third of
// each compile. `useLinearNames` replaces the getter of Ajv's block nodes (ParentNode) with one that adds every
// node below into one map: the same counts, so the same optimisation and byte-for-byte the same code
// (test/compile/ajv-names.test.ts compiles real schemas both ways). Ajv is pinned (package.json): the fields read
// below are its 8.x code nodes', and the test fails first if a version changes them.
import { CodeGen } from "ajv/dist/compile/codegen/index.js";
import * as codeModule from "ajv/dist/compile/codegen/code.js";

// Ajv is CommonJS: under Node's ESM loader the namespace's `default` is `module.exports`.
const code = ((codeModule as unknown as { default?: typeof codeModule }).default ?? codeModule) as typeof codeModule;

type Names = Record<string, number | undefined>;
/** The fields of Ajv's code nodes (compile/codegen/index.js) that hold names, by the node class that has them. */
interface CodeNode {
  readonly names: Names;
  readonly nodes?: readonly CodeNode[];
  readonly condition?: unknown; // If
  readonly else?: CodeNode; // If
  readonly iteration?: { readonly names: Names }; // ForLoop
  readonly iterable?: { readonly names: Names }; // ForIter
  readonly from?: unknown; // ForRange
  readonly to?: unknown; // ForRange
  readonly catch?: CodeNode; // Try
  readonly finally?: CodeNode; // Try
}

function add(into: Names, from: Names): void {
  for (const n in from) into[n] = (into[n] || 0) + (from[n] || 0);
}

function addExpression(into: Names, expression: unknown): void {
  if (expression instanceof code._CodeOrName) add(into, expression.names);
}

/** The ParentNode prototype (Root's parent class) and its own `names` getter. */
function parentNode(): { proto: object; names: () => Names } | null {
  const root: unknown = (new CodeGen(undefined as never) as unknown as { _root: unknown })._root;
  const proto: unknown = root && Object.getPrototypeOf(Object.getPrototypeOf(root));
  const getter = proto ? Object.getOwnPropertyDescriptor(proto, "names")?.get : undefined;
  return proto && getter ? { proto: proto as object, names: getter as () => Names } : null;
}

const parent = parentNode();
const isParent = (node: CodeNode): boolean => parent !== null && parent.proto.isPrototypeOf(node);

/** What `node.names` answers (its subtree's names, as its class's getter counts them), added into `into`. */
function addNamesOf(into: Names, node: CodeNode): void {
  if (!isParent(node)) return add(into, node.names);
  for (const child of node.nodes ?? []) addNamesOf(into, child);
  // What the block classes' getters add to their children's names (If, ForLoop, ForRange, ForIter, Try).
  if ("condition" in node) {
    addExpression(into, node.condition);
    if (node.else) addNamesOf(into, node.else);
  }
  if ("iteration" in node && node.iteration) add(into, node.iteration.names);
  if ("iterable" in node && node.iterable) add(into, node.iterable.names);
  if ("from" in node) {
    addExpression(into, node.from);
    addExpression(into, node.to);
  }
  if ("catch" in node && node.catch) addNamesOf(into, node.catch);
  if ("finally" in node && node.finally) addNamesOf(into, node.finally);
}

function linearNames(this: CodeNode): Names {
  const names: Names = {};
  for (const child of this.nodes ?? []) addNamesOf(names, child);
  return names;
}

/** Ajv's block nodes count names in one pass (on) or as Ajv wrote it (off: the tests compare the two). */
export function useLinearNames(on: boolean): void {
  if (!parent) return;
  Object.defineProperty(parent.proto, "names", { configurable: true, enumerable: false, get: on ? linearNames : parent.names });
}
