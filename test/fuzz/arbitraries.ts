// fast-check arbitraries for the fuzz test: random task schemas built from the keywords Runware specs use, and random
// payloads derived from a schema's properties: careful ones (every value one its property accepts) and rough ones
// (wrong types, missing and unknown properties).
import fc from "fast-check";

type Schema = Record<string, unknown>;

const NAMES = ["a", "b", "c", "d", "e", "f"];
const WORDS = ["red", "green", "blue", "x y", "*/", "720p", ""];

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const stringSchema = fc
  .record({ minLength: opt(fc.integer({ min: 0, max: 3 })), maxLength: opt(fc.integer({ min: 1, max: 6 })), pattern: opt(fc.constantFrom("^[a-z]+$", "^x", "[0-9]", "^.{2}$")) })
  .map((r) => clean({ type: "string", ...r }));
const integerSchema = fc.record({ minimum: opt(fc.integer({ min: -2, max: 4 })), maximum: opt(fc.integer({ min: 3, max: 10 })) }).map((r) => clean({ type: "integer", ...r }));
const enumSchema = fc.oneof(
  fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((e) => ({ type: "string", enum: e })),
  fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }).map((e) => ({ type: "integer", enum: e })),
);
const constSchema = fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 3 }), fc.boolean()).map((v) => ({ const: v }));
const arraySchema = fc
  .record({
    items: fc.oneof(fc.constant({ type: "string" }), fc.constant({ type: "integer" }), enumSchema),
    minItems: opt(fc.integer({ min: 0, max: 2 })),
    maxItems: opt(fc.integer({ min: 1, max: 4 })),
  })
  .map((r) => clean({ type: "array", ...r }));

/** One declared property's schema. */
export const propertySchema: fc.Arbitrary<Schema> = fc.oneof(stringSchema, integerSchema, fc.constant({ type: "boolean" }), enumSchema, constSchema, arraySchema);

/** The values a property can only take, when it has few: const, enum, boolean. */
export function literalsOf(s: Schema): unknown[] | undefined {
  if ("const" in s) return [s.const];
  if (Array.isArray(s.enum)) return s.enum;
  if (s.type === "boolean") return [true, false];
  return undefined;
}

/** A random task schema (without the client fields, added by `taskSpec`). */
export const taskSchema: fc.Arbitrary<Schema> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...NAMES), propertySchema), { minLength: 1, maxLength: 6, selector: ([n]) => n })
  .chain((entries) => {
    const props = Object.fromEntries(entries);
    const names = Object.keys(props);
    const literal = names.filter((n) => literalsOf(props[n]!)?.length);
    const cond = literal.length
      ? fc.constantFrom(...literal).chain((p) => fc.constantFrom(...literalsOf(props[p]!)!).map((v) => ({ properties: { [p]: { const: v } }, required: [p] })))
      : fc.constantFrom(...names).map((p) => ({ required: [p] }));
    const consequence = fc.oneof(
      fc.subarray(names, { minLength: 1, maxLength: Math.min(2, names.length) }).map((r) => ({ required: r })),
      fc.constantFrom(...names).map((r) => ({ not: { required: [r] } })),
    );
    const ifThen = fc.record({ if: cond, then: consequence, else: opt(consequence) }).map(clean);
    const tuples =
      literal.length >= 2
        ? fc
            .subarray(literal, { minLength: 2, maxLength: 2 })
            .chain(([p, q]) =>
              fc
                .uniqueArray(fc.tuple(fc.constantFrom(...literalsOf(props[p!]!)!), fc.constantFrom(...literalsOf(props[q!]!)!)), { minLength: 1, maxLength: 3, selector: (t) => JSON.stringify(t) })
                .chain((pairs) =>
                  fc.boolean().map((req) => pairs.map(([v, w]) => clean({ properties: { [p!]: { const: v }, [q!]: { const: w } }, required: req ? [p, q] : undefined }))),
                ),
            )
        : fc.constant(undefined);
    return fc
      .record({
        required: fc.subarray(names),
        additionalProperties: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(undefined), weight: 1 }),
        allOf: opt(fc.array(ifThen, { minLength: 1, maxLength: 3 })),
        dependentRequired:
          names.length < 2 ? fc.constant(undefined) : opt(fc.constantFrom(...names).chain((p) => fc.subarray(names.filter((n) => n !== p), { minLength: 1 }).map((qs) => ({ [p]: qs })))),
        oneOf: opt(tuples),
        anyOf: opt(fc.subarray(names, { minLength: 1, maxLength: Math.min(3, names.length) }).map((ns) => ns.map((n) => ({ required: [n] })))),
      })
      .map((r) => clean({ type: "object", properties: props, ...r, oneOf: r.oneOf ?? undefined }));
  });

