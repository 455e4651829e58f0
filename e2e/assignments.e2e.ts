import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { claimNextIssue } from "../lib/assign/claim-next-issue";
import type { Database } from "../lib/db/client";
import { events, settings } from "../lib/db/schema";
import { setRanks } from "../test/issue-fixtures";
import { testExecutionsTableSql } from "../worker/processors/testing/record-execution";
import { E2E_DIST_DIR, e2eVariables, serverEnvironment } from "./support/environment";
import { expect, signInAs, test } from "./support/fixtures";
import { builtActions, callAction } from "./support/server-actions";
import { projectRoot } from "./support/servers";

/**
 * The Assignments kanban and Settings → Budgets on the dev server, against the run's database: a
 * real worker process drains seeded issues while the open page shows the cards move; an admin
 * releases and retries; an admin edits a budget limit; a member sees both read-only and the server
 * refuses the forged actions. Serial: the release test needs the drain's worker gone.
 */
test.describe.configure({ mode: "serial" });

const screenshots = "e2e/screenshots";
const ADMIN = "e2e-board-admin";
const MEMBER = "e2e-board-member";
// Unique per run and per Playwright worker, so cards are found by their own repository name.
const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function seedRepository(database: Database, name: string, language: string): Promise<number> {
  const [row] = await database.$client`
    insert into repositories (full_name, language, stars, worth_working_on, analyzed_at)
    values (${`e2e-board/${name}-${runId}`}, ${language}, 100, true, now())
    returning id`;
  return Number(row?.id);
}

/** Open issues ranked high enough to be claimed before anything else in the shared database. */
async function seedIssues(
  database: Database,
  repositoryId: number,
  issues: { number: number; title: string; priority: number }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const issue of issues) {
    const [row] = await database.$client`
      insert into issues (repository_id, number, title, url, state)
      values (${repositoryId}, ${issue.number}, ${issue.title},
        ${`https://github.com/e2e-board/${issue.number}`}, 'open')
      returning id`;
    ids.push(Number(row?.id));
  }
  await setRanks(
    database,
    ids.map((issueId, index) => ({ issueId, priority: issues[index]!.priority })),
  );
  return ids;
}

// The dev server's messages that reload or re-render an open page when a source file changes.
const reloads = /"(type|action)":"(reloadPage|restart|serverComponentChanges)"/;
const guarded = new WeakSet<Page>();

/**
 * Opens a page of the dev server, which must not reload it when a source file changes under it
 * (other work in the checkout): those messages never reach the page, so only the page's own code
 * can change what it shows.
 */
async function open(page: Page, path: string): Promise<void> {
  if (!guarded.has(page)) {
    guarded.add(page);
    await page.routeWebSocket(/\/_next\/(webpack-)?hmr/, (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => {
        if (!reloads.test(String(message))) socket.send(message);
      });
    });
  }
  await page.goto(path);
  await expect(page.getByTestId("health-status")).not.toHaveAttribute("data-status", "checking");
}

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);
const card = (page: Page, status: string, reference: string) =>
  column(page, status).locator(`[data-testid="assignment-card"][data-issue="${reference}"]`);

function sessionCookieOf(cookies: { name: string; value: string }[]): string {
  return cookies
    .filter((entry) => entry.name === "authjs.session-token")
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");
}

function startWorker(): ChildProcess {
  const home = process.env[e2eVariables.dataHome];
  if (!home) throw new Error("run the e2e suite with `npm run test:e2e`");
  const log = createWriteStream(
    join(projectRoot, "test-results", "e2e-servers", `assignments-worker-${runId}.log`),
  );
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "worker/main.ts",
      "--processor",
      "record-execution",
      "--concurrency",
      "2",
      "--grace-seconds",
      "5",
    ],
    {
      cwd: projectRoot,
      // The run's database; the test job takes 1.5–3 s so every state is on screen for a poll or two.
      env: serverEnvironment(process.env, home, {
        GLOBALLM_TEST_MODE: "1",
        GLOBALLM_TEST_JOB_MS: "1500-3000",
      }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function stopWorker(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    child.kill("SIGTERM");
  });
}

test("a worker drains issues while the open kanban shows their cards move to completed", async ({
  page,
  database,
}) => {
  test.setTimeout(240_000);
  await database.$client.unsafe(testExecutionsTableSql);
  const repositoryId = await seedRepository(database, "drain", "typescript");
  const titles = ["Crash on empty config", "Leak in the watcher", "Wrong exit code", "Typo in --help"];
  const ids = await seedIssues(
    database,
    repositoryId,
    titles.map((title, index) => ({ number: index + 1, title, priority: 1000 - index })),
  );
  const references = titles.map((_, index) => `e2e-board/drain-${runId}#${index + 1}`);

  await signInAs(page, ADMIN, "admin");
  await open(page, "/assignments");
  await expect(page.getByRole("heading", { level: 1, name: "Assignments" })).toBeVisible();
  for (const reference of references) await expect(card(page, "available", reference)).toBeVisible();
  // Survives only as long as the page is never reloaded.
  await page.evaluate(() => {
    (window as unknown as { boardMarker: string }).boardMarker = "same page";
  });

  const worker = startWorker();
  try {
    // A job takes 1.5-3 s and the board polls every 2 s, so a card may pass through Assigned
    // between two polls: what must show is each card leaving Available for Completed, live.
    await expect(
      page
        .locator(
          '[data-testid="column-assigned"] [data-testid="assignment-card"], [data-testid="column-completed"] [data-testid="assignment-card"]',
        )
        .first(),
    ).toBeVisible({ timeout: 90_000 });
    await page.screenshot({ path: `${screenshots}/assignments-draining.png` });
    for (const reference of references) {
      await expect(card(page, "completed", reference)).toBeVisible({ timeout: 90_000 });
    }
    await expect(card(page, "completed", references[0] as string)).toContainText("attempts1");
    await expect(column(page, "available").locator(`[data-issue^="e2e-board/drain-${runId}#"]`)).toHaveCount(
      0,
    );
    expect(await page.evaluate(() => (window as unknown as { boardMarker?: string }).boardMarker)).toBe(
      "same page",
    );
    await page.screenshot({ path: `${screenshots}/assignments-drained.png` });
  } finally {
    expect(await stopWorker(worker)).toBe(0);
  }

  const rows = await database.$client`
    select id, assignment_status from issues where id = any(${ids}::bigint[]) order by id`;
  expect(rows.map((row) => row.assignment_status)).toEqual(ids.map(() => "completed"));
  const executions = await database.$client`
    select issue_id from test_executions where issue_id = any(${ids}::bigint[]) and finished_at is not null`;
  expect(executions.map((row) => Number(row.issue_id)).sort()).toEqual([...ids].sort());
});

