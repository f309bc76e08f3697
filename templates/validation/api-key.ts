// The API key check, in one place: the client runtime refuses a bad key when it resolves its options, and every
// model module's createClient refuses it synchronously before the runtime loads (the runtime loads at the first
// call). The module check lives here because the validation runtime is what a model module imports at once.
import { MIN_SECRET_LENGTH } from "../runtime/redact.js";

export interface ApiKeyProblem {
  readonly code: "missingApiKey" | "invalidOptions";
  readonly message: string;
}

/** What is wrong with a client's `apiKey` (surrounding spaces trimmed), or undefined when it may be sent. */
export function apiKeyProblem(apiKey: unknown): ApiKeyProblem | undefined {
  const key = typeof apiKey === "string" ? apiKey.trim() : "";
  if (key === "") return { code: "missingApiKey", message: "options.apiKey must be a non-empty string" };
  if (key.length < MIN_SECRET_LENGTH)
    return { code: "invalidOptions", message: `options.apiKey is ${key.length} character${key.length === 1 ? "" : "s"} long: not a real API key (keys have at least ${MIN_SECRET_LENGTH})` };
  return undefined;
}

/** createClient's own check: a TypeError carrying the code the runtime would give (ModelgenError is not loaded yet). */
export function checkApiKey(options: unknown): void {
  const problem = apiKeyProblem(options !== null && typeof options === "object" ? (options as { apiKey?: unknown }).apiKey : undefined);
  if (!problem) return;
  throw Object.assign(new TypeError(problem.message), { code: problem.code });
}
