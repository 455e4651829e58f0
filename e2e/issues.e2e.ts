import { type Browser, expect, type Page, test } from "@playwright/test";
import { and, eq, inArray } from "drizzle-orm";
import { claimNextIssue } from "../lib/assign/claim-next-issue";
import type { Database } from "../lib/db/client";
import { events, issues, settings, type UserRole } from "../lib/db/schema";
import { type ListIssueQueueParams, listIssueQueue } from "../lib/issues/issue-queue";
import { seedQueue } from "../lib/issues/queue-fixture";
import { prioritizeSettings } from "../lib/prioritize/prioritize-settings";
import { reprioritize } from "../lib/prioritize/reprioritize";
import { resolveSettings } from "../lib/settings/resolve";
import { readTeamSettings } from "../lib/settings/team";
import { priorityWeightKeys } from "../lib/settings/weights-and-thresholds";
import { sessionCookie } from "./support/fixtures";
import { ownDatabase, ownServer, type Undo, undoAll } from "./support/own-world";
import { builtActions, callAction } from "./support/server-actions";
import type { RunningServer } from "./support/servers";

/**
 * The Issues page and Settings → Weights and thresholds on a production server with a database of
 * its own (so that a pinned issue here is never claimed by another spec's worker, and a real claim
 * can show the claim order): a member filters the queue, opens a breakdown, pins an issue (then an
 * agent claims exactly that one), re-categorizes another and sorts by Updated; an admin edits the weights, which the
 * next prioritization applies; the server refuses members the weights.
 */
test.describe.configure({ mode: "serial" });

const screenshots = "e2e/screenshots";
const MEMBER = "issues-member";
const ADMIN = "issues-admin";

let server: RunningServer;
let database: Database;
let ids: Record<string, number>;
const undo: Undo = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const world = await ownDatabase("issues", {}, undo);
  database = world.database;
  // Ranked as `globallm prioritize` leaves them: two approved repositories, one not, one closed issue.
  ids = await seedQueue(database);
  server = await ownServer("issues", world.env, undo);
});

test.afterAll(() => undoAll(undo));

async function signIn(browser: Browser, login: string, role: UserRole, path: string) {
  const [name, value] = (await sessionCookie(database, login, role)).split("=") as [string, string];
  const context = await browser.newContext({ baseURL: server.url });
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByTestId("user-login")).toHaveText(login);
  return { context, page, cookie: `${name}=${value}` };
}

const table = (page: Page) => page.getByRole("table", { name: "Issues" });
const row = (page: Page, id: number) => table(page).locator(`tr[data-row-id="${id}"]`);

/** Waits for the URL and for exactly the rows, in the order, that the page's own query returns. */
async function expectQueue(page: Page, query: RegExp, params: ListIssueQueueParams) {
  await expect(page).toHaveURL(query);
  const expected = await listIssueQueue(database, params);
  await expect
    .poll(() =>
      table(page)
        .locator("tbody tr[data-row-id]")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id"))),
    )
    .toEqual(expected.rows.map((issue) => String(issue.id)));
  await expect(page.getByTestId("table-range")).toContainText(`of ${expected.total} issues`);
  return expected.rows;
}

const triageEvents = (id: number) =>
  database
    .select()
    .from(events)
    .where(and(eq(events.subjectType, "issue"), eq(events.subjectId, String(id))))
    .orderBy(events.id);

