import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end suite. `e2e/global-setup.ts` builds one fresh world per run (new embedded PostgreSQL,
 * migrated; `next build` + `next start`; `next dev` in test mode) and tears it down afterwards.
 * Specs pick a server with `test.use({ server: "production" })` (default `dev`), from
 * `e2e/support/fixtures.ts`.
 *
 * To add a spec that needs something else running (for example `npm start` with its worker, plus
 * CLI commands), start it from the spec or a worker fixture with `startServer()` from
 * `e2e/support/servers.ts`, giving it `serverEnvironment()` from `e2e/support/environment.ts` so it
 * shares this run's database; or add a server to global setup and pass its URL the same way.
 */
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results/e2e",
  // Two cores: the servers need one. Specs own their data (distinct logins), so order does not matter.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // `next dev` compiles a page on its first visit, which can take several seconds on a small machine.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's chromium (apt-get install chromium); never `playwright install`.
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