test("an admin releases an assigned issue and retries a failed one; both are recorded with the admin's name", async ({
  page,
  database,
}) => {
  const repositoryId = await seedRepository(database, "release", "go");
  const [heldId, failedId] = await seedIssues(database, repositoryId, [
    { number: 1, title: "Held by a stuck agent", priority: 5 },
    { number: 2, title: "Failed three times", priority: 4 },
  ]);
  const claim = await claimNextIssue(database, {
    agentId: `e2e-stuck-agent-${runId}`,
    leaseSeconds: 3600,
    filters: { issueId: heldId },
  });
  expect(claim?.issueId).toBe(heldId);
  await database.$client`
    update issues set assignment_status = 'failed', attempts = 3, last_error = 'scripted job failure'
    where id = ${failedId as number}`;
  const held = `e2e-board/release-${runId}#1`;
  const failed = `e2e-board/release-${runId}#2`;

  await signInAs(page, ADMIN, "admin");
  await open(page, "/assignments");
  await expect(card(page, "assigned", held)).toContainText(`e2e-stuck-agent-${runId}`);
  await expect(card(page, "failed", failed)).toContainText("scripted job failure");
  await page.screenshot({ path: `${screenshots}/assignments-admin.png` });

  await card(page, "assigned", held)
    .getByRole("button", { name: `Release ${held}` })
    .click();
  await expect(card(page, "available", held)).toBeVisible();
  await expect(card(page, "assigned", held)).toHaveCount(0);
  await card(page, "failed", failed)
    .getByRole("button", { name: `Retry ${failed}` })
    .click();
  await expect(card(page, "available", failed)).toContainText("attempts0");
  await expect(card(page, "failed", failed)).toHaveCount(0);

  const recorded = await database
    .select()
    .from(events)
    .where(and(eq(events.subjectType, "issue"), eq(events.actor, `user:${ADMIN}`)));
  const mine = recorded.filter((event) => [String(heldId), String(failedId)].includes(event.subjectId ?? ""));
  expect(mine.map((event) => [event.action, event.subjectId])).toEqual(
    expect.arrayContaining([
      ["issue.released", String(heldId)],
      ["issue.retried", String(failedId)],
    ]),
  );
  expect(mine.find((event) => event.action === "issue.released")?.data).toMatchObject({
    reason: "admin",
    agentId: `e2e-stuck-agent-${runId}`,
  });
});

