#!/usr/bin/env node
// The `modelgen` command: runs the generator as built into dist/ (by `npm ci`, through `prepare`).
import { existsSync } from "node:fs";

const cli = new URL("../dist/generator/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("modelgen: the generator is not built; run `npm ci` or `npm run build`\n");
  process.exit(2);
}
await import(cli.href);
