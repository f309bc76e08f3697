// emit/types: an IR built in code → the declarations' text. Only the parts a test names are compared, never a
// whole file; the types and the nested objects' splits come from ir.declaration (the emitter reads no schema).
import { describe, expect, test } from "vitest";
import { emitTypes } from "../../generator/emit/types.js";
import { ITEMS } from "../../generator/ir/path.js";
import type { ObjectDecl } from "../../generator/ir/types.js";
import { int, modelIR, obj, str, whenConst } from "../helpers/ir.js";

describe("emitTypes", () => {
  test("a two-mode exclusion is a union of two variants, each requiring one property and forbidding the other", () => {
    const { text, summary } = emitTypes(modelIR(obj({ a: str(), b: str() }, { oneOf: [{ required: ["a"] }, { required: ["b"] }] })));
    expect(text).toContain("export type TaskMode =\n| (WithB & object)\n| (WithA & object);");
    // Modes are interfaces (tsc names them in its messages); a forbidden property says which rule forbids it.
    expect(text).toContain("export interface WithA {\na: string;\n/**\n * Not in WithA (oneOf).\n */\nb?: never;\n}");
    expect(text).toContain("export interface WithB {\n/**\n * Not in WithB (oneOf).\n */\na?: never;\nb: string;\n}");
    expect(text).toContain("export type Task = TaskCommon & TaskMode;");
    expect(text).toContain("export interface TaskCommon extends ObjectMembers {\na?: string;\nb?: string;\n[key: string]: unknown;\n}");
    expect(summary.groups.map((g) => g.name)).toEqual(["TaskMode"]);
    const withA = summary.groups[0]?.variants.find((v) => v.name === "WithA");
    expect(withA?.requires).toEqual([{ path: "a", rules: ["oneOf"] }]);
    expect(withA?.forbids).toEqual([{ path: "b", rules: ["oneOf"] }]);
  });

  test("width and height fixed together become a relation type, one row per allowed pair with its title", () => {
    const task = obj(
      { width: int(), height: int() },
      { required: ["width", "height"], oneOf: [{ title: "720p", ...whenConst({ width: 1280, height: 720 }) }, { title: "720p portrait", ...whenConst({ width: 720, height: 1280 }) }] },
    );
    const { text, summary } = emitTypes(modelIR(task));
    expect(text).toContain("export type WidthHeight =\n| { width?: 1280; height?: 720 } // 720p\n| { width?: 720; height?: 1280 }; // 720p portrait");
    expect(text).toContain("export interface AnyTask {\n\n}");
    expect(text).toContain("export type TaskMode =\n| (AnyTask & WidthHeight);");
    const relations = summary.groups[0]?.relations;
    expect(relations).toEqual([
      {
        name: "WidthHeight",
        keys: ["width", "height"],
        rows: [
          { values: [1280, 720], title: "720p" },
          { values: [720, 1280], title: "720p portrait" },
        ],
      },
    ]);
    expect(summary.groups[0]?.variants.map((v) => v.relation)).toEqual(["WidthHeight"]);
  });

  test("an array item with rules of its own gets its modes from the declaration tree", () => {
    const task = obj({ items: { type: "array", items: obj({ a: str(), b: str() }, { not: { required: ["a", "b"] } }) } });
    const { text } = emitTypes(modelIR(task));
    expect(text).toContain("export type ItemsItem = ItemsItemCommon & ItemsItemMode;");
    expect(text).toContain("export interface ItemsItemCommon extends ObjectMembers {\na?: string;\nb?: string;\n[key: string]: unknown;\n}");
    expect(text).toContain("export type ItemsItemMode =\n| (ItemsItemWithoutA & object)\n| (ItemsItemWithoutB & object);");
    expect(text).toContain("export interface ItemsItemWithoutA {\n/**\n * Not in ItemsItemWithoutA (items[].not).\n */\na?: never;\n}");
  });

  test("the emitter prints the tree it is given: an item without rules in the tree is a plain interface", () => {
    const ir = modelIR(obj({}));
    const item: ObjectDecl = {
      kind: "object",
      place: ["items", ITEMS],
      doc: [],
      properties: [
        { name: "a", optional: true, doc: [], type: { kind: "scalar", type: "string" } },
        { name: "b", optional: false, doc: ["The b."], type: { kind: "literal", values: [1, "x"] } },
      ],
      index: null,
      rules: null,
    };
    const root: ObjectDecl = { ...ir.declaration, properties: [{ name: "items", optional: true, doc: [], type: { kind: "array", items: item } }] };
    const { text } = emitTypes({ ...ir, declaration: root });
    expect(text).toContain("export interface TaskCommon {\nitems?: ItemsItem[];\n[key: string]: unknown;\n}");
    expect(text).toContain('export interface ItemsItem {\na?: string;\n/**\n * The b.\n */\nb: 1 | "x";\n}');
    expect(text).not.toContain("ItemsItemMode");
  });

  test("an alternative that is one of several objects gets its own interface and its own modes", () => {
    const withRule = obj({ a: str(), b: str() }, { allOf: [{ if: { required: ["a"] }, then: { required: ["b"] } }] });
    const { text } = emitTypes(modelIR(obj({ x: { oneOf: [withRule, obj({ c: str() })] } })));
    expect(text).toContain("x?: XOption1 | XOption2;");
    expect(text).toContain("export type XOption1 = XOption1Common & XOption1Mode;");
    expect(text).toContain("export interface XOption1WithB {\nb: string;\n}");
    // The mode that requires the least comes last: tsc reports a task that fits no mode against the last best fit.
    expect(text).toContain("export type XOption1Mode =\n| (XOption1WithB & object)\n| (XOption1WithoutA & object);");
    expect(text).toContain("export interface XOption2 extends ObjectMembers {\nc?: string;\n[key: string]: unknown;\n}");
  });

  test("open objects extend ObjectMembers (constructor, toString, … as data) only in a module with modes, where they meet a union", () => {
    const plain = emitTypes(modelIR(obj({ a: str() }))).text;
    expect(plain).toContain("export interface TaskCommon {\na?: string;\n[key: string]: unknown;\n}");
    expect(plain).not.toContain("ObjectMembers");
    const moded = emitTypes(modelIR(obj({ a: str(), b: str() }, { oneOf: [{ required: ["a"] }, { required: ["b"] }] }))).text;
    expect(moded).toContain("export interface ObjectMembers { constructor?: unknown; toString?: unknown; toLocaleString?: unknown; valueOf?: unknown; hasOwnProperty?: unknown; isPrototypeOf?: unknown; propertyIsEnumerable?: unknown; }");
  });

  test("an index signature holds the declared properties' types too, as tsc requires (additionalProperties typed)", () => {
    const { text } = emitTypes(modelIR(obj({ a: int(), b: str(), toString: str() }, { additionalProperties: { type: "string" } })));
    expect(text).toContain('export interface TaskCommon {\na?: number;\nb?: string;\ntoString?: string | Object["toString"];\n[key: string]: string | number | Object["toString"] | undefined;\n}');
  });

  test("spec strings reach the declarations only as escaped literals and sanitised comments", () => {
    const task = obj({ "we-ird": { type: "string", description: "ends */ a comment\u2028and </script>", const: "</script><b>\u2028" } });
    const { text } = emitTypes(modelIR(task));
    expect(text).toContain('"we-ird"?: "<\\/script><b>\\u2028";');
    expect(text).toContain(" * ends *\\/ a comment\n * and </script>\n");
    // The only comment terminators are the ones the emitter wrote: one per doc block.
    expect(text.match(/\*\//g)?.length).toBe(text.match(/\/\*\*/g)?.length);
    expect(text).not.toContain("\u2028");
  });

  test("client-filled properties are optional in TaskInput", () => {
    const task = obj({ model: { const: "m" }, prompt: str() }, { required: ["model", "prompt"] });
    const { text } = emitTypes(modelIR(task, { meta: { clientFilled: ["model"] } }));
    expect(text).toContain('export interface TaskInputCommon extends Omit<TaskCommon, "model">, Partial<Pick<TaskCommon, "model">> {}');
    expect(text).toContain("export type TaskInput = TaskInputCommon;");
  });
});