test("an admin changes a budget limit, sees use against it, and a negative limit is refused beside the field", async ({
  page,
  database,
}) => {
  // Spending in a language of its own, so the page's figures are this test's alone.
  const language = `e2e-lang-${runId}`;
  await database.$client`
    insert into budget_counters (scope, used_input_tokens, used_output_tokens, calls)
    values (${`language:${language}`}, 300000, 200000, 4)`;
  const key = "budget.per_language.tokens";

  await signInAs(page, ADMIN, "admin");
  await open(page, "/settings/budgets");
  await expect(page.getByRole("link", { name: "Budgets" })).toHaveAttribute("aria-current", "page");
  const row = page.getByTestId(`budget-${key}`);
  await expect(row).toContainText(language);
  const input = row.getByRole("textbox", { name: key });

  await input.fill("-5");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("alert")).toContainText(key);
  await expect(row.getByRole("alert")).toContainText(">=0");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveValue("-5");
  expect(await database.select().from(settings).where(eq(settings.key, key))).toEqual([]);
  await page.getByTestId(`budget-${key}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}/budgets-admin-error.png` });

  await input.fill("1000000");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");
  // 500,000 of 1,000,000 tokens: the page reads lib/budget's overview with the new limit.
  await expect(row.getByTestId("budget-percent")).toHaveText("50%");
  await open(page, "/settings/budgets");
  await expect(page.getByTestId(`budget-${key}`).getByRole("textbox", { name: key })).toHaveValue("1000000");
  const [stored] = await database.select().from(settings).where(eq(settings.key, key));
  expect(stored).toMatchObject({ value: 1_000_000, updatedBy: `user:${ADMIN}` });
  const audit = await database
    .select()
    .from(events)
    .where(and(eq(events.subjectId, key), eq(events.actor, `user:${ADMIN}`)));
  expect(audit.at(-1)?.data).toEqual({ before: null, after: 1_000_000 });
  await page.getByTestId(`budget-${key}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}/budgets-admin.png` });

  // Blank means unlimited again, so no other spec runs under this limit.
  await page.getByTestId(`budget-${key}`).getByRole("textbox", { name: key }).fill("");
  await page.getByTestId(`budget-${key}`).getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId(`budget-${key}`).getByRole("status")).toHaveText("Saved.");
  const [cleared] = await database.select().from(settings).where(eq(settings.key, key));
  expect(cleared?.value ?? null).toBeNull();
});

test("a member sees the board and the budgets read-only, and the server refuses the forged actions", async ({
  page,
  database,
}) => {
  const repositoryId = await seedRepository(database, "member", "rust");
  const [heldId] = await seedIssues(database, repositoryId, [
    { number: 1, title: "Held while a member looks", priority: 3 },
  ]);
  await claimNextIssue(database, {
    agentId: `e2e-member-agent-${runId}`,
    leaseSeconds: 3600,
    filters: { issueId: heldId },
  });
  const held = `e2e-board/member-${runId}#1`;

  await signInAs(page, MEMBER, "member");
  await open(page, "/assignments");
  await expect(page.getByText("Read-only: admins act")).toBeVisible();
  await expect(card(page, "assigned", held)).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Release|Retry) / })).toHaveCount(0);
  await page.screenshot({ path: `${screenshots}/assignments-member.png` });

  await open(page, "/settings/budgets");
  await expect(page.getByText("Read-only: admins edit")).toBeVisible();
  await expect(page.getByTestId("budget-budget.overall.cost_usd")).toContainText("unlimited");
  await expect(page.locator("main input, main select, main textarea")).toHaveCount(0);
  await page.screenshot({ path: `${screenshots}/budgets-member.png` });

  // Hidden controls are not the protection: post the admin actions with valid input.
  const cookie = sessionCookieOf(await page.context().cookies());
  const built = builtActions(`${E2E_DIST_DIR}/dev`);
  const release = built.find((action) => action.exportName === "releaseAssignment");
  const update = built.find((action) => action.exportName === "updateBudgetLimit");
  expect(release && update, "the dev server compiled both pages and their actions").toBeTruthy();
  const released = await callAction(page.request, release!, [{ issueId: heldId }], cookie);
  expect(released.result).toMatchObject({ error: { code: "forbidden:auth" } });
  const updated = await callAction(
    page.request,
    update!,
    [{ key: "budget.overall.cost_usd", value: "1" }],
    cookie,
  );
  expect(updated.result).toMatchObject({ error: { code: "forbidden:auth" } });

  const [issue] = await database.$client`select assignment_status from issues where id = ${heldId as number}`;
  expect(issue?.assignment_status).toBe("assigned");
  expect(await database.select().from(settings).where(eq(settings.key, "budget.overall.cost_usd"))).toEqual(
    [],
  );
});
