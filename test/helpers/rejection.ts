// The ModelgenError a client call rejects with; anything else (a resolution, another error) fails the test.
import { isModelgenError, type ModelgenError } from "../../templates/runtime/index.js";

export async function rejection(p: Promise<unknown>): Promise<ModelgenError> {
  try {
    await p;
  } catch (error) {
    if (isModelgenError(error)) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}
