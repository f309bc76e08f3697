// openapi-typescript (types only) over every spec of a folder, in this (fresh) process: the comparison for the
// generation figure. Reads each spec through openapi-typescript's own loader, writes <out>/<name>.ts.
//   node bench/lib/ots-runner.js <specs dir> <out dir>
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const [specsDir, outDir] = process.argv.slice(2);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
/** Every .json under a folder, nested folders included (fal's documents sit under category/owner/…). */
const specs = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? specs(path.join(dir, name)).map((f) => path.join(name, f)) : name.endsWith(".json") ? [name] : []));
let n = 0;
for (const name of specs(specsDir)) {
  const ast = await openapiTS(pathToFileURL(path.resolve(specsDir, name)), { silent: true });
  const file = path.join(outDir, name.replace(/\.json$/, ".ts"));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, astToString(ast));
  n++;
}
process.stdout.write(`openapi-typescript: ${n} specs\n`);
