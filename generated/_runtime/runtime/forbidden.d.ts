/**
 * The type of a property that a mode forbids, when it is declared as a set of values: leave it out (its doc comment names the rule).
 * No JSON value has this type; it is the declared type branded, so that tsc keeps the value you wrote and names the mode in its message.
 */
export type Forbidden<T> = T & {
  readonly "forbidden in this mode": never;
};
