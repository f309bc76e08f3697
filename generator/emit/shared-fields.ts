// Task fields a provider's models describe in the same words (a provider's SharedFieldsDoc), written once in the
// shipped runtime instead of in every model: a declaration file whose interfaces hold each field's doc comment (a
// model's interface extends Pick<…> of the fields it shares and its members say @inheritDoc, so an editor's hover
// shows the same words), and a page a model's README links each field to. Only a property whose title and
// description are exactly the shared ones is shared; its own link (Runware's "Read full documentation" of that
// model) and default stay in the model, as tags. Deterministic: the shared texts are the provider's, fixed.
import { commentText, docComment } from "./code.js";
import type { Place } from "../ir/path.js";
import type { SharedFieldsDoc } from "../providers/provider.js";

/** A property that takes its words from the shared fields: the type that holds them and the tags it keeps. */
export interface SharedField {
  /** The runtime's interface holding the field's doc (`RunwareTaskFields`). */
  readonly type: string;
  /** The section of the shared page (`runware-fields.md#uploadendpoint`), relative to _runtime/. */
  readonly page: string;
  /** The doc lines the model keeps: @inheritDoc, its own link as @see, its @default. */
  readonly doc: readonly string[];
}

/** The object's place as the shared fields name it ("" for the task, "inputs"), or null under an array or alternative. */
function placeKey(place: Place): string | null {
  return place.every((s) => typeof s === "string") ? place.join(".") : null;
}

/** A field's anchor on the shared page: GitHub's heading id of `inputs.frameImages` (lower case, no dots). */
const anchor = (place: string, name: string): string => (place ? `${place}.${name}` : name).toLowerCase().replace(/[^a-z0-9_ -]/g, "");

/** A link paragraph after the description (Runware's `[Read full documentation](…)`): the model keeps it as @see. */
const OWN_LINK = /\n\n(\[[^\]\n]+\]\(https?:\/\/[^)\s]+\))$/;

/**
 * Whether the property `name` of the object at `place` has the shared words: `doc` is its doc lines as
 * ir/declarations.ts docLines makes them (title, "", description, then @default). Null when it has others.
 */
export function sharedField(shared: SharedFieldsDoc | undefined, place: Place, name: string, doc: readonly string[]): SharedField | null {
  // Fields are shared with their page (a README links each to it): no page, no fields.
  if (!shared?.page) return null;
  const key = placeKey(place);
  const holder = key === null ? undefined : shared.places.find((p) => p.place === key);
  const field = holder?.fields.find((f) => f.name === name);
  if (!holder || !field) return null;
  const tags = doc.filter((l) => l.startsWith("@default "));
  const text = doc.filter((l) => !l.startsWith("@default "));
  if (text.length !== 3 || text[0] !== field.title || text[1] !== "") return null;
  const description = text[2] ?? "";
  const link = OWN_LINK.exec(description);
  if ((link ? description.slice(0, link.index) : description) !== field.description) return null;
  return { type: holder.type, page: `${shared.page}#${anchor(holder.place, name)}`, doc: ["@inheritDoc", ...(link ? [`@see ${link[1]}`] : []), ...tags] };
}

/**
 * The doc comment a shared property keeps: its tags on one line. `inherit`: whether it says @inheritDoc. An editor
 * shows the base's words for a member with no words of its own anyway; but where a mode's declaration of the same
 * property has words (`Not in …`), TypeScript shows those alone unless the member asks for the inherited ones too.
 * Then: its tags on one line (`/** @inheritDoc @default 1 *\/`), tsc reads each;
 * a block when a tag's text holds an `@` or a line break (it would read as another tag) or the line grows long.
 */
export function sharedDocComment(field: SharedField, inherit = true): string {
  const lines = inherit ? field.doc : field.doc.filter((l) => l !== "@inheritDoc");
  if (!lines.length) return "";
  const tags = lines.map((l) => commentText(l));
  const line = tags.join(" ");
  return tags.some((t) => /[\n]|.@/.test(t)) || line.length > 100 ? docComment(lines).text : `/** ${line} */\n`;
}

/** The names of the shared fields' types (a model's other types are named around them). */
export const sharedTypeNames = (shared: SharedFieldsDoc | undefined): string[] => [...(shared?.places.map((p) => p.type) ?? []), ...(shared?.inlineTypes?.map((t) => t.name) ?? [])];

/** The runtime's declaration file: the shared fields (an interface per object, each field optional and unknown), then the shared types. */
export function sharedDeclarations(shared: SharedFieldsDoc): string {
  const head = shared.places.length
    ? docComment([
        `${shared.provider}'s task fields that most of its models describe in these words, written once: a model's interface extends`,
        "Pick<…> of those it declares in the same words, so an editor shows these words on hover (its members say @inheritDoc where a mode has words too).",
        "Types, defaults and constraints are the model's own (its index.d.ts and README.md); these members are unknown.",
        ...(shared.types?.length ? [`Last, the declarations its models write word for word (${shared.types.map((t) => t.name).join(", ")}): a model with the same one re-exports it.`] : []),
      ]).text
    : "";
  const interfaces = shared.places.map(
    (p) => `${docComment([`The fields of ${p.place ? `a task's \`${p.place}\`` : "a task"}.`]).text}export interface ${p.type} {\n${p.fields.map((f) => `${docComment([f.title, f.description]).text}${f.name}?: unknown;`).join("\n")}\n}\n`,
  );
  const inline = (shared.inlineTypes ?? []).map((t) => `export interface ${t.name} ${t.text}\n`);
  const inlineHead = inline.length ? docComment([`Object types ${shared.provider}'s models declare word for word in their responses, written once: a model's response types name them.`]).text : "";
  return `${head}${[...interfaces, ...(shared.types ?? []).map((t) => t.text), ...(inline.length ? [`${inlineHead}${inline.join("\n")}`] : [])].join("\n")}`;
}

/**
 * A model's response declarations with the provider's shared ones taken out (the same text, word for word), and the
 * names of those taken out: the module re-exports them from the runtime's declaration file.
 */
export function withoutSharedTypes(shared: SharedFieldsDoc | undefined, text: string): { text: string; names: string[]; inline: string[] } {
  const names: string[] = [];
  const inline: string[] = [];
  // An object type written inline (it starts at its own brace and ends at the brace that closes it): its name.
  for (const t of shared?.inlineTypes ?? []) {
    if (!text.includes(t.text)) continue;
    text = text.split(t.text).join(t.name);
    inline.push(t.name);
  }
  for (const t of shared?.types ?? []) {
    const at = text.indexOf(t.text);
    // Only a whole declaration: at the start of the text or of a line.
    if (at >= 0 && (at === 0 || text[at - 1] === "\n")) {
      text = text.slice(0, at) + text.slice(at + t.text.length);
      names.push(t.name);
    }
  }
  return { text, names, inline };
}

/** The shared page: one section per field (the anchor a model's README links to), in the provider's words. */
export function sharedPage(shared: SharedFieldsDoc): string {
  const out = [
    "<!-- Generated by modelgen. Do not edit: run `npm run generate` to regenerate. -->",
    `# ${shared.provider}'s common task fields`,
    "",
    `Most ${shared.provider} models describe these fields in the same words, written here once. A model's page links here for each field it`,
    "describes in exactly these words; its type, default and constraints there are the model's own.",
    "",
  ];
  for (const p of shared.places) for (const f of p.fields) out.push(`## ${p.place ? `${p.place}.${f.name}` : f.name}`, "", `**${f.title}**`, "", f.description, "");
  return out.join("\n");
}
