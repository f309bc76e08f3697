// The file objects fal's documents declare in their outputs, word for word in most of them (fal's File, and the
// video file with its size and timing; some with nullable fields), as json-schema-to-typescript writes them inline:
// declared once in the shipped runtime (_runtime/runtime/fal/shared.d.ts), and a model's output type names them
// (emit/shared-fields.ts replaces the same text, word for word, by the name) instead of writing them out. Hover on a
// property of the output still shows its words: they are the declaration's.
import type { SharedFieldsDoc } from "../provider.js";

/** One field of a file object: its name, its words, its type, and whether fal's documents always give it. */
type Field = readonly [name: string, doc: string, type: "string" | "number", required?: true];

const FILE: readonly Field[] = [
  ["url", "The URL where the file can be downloaded from.", "string", true],
  ["content_type", "The mime type of the file.", "string"],
  ["file_name", "The name of the file. It will be auto-generated if not provided.", "string"],
  ["file_size", "The size of the file in bytes.", "number"],
];
const FILE_DATA: Field = ["file_data", "File data", "string"];
const VIDEO: readonly Field[] = [
  ["width", "The width of the video", "number"],
  ["height", "The height of the video", "number"],
  ["fps", "The FPS of the video", "number"],
  ["duration", "The duration of the video", "number"],
  ["num_frames", "The number of frames in the video", "number"],
];

/**
 * The object type as json-schema-to-typescript writes it inline: each field under its doc comment, optional ones
 * as `(T | null)` where the document allows null, then the index signature.
 */
function inlineText(fields: readonly Field[], nullable: boolean): string {
  const lines = ["{"];
  for (const [name, doc, type, required] of fields) {
    lines.push("/**", ` * ${doc}`, " */", required ? `${name}: ${type}` : nullable ? `${name}?: (${type} | null)` : `${name}?: ${type}`);
  }
  lines.push("[k: string]: unknown | undefined", "}");
  return lines.join("\n");
}

export const FAL_SHARED: SharedFieldsDoc = {
  provider: "fal",
  declarations: "runtime/fal/shared.d.ts",
  places: [],
  inlineTypes: [
    { name: "FalFile", text: inlineText([...FILE, FILE_DATA], false) },
    { name: "FalFileNullable", text: inlineText(FILE, true) },
    { name: "FalVideoFileNullable", text: inlineText([...FILE, ...VIDEO], true) },
    { name: "FalVideoFile", text: inlineText([...FILE, FILE_DATA, ...VIDEO], false) },
  ],
};
