// fal's `x-fal-order-properties`: the order in which fal shows an object's inputs (its playground's form). The
// document's keys are sorted at load; this puts each object's `properties` back in fal's order, so the README
// table and the type's members read as fal presents them. Names the list leaves out follow in name order; names
// it lists that are not properties are ignored. Order only: what the schema accepts is unchanged.
import { isPlain } from "../../json.js";
import { mapSchema } from "../../normalize/walk.js";
import type { SchemaObject } from "../../ir/types.js";

export const ORDER_KEY = "x-fal-order-properties";

export function orderProperties(schema: SchemaObject): SchemaObject {
  return mapSchema(schema, (s) => {
    const order: unknown = s[ORDER_KEY];
    if (!Array.isArray(order) || !isPlain(s.properties)) return s;
    const props = s.properties;
    const listed = order.filter((n): n is string => typeof n === "string" && Object.prototype.hasOwnProperty.call(props, n));
    const names = [...new Set(listed), ...Object.keys(props).filter((n) => !listed.includes(n))];
    return { ...s, properties: Object.fromEntries(names.map((n) => [n, props[n]!])) };
  });
}
