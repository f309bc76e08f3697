// Compare two versions of one model: find the changes (declarations, rules, modes, responses), then search a
// witness for each by running both validators. A change is breaking only with a witness the old validator
// accepts and the new one rejects; without one it is reported as not breaking, saying that none was found.
import { stableStringify } from "../json.js";
import { basePayloads } from "./bases.js";
import { declarationChanges } from "./declarations.js";
import { modeChanges } from "./modes.js";
import { responseChanges } from "./responses.js";
import { ruleChanges } from "./rules.js";
import type { Json } from "../ir/types.js";
import type { Candidate } from "./candidate.js";
import type { Change, ModelDiff, ModelSide } from "./types.js";

interface Search {
  readonly from: ModelSide;
  readonly to: ModelSide;
  /** Valid payloads of `from`, those `to` accepts first (a witness made from them shows this change alone). */
  readonly bases: readonly Json[];
  readonly toName: "old" | "new";
}

/** A payload `from` accepts and `to` rejects, made by the candidate's mutation or found among the bases; tried count. */
function searchWitness(c: Candidate, s: Search): { witness: Json | null; tried: number } {
  let tried = 0;
  const root = s.from.ir.task;
  if (c.mutate) {
    for (const base of s.bases)
      for (const p of c.mutate(base, root)) {
        tried++;
        if (s.from.validator.check(p) && !s.to.validator.check(p) && (!c.explains || c.explains(p, s.toName))) return { witness: p, tried };
      }
  }
  if (c.explains) {
    for (const base of s.bases) {
      tried++;
      if (!s.to.validator.check(base) && c.explains(base, s.toName)) return { witness: base, tried };
    }
  }
  return { witness: null, tried };
}

const orderBases = (bases: readonly Json[], to: ModelSide) => [...bases.filter((b) => to.validator.check(b)), ...bases.filter((b) => !to.validator.check(b))];

export function diffModels(base: ModelSide, head: ModelSide): ModelDiff {
  const oldBases = basePayloads(base);
  const newBases = basePayloads(head);
  const narrowing: Search = { from: base, to: head, bases: orderBases(oldBases, head), toName: "new" };
  const widening: Search = { from: head, to: base, bases: orderBases(newBases, base), toName: "old" };
  const candidates: Candidate[] = [
    ...declarationChanges(base.ir, head.ir),
    ...ruleChanges(base.ir, head.ir),
    ...modeChanges(base, head, oldBases, newBases),
    ...responseChanges(base.ir, head.ir),
  ];
  const changes: Change[] = candidates.map((c) => resolve(c, narrowing, widening));
  // Every old task the new validator rejects must be explained by some breaking change; if none is, say so.
  if (!changes.some((c) => c.breaking)) {
    const rejected = narrowing.bases.find((p) => !head.validator.check(p));
    if (rejected !== undefined) {
      const issue = head.validator.validateTask(rejected)[0];
      changes.push({
        kind: "constraint-changed",
        path: issue?.path ?? "",
        message: `a task the old spec accepts is rejected by the new one${issue ? `: ${issue.message}` : ""}`,
        breaking: true,
        witness: rejected,
      });
    }
  }
  const sorted = dedupe(changes).sort((a, b) => Number(b.breaking) - Number(a.breaking) || cmp(a.path, b.path) || cmp(a.kind, b.kind) || cmp(a.message, b.message));
  return {
    modelId: head.ir.meta.modelId,
    file: head.ir.meta.file,
    status: sorted.length ? "changed" : "unchanged",
    changes: sorted,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function dedupe(changes: readonly Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const k = stableStringify([c.kind, c.path, c.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function resolve(c: Candidate, narrowing: Search, widening: Search): Change {
  const { kind, path } = c;
  if (c.checked) {
    const { witness, breaking, note } = c.checked;
    return { kind, path, message: note ? `${c.message}; ${note}` : c.message, breaking, ...(witness !== null ? { witness } : {}) };
  }
  if (c.direction !== "widening") {
    const { witness, tried } = searchWitness(c, narrowing);
    if (witness !== null) return { kind, path, message: c.message, breaking: true, witness };
    const note = `not breaking as far as checked: no task the old spec accepts and the new one rejects was found (${tried} tried; the search is not exhaustive)`;
    if (c.direction === "narrowing") return { kind, path, message: `${c.message}; ${note}`, breaking: false };
    const back = searchWitness(c, widening).witness;
    return { kind, path, message: `${c.message}; ${note}${back !== null ? "; the witness is a task the new spec accepts and the old one rejects" : ""}`, breaking: false, ...(back !== null ? { witness: back } : {}) };
  }
  const { witness } = searchWitness(c, widening);
  return { kind, path, message: witness !== null ? `${c.message}; not breaking (it only widens); the witness is a task the new spec accepts and the old one rejects` : `${c.message}; not breaking (it only widens)`, breaking: false, ...(witness !== null ? { witness } : {}) };
}
