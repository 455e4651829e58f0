import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", "scratch/**"],
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites spawn CLI processes and PostgreSQL servers; two cores do not gain from more.
    maxWorkers: 2,
  },
  resolve: { alias: { "@": new URL(".", import.meta.url).pathname } },
});
