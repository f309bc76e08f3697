import { type ValidationIssue } from "../errors.js";
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
/** Throws `invalidTask` (nothing is sent) when `validate` is on and the task breaks the model's schema. */
export declare function prepareTask(binding: RunwareBinding, input: unknown, validate: boolean): PreparedTask;
