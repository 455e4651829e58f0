import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { seedIssues } from "../../test/issue-fixtures";
import { issues } from "../db/schema";
import { type ListIssueQueueParams, listIssueQueue } from "./issue-queue";
import { seedQueue } from "./queue-fixture";
import { ISSUE_COUNT_CAP } from "./queue-options";
import { setIssuePinned } from "./triage";

describe("the Issues queue", () => {
  let target: TestDatabase;
  let ids: Record<string, number>;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
    ids = await seedQueue(target.db);
  });
  afterAll(() => target.drop());

  const titles = async (params: ListIssueQueueParams) =>
    (await listIssueQueue(target.db, params)).rows.map((row) => `${row.repository}#${row.number}`);

  it("shows ranked issues by priority, each with its breakdown and reason", async () => {
    const page = await listIssueQueue(target.db);
    expect(page).toMatchObject({ total: 7, capped: false, page: 1, pageSize: 50 });
    const priorities = page.rows.map((row) => row.priority ?? -1);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(page.rows[0]).toMatchObject({ title: "Security: token leaked in logs", categorySource: "labels" });
    for (const row of page.rows) {
      expect(row.breakdown?.factors.map((factor) => factor.name)).toEqual([
        "health",
        "impact",
        "solvability",
        "urgency",
        "uniqueness",
      ]);
      expect(row.breakdown?.factors.reduce((sum, factor) => sum + factor.weight, 0)).toBeCloseTo(1, 5);
      expect(row.priorityReason).toBeTruthy();
    }
    expect(
      page.rows.find((row) => row.number === 4 && row.repository === "acme/core")?.breakdown?.demoted,
    ).toBe(true);
  });

  it("filters by repository, language, category, severity and claim status on the server", async () => {
    expect(await titles({ repository: "TOOLS" })).toEqual(["acme/tools#1", "acme/tools#2"]);
    expect(await titles({ language: "rust" })).toEqual(["acme/tools#1", "acme/tools#2"]);
    expect(await titles({ category: "documentation" })).toHaveLength(2);
    expect(await titles({ category: "documentation", language: "python" })).toEqual(["acme/core#4"]);
    expect(await titles({ severity: "high" })).toEqual(["acme/core#1"]);
    expect(await titles({ status: "assigned" })).toEqual([]);
    expect((await listIssueQueue(target.db, { repository: "100%_" })).total).toBe(0);
  });

  it("lists the issues prioritization left out, with why, and the closed ones", async () => {
    const unranked = await listIssueQueue(target.db, { view: "unranked" });
    expect(unranked.rows.map((row) => row.title)).toEqual(["Crash everywhere"]);
    expect(unranked.rows[0]?.priorityReason).toMatch(/not approved/);
    expect(await titles({ view: "closed" })).toEqual(["acme/core#6"]);
  });

  it("puts pinned issues first, as agents will claim them, and pages through the same order", async () => {
    const last = (await titles({})).at(-1)!;
    await setIssuePinned(target.db, ids[last]!, true, "user:alice");
    const order = await titles({});
    expect(order[0]).toBe(last);
    const first = (await listIssueQueue(target.db)).rows[0]!;
    expect(first).toMatchObject({ pinned: true, atHead: true });
    expect(first.lastTriage).toMatchObject({ action: "issue.pinned", actor: "user:alice" });

    const pages = [1, 2, 3, 4].map((page) => titles({ page, pageSize: 2 }));
    expect((await Promise.all(pages)).flat()).toEqual(order);
    expect(await titles({ direction: "asc" })).toEqual([...order].reverse());
    const ascPages = [1, 2, 3, 4].map((page) => titles({ page, pageSize: 2, direction: "asc" }));
    expect((await Promise.all(ascPages)).flat()).toEqual([...order].reverse());

    // Taken by an agent, a pinned issue is no longer at the head: it keeps its place by priority.
    await target.db.update(issues).set({ assignmentStatus: "assigned" }).where(eq(issues.id, ids[last]!));
    expect((await titles({})).at(-1)).toBe(last);
  });

  it("stops counting at the cap", async () => {
    await seedIssues(target.db, {
      repositories: [{ fullName: "big/queue", language: "Python" }],
      perRepository: ISSUE_COUNT_CAP + 5,
    });
    const page = await listIssueQueue(target.db, { repository: "big/queue", pageSize: 10, page: 3 });
    expect(page).toMatchObject({ total: ISSUE_COUNT_CAP, capped: true });
    expect(page.rows).toHaveLength(10);
  });
});
