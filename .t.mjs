import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fs from "fs";
import { loadSpec } from "./generator/load/spec.js";
import { normalize } from "./generator/normalize/index.js";
const files = ["specs/runware/alibaba-wan2-7.json", ...fs.readdirSync("../shared/real-specs").filter(f=>f.endsWith(".json")).map(f=>"../shared/real-specs/"+f)];
for (const f of files) {
  const s = await loadSpec({file: f, root: null});
  const n = normalize(s.taskSchema);
  const ajv = new Ajv2020.default({strict: true, allowUnionTypes: true, allErrors: true});
  addFormats.default(ajv);
  try { ajv.compile(n); console.log("OK", f, s.taskSourcePointer); } catch (e) { console.log("ERR", f, e.message); }
}
