// One cold start: import a validator the way an app would, validate one payload, exit. The parent times the
// whole process (and a bare `node -e ""` to subtract).
//   node bench/lib/cold.js generated <module index.js> <payload.json>
//   node bench/lib/cold.js ajv <schema.json> <payload.json> <ajv options json>
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [mode, target, payloadFile, optionsJson] = process.argv.slice(2);
const payload = JSON.parse(readFileSync(payloadFile, "utf8"));
let ok;
if (mode === "generated") {
  const { isTask } = await import(pathToFileURL(target).href);
  ok = isTask(payload);
} else if (mode === "ajv") {
  const Ajv2020Module = await import("ajv/dist/2020.js");
  const addFormatsModule = await import("ajv-formats");
  const Ajv2020 = Ajv2020Module.default.default ?? Ajv2020Module.default;
  const addFormats = addFormatsModule.default.default ?? addFormatsModule.default;
  const ajv = new Ajv2020(JSON.parse(optionsJson));
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(target, "utf8")));
  ok = validate(payload);
} else throw new Error(`unknown mode ${mode}`);
// The payload given is valid: a false here means the measurement is of the wrong thing.
if (ok !== true) {
  process.stderr.write(`cold ${mode}: expected the payload to be valid\n`);
  process.exit(3);
}
