// `modelgen pull <provider>`: bring specs/<provider>/ in step with the provider's catalog. The provider's catalog
// (how it lists and fetches documents) is found through the providers' registry; this command names no provider. Everything is fetched and
// checked before anything is written, so a failure (an unreachable catalog, an answer over a limit) writes nothing.
import { parseArgs } from "node:util";
import path from "node:path";
import { providers } from "../providers/index.js";
import { CatalogError, DEFAULT_LIMITS, redact, type Catalog, type CatalogRequest } from "../providers/catalog.js";
import { SpecError, escapeTerminal } from "../errors.js";
import { entryFor } from "./names.js";
import { localModels, planPull } from "./plan.js";
import { applyPull } from "./write.js";
import { planJson, renderPlan } from "./report.js";

/** The catalogs, by provider name, found through the providers' registry only (own names: `constructor` is none). */
function catalogs(): Map<string, Catalog> {
  return new Map(providers.flatMap((p) => (p.catalog ? [[p.name, p.catalog] as const] : [])).sort(([a], [b]) => (a < b ? -1 : 1)));
}
const catalogFor = (name: string): Catalog | undefined => catalogs().get(name);
const catalogProviders = (): string[] => [...catalogs().keys()];

/** `--help`: the options, and each catalog's own words. */
function pullHelp(): string {
  const catalogs = catalogProviders().map((name) => `  ${name}: ${(catalogFor(name)?.help ?? "").replace(/\n/g, `\n${" ".repeat(name.length + 4)}`)}`);
  return `Usage: modelgen pull <provider> [--category <c>]… [--model <id>]… [--specs <dir>] [--base-url <url>] [--dry-run] [--prune] [--format text|json]

  Writes the provider's current model documents into <specs>/<provider>/, one file per model named after its id
  (an id a/b/c → <specs>/<provider>/a/b/c.json), as received (pretty-printed JSON); overlays beside them keep
  applying. Providers with a catalog:
${catalogs.join("\n")}
  --specs <dir>      the specs folder (default: specs)
  --base-url <url>   read the catalog from another host (a mirror, a test server)
  --dry-run          report, write nothing
  --prune            delete the models gone upstream (by default they are reported and kept)
  --format json      the report as { provider, dryRun, added, changed, unchanged, gone, skipped } (default: text)
  Reports each model added, changed (its JSON differs, key order aside), gone upstream, and those skipped (an entry
  without a document, an id that cannot be a safe file name), with the count unchanged.
  Exit: 0 nothing changed, 1 specs changed (or would, with --dry-run), 2 bad usage, bad input or an unreachable
  catalog (then nothing is written).`;
}

/** Bad usage. Its code makes cli.ts's existing ERR_PARSE_ARGS handling print it and exit 2. */
class PullUsageError extends Error {
  readonly code = "ERR_PARSE_ARGS_INVALID_OPTION_VALUE";
}

/** A progress line on a terminal only, rewritten in place and cleared at the end. */
function progressLine(provider: string): { update: (done: number, what: string) => void; clear: () => void } {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    update: (done, what) => {
      if (!tty) return;
      process.stderr.write(`\r\x1b[K${escapeTerminal(`${provider}: ${what}, ${done} model${done === 1 ? "" : "s"}`)}`);
      shown = true;
    },
    clear: () => {
      if (shown) process.stderr.write("\r\x1b[K");
    },
  };
}

function baseUrl(given: string | undefined, catalog: Catalog): string {
  if (given === undefined) return catalog.defaultBaseUrl;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new PullUsageError(`--base-url ${JSON.stringify(given)} is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new PullUsageError(`--base-url must be an http or https URL, not ${url.protocol}`);
  if (url.username || url.password) throw new PullUsageError("--base-url must not carry a user name or password");
  return url.href;
}

export async function pullCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      category: { type: "string", multiple: true },
      model: { type: "string", multiple: true },
      specs: { type: "string" },
      "base-url": { type: "string" },
      "dry-run": { type: "boolean" },
      format: { type: "string" },
      prune: { type: "boolean" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return void process.stdout.write(pullHelp() + "\n");
  if (positionals.length !== 1) throw new PullUsageError(`pull needs one provider (${catalogProviders().join(", ")})`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new PullUsageError(`--format must be text or json, not ${JSON.stringify(format)}`);
  const provider = positionals[0]!;
  const catalog = catalogFor(provider);
  if (!catalog) throw new PullUsageError(`no catalog for the provider ${JSON.stringify(provider)}; pull knows ${catalogProviders().join(", ")}`);
  const categories = values.category ?? [];
  const models = values.model ?? [];
  if (categories.length && !catalog.filters.category) throw new PullUsageError(`${provider}'s catalog has no categories; name models with --model <${catalog.filters.model}>`);
  for (const c of categories) if (!/^[a-z0-9][a-z0-9-]*$/.test(c)) throw new PullUsageError(`--category ${JSON.stringify(c)}: expected a category name such as text-to-video`);
  const specsRoot = values.specs ?? "specs";
  for (const id of models) {
    const named = entryFor(id, specsRoot, provider);
    if ("error" in named) throw new PullUsageError(`--model ${JSON.stringify(id)}: ${named.error.replace(/; not written$/, "")}`);
  }
  const key = catalog.keyVariable ? process.env[catalog.keyVariable]?.trim() || undefined : undefined;
  const progress = progressLine(provider);
  try {
    const local = localModels(specsRoot, provider);
    const request: CatalogRequest = {
      categories,
      models,
      local: [...local.keys()],
      baseUrl: baseUrl(values["base-url"], catalog),
      key,
      fetch: globalThis.fetch,
      limits: DEFAULT_LIMITS,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      progress: progress.update,
    };
    const listing = await catalog.list(request);
    progress.clear();
    const plan = planPull(listing, local, specsRoot, provider);
    const listed = new Set(listing.entries.map((e) => e.id));
    const missing = models.filter((m) => !listed.has(m) && !local.has(m));
    if (missing.length) throw new CatalogError(`${provider}'s catalog has no model ${missing.map((m) => JSON.stringify(m)).join(", ")}`);
    const dryRun = values["dry-run"] === true;
    const prune = values.prune === true;
    if (!dryRun) {
      const dir = path.join(specsRoot, provider);
      const rel = (file: string) => path.relative(dir, file);
      const writes = new Map([...plan.added, ...plan.changed].map((w) => [rel(w.file), w.text] as const));
      if (writes.size || (prune && plan.gone.length)) applyPull(dir, writes, prune ? plan.gone.map((g) => rel(g.file)) : []);
    }
    if (format === "json") process.stdout.write(redact(planJson(provider, plan, { dryRun, prune }), key));
    else process.stdout.write(renderPlan(provider, plan, { dryRun, prune }).map((line) => `${escapeTerminal(redact(line, key))}\n`).join(""));
    process.exitCode = plan.added.length || plan.changed.length || (prune && plan.gone.length) ? 1 : 0;
  } catch (e) {
    progress.clear();
    // The catalog is the bad input here: exit 2 through the CLI's one error path, the key redacted.
    if (e instanceof CatalogError) throw new SpecError(`${provider} catalog`, "", redact(e.message, key));
    if (e instanceof SpecError) throw new SpecError(e.file, e.where, redact(e.expected, key), e.exitCode);
    // Anything else is a bug, printed with its stack: still without the key.
    if (e instanceof Error && key) {
      e.message = redact(e.message, key);
      if (e.stack) e.stack = redact(e.stack, key);
    }
    throw e;
  }
}
