import { type Browser, expect, type Page, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { type GitHubEmulator, startGitHubEmulator } from "../emulator/start-emulator";
import type { Database } from "../lib/db/client";
import { events } from "../lib/db/schema";
import {
  type ListRepositoriesParams,
  listRepositories,
  requireRepository,
} from "../lib/repositories/queries";
import { signInWithGitHub } from "./support/github-oauth";
import { ownDatabase, ownServer, type Undo, undoAll } from "./support/own-world";
import { runCli } from "./support/run-cli";
import { builtActions, callAction } from "./support/server-actions";
import type { RunningServer } from "./support/servers";

/**
 * The Repositories page against the GitHub emulator, end to end: the store is filled by the real
 * CLI (`globallm discover` and `analyze`) on a brand-new database; a production server of its own,
 * pointed at the same emulator (for sign-in and for re-analysis), serves the page; people sign in
 * through GitHub OAuth. The first to sign in is the admin, the second a member.
 */
test.describe.configure({ mode: "serial" });

const screenshots = "e2e/screenshots";
const ADMIN = "repo-admin";
const MEMBER = "repo-member";

let emulator: GitHubEmulator;
let server: RunningServer;
let database: Database;
const undo: Undo = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  emulator = await startGitHubEmulator({
    repositories: 80,
    seed: 4,
    oauth: { clientId: "e2e-repositories", clientSecret: "e2e-repositories-secret" },
  });
  undo.push(() => emulator.close());
  const world = await ownDatabase(
    "repositories",
    {
      ...emulator.env,
      // The emulator accepts any ghp_ token; GraphQL (batched signals) needs one, as on GitHub.
      GITHUB_TOKEN: "ghp_e2erepositoriespage0001",
      AUTH_GITHUB_ID: "e2e-repositories",
      AUTH_GITHUB_SECRET: "e2e-repositories-secret",
    },
    undo,
  );
  const env = world.env;
  database = world.database;

  // Analyzed repositories from one discovery, then a second discovery left unanalyzed (and giving
  // some repositories a domain), as an operator would leave the store.
  for (const args of [
    ["discover", "--domain", "overall", "--max-results", "30", "--min-stars", "0", "--min-dependents", "0"],
    ["analyze"],
    ["discover", "--domain", "security", "--max-results", "12", "--min-stars", "0", "--min-dependents", "0"],
  ]) {
    const result = await runCli([...args, "--json"], env);
    expect(result.code, `globallm ${args.join(" ")}: ${result.stderr}`).toBe(0);
  }

  server = await ownServer("repositories", env, undo);
});

test.afterAll(() => undoAll(undo));

function signIn(browser: Browser, login: string, path = "/repositories") {
  return signInWithGitHub(browser, { serverUrl: server.url, emulator, login, path });
}

/** What the store says the page should show, straight from the query the page calls. */
async function expected(params: ListRepositoriesParams) {
  return listRepositories(database, params);
}

function table(page: Page) {
  return page.getByRole("table", { name: "Repositories" });
}

/** The repository names in the table, top to bottom. */
async function shownNames(page: Page): Promise<string[]> {
  return table(page).locator("tbody tr td:first-child a").allTextContents();
}

/** Waits for the URL and for the rows the store has for it (navigation is a server round trip). */
async function expectView(page: Page, query: RegExp, params: ListRepositoriesParams) {
  await expect(page).toHaveURL(query);
  const { rows, total } = await expected(params);
  await expect.poll(() => shownNames(page)).toEqual(rows.map((row) => row.fullName));
  await expect(page.getByTestId("table-range")).toContainText(`of ${total} repositories`);
  return { rows, total };
}

