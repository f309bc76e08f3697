export { formats, uuid, uri, uriReference, dateTime, date, time, email, hostname, ipv4 } from "./formats.js";
export { ajvUcs2length, ajvEqual, ajvError, ajvPush, ajvObject, ajvHas, ajvPlain, ajvGuard } from "./ajv-helpers.js";
export {
  toIssues,
  checkExtraRules,
  valueAt,
  pointerText,
  type ValidationIssue,
  type RuleMessage,
  type ExtraRule,
  type AjvError,
} from "./issues.js";
export { checkApiKey, apiKeyProblem, type ApiKeyProblem } from "./api-key.js";
export {
  standardSchema,
  pathKeys,
  type StandardSchemaV1,
  type StandardIssue,
  type StandardResult,
} from "./standard.js";
export { taskChecks, type ModelValidator, type TaskChecks, type TaskFunctions } from "./model.js";
export { runwareModel } from "../runtime/runware/model.js";
export { falModel } from "../runtime/fal/model.js";
export { runflowModel } from "../runtime/runflow/model.js";
