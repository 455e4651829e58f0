import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { seedIssues } from "../../test/issue-fixtures";
import { issues } from "../db/schema";
import { issueQueuePageStatement, type ListIssueQueueParams, listIssueQueue } from "./issue-queue";
import { seedQueue } from "./queue-fixture";
import { ISSUE_COUNT_CAP, type IssueQueueView } from "./queue-options";
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

  it("sorts every view by when issues were updated or created, both ways, undated last, page by page", async () => {
    // Days that disagree with priority: acme/core#1 and acme/tools#2 tie (the id decides), and
    // acme/core#2 was never dated. Created follows the seed order.
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));
    await Promise.all(
      Object.keys(ids).map((name, index) =>
        target.db
          .update(issues)
          .set({
            githubUpdatedAt: name === "acme/core#2" ? null : day((index * 5) % 7),
            githubCreatedAt: day(index),
          })
          .where(eq(issues.id, ids[name]!)),
      ),
    );
    const newest = [
      "acme/core#5",
      "acme/core#3",
      "acme/tools#1",
      "acme/core#4",
      "acme/core#1",
      "acme/tools#2",
      "acme/core#2",
    ];
    expect(await titles({ sort: "updated" })).toEqual(newest);
    // Oldest first is not the reverse: the undated issue stays last, ties go by id descending.
    expect(await titles({ sort: "updated", direction: "asc" })).toEqual([
      "acme/tools#2",
      "acme/core#1",
      "acme/core#4",
      "acme/tools#1",
      "acme/core#3",
      "acme/core#5",
      "acme/core#2",
    ]);
    const created = await titles({ sort: "created" });
    expect(created.slice(0, 3)).toEqual(["acme/tools#2", "acme/tools#1", "acme/core#5"]);
    expect(await titles({ sort: "created", direction: "asc" })).toEqual([...created].reverse());
    for (const direction of ["desc", "asc"] as const) {
      const whole = await titles({ sort: "updated", direction });
      const pages = [1, 2, 3, 4].map((page) => titles({ sort: "updated", direction, page, pageSize: 2 }));
      expect((await Promise.all(pages)).flat()).toEqual(whole);
    }

    // Filters and the other views apply as they do by priority.
    expect(await titles({ sort: "updated", language: "rust" })).toEqual(["acme/tools#1", "acme/tools#2"]);
    expect(await titles({ view: "unranked", sort: "created" })).toEqual(["other/unloved#1"]);
    expect(await titles({ view: "closed", sort: "updated", direction: "asc" })).toEqual(["acme/core#6"]);

    // A pin does not move an issue by date, though the row still says agents take it next.
    await setIssuePinned(target.db, ids["acme/core#2"]!, true, "user:alice");
    const rows = (await listIssueQueue(target.db, { sort: "updated" })).rows;
    expect(rows.map((row) => `${row.repository}#${row.number}`)).toEqual(newest);
    expect(rows.at(-1)).toMatchObject({ pinned: true, atHead: true, githubUpdatedAt: null });
    expect(rows[0]?.githubUpdatedAt).toEqual(day(6));
    expect(rows[0]?.githubCreatedAt).toEqual(day(4));
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

  it("reads a date-sorted page from the date's index in every view and direction (EXPLAIN)", async () => {
    const sql = target.db.$client;
    // Enough issues that reading the whole table would cost the planner more than the index.
    await seedIssues(target.db, {
      repositories: [{ fullName: "big/dated", language: "Go" }],
      perRepository: 20_000,
    });
    await sql`update issues set github_updated_at = now() - (id * 7919 % 100000) * interval '1 minute',
      github_created_at = now() - (id * 104729 % 100000) * interval '1 minute'`;
    await sql`update issues set state = (case when id % 4 = 0 then 'open' else 'closed' end) where id % 4 < 2`;
    await sql`delete from issue_ranks where issue_id % 4 < 2`;
    await sql`analyze issues`;
    for (const sort of ["updated", "created"] as const) {
      for (const view of ["ranked", "unranked", "closed"] satisfies IssueQueueView[]) {
        for (const direction of ["desc", "asc"] as const) {
          const [row] =
            await sql`explain (format json) ${issueQueuePageStatement(sql, { sort, view, direction }, 0, 50)}`;
          const nodes = planNodes((row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan);
          const where = `${sort} ${view} ${direction}`;
          expect(
            nodes.some((node) => node["Index Name"] === `issues_github_${sort}_idx`),
            where,
          ).toBe(true);
          expect(
            nodes.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"]),
            where,
          ).not.toContain("issues");
          // The only sorts are of the page's candidates (two halves of at most 50), never of the table.
          for (const node of nodes.filter((candidate) => candidate["Node Type"] === "Sort")) {
            expect(node["Plan Rows"], where).toBeLessThanOrEqual(100);
          }
        }
      }
    }
  });
});

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  "Plan Rows": number;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}