test("an admin signs in with GitHub, sorts, filters, searches and pages; a reload keeps the view", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, ADMIN);
  await expect(page.getByTestId("user-role")).toHaveText("admin");
  const all = await expected({});
  expect(all.total, "the CLI filled the store").toBeGreaterThan(30);
  expect((await expected({ filter: "unanalyzed" })).total, "some are left unanalyzed").toBeGreaterThan(0);
  await expectView(page, /\/repositories$/, {});
  await page.screenshot({ path: `${screenshots}/repositories-list.png`, fullPage: true });

  // Sorting: a header click sorts on the server, most first; a second click reverses.
  await table(page).getByRole("button", { name: "Health" }).click();
  await expectView(page, /sort=health\.desc/, { sort: "health", direction: "desc" });
  await expect(table(page).getByRole("columnheader", { name: "Health" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await table(page).getByRole("button", { name: "Health" }).click();
  await expectView(page, /sort=health\.asc/, { sort: "health", direction: "asc" });
  await table(page).getByRole("button", { name: "Impact" }).click();
  const byImpact = await expectView(page, /sort=impact\.desc/, { sort: "impact", direction: "desc" });
  const impacts = byImpact.rows.map((row) => row.impactScore).filter((score) => score !== null);
  expect(impacts).toEqual([...impacts].sort((a, b) => b - a));

  // Filtering by verdict, then by language: each narrows on the server and lands on page 1.
  await page.getByRole("radio", { name: "Not now" }).click();
  await expectView(page, /filter=rejected/, { filter: "rejected", sort: "impact", direction: "desc" });
  await expect(table(page).locator("tbody").getByText("Worth it")).toHaveCount(0);
  const language = all.rows.find((row) => row.worthWorkingOn === false && row.language)?.language;
  expect(language).toBeTruthy();
  await page.getByLabel("Language").selectOption(language as string);
  const view = {
    filter: "rejected",
    language: language as string,
    sort: "impact",
    direction: "desc",
  } as const;
  const filtered = await expectView(page, new RegExp(`language=${language}`), view);
  expect(filtered.total).toBeLessThan(all.total);
  await page.screenshot({ path: `${screenshots}/repositories-filtered.png`, fullPage: true });

  // The whole view is in the URL: a reload shows the same rows and the same controls.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expectView(page, new RegExp(`language=${language}`), view);
  await expect(page.getByRole("radio", { name: "Not now" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("Language")).toHaveValue(language as string);
  await expect(table(page).getByRole("columnheader", { name: "Impact" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );

  // Search, across names and descriptions, together with the other filters cleared.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expectView(page, /\/repositories\?sort=impact\.desc$/, { sort: "impact", direction: "desc" });
  const term = (all.rows[3]?.fullName ?? "").split("/")[1]?.slice(0, 5) ?? "";
  await page.getByRole("searchbox", { name: "Search repositories" }).fill(term);
  const searched = await expectView(page, new RegExp(`q=${term}`), {
    search: term,
    sort: "impact",
    direction: "desc",
  });
  expect(searched.total).toBeGreaterThan(0);
  expect(searched.total).toBeLessThan(all.total);

  // Paging: 25 a page, then the next page; the URL carries both.
  await page.getByRole("searchbox", { name: "Search repositories" }).fill("");
  await expectView(page, /\/repositories\?sort=impact\.desc$/, { sort: "impact", direction: "desc" });
  await page.getByLabel("Rows per page").selectOption("25");
  await expectView(page, /perPage=25/, { sort: "impact", direction: "desc", pageSize: 25 });
  await page.getByRole("button", { name: "Next" }).click();
  await expectView(page, /page=2/, { sort: "impact", direction: "desc", pageSize: 25, page: 2 });
  await expect(page.getByTestId("table-range")).toContainText(`26–${Math.min(50, all.total)} of`);
  await page.reload();
  await expectView(page, /page=2/, { sort: "impact", direction: "desc", pageSize: 25, page: 2 });
  await context.close();
});

test("an admin opens a repository, sees every factor, approves it and re-analyzes it", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, ADMIN, "/repositories?filter=rejected");
  const [target] = (await expected({ filter: "rejected" })).rows;
  if (!target) throw new Error("no rejected repository to approve");
  await table(page).getByRole("link", { name: target.fullName, exact: true }).click();
  await expect(page).toHaveURL(`${server.url}/repositories/${target.fullName}`);
  await expect(page.getByRole("heading", { level: 1, name: target.fullName })).toBeVisible();

  // Every factor of both scores: measured ones with value, share and reason, left-out ones with why.
  const analysis = target.analysis as {
    health: { used: { name: string; reason: string }[]; excluded: { name: string; reason: string }[] };
    impact: { used: { name: string; reason: string }[]; excluded: { name: string; reason: string }[] };
  };
  for (const [title, score] of [
    ["Health", analysis.health],
    ["Impact", analysis.impact],
  ] as const) {
    const section = page.getByTestId(`score-${title.toLowerCase()}`);
    await expect(section.locator("tbody tr")).toHaveCount(score.used.length + score.excluded.length);
    await expect(section.locator("tbody tr[data-excluded]")).toHaveCount(score.excluded.length);
    for (const factor of score.used) await expect(section).toContainText(factor.reason);
  }
  await expect(page.getByTestId("verdict")).toContainText("Not now");
  await expect(page.getByTestId("verdict")).toContainText(target.analysisReason ?? "");
  await page.screenshot({ path: `${screenshots}/repository-detail.png`, fullPage: true });

  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText("Approved");
  await expect(page.getByTestId("verdict")).toContainText("Worth it");
  await expect(page.getByTestId("verdict")).toContainText(`Set by hand by user:${ADMIN}`);
  await expect(page.getByTestId("repository-events").locator("li").first()).toContainText(
    new RegExp(`approved by hand\\s*user:${ADMIN}`),
  );
  expect((await requireRepository(database, target.fullName)).worthWorkingOn).toBe(true);
  const approvals = await database
    .select()
    .from(events)
    .where(and(eq(events.action, "repository.approved"), eq(events.subjectId, target.fullName)));
  expect(approvals.map((event) => event.actor)).toEqual([`user:${ADMIN}`]);
  await page.screenshot({ path: `${screenshots}/repository-approved.png`, fullPage: true });

  // Re-analysis goes to the emulator from the web server and records who asked for it.
  await page.getByRole("button", { name: "Re-analyze" }).click();
  await expect(page.getByRole("status")).toContainText("Analyzed again");
  await expect(page.getByTestId("repository-events").locator("li").first()).toContainText(
    new RegExp(`analyzed\\s*user:${ADMIN}`),
  );
  const analyzed = await database
    .select()
    .from(events)
    .where(and(eq(events.action, "repository.analyzed"), eq(events.actor, `user:${ADMIN}`)));
  expect(analyzed.map((event) => event.subjectId)).toEqual([target.fullName]);
  await context.close();
});

test("a member sees no controls and the server refuses the admin actions", async ({ browser }) => {
  const { context, page } = await signIn(browser, MEMBER);
  await expect(page.getByTestId("user-role")).toHaveText("member");
  const [target] = (await expected({ filter: "rejected" })).rows;
  if (!target) throw new Error("no rejected repository left");
  await page.goto(`/repositories/${target.fullName}`);
  await expect(page.getByRole("heading", { level: 1, name: target.fullName })).toBeVisible();
  await expect(page.getByText("Read-only: admins approve and re-analyze")).toBeVisible();
  for (const name of ["Approve", "Reject", "Re-analyze"])
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  await page.screenshot({ path: `${screenshots}/repository-member.png`, fullPage: true });

  // Hidden controls are not the protection: post the admin actions with valid input anyway.
  const cookie = (await context.cookies())
    .filter((entry) => entry.name === "authjs.session-token")
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");
  expect(cookie).not.toBe("");
  const built = builtActions().filter((action) => action.file.includes("app/(app)/repositories/"));
  expect(built.map((action) => action.exportName).sort()).toEqual([
    "approveRepository",
    "reanalyzeRepository",
    "rejectRepository",
  ]);
  for (const action of built) {
    const { result } = await callAction(page.request, action, [{ fullName: target.fullName }], cookie);
    expect(result, action.exportName).toMatchObject({ error: { code: "forbidden:auth" } });
  }
  const after = await requireRepository(database, target.fullName);
  expect(after.worthWorkingOn).toBe(false);
  expect(after.analyzedAt).toEqual(target.analyzedAt);
  const byMember = await database
    .select()
    .from(events)
    .where(and(eq(events.actor, `user:${MEMBER}`), eq(events.subjectType, "repository")));
  expect(byMember).toEqual([]);
  await context.close();
});
