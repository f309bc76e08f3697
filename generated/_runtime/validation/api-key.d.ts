export interface ApiKeyProblem {
  readonly code: "missingApiKey" | "invalidOptions";
  readonly message: string;
}
/** What is wrong with a client's `apiKey` (surrounding spaces trimmed), or undefined when it may be sent. */
export declare function apiKeyProblem(apiKey: unknown): ApiKeyProblem | undefined;
/** createClient's own check: a TypeError carrying the code the runtime would give (ModelgenError is not loaded yet). */
export declare function checkApiKey(options: unknown): void;
