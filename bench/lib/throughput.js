// Throughput of one validator on a valid and an invalid payload, in this (fresh) process. Prints JSON:
// { competitor, how, results: { valid: { opsPerSec, samples, verdict }, invalid: {…} } }.
//   node bench/lib/throughput.js <competitor> <config.json>
// config: { schemaFile, payloadsFile, moduleFile, ajvOptions, sampleMs, samples, warmupMs }
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [competitor, configFile] = process.argv.slice(2);
const cfg = JSON.parse(readFileSync(configFile, "utf8"));
const schema = JSON.parse(readFileSync(cfg.schemaFile, "utf8"));
const payloads = JSON.parse(readFileSync(cfg.payloadsFile, "utf8"));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Each competitor: { how, sync?: (payload) => boolean, async?: (payload) => Promise<boolean> } (true = valid). */
async function setup(name) {
  switch (name) {
    case "generated-isTask": {
      const m = await import(pathToFileURL(cfg.moduleFile).href);
      return { how: "generated isTask(payload) (precompiled Ajv standalone + extra rules)", sync: (p) => m.isTask(p) };
    }
    case "generated-validateTask": {
      const m = await import(pathToFileURL(cfg.moduleFile).href);
      return { how: "generated validateTask(payload).length === 0 (issues with messages when invalid)", sync: (p) => m.validateTask(p).length === 0 };
    }
    case "ajv": {
      const Ajv2020 = (await import("ajv/dist/2020.js")).default;
      const addFormats = (await import("ajv-formats")).default;
      const ajv = new (Ajv2020.default ?? Ajv2020)(cfg.ajvOptions);
      (addFormats.default ?? addFormats)(ajv);
      const v = ajv.compile(schema);
      return { how: "Ajv2020 + ajv-formats compiled at run time, same options as ajvOptions(); validate(payload)", sync: (p) => v(p) };
    }
    case "ajv-default": {
      // What a user would pick instead: Ajv with its defaults (first error, strict mode as shipped) + ajv-formats.
      const Ajv2020 = (await import("ajv/dist/2020.js")).default;
      const addFormats = (await import("ajv-formats")).default;
      const ajv = new (Ajv2020.default ?? Ajv2020)({ logger: false });
      (addFormats.default ?? addFormats)(ajv);
      const v = ajv.compile(schema);
      return { how: "Ajv2020 + ajv-formats with Ajv's default options (first error; logger off), compiled at run time; validate(payload)", sync: (p) => v(p) };
    }
    case "cfworker": {
      const { Validator } = await import("@cfworker/json-schema");
      const v = new Validator(schema, "2020-12", false);
      return { how: 'new Validator(schema, "2020-12", shortCircuit=false) (all errors, like allErrors: true); validate(payload).valid', sync: (p) => v.validate(p).valid };
    }
    case "hyperjump-compiled":
    case "hyperjump-async": {
      const hj = await import("@hyperjump/json-schema/draft-2020-12");
      await import("@hyperjump/json-schema/formats");
      hj.setShouldValidateFormat(true);
      const uri = "https://modelgen.bench/alibaba-wan2-7/task";
      hj.registerSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", ...schema }, uri);
      if (name === "hyperjump-async")
        return { how: "await validate(uri, payload) per call (FLAG output, format assertion on)", async: async (p) => (await hj.validate(uri, p)).valid };
      const compiled = await hj.validate(uri);
      return { how: "fn = await validate(uri) once, then fn(payload) per call (sync; FLAG output, format assertion on)", sync: (p) => compiled(p).valid };
    }
    default:
      throw new Error(`unknown competitor ${name}`);
  }
}

let sink = 0;
function runSync(fn, payload, ms, batch) {
  let ops = 0;
  const t = performance.now();
  let el;
  do {
    for (let i = 0; i < batch; i++) sink ^= fn(payload) ? 1 : 2;
    ops += batch;
    el = performance.now() - t;
  } while (el < ms);
  return (ops * 1000) / el;
}
async function runAsync(fn, payload, ms, batch) {
  let ops = 0;
  const t = performance.now();
  let el;
  do {
    for (let i = 0; i < batch; i++) sink ^= (await fn(payload)) ? 1 : 2;
    ops += batch;
    el = performance.now() - t;
  } while (el < ms);
  return (ops * 1000) / el;
}

const c = await setup(competitor);
const run = c.sync ? (p, ms, b) => runSync(c.sync, p, ms, b) : (p, ms, b) => runAsync(c.async, p, ms, b);
const kinds = ["valid", "invalid"];
const results = {};
const batch = {};
for (const kind of kinds) {
  const payload = payloads[kind];
  results[kind] = { verdict: c.sync ? c.sync(payload) : await c.async(payload), samples: [] };
  // Batch size: enough calls that one batch takes about a millisecond, so the clock is read rarely.
  let b = 1;
  for (;;) {
    const t = performance.now();
    await run(payload, 0, b);
    if (performance.now() - t > 1 || b >= 1 << 16) break;
    b *= 2;
  }
  batch[kind] = b;
}
// Warm up on both payloads, alternating, so every competitor's code has seen both shapes before any sample
// (measuring one payload after the other otherwise favours whichever was optimised first). Then interleave
// the samples of the two payloads, so drift in machine load hits both alike.
const slices = 8;
for (let i = 0; i < slices; i++) for (const kind of kinds) await run(payloads[kind], cfg.warmupMs / (2 * slices), batch[kind]);
for (let s = 0; s < cfg.samples; s++) for (const kind of kinds) results[kind].samples.push(await run(payloads[kind], cfg.sampleMs, batch[kind]));
for (const kind of kinds) {
  results[kind].opsPerSec = median(results[kind].samples);
  results[kind].samples = results[kind].samples.map((x) => Math.round(x));
}
process.stdout.write(JSON.stringify({ competitor, how: c.how, results, sink: sink & 1 }) + "\n");
