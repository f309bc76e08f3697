import type { ValidationIssue } from "./issues.js";
/** One issue: validateTask's message, and its JSON Pointer as keys (array indices as numbers); no path for the task itself. */
export interface StandardIssue {
  readonly message: string;
  readonly path?:
    | ReadonlyArray<
        | PropertyKey
        | {
            readonly key: PropertyKey;
          }
      >
    | undefined;
}
/** What `validate` answers: the value (typed) when valid, else the issues. */
export type StandardResult<Output> =
  | {
      readonly value: Output;
      readonly issues?: undefined;
    }
  | {
      readonly issues: ReadonlyArray<StandardIssue>;
    };
/** Standard Schema v1 over a model's task: `Input` is what it accepts, `Output` what a valid value is typed as. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
      options?:
        | {
            readonly libraryOptions?: Record<string, unknown> | undefined;
          }
        | undefined,
    ) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?:
      | {
          readonly input: Input;
          readonly output: Output;
        }
      | undefined;
  };
}
/** A pointer's keys, each array index as a number (as the value has it), for a Standard Schema issue's path. */
export declare function pathKeys(pointer: string, value: unknown): PropertyKey[];
/** `validateTask` as a Standard Schema v1 (vendor "modelgen"); the types are only declared (`types` is absent at run time). */
export declare function standardSchema<Task>(
  validateTask: (value: unknown) => readonly ValidationIssue[],
): StandardSchemaV1<Task, Task>;
