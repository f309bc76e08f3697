// load/overlay: OpenAPI Overlay 1.0 actions (update merges, remove deletes) on a document value, and the errors
// that name the overlay file and the action: a target that matches nothing, a target that is not JSONPath.
import { describe, expect, test } from "vitest";
import { applyOverlay, checkOverlay, normalizedPathKeys } from "../../generator/load/overlay.js";
import { parseYaml } from "../../generator/load/read.js";
import { SpecError } from "../../generator/errors.js";

const overlay = (actions: string) => parseYaml("fix.overlay.yaml", `overlay: 1.0.0\ninfo: { title: fix, version: "1" }\nactions:\n${actions}`);

const spec = () => ({
  info: { title: "T", version: "1" },
  components: { schemas: { A: { type: "object", properties: { a: { type: "string" }, b: { type: "integer" } } } } },
  tags: ["x", "y", "z"],
});

function specError(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error("expected a SpecError");
}

describe("applying actions", () => {
  test("update merges objects deeply, without changing the input", () => {
    const input = spec();
    const out = applyOverlay(input, overlay(`  - target: $.components.schemas.A\n    update: { description: D, properties: { a: { minLength: 1 } } }\n`));
    expect(out).toEqual({
      ...spec(),
      components: { schemas: { A: { type: "object", description: "D", properties: { a: { type: "string", minLength: 1 }, b: { type: "integer" } } } } },
    });
    expect(input).toEqual(spec());
  });

  test("update on an array appends; on the root merges into the document", () => {
    expect(applyOverlay(spec(), overlay(`  - target: $.tags\n    update: w\n`))).toMatchObject({ tags: ["x", "y", "z", "w"] });
    expect(applyOverlay(spec(), overlay(`  - target: $\n    update: { openapi: 3.1.0 }\n`))).toMatchObject({ openapi: "3.1.0", info: { title: "T" } });
  });

  test("remove deletes every match; array items from the last, so indices do not shift", () => {
    const out = applyOverlay(spec(), overlay(`  - target: $.tags[0,2]\n    remove: true\n  - target: $..b\n    remove: true\n`));
    expect(out).toEqual({ ...spec(), tags: ["y"], components: { schemas: { A: { type: "object", properties: { a: { type: "string" } } } } } });
  });
});

describe("errors name the overlay and the action", () => {
  test("a target that matches nothing", () => {
    const e = specError(() => applyOverlay(spec(), overlay(`  - target: $.info\n    update: { x-a: 1 }\n  - target: $.components.schemas.Missing\n    description: Tighten Missing\n    update: { minLength: 1 }\n`)));
    expect(e.file).toBe("fix.overlay.yaml");
    expect(e.where).toBe("6:5");
    expect(e.message).toBe("fix.overlay.yaml:6:5: actions[1] (Tighten Missing): target $.components.schemas.Missing matches nothing in the spec");
  });

  test("a target that is not RFC 9535 JSONPath", () => {
    expect(specError(() => applyOverlay(spec(), overlay(`  - target: $.info[\n    remove: true\n`))).message).toMatch(/^fix\.overlay\.yaml:4:5: actions\[0\]\.target is not a valid RFC 9535 JSONPath \(/);
  });

  test("removing the document root", () => {
    expect(specError(() => applyOverlay(spec(), overlay(`  - target: $\n    remove: true\n`))).message).toBe("fix.overlay.yaml:4:5: actions[0]: the document root cannot be removed");
  });

  test("an overlay of the wrong shape, at the place that is wrong", () => {
    expect(specError(() => checkOverlay(parseYaml("o.yaml", "overlay: 2.0.0\nactions: []\n"))).message).toBe('o.yaml:1:1: expected `overlay: 1.0.x`, found "2.0.0"');
    expect(specError(() => checkOverlay(parseYaml("o.yaml", "overlay: 1.0.0\nactions: []\n"))).message).toBe("o.yaml:2:1: expected `actions`, a non-empty list");
    expect(specError(() => checkOverlay(parseYaml("o.yaml", "overlay: 1.0.0\nactions:\n  - target: $\n"))).message).toBe("o.yaml:3:5: expected the action to have `update` or `remove: true`");
    expect(specError(() => checkOverlay(parseYaml("o.yaml", "- 1\n"))).message).toBe("o.yaml:1:1: expected an OpenAPI Overlay document (an object)");
  });
});

test("normalized paths to keys: member names unescaped, indices as numbers", () => {
  expect(normalizedPathKeys("$")).toEqual([]);
  expect(normalizedPathKeys("$['a'][0]['b\\'c']['d\"e']")).toEqual(["a", 0, "b'c", 'd"e']);
  expect(normalizedPathKeys("$['\\u00e9']")).toEqual(["é"]);
});
