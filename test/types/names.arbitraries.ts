// fast-check arbitraries for task schemas whose property names are chosen to break identities: names holding the
// separators of dotted paths and JSON Pointers (".", "/", "~"), quotes and spaces, `__proto__` and Object's own
// members, and names equal to identifiers a module emits or imports. Properties are scalars or objects one level
// deep, so a property named "a.b" can sit beside a nested a → b; the rules require or forbid places at both levels.
import fc from "fast-check";

type Schema = Record<string, unknown>;
export type Place = readonly [string] | readonly [string, string];

// Not "": the generated validator is Ajv's code, and Ajv 8.20 compiles `required: [..., ""]` (without allErrors) to
// `… && (missing = "")`, which is falsy, so a missing "" is never reported. A validator bug, left for compile/validator.
export const NAMES = [
  "a", "b", "a.b", "b.a", "a/b", "~0", "~1", "a~b", "__proto__", "constructor", "toString", "x y", " a", "q\"uote", "it's",
  "has:a", "[]", "*", "0", "Task", "TaskCommon", "TaskInput", "TaskMode", "Result", "ClientOptions", "RunwareClient",
  "runwareClient", "result", "taskInput", "clientOptions", "widthHeight", "WidthHeight", "A", "AB",
];
const ENUM = ["p", "q"];

const scalar: fc.Arbitrary<Schema> = fc.constantFrom<Schema>({ type: "string" }, { type: "string", enum: ENUM }, { type: "boolean" });

/** A root property: a scalar, or an object of scalars (closed, sometimes with a rule of its own). */
const property: fc.Arbitrary<Schema> = fc.oneof(
  scalar,
  fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), scalar), { minLength: 1, maxLength: 3, selector: ([n]) => n }).chain((children) => {
    const names = children.map(([n]) => n);
    return fc
      .record({ required: fc.subarray(names, { maxLength: 1 }), rule: fc.option(fc.subarray(names, { minLength: 1, maxLength: Math.min(2, names.length) }), { nil: undefined }) })
      .map(({ required, rule }) => ({
        type: "object",
        additionalProperties: false,
        properties: Object.fromEntries(children),
        ...(required.length ? { required } : {}),
        // Inside the object: one of its children, or (with two) not both.
        ...(rule ? (rule.length === 1 ? { anyOf: [{ required: rule }, { not: { required: rule } }] } : { not: { required: rule } }) : {}),
      }));
  }),
);

/** The places of a schema's properties: root names, and names inside root objects. */
export function placesOf(props: Record<string, Schema>): Place[] {
  return Object.entries(props).flatMap(([n, s]): Place[] => [[n], ...Object.keys((s.properties as Schema | undefined) ?? {}).map((c): Place => [n, c])]);
}
const present = (p: Place): Schema => (p.length === 1 ? { required: [p[0]] } : { required: [p[0]], properties: { [p[0]]: { required: [p[1]] } } });
const absent = (p: Place): Schema => (p.length === 1 ? { not: { required: [p[0]] } } : { properties: { [p[0]]: { not: { required: [p[1]] } } } });
const withEnum = (p: Place, v: string): Schema => (p.length === 1 ? { required: [p[0]], properties: { [p[0]]: { const: v } } } : { required: [p[0]], properties: { [p[0]]: { required: [p[1]], properties: { [p[1]]: { const: v } } } } });

/**
 * Beside the first object property o with a child c, a root property named `o.c` (or `o/c`): the place a dotted
 * path (or a JSON Pointer) of o → c would be mistaken for.
 */
function withTwin(entries: readonly (readonly [string, Schema])[], separator: string | null): (readonly [string, Schema])[] {
  const object = entries.find(([, s]) => s.type === "object");
  const child = object && Object.keys(object[1].properties as Schema)[0];
  if (!separator || !object || child === undefined) return [...entries];
  const twin = `${object[0]}${separator}${child}`;
  return entries.some(([n]) => n === twin) ? [...entries] : [...entries, [twin, { type: "string" }]];
}

/** A random task schema (additionalProperties false) with one to three rules over its places. */
export const taskSchema: fc.Arbitrary<Schema> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...NAMES), property), { minLength: 2, maxLength: 4, selector: ([n]) => n })
  .chain((entries) => fc.constantFrom(".", "/", null).map((twin) => withTwin(entries, twin)))
  .chain((entries) => {
    const props: Record<string, Schema> = {};
    for (const [n, s] of entries) Object.defineProperty(props, n, { value: s, enumerable: true, writable: true, configurable: true });
    const places = placesOf(props);
    const enums = places.filter((p) => {
      const s = p.length === 1 ? props[p[0]] : ((props[p[0]]!.properties as Record<string, Schema>)[p[1]]);
      return Array.isArray(s?.enum);
    });
    const place = fc.constantFrom(...places);
    const condition = fc.oneof(place.map(present), ...(enums.length ? [fc.tuple(fc.constantFrom(...enums), fc.constantFrom(...ENUM)).map(([p, v]) => withEnum(p, v))] : []));
    const rule = fc.oneof(
      fc.uniqueArray(place, { minLength: 2, maxLength: 3, selector: (p) => JSON.stringify(p) }).map((ps) => ({ oneOf: ps.map(present) })),
      fc.uniqueArray(place, { minLength: 2, maxLength: 3, selector: (p) => JSON.stringify(p) }).map((ps) => ({ anyOf: ps.map(present) })),
      fc.tuple(condition, place, fc.boolean()).map(([c, p, require]) => ({ if: c, then: require ? present(p) : absent(p) })),
      fc.tuple(condition, place, place).map(([c, p, q]) => ({ if: c, then: present(p), else: absent(q) })),
    );
    return fc.array(rule, { minLength: 1, maxLength: 3 }).map((rules) => ({ type: "object", additionalProperties: false, properties: props, allOf: rules }));
  });

const WRONG = [1, null, ["x"]];
function valueOf(s: Schema): fc.Arbitrary<unknown> {
  const good = Array.isArray(s.enum) ? fc.constantFrom(...(s.enum as string[])) : s.type === "boolean" ? fc.boolean() : fc.constantFrom("s", "a.b", "");
  return fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: fc.constantFrom(...WRONG), weight: 1 });
}

/** An object with some of the given properties (own properties, `__proto__` included), sometimes an unknown one. */
function objectOf(props: Record<string, Schema>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(props).map(([n, s]) =>
    fc.option(s.type === "object" ? objectOf(s.properties as Record<string, Schema>) : valueOf(s), { nil: undefined, freq: 2 }).map((v) => [n, v] as const),
  );
  const extra = fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: fc.constant("zz"), weight: 1 });
  return fc.tuple(fc.tuple(...entries), extra).map(([kvs, unknown]) => {
    const out: Record<string, unknown> = {};
    for (const [n, v] of kvs) if (v !== undefined) Object.defineProperty(out, n, { value: v, enumerable: true, writable: true, configurable: true });
    if (unknown) out[unknown] = 1;
    return out;
  });
}

/** Random payloads for a task schema: client fields right, the declared properties present or not. */
export function payloadOf(task: Schema, client: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return objectOf(task.properties as Record<string, Schema>).map((p) => ({ ...client, ...p }));
}
