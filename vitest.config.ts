import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker per core but one: a single worker on the 2-core machines this runs on. Most
    // test files wait on child processes (the CLI, tsc, npm pack) and local servers, so three workers keep both
    // cores busy: the suite took 180 s with three on a quiet 2-core machine (over 200 s with two, with other work).
    maxWorkers: 3,
    // Test files share a worker's module cache instead of importing the generator, Ajv and TypeScript again for each
    // file (about 80 s of imports in all): 183 s → 140 s. No test file changes what another reads: the few that
    // touch process state (stdout spies, process.exit traps, chdir) restore it in finally blocks.
    isolate: false,
  },
});
