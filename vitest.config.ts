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
    // cores busy: on a quiet 2-core machine the suite took 226 s with two and 180 s with three.
    maxWorkers: 3,
  },
});
