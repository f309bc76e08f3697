// Turning a caller's input into the task object Runware receives: fill in the task type,
// model, a fresh UUID v4 and the delivery method, then validate the whole task.
import { invalidRequestError } from "./errors.js";
import { uuidV4 } from "./uuid.js";
function runValidator(binding, task) {
  try {
    return binding.validateTask(task);
  } catch (error) {
    return [{ path: "", message: `validator failed: ${error instanceof Error ? error.message : String(error)}` }];
  }
}
/** Throws `invalidTask` (nothing is sent) when `validate` is on and the task breaks the model's schema. */
export function prepareTask(binding, input, validate) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalidRequestError([{ path: "", message: "must be an object" }], "Runware task");
  }
  const given = input;
  // Ids first, so the wire body reads well; then the caller's fields.
  const task = { taskType: undefined, taskUUID: undefined, model: undefined, ...given };
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
