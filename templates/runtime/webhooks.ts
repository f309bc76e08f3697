// Incoming webhooks. Runware POSTs `{data: [item]}` once per finished item, unsigned (the URL
// carries a token). Runflow POSTs a callback once per terminal run, signed with
// `Runflow-Signature` = hex HMAC-SHA256 of the raw body under the callback secret.

import { ModelgenError } from "./errors.js";
import { hexToBytes, hmacSha256, timingSafeEqual } from "./hmac.js";
import { createRedactor } from "./redact.js";
import { itemState, readRunwareAnswer, runwareError } from "./runware-answer.js";
import type { RunwareBinding } from "./runware-task.js";

export interface CallbackPayload<TOutput> {
  event: "run.completed" | "run.failed" | "run.cancelled" | (string & {});
  run_id: string;
  status: "succeeded" | "failed" | "cancelled" | "canceled" | (string & {});
  output: TOutput | null;
  duration_ms: number | null;
  created_at: string | null;
  completed_at: string | null;
  metadata: Record<string, unknown> | null;
  [field: string]: unknown;
}

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export const RUNFLOW_SIGNATURE_HEADER = "Runflow-Signature";

const noSecrets = createRedactor([]);
const decoder = new TextDecoder();

function invalidPayload(message: string): ModelgenError {
  return new ModelgenError({ code: "invalidPayload", message, retryable: false });
}

function parseJson(raw: unknown): unknown {
  if (typeof raw !== "string" && !(raw instanceof Uint8Array)) return raw;
  try {
    return JSON.parse(typeof raw === "string" ? raw : decoder.decode(raw));
  } catch {
    throw invalidPayload("webhook body is not JSON");
  }
}

/** Splits a Runware webhook body into finished results and task errors (items still running are skipped). */
export function parseRunwareWebhook<TResult>(body: unknown, binding?: Pick<RunwareBinding, "taskType">): { results: TResult[]; errors: ModelgenError[] } {
  const answer = readRunwareAnswer(parseJson(body));
  if (!answer || (answer.data.length === 0 && answer.errors.length === 0)) throw invalidPayload("webhook body has neither data nor errors");
  const results: TResult[] = [];
  const errors: ModelgenError[] = answer.errors.map((e) => runwareError(e, { redact: noSecrets, taskLevel: true }));
  for (const item of answer.data) {
    const state = itemState(item);
    if (state === "error") errors.push(runwareError(item, { redact: noSecrets, taskLevel: true }));
    else if (binding && item.taskType !== undefined && item.taskType !== binding.taskType) {
      errors.push(new ModelgenError({ code: "invalidPayload", message: `unexpected taskType ${String(item.taskType)}`, taskUUID: typeof item.taskUUID === "string" ? item.taskUUID : undefined, details: item }));
    } else if (state === "success") results.push(item as TResult);
  }
  return { results, errors };
}

/** True when `signatureHex` is the hex HMAC-SHA256 of exactly `rawBody` under `secret` (constant-time). */
export async function verifyRunflowSignature(rawBody: string | Uint8Array, signatureHex: string | null | undefined, secret: string): Promise<boolean> {
  if (typeof signatureHex !== "string" || typeof secret !== "string" || secret === "") return false;
  const given = hexToBytes(signatureHex.trim());
  if (!given) return false;
  return timingSafeEqual(given, await hmacSha256(secret, rawBody));
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Verifies the signature over the raw body, then parses; rejects with `invalidSignature` or `invalidPayload`. */
export async function parseRunflowWebhook<TOutput>(rawBody: string | Uint8Array, headers: WebhookHeaders, secret: string): Promise<CallbackPayload<TOutput>> {
  if (!(await verifyRunflowSignature(rawBody, header(headers, RUNFLOW_SIGNATURE_HEADER), secret))) {
    throw new ModelgenError({ code: "invalidSignature", message: "Runflow-Signature is missing or does not match the body", retryable: false });
  }
  const payload = parseJson(rawBody) as Partial<CallbackPayload<TOutput>> | null;
  if (typeof payload !== "object" || payload === null || typeof payload.run_id !== "string" || typeof payload.status !== "string" || typeof payload.event !== "string") {
    throw invalidPayload("Runflow callback lacks event, run_id or status");
  }
  return {
    ...payload,
    output: payload.output ?? null,
    duration_ms: payload.duration_ms ?? null,
    created_at: payload.created_at ?? null,
    completed_at: payload.completed_at ?? null,
    metadata: payload.metadata ?? null,
  } as CallbackPayload<TOutput>;
}
