// Placeholders in rule messages, one syntax for the generator (which writes and strips them) and the runtime
// (which fills them from the payload):
//   {path}        the place in the payload the issue is about ("inputs.referenceImages[0]")
//   {/a/b}        the payload's value at the JSON Pointer /a/b
export type Placeholder = { readonly kind: "path" } | { readonly kind: "value"; readonly pointer: string };

const PLACEHOLDER = /\{(path|\/[^{}]*)\}/g;

/** The text of a placeholder, to splice into a message template. */
export function placeholder(p: Placeholder): string {
  return p.kind === "path" ? "{path}" : `{${p.pointer}}`;
}

/** Does the template speak of the place ({path})? */
export function mentionsPath(template: string): boolean {
  return template.includes("{path}");
}

/** Replace every placeholder: `fn` gets each one and returns its text. */
export function fillPlaceholders(template: string, fn: (p: Placeholder) => string): string {
  return template.replace(PLACEHOLDER, (_, inner: string) => fn(inner === "path" ? { kind: "path" } : { kind: "value", pointer: inner }));
}
