export type Placeholder =
  | {
      readonly kind: "path";
    }
  | {
      readonly kind: "value";
      readonly pointer: string;
    };
/** The text of a placeholder, to splice into a message template. */
export declare function placeholder(p: Placeholder): string;
/** Does the template speak of the place ({path})? */
export declare function mentionsPath(template: string): boolean;
/** Replace every placeholder: `fn` gets each one and returns its text. */
export declare function fillPlaceholders(template: string, fn: (p: Placeholder) => string): string;
