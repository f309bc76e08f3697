// A model's validator in the shape of Standard Schema v1 (standardschema.dev; the interface zod, valibot and
// arktype implement, and tRPC, Hono's @hono/standard-validator, TanStack Form and others accept): a
// `~standard` property with version 1, the vendor, `validate` and the types. The types below are the spec's
// interface written out here (the spec asks libraries to carry them rather than depend on a package), so the
// generated package stays dependency-free. Issues are validateTask's: the same words, each path as keys.
import type { ValidationIssue } from "./issues.js";
import { unescapeToken } from "./pointer.js";

/** One issue: validateTask's message, and its JSON Pointer as keys (array indices as numbers); no path for the task itself. */
export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** What `validate` answers: the value (typed) when valid, else the issues. */
export type StandardResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<StandardIssue> };

/** Standard Schema v1 over a model's task: `Input` is what it accepts, `Output` what a valid value is typed as. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: { readonly libraryOptions?: Record<string, unknown> | undefined } | undefined) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** A pointer's keys, each array index as a number (as the value has it), for a Standard Schema issue's path. */
export function pathKeys(pointer: string, value: unknown): PropertyKey[] {
  if (pointer === "") return [];
  const out: PropertyKey[] = [];
  let at: unknown = value;
  for (const raw of pointer.slice(1).split("/")) {
    const key = unescapeToken(raw);
    if (Array.isArray(at) && /^(0|[1-9][0-9]*)$/.test(key)) {
      out.push(Number(key));
      at = at[Number(key)];
    } else {
      out.push(key);
      at = at !== null && typeof at === "object" && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

/** `validateTask` as a Standard Schema v1 (vendor "modelgen"); the types are only declared (`types` is absent at run time). */
export function standardSchema<Task>(validateTask: (value: unknown) => readonly ValidationIssue[]): StandardSchemaV1<Task, Task> {
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1 as const,
      vendor: "modelgen",
      validate(value: unknown): StandardResult<Task> {
        const issues = validateTask(value);
        if (issues.length === 0) return { value: value as Task };
        return { issues: issues.map((i) => (i.path === "" ? { message: i.message } : { message: i.message, path: pathKeys(i.path, value) })) };
      },
    }),
  });
}
