// The providers, in the order recognition tries them. Adding one: its folder here (generator/providers/<name>/,
// implementing Provider), its runtime (templates/runtime/<name>/), one line in this list, its tests and the README's
// provider list; no stage changes. Stages reach a provider only through this module.
import { SpecError } from "../errors.js";
import { isPlain } from "../json.js";
import { fal } from "./fal/index.js";
import { runflow } from "./runflow/index.js";
import { runware } from "./runware/index.js";
import type { JsonObject } from "../ir/types.js";
import type { Provider } from "./provider.js";

export type { Provider, ProviderMeta, ProviderModule, ProviderReadme, SchemaType } from "./provider.js";

/** Every provider. A document is the one provider's that recognises it; when two do, it must name one. */
export const providers: readonly Provider[] = [runware, runflow, fal];

/** The info key that names a document's provider when recognition cannot (add it with an overlay). */
export const PROVIDER_KEY = "x-modelgen-provider";

/** The provider named `name`; throws (a generator bug) for a name no provider has. */
export function providerNamed(name: string): Provider {
  const found = providers.find((p) => p.name === name);
  if (!found) throw new Error(`no provider named ${JSON.stringify(name)}`);
  return found;
}

/**
 * The provider of a document: the one `info.x-modelgen-provider` names, else the one that recognises it. A
 * document none recognises is refused, naming what each looks for; one that several recognise must name one.
 */
export function recogniseProvider(file: string, doc: JsonObject, where: (keys: readonly string[]) => string): Provider {
  const info = isPlain(doc.info) ? doc.info : {};
  const named = info[PROVIDER_KEY];
  if (named !== undefined) {
    const found = providers.find((p) => p.name === named);
    if (!found) throw new SpecError(file, where(["info", PROVIDER_KEY]), `unknown provider ${JSON.stringify(named)}; known providers: ${providers.map((p) => p.name).join(", ")}`);
    return found;
  }
  const found = providers.filter((p) => p.recognise(doc));
  if (found.length > 1)
    throw new SpecError(file, where([]), `the document looks like ${found.map((p) => p.name).join(" and ")} at once; name its provider with info.${PROVIDER_KEY} (an overlay can add it)`);
  if (found[0]) return found[0];
  throw new SpecError(file, where([]), `no provider recognises this document: looked for ${providers.map((p) => p.signs).join("; ")}; name one with info.${PROVIDER_KEY} (an overlay can add it)`);
}
