#!/usr/bin/env node
// The generated package's command: `npx <package> validate "payloads/**/*.json" --format github`. Shipped as
// _runtime/validate/bin.js; the package's registry is two folders up.
import { packageMain } from "./cli.js";

await packageMain(process.argv.slice(2), new URL("../../index.js", import.meta.url));