/** The task schema as a Runware-shaped OpenAPI 3.1 spec with its own model id. */
export function taskSpec(task: Schema, modelId: string) {
  const properties = { taskType: { const: "x" }, taskUUID: { type: "string" }, model: { const: modelId }, ...(task.properties as Schema) };
  const items = { ...task, properties, required: ["taskType", "taskUUID", "model", ...((task.required as string[]) ?? [])] };
  return {
    openapi: "3.1.0",
    info: { title: `fuzz ${modelId}`, version: "1.0.0" },
    paths: { "/": { post: { operationId: "run", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RequestBody" } } } }, responses: { "200": { description: "ok" } } } } },
    components: { schemas: { RequestBody: { type: "array", items } } },
  };
}

const WRONG = [null, 1.5, "s", true, [], {}, 7, -1, ["x"]];
const STRINGS = ["", "a", "abc", "x1", "xyz", "12", "*/", "`${x}`", "\u2028", "ab cd", "red", "720p"];
/** Strings that meet the string schemas above: every pattern at every length it allows, from 0 to 6. */
const FITTING = [...STRINGS, "x", "xy", "xyzw", "xyzwv", "xyzwvu", "1", "x12", "x123", "x1234", "x12345", "ab"];

const fits = (s: Schema, v: string) =>
  [...v].length >= ((s.minLength as number) ?? 0) && [...v].length <= ((s.maxLength as number) ?? Infinity) && (s.pattern === undefined || new RegExp(s.pattern as string, "u").test(v));

/** A value the property's own schema accepts (when it accepts any). */
function goodValueOf(s: Schema): fc.Arbitrary<unknown> {
  const lits = literalsOf(s);
  if (lits) return fc.constantFrom(...lits);
  if (s.type === "string") {
    const ok = FITTING.filter((v) => fits(s, v));
    return ok.length ? fc.constantFrom(...ok) : fc.constantFrom(...STRINGS);
  }
  if (s.type === "integer") {
    const min = (s.minimum as number) ?? -3;
    const max = (s.maximum as number) ?? 12;
    return min <= max ? fc.integer({ min, max }) : fc.integer({ min: -3, max: 12 });
  }
  if (s.type === "array") {
    const min = (s.minItems as number) ?? 0;
    const max = (s.maxItems as number) ?? 5;
    return fc.array(goodValueOf(s.items as Schema), min <= max ? { minLength: min, maxLength: max } : { maxLength: 5 });
  }
  return fc.anything({ maxDepth: 1 });
}

/** A value of the property's type, sometimes out of range, sometimes of another type. */
function valueOf(s: Schema): fc.Arbitrary<unknown> {
  const lits = literalsOf(s);
  let good: fc.Arbitrary<unknown>;
  if (lits) good = fc.constantFrom(...lits);
  else if (s.type === "string") good = fc.oneof(fc.constantFrom(...STRINGS), fc.string({ maxLength: 5 }));
  else if (s.type === "integer") good = fc.integer({ min: -3, max: 12 });
  else if (s.type === "array") good = fc.array(valueOf(s.items as Schema), { maxLength: 5 });
  else good = fc.anything({ maxDepth: 1 });
  return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: fc.constantFrom(...WRONG), weight: 1 });
}

/**
 * Random payloads for a task schema, half of each kind: careful ones (client fields right, the required properties
 * present, every value one its property accepts: only the rules between properties can make them invalid) and
 * rough ones (client fields mostly right, declared properties present or not with values sometimes wrong, some
 * unknown properties). Rough payloads alone are rarely valid: with them, the checks of valid payloads (does the
 * generated validator accept them, does the Task type?) ran on a few dozen payloads.
 */
export function payloadOf(task: Schema, modelId: string): fc.Arbitrary<Record<string, unknown>> {
  const props = task.properties as Record<string, Schema>;
  const required = ((task.required as string[]) ?? []).filter((k) => k in props);
  const careful = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, goodValueOf(s)])), { requiredKeys: required });
  const declared = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueOf(s)])), { requiredKeys: [] });
  const client = fc.record({
    taskType: fc.oneof({ arbitrary: fc.constant("x"), weight: 20 }, { arbitrary: fc.constantFrom("y", 1), weight: 1 }),
    taskUUID: fc.oneof({ arbitrary: fc.constant("0d84f171-2e54-4c07-836e-05788795736d"), weight: 20 }, { arbitrary: fc.constant(5), weight: 1 }),
    model: fc.oneof({ arbitrary: fc.constant(modelId), weight: 20 }, { arbitrary: fc.constant("other:model@1"), weight: 1 }),
  });
  const drop = fc.oneof({ arbitrary: fc.constant(undefined), weight: 20 }, { arbitrary: fc.constantFrom("taskType", "taskUUID", "model"), weight: 1 });
  const extra = fc.oneof({ arbitrary: fc.constant({}), weight: 8 }, { arbitrary: fc.constantFrom({ zz: 1 }, { extra: "x" }, { g: true }), weight: 1 });
  const rough = fc.tuple(client, drop, declared, extra).map(([c, d, p, e]) => {
    const out: Record<string, unknown> = { ...c, ...p, ...e };
    if (d) delete out[d];
    return out;
  });
  return fc.oneof(careful.map((p) => ({ taskType: "x", taskUUID: "0d84f171-2e54-4c07-836e-05788795736d", model: modelId, ...p })), rough);
}
