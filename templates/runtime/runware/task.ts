// Turning a caller's input into the task object Runware receives: fill in the task type,
// model, a fresh UUID v4 and the delivery method, then validate the whole task.

import { invalidRequestError, type ValidationIssue } from "../errors.js";
import { uuidV4 } from "../uuid.js";

export type DeliveryMethod = "sync" | "async";

/** What a generated per-model module supplies about its model. */
export interface RunwareBinding {
  modelId: string;
  taskType: string;
  deliveryMethods: DeliveryMethod[];
  defaultDelivery: DeliveryMethod;
  validateTask(task: unknown): ValidationIssue[];
}

export interface PreparedTask {
  task: Record<string, unknown>;
  taskUUID: string;
  numberResults: number;
  delivery: DeliveryMethod;
}

function runValidator(binding: RunwareBinding, task: Record<string, unknown>): ValidationIssue[] {
  try {
    return binding.validateTask(task);
  } catch (error) {
    return [{ path: "", message: `validator failed: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

/** Throws `invalidTask` (nothing is sent) when `validate` is on and the task breaks the model's schema. */
export function prepareTask(binding: RunwareBinding, input: unknown, validate: boolean): PreparedTask {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalidRequestError([{ path: "", message: "must be an object" }], "Runware task");
  }
  const given = input as Record<string, unknown>;
  // Ids first, so the wire body reads well; then the caller's fields.
  const task: Record<string, unknown> = { taskType: undefined, taskUUID: undefined, model: undefined, ...given };
  task.taskType ??= binding.taskType;
  task.taskUUID ??= uuidV4();
  task.model ??= binding.modelId;
  task.deliveryMethod ??= binding.defaultDelivery;

  const taskUUID = String(task.taskUUID);
  if (validate) {
    const issues = runValidator(binding, task);
    if (issues.length > 0) throw invalidRequestError(issues, `Runware task ${taskUUID}`, taskUUID);
  }
  const n = task.numberResults;
  return {
    task,
    taskUUID,
    numberResults: typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : 1,
    delivery: task.deliveryMethod === "sync" ? "sync" : "async",
  };
}
