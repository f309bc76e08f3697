// modelgen diff on real Runware specs edited in code: each kind of change, its verdict, and every breaking
// witness checked again by plain Ajv on the unmodified old file and the edited new one.
import { describe, expect, test } from "vitest";
import { diffSpecs } from "../../generator/diff/command.js";
import type { Change, DiffReport } from "../../generator/diff/types.js";
import { basePair, expectWitnessesHold, taskOf, type Doc } from "./helpers.js";

const WAN3 = "alibaba-wan3-0.json";

async function diffEdit(name: string, edit: (task: Doc, doc: Doc) => void): Promise<{ report: DiffReport; changes: Change[]; witnessed: number }> {
  const pair = basePair(name, (doc) => edit(taskOf(doc), doc));
  const report = await diffSpecs({ base: pair.base, specs: [pair.head] });
  const witnessed = await expectWitnessesHold(report, pair.oldFile, pair.newFile);
  expect(report.models).toHaveLength(1);
  return { report, changes: [...(report.models[0]?.changes ?? [])], witnessed };
}

const only = (changes: Change[], kind: string) => changes.filter((c) => c.kind === kind);

describe("breaking changes carry a witness the old spec accepts and the new one rejects", () => {
  test("one width/height pair removed from the size table", async () => {
    const { report, changes, witnessed } = await diffEdit(WAN3, (task) => {
      const sizes = task.allOf.find((r: Doc) => r.then?.oneOf).then.oneOf as Doc[];
      sizes.splice(sizes.findIndex((s) => s.properties.width.const === 1104), 1);
    });
    expect(report.models[0]?.status).toBe("changed");
    const [removed] = only(changes, "combination-removed");
    expect(removed).toMatchObject({ path: "/height", breaking: true, message: "height 832 with width 1104 (720p (~4:3)) is no longer allowed" });
    expect(removed?.witness).toMatchObject({ width: 1104, height: 832 });
    expect(changes.filter((c) => c.breaking)).toEqual([removed]);
    expect(witnessed).toBe(1);
  });

  test("a maximum lowered (a plain bound, and one inside an alternative)", async () => {
    const { changes, witnessed } = await diffEdit(WAN3, (task) => {
      task.properties.outputQuality.maximum = 90;
      task.properties.duration.oneOf[0].maximum = 15;
    });
    expect(only(changes, "bound-tightened").map((c) => [c.path, c.message, c.breaking])).toEqual([
      ["/duration", "duration: maximum lowered from 30 to 15", true],
      ["/outputQuality", "outputQuality: maximum lowered from 99 to 90", true],
    ]);
    expect((only(changes, "bound-tightened")[1]?.witness as Doc).outputQuality).toBeGreaterThan(90);
    expect(witnessed).toBe(2);
  });

  test("an enum value removed", async () => {
    const { changes, witnessed } = await diffEdit(WAN3, (task) => {
      task.properties.outputFormat.enum = ["MP4", "WEBM"];
    });
    expect(changes).toEqual([expect.objectContaining({ kind: "enum-value-removed", path: "/outputFormat", breaking: true, message: 'outputFormat no longer accepts "MOV"' })]);
    expect((changes[0]?.witness as Doc).outputFormat).toBe("MOV");
    expect(witnessed).toBe(1);
  });

  test("a new required property", async () => {
    const { changes, witnessed } = await diffEdit(WAN3, (task) => {
      task.properties.projectId = { type: "string" };
      task.required.push("projectId");
    });
    expect(changes).toEqual([expect.objectContaining({ kind: "required-added", path: "/projectId", breaking: true })]);
    expect(witnessed).toBe(1);
  });

  test("an existing property made required", async () => {
    const { changes } = await diffEdit(WAN3, (task) => {
      task.required.push("seed");
    });
    expect(changes).toEqual([expect.objectContaining({ kind: "required-added", path: "/seed", breaking: true, message: "seed is now required" })]);
  });

  test("a property removed under additionalProperties: false", async () => {
    const { changes, witnessed } = await diffEdit(WAN3, (task) => {
      delete task.properties.ttl;
    });
    expect(changes).toEqual([expect.objectContaining({ kind: "property-removed", path: "/ttl", breaking: true })]);
    expect(witnessed).toBe(1);
  });

  test("a new exclusion between two inputs", async () => {
    const { changes, witnessed } = await diffEdit(WAN3, (task) => {
      task.allOf.push({ not: { required: ["seed", "webhookURL"] } });
    });
    const [exclusion] = only(changes, "exclusion-added");
    expect(exclusion).toMatchObject({ path: "/seed", breaking: true, message: "seed with webhookURL can no longer be combined (rule allOf[8])" });
    expect(Object.keys(exclusion?.witness as Doc)).toEqual(expect.arrayContaining(["seed", "webhookURL"]));
    expect(witnessed).toBeGreaterThanOrEqual(1);
  });

  test("a mode that no longer exists (reference audios forbidden outright)", async () => {
    const { changes, witnessed } = await diffEdit(WAN3, (task) => {
      task.allOf.push({ not: { properties: { inputs: { required: ["referenceAudios"] } }, required: ["inputs"] } });
    });
    expect(only(changes, "mode-removed")).toEqual([expect.objectContaining({ path: "/inputs/referenceAudios", breaking: true })]);
    expect(only(changes, "rule-added")).toEqual([expect.objectContaining({ breaking: true })]);
    expect(witnessed).toBe(2);
  });

  test("a rewritten rule: an if/then that now also requires the prompt", async () => {
    const { changes, witnessed } = await diffEdit(WAN3, (task) => {
      const rule = task.allOf.find((r: Doc) => r.if?.required?.[0] === "resolution");
      rule.then.required = [...rule.then.required, "positivePrompt"];
    });
    expect(only(changes, "rule-changed")).toEqual([expect.objectContaining({ breaking: true })]);
    expect(witnessed).toBeGreaterThanOrEqual(1);
  });
});

