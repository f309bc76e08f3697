// What generated validators import at run time: formats, Ajv's two helpers, and the message builder.
export { formats } from "./formats.js";
export { ajvUcs2length, ajvEqual } from "./ajv-helpers.js";
export { toIssues, checkExtraRules, valueAt, pointerText } from "./issues.js";
