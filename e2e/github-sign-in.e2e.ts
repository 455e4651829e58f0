import { type Browser, expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { type GitHubEmulator, startGitHubEmulator } from "../emulator/start-emulator";
import type { Database } from "../lib/db/client";
import { accounts, users } from "../lib/db/schema";
import { signInWithGitHub } from "./support/github-oauth";
import { ownDatabase, ownServer, type Undo, undoAll } from "./support/own-world";
import type { RunningServer } from "./support/servers";

/**
 * Real GitHub sign-in, through Auth.js, against the local GitHub emulator: a production server of
 * its own on a brand-new database (so "the first user" is really the first), with the OAuth
 * endpoints taken from GITHUB_SERVER_URL / GITHUB_API_URL.
 */
test.describe.configure({ mode: "serial" });

let emulator: GitHubEmulator;
let server: RunningServer;
let database: Database;
const undo: Undo = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  emulator = await startGitHubEmulator({
    repositories: 5,
    oauth: { clientId: "e2e-client", clientSecret: "e2e-secret" },
  });
  undo.push(() => emulator.close());
  const world = await ownDatabase(
    "oauth",
    {
      ...emulator.env,
      AUTH_GITHUB_ID: "e2e-client",
      AUTH_GITHUB_SECRET: "e2e-secret",
      GLOBALLM_ADMINS: "Listed-Admin",
    },
    undo,
  );
  database = world.database;
  server = await ownServer("github-sign-in", world.env, undo);
});

test.afterAll(() => undoAll(undo));

function signIn(browser: Browser, login: string) {
  return signInWithGitHub(browser, { serverUrl: server.url, emulator, login });
}

test("the first user to sign in with GitHub becomes an admin, and no token is kept", async ({ browser }) => {
  const { context, page } = await signIn(browser, "first-octo");
  await expect(page.getByTestId("user-role")).toHaveText("admin");
  await expect(page.getByText("You can edit")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/github-sign-in-admin.png" });

  const [user] = await database.select().from(users).where(eq(users.login, "first-octo"));
  expect(user?.role).toBe("admin");
  const [account] = await database
    .select()
    .from(accounts)
    .where(eq(accounts.userId, user?.id ?? ""));
  expect(account).toMatchObject({
    provider: "github",
    access_token: null,
    refresh_token: null,
    id_token: null,
  });
  await context.close();
});

test("later users are members unless GLOBALLM_ADMINS lists them", async ({ browser }) => {
  const member = await signIn(browser, "second-octo");
  await expect(member.page.getByTestId("user-role")).toHaveText("member");
  await expect(member.page.getByText("Read-only: admins edit")).toBeVisible();
  await member.context.close();

  // Listed as "Listed-Admin": logins compare case-insensitively.
  const listed = await signIn(browser, "listed-admin");
  await expect(listed.page.getByTestId("user-role")).toHaveText("admin");
  await listed.context.close();
});
