// The catalogs pull can read, by provider name. Until the providers' registry (providers/index.ts) carries a
// `catalog` on each provider, this list is where pull finds them; it is the only place that names them.
import type { Catalog } from "./catalog.js";
import { falCatalog } from "./fal/catalog.js";
import { runwareCatalog } from "./runware/catalog.js";

const CATALOGS: Readonly<Record<string, Catalog>> = { fal: falCatalog, runware: runwareCatalog };

/** The catalog of the provider called `name`, or undefined (own keys only: `constructor` is no provider). */
export const catalogFor = (name: string): Catalog | undefined => (Object.hasOwn(CATALOGS, name) ? CATALOGS[name] : undefined);

/** The providers that have a catalog, sorted. */
export const catalogProviders = (): string[] => Object.keys(CATALOGS).sort();
