// openapi-typescript (types only) over every spec of a folder, in this (fresh) process: the comparison for the
// generation figure. Reads each spec through openapi-typescript's own loader, writes <out>/<name>.ts.
//   node bench/lib/ots-runner.js <specs dir> <out dir>
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const [specsDir, outDir] = process.argv.slice(2);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
let n = 0;
for (const name of readdirSync(specsDir).sort()) {
  if (!name.endsWith(".json")) continue;
  const ast = await openapiTS(pathToFileURL(path.resolve(specsDir, name)), { silent: true });
  writeFileSync(path.join(outDir, name.replace(/\.json$/, ".ts")), astToString(ast));
  n++;
}
process.stdout.write(`openapi-typescript: ${n} specs\n`);
