// What `modelgen diff` reports: per model a status and its changes, each breaking one with a witness task that
// the old validator accepts and the new one rejects (both run, never assumed).
import type { InProcessValidator } from "../ir/types.js";
import type { Json, ModelIR, Witness } from "../ir/types.js";

/** One side of a comparison: the model and its validator (as generated), and lint's witnesses when known. */
export interface ModelSide {
  readonly ir: ModelIR;
  readonly validator: Pick<InProcessValidator, "check" | "validateTask">;
  /** Valid payloads per mode (lint's); optional: the diff builds its own from the case split. */
  readonly witnesses?: readonly Witness[];
}

export type ChangeKind =
  | "property-added"
  | "property-removed"
  | "required-added"
  | "required-removed"
  | "type-narrowed"
  | "type-widened"
  | "enum-value-added"
  | "enum-value-removed"
  | "bound-tightened"
  | "bound-loosened"
  | "constraint-changed"
  | "combination-added"
  | "combination-removed"
  | "exclusion-added"
  | "exclusion-removed"
  | "mode-added"
  | "mode-removed"
  | "rule-added"
  | "rule-removed"
  | "rule-changed"
  | "response-field-added"
  | "response-field-removed";

export interface Change {
  readonly kind: ChangeKind;
  /** JSON Pointer into the task (into the response for response-field-*). */
  readonly path: string;
  readonly message: string;
  readonly breaking: boolean;
  /**
   * Breaking: a complete task the old validator accepts and the new one rejects (for response-field-removed: a
   * response the new schema allows and the old one rejects). Widening: a task the new validator accepts and the
   * old one rejects. Always checked by running both validators.
   */
  readonly witness?: Json;
}

export type ModelStatus = "added" | "removed" | "changed" | "unchanged";

export interface ModelDiff {
  readonly modelId: string;
  /** The spec's path (the new one; the old one for a removed model). */
  readonly file: string;
  readonly status: ModelStatus;
  readonly changes: readonly Change[];
  /** Unchanged in what it accepts and promises, but its words (descriptions, titles, examples) changed. */
  readonly reworded?: boolean;
}

export interface DiffReport {
  readonly models: readonly ModelDiff[];
}

export const isBreaking = (report: DiffReport): boolean => report.models.some((m) => m.changes.some((c) => c.breaking));
