import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { type GitHubEmulator, startGitHubEmulator } from "../emulator/start-emulator";
import { closeDatabase, type Database } from "../lib/db/client";
import { connectDatabase, databaseTarget } from "../lib/db/connect";
import { destroyEmbedded, embeddedCluster } from "../lib/db/embedded/cluster";
import { migrate } from "../lib/db/migrate";
import { accounts, users } from "../lib/db/schema";
import { dataDir } from "../lib/paths";
import { loadMachineSettings } from "../lib/settings/machine";
import { E2E_DIST_DIR, serverEnvironment } from "./support/environment";
import { signInWithGitHub } from "./support/github-oauth";
import { freePort, nextServer, projectRoot, type RunningServer } from "./support/servers";

const logDir = join(projectRoot, "test-results", "e2e-servers");

/**
 * Real GitHub sign-in, through Auth.js, against the local GitHub emulator: a production server of
 * its own on a brand-new database (so "the first user" is really the first), with the OAuth
 * endpoints taken from GITHUB_SERVER_URL / GITHUB_API_URL.
 */
test.describe.configure({ mode: "serial" });

let emulator: GitHubEmulator;
let server: RunningServer;
let database: Database;
// Undone in reverse order by afterAll, including after a half-finished beforeAll.
const undo: (() => Promise<unknown>)[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const home = mkdtempSync(join(tmpdir(), "globallm-oauth-"));
  undo.push(async () => rmSync(home, { recursive: true, force: true }));
  emulator = await startGitHubEmulator({
    repositories: 5,
    oauth: { clientId: "e2e-client", clientSecret: "e2e-secret" },
  });
  undo.push(() => emulator.close());
  const env = serverEnvironment(process.env, home, {
    ...emulator.env,
    GLOBALLM_NEXT_DIST_DIR: E2E_DIST_DIR,
    AUTH_GITHUB_ID: "e2e-client",
    AUTH_GITHUB_SECRET: "e2e-secret",
    GLOBALLM_ADMINS: "Listed-Admin",
  });
  const cluster = embeddedCluster(dataDir({ XDG_DATA_HOME: env.XDG_DATA_HOME, HOME: env.HOME }));
  undo.push(() => destroyEmbedded(cluster));
  const connection = await connectDatabase(databaseTarget(loadMachineSettings({ env })), { max: 2 });
  database = connection.db;
  undo.push(() => closeDatabase(database));
  await migrate(database.$client);
  server = await nextServer("start", {
    env,
    port: await freePort(),
    logFile: join(logDir, "github-sign-in-next-start.log"),
  });
  undo.push(() => server.stop());
});

test.afterAll(async () => {
  for (const step of undo.reverse()) await step();
});

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