test("a member filters the queue, opens a breakdown, pins an issue and re-categorizes another", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, MEMBER, "member", "/issues");
  await expect(page.getByText("You can triage")).toBeVisible();
  const all = await expectQueue(page, /\/issues$/, {});
  expect(all.length, "seeded ranked issues").toBe(7);
  await page.screenshot({ path: `${screenshots}/issues-queue.png`, fullPage: true });

  // Filter by category through the URL-bound control; the view survives a reload.
  await page.getByLabel("Category").selectOption("documentation");
  const documentation = await expectQueue(page, /category=documentation/, { category: "documentation" });
  expect(documentation.map((issue) => issue.category)).toEqual(["documentation", "documentation"]);
  await page.getByLabel("Language").selectOption("rust");
  await expectQueue(page, /language=rust/, { category: "documentation", language: "rust" });
  await page.reload();
  await expectQueue(page, /category=documentation&language=rust|language=rust&category=documentation/, {
    category: "documentation",
    language: "rust",
  });
  await expect(page.getByLabel("Category")).toHaveValue("documentation");
  await page.screenshot({ path: `${screenshots}/issues-filtered.png`, fullPage: true });
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expectQueue(page, /\/issues$/, {});

  // Open a breakdown: every factor with its value, weight and reason, and the priority's reason.
  const top = all[0]!;
  await page.getByRole("button", { name: `Breakdown of ${top.repository}#${top.number}` }).click();
  const breakdown = page.getByTestId("priority-breakdown");
  await expect(breakdown.locator("tbody tr")).toHaveCount(5);
  for (const factor of top.breakdown!.factors) await expect(breakdown).toContainText(factor.reason);
  await expect(breakdown.getByTestId("priority-reason")).toHaveText(top.priorityReason!);
  await expect(breakdown.getByRole("row", { name: /Urgency/ })).toContainText(
    `${Math.round(top.breakdown!.factors.find((factor) => factor.name === "urgency")!.weight * 100)}%`,
  );
  await page.screenshot({ path: `${screenshots}/issues-breakdown.png`, fullPage: true });
  await page.getByRole("button", { name: `Breakdown of ${top.repository}#${top.number}` }).click();
  await expect(breakdown).toHaveCount(0);

  // Pin the lowest-ranked issue: it moves to the head of the queue, and an agent claims it first.
  const last = all.at(-1)!;
  await row(page, last.id)
    .getByRole("button", { name: `Pin ${last.repository}#${last.number}` })
    .click();
  await expect(row(page, last.id).getByTestId("issue-status")).toContainText("Pinned · next");
  const pinned = await expectQueue(page, /\/issues$/, {});
  expect(pinned[0]?.id).toBe(last.id);
  await expect(table(page).locator("tbody tr[data-row-id]").first()).toHaveAttribute(
    "data-row-id",
    String(last.id),
  );
  expect((await triageEvents(last.id)).map((event) => [event.action, event.actor])).toEqual([
    ["issue.pinned", `user:${MEMBER}`],
  ]);
  await page.screenshot({ path: `${screenshots}/issues-pinned.png`, fullPage: true });
  const claimed = await claimNextIssue(database, { agentId: "e2e-issues-agent", leaseSeconds: 600 });
  expect(claimed?.issueId, "the claim order follows the pin").toBe(last.id);
  await page.reload();
  await expect(row(page, last.id).getByTestId("issue-status")).toContainText("assigned to e2e-issues-agent");

  // Re-categorize a feature request as a critical security problem: ranked again at once, audited.
  const feature = ids["acme/core#3"]!;
  const before = all.find((issue) => issue.id === feature)!;
  await page.getByRole("button", { name: "Breakdown of acme/core#3" }).click();
  const form = page.getByRole("form", { name: "Re-categorize" });
  await form.getByLabel("Category").selectOption("security");
  await form.getByLabel("Severity").selectOption("critical");
  await form.getByRole("button", { name: "Re-categorize" }).click();
  await expect(form.getByRole("status")).toContainText("Re-categorized and ranked again");
  await expect(row(page, feature).getByTestId("issue-category")).toContainText("security");
  await expect(row(page, feature).getByTestId("issue-category")).toContainText("by a person");
  await expect(page.getByTestId("last-triage")).toContainText(`Re-categorized by user:${MEMBER}`);
  const [stored] = await database.select().from(issues).where(eq(issues.id, feature));
  expect(stored).toMatchObject({ category: "security", severity: "critical", categorySource: "triage" });
  const [rank] = await database.$client`select priority from issue_ranks where issue_id = ${feature}`;
  expect(Number(rank!.priority)).toBeGreaterThan(before.priority!);
  const recategorized = (await triageEvents(feature)).filter(
    (event) => event.action === "issue.recategorized",
  );
  expect(recategorized).toHaveLength(1);
  expect(recategorized[0]).toMatchObject({
    actor: `user:${MEMBER}`,
    data: { before: { category: "feature" }, after: { category: "security", severity: "critical" } },
  });
  await expectQueue(page, /\/issues$/, {});
  await page.screenshot({ path: `${screenshots}/issues-recategorized.png`, fullPage: true });
  await context.close();
});

