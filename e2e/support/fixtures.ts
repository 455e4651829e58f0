import { test as base, expect, type Page } from "@playwright/test";
import { createSession } from "../../lib/auth/sessions";
import { upsertUserByLogin } from "../../lib/auth/users";
import { closeDatabase, type Database } from "../../lib/db/client";
import { connectDatabase, databaseTarget } from "../../lib/db/connect";
import type { UserRole } from "../../lib/db/schema";
import { loadMachineSettings } from "../../lib/settings/machine";
import { e2eVariables, serverEnvironment } from "./environment";

export type ServerKind = "dev" | "production";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e suite with \`npm run test:e2e\`.`);
  return value;
}

/**
 * `server` picks which of the run's servers `baseURL` points at: `dev` (test mode, test sign-in on)
 * or `production` (a real build). `database` is the run's database, for tests that arrange data.
 */
export const test = base.extend<{ server: ServerKind }, { database: Database }>({
  server: ["dev", { option: true }],
  baseURL: async ({ server }, use) => {
    await use(required(server === "dev" ? e2eVariables.devUrl : e2eVariables.productionUrl));
  },
  database: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const env = serverEnvironment(process.env, required(e2eVariables.dataHome));
      const connection = await connectDatabase(databaseTarget(loadMachineSettings({ env })), {
        start: false,
        max: 2,
        applicationName: "globallm-e2e",
      });
      await use(connection.db);
      await closeDatabase(connection.db);
    },
    { scope: "worker" },
  ],
});

export { expect };

/** Signs the page's browser context in through the test-only endpoint (dev server only). */
export async function signInAs(page: Page, login: string, role: UserRole): Promise<void> {
  const response = await page.request.post("/api/test/sign-in", { data: { login, role } });
  expect(response.status(), await response.text()).toBe(200);
}

/** A session made the way the production server would see one: a user row and a session row. */
export async function sessionCookie(database: Database, login: string, role: UserRole): Promise<string> {
  const user = await upsertUserByLogin(database, login, role);
  const session = await createSession(database, user.id);
  return `authjs.session-token=${session.token}`;
}