describe("widening changes are not breaking", () => {
  test("a new optional property, with a witness the other way round", async () => {
    const { changes } = await diffEdit(WAN3, (task) => {
      task.properties.style = { type: "string", enum: ["cinematic", "anime"] };
    });
    expect(changes).toEqual([expect.objectContaining({ kind: "property-added", path: "/style", breaking: false })]);
    expect((changes[0]?.witness as Doc).style).toBe("cinematic");
  });

  test("an added enum value, an added pair, a loosened bound, a dropped requirement, a removed exclusion", async () => {
    const { changes } = await diffEdit(WAN3, (task) => {
      task.properties.outputFormat.enum.push("GIF");
      task.allOf.find((r: Doc) => r.then?.oneOf).then.oneOf.push({ title: "4K", properties: { width: { const: 3840 }, height: { const: 2160 } } });
      task.properties.outputQuality.maximum = 100;
      task.required = task.required.filter((r: string) => r !== "taskUUID");
      task.allOf = task.allOf.filter((r: Doc) => !(r.not?.allOf?.[0]?.required?.[0] === "resolution"));
    });
    expect(changes.every((c) => !c.breaking)).toBe(true);
    expect(changes.map((c) => c.kind).sort()).toEqual(["bound-loosened", "combination-added", "enum-value-added", "exclusion-removed", "required-removed"]);
    for (const c of changes) expect(c.witness, c.kind).toBeDefined();
  });

  test("descriptions and titles edited everywhere: nothing to report", async () => {
    const { report } = await diffEdit(WAN3, (task) => {
      for (const p of Object.values(task.properties) as Doc[]) p.description = `${p.description ?? ""} (edited)`;
    });
    expect(report.models[0]).toMatchObject({ status: "unchanged", changes: [] });
  });
});
