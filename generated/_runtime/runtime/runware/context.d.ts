import type { Sleeper } from "../abort.js";
import type { ResolvedOptions } from "../options.js";
import type { Redactor } from "../redact.js";
import type { RunwareBinding } from "./task.js";
import type { Transport } from "../transport.js";
export interface RunwareContext {
  binding: RunwareBinding;
  options: ResolvedOptions;
  transport: Transport;
  redact: Redactor;
  sleep: Sleeper;
}
/** Progress of one task, reported after every poll answer. */
export interface RunwareProgress<TResult> {
  taskUUID: string;
  /** "processing" until done, then "success". */
  status: string;
  /** The provider's progress figure, when it sends one. */
  progress?: number;
  /** Every result so far (answers are cumulative). */
  results: TResult[];
}
