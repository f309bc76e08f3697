import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker per core but one: a single worker on the 2-core machines this runs on. Most
    // test files wait on child processes and local servers, so two workers keep both cores busy.
    maxWorkers: 2,
  },
});
