// What tsc says to a person who gets a Wan 2.7 task wrong (the mistakes of issue 21, as a new user made them),
// against the committed generated/ module: real tsc, strict, messages pinned. Modes are interfaces named by the
// spec's overlay (x-modelgen-mode-names), so the messages name them; README's TypeScript section shows these.
import { describe, expect, test } from "vitest";
import path from "node:path";
import { ROOT } from "../helpers/generated.js";
import { typeCheck } from "../helpers/tsc.js";

const MODULE = path.join(ROOT, "generated/runware/alibaba-wan2-7/index.js");
const MISTAKES = {
  frameImagesWithSize: `{ positivePrompt: "A lighthouse at dusk", inputs: { frameImages: [{ image: "https://example.com/first.jpg" }] }, width: 1280, height: 720 }`,
  shotTypeWithFrameImages: `{ inputs: { frameImages: [{ image: "https://example.com/first.jpg" }] }, settings: { shotType: "single" } }`,
  noPrompt: `{ width: 1280, height: 720, duration: 5 }`,
  wrongPair: `{ positivePrompt: "p", width: 1280, height: 1280 }`,
  misspelt: `{ positivePrompt: "p", width: 1280, height: 720, duraton: 5 }`,
};

describe("tsc's messages on Wan 2.7 mistakes", () => {
  const files = Object.fromEntries(
    Object.entries(MISTAKES).map(([name, value]) => [path.join(ROOT, "test/.out/wan-messages", `${name}.ts`), `import type { TaskInput } from ${JSON.stringify(MODULE)};\nexport const task: TaskInput = ${value};\n`]),
  );
  const diagnostics = typeCheck([], files);
  const said = (name: keyof typeof MISTAKES) => diagnostics.filter((d) => path.basename(d.file) === `${name}.ts`).map((d) => d.message);

  test("frameImages with width/height: the property at fault, in each mode that forbids it", () => {
    expect(said("frameImagesWithSize")).toEqual([
      [
        `Type '{ positivePrompt: string; inputs: { frameImages: { image: string; }[]; }; width: 1280; height: 720; }' is not assignable to type 'TaskInput'.`,
        `  Types of property 'inputs' are incompatible.`,
        `    Type '{ frameImages: { image: string; }[]; }' is not assignable to type '(Inputs & ReferenceVideosToVideoInputs) | (Inputs & ReferenceImagesToVideoInputs) | (Inputs & TextToVideoInputs) | undefined'.`,
        `      Types of property 'frameImages' are incompatible.`,
        `        Type '{ image: string; }[]' is not assignable to type 'undefined'.`,
      ].join("\n"),
    ]);
  });

  test("no positivePrompt: told against the mode it is closest to, TextToVideo, by name", () => {
    const [message] = said("noPrompt");
    expect(message?.split("\n").at(-1)).toBe(`      Property 'positivePrompt' is missing in type '{ width: 1280; height: 720; duration: number; }' but required in type 'TextToVideo'.`);
    expect(message).toContain(`is not assignable to type 'TaskInputCommon & TextToVideo & { width: 1280; height: 720; }'`);
    expect(message).not.toMatch(/Omit<|Pick</);
  });

  test("a size pair that is not in the table, and a misspelt property, as before", () => {
    expect(said("wrongPair")[0]?.split("\n").at(-1)).toBe(`    Type '1280' is not assignable to type '720'.`);
    expect(said("misspelt")[0]).toMatch(/'duraton' does not exist in type .*ReferenceVideosToVideo.*Did you mean to write 'duration'\?$/s);
  });

  test("shotType with frameImages: the one mode that takes frameImages, by name, and the property it forbids", () => {
    // The forbidden property's type is its declared type branded (Forbidden<…>), so tsc keeps the literal written;
    // with `never` it widened "single" to string and reported that against the declared "single" | "multi".
    expect(said("shotTypeWithFrameImages")).toEqual([
      [
        `Type '{ inputs: { frameImages: { image: string; }[]; }; settings: { shotType: "single"; }; }' is not assignable to type 'TaskInput'.`,
        `  Type '{ inputs: { frameImages: { image: string; }[]; }; settings: { shotType: "single"; }; }' is not assignable to type 'TaskInputCommon & ImageToVideo & object'.`,
        `    Type '{ inputs: { frameImages: { image: string; }[]; }; settings: { shotType: "single"; }; }' is not assignable to type 'ImageToVideo'.`,
        `      The types of 'settings.shotType' are incompatible between these types.`,
        `        Type '"single"' is not assignable to type 'Forbidden<"single" | "multi"> | undefined'.`,
      ].join("\n"),
    ]);
  });
});