test("a member sorts the queue by when issues were updated, from the column header", async ({ browser }) => {
  // The seeded issues have no GitHub dates: give them distinct days in an order unlike priority.
  await Promise.all(
    Object.values(ids).map((id, index) =>
      database
        .update(issues)
        .set({ githubUpdatedAt: new Date(Date.UTC(2025, 0, 1 + ((index * 5) % 9))) })
        .where(eq(issues.id, id)),
    ),
  );
  const { context, page } = await signIn(browser, MEMBER, "member", "/issues");
  const updated = table(page).getByRole("button", { name: "Updated", exact: true });
  await updated.click();
  const newest = await expectQueue(page, /[?&]sort=updated\.desc/, { sort: "updated", direction: "desc" });
  const days = newest.map((issue) => issue.githubUpdatedAt!.getTime());
  expect(days).toEqual([...days].sort((a, b) => b - a));
  await expect(table(page).getByRole("columnheader", { name: "Updated" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(row(page, newest[0]!.id)).toContainText(
    newest[0]!.githubUpdatedAt!.toISOString().slice(0, 10),
  );
  await page.screenshot({ path: `${screenshots}/issues-sorted-by-updated.png`, fullPage: true });
  await updated.click();
  await expectQueue(page, /[?&]sort=updated\.asc/, { sort: "updated", direction: "asc" });
  await context.close();
});

test("a member sees the weights read-only and the server refuses them the change", async ({ browser }) => {
  const { context, page, cookie } = await signIn(browser, MEMBER, "member", "/settings/weights");
  await expect(page.getByText("Read-only: admins edit")).toBeVisible();
  await expect(page.getByRole("form", { name: "Weights and thresholds" }).locator("input")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  const update = builtActions().find((action) => action.file.includes("settings/weights/actions"));
  expect(update, "the build has the weights action").toBeDefined();
  const { result } = await callAction(
    page.request,
    update!,
    [{ values: { "weights.priority.urgency": "9" } }],
    cookie,
  );
  expect(result).toMatchObject({ error: { code: "forbidden:auth" } });
  expect(await database.select().from(settings)).toEqual([]);
  await context.close();
});

test("an admin edits the weights and thresholds: validated, audited, applied on the next prioritization", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, ADMIN, "admin", "/settings/weights");
  await expect(page.getByRole("link", { name: "Weights and thresholds" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const input = (key: string) => page.getByTestId(`setting-${key}`).getByRole("textbox");
  const form = page.getByRole("form", { name: "Weights and thresholds" });

  // All five weights 0: refused as a whole, with the reason.
  for (const key of priorityWeightKeys) await input(key).fill("0");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert")).toContainText("cannot all be 0");
  await page.screenshot({ path: `${screenshots}/weights-all-zero.png`, fullPage: true });
  await page.getByRole("button", { name: "Cancel" }).click();

  // Out of range: refused beside the field, nothing saved.
  await input("weights.priority.urgency").fill("250");
  await input("thresholds.health").fill("0.55");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("setting-weights.priority.urgency").getByRole("alert")).toHaveText(
    "A weight is a number from 0 to 100.",
  );
  await expect(input("weights.priority.urgency")).toHaveAttribute("aria-invalid", "true");
  expect(await database.select().from(settings)).toEqual([]);

  // A valid change: saved, shown with its share of the priority, and audited with who and before → after.
  await input("weights.priority.urgency").fill("0.6");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toContainText("weights.priority.urgency 0.25 → 0.6");
  await expect(page.getByTestId("weight-changes")).toContainText(`user:${ADMIN}`);
  await page.reload();
  await expect(input("weights.priority.urgency")).toHaveValue("0.6");
  await expect(input("thresholds.health")).toHaveValue("0.55");
  await expect(page.getByTestId("setting-weights.priority.urgency").getByTestId("weight-share")).toHaveText(
    "44% of the priority",
  );
  const audit = await database
    .select()
    .from(events)
    .where(and(eq(events.action, "setting.changed"), inArray(events.subjectId, priorityWeightKeys)));
  expect(audit.map((event) => [event.actor, event.subjectId, event.data])).toEqual([
    [`user:${ADMIN}`, "weights.priority.urgency", { before: 0.25, after: 0.6 }],
  ]);
  await page.screenshot({ path: `${screenshots}/weights-saved.png`, fullPage: true });

  // The next prioritization (as `globallm prioritize` runs it) ranks with the new weights.
  const resolved = resolveSettings({ env: {}, file: {}, database: await readTeamSettings(database) });
  const values = Object.fromEntries(resolved.map((setting) => [setting.key, setting.value]));
  await reprioritize(database, prioritizeSettings(values));
  await page.goto("/issues");
  const [first] = (await listIssueQueue(database, {})).rows;
  const urgency = first!.breakdown!.factors.find((factor) => factor.name === "urgency")!;
  expect(urgency.weight).toBeCloseTo(0.6 / 1.35, 5);
  await page.getByRole("button", { name: `Breakdown of ${first!.repository}#${first!.number}` }).click();
  await expect(page.getByTestId("priority-breakdown").getByRole("row", { name: /Urgency/ })).toContainText(
    "44%",
  );
  await context.close();
});
