import { and, eq, getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { claimNextIssue } from "../assign/claim-next-issue";
import { events, issueRanks, issues } from "../db/schema";
import { computeIssueFeatures } from "../prioritize/compute-features";
import { listIssueQueue } from "./issue-queue";
import { queueSettings, seedQueue } from "./queue-fixture";
import { recategorizeIssue, setIssuePinned, setIssueSkipped } from "./triage";

describe("triage", () => {
  let target: TestDatabase;
  let ids: Record<string, number>;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
    ids = await seedQueue(target.db);
  });
  afterAll(() => target.drop());

  const issue = async (id: number) =>
    (
      await target.db
        .select({ ...getTableColumns(issues), priority: issueRanks.priority })
        .from(issues)
        .leftJoin(issueRanks, eq(issueRanks.issueId, issues.id))
        .where(eq(issues.id, id))
    )[0]!;
  const eventsOf = (id: number) =>
    target.db
      .select()
      .from(events)
      .where(and(eq(events.subjectType, "issue"), eq(events.subjectId, String(id))))
      .orderBy(events.id);
  /** Claims and gives back at once: which issue an agent would be handed now. */
  const nextClaimed = async () => {
    const claimed = await claimNextIssue(target.db, { agentId: "probe", leaseSeconds: 60 });
    if (claimed) {
      await target.db
        .update(issues)
        .set({ assignmentStatus: "available", assignedTo: null, leaseToken: null })
        .where(eq(issues.id, claimed.issueId));
    }
    return claimed?.issueId;
  };

  it("pins: the issue is claimed before higher priorities, once, with who did it", async () => {
    const top = ids["acme/core#1"]!;
    const low = ids["acme/core#4"]!;
    expect(await nextClaimed()).toBe(top);
    const change = await setIssuePinned(target.db, low, true, "user:alice");
    expect(change).toEqual({ issueId: low, pinned: true, skipped: false, changed: true });
    expect(await nextClaimed()).toBe(low);
    expect(await setIssuePinned(target.db, low, true, "user:alice")).toMatchObject({ changed: false });
    // The probe's claims are audited too; the person's change is what this test is about.
    const recorded = (await eventsOf(low)).filter((event) => event.action !== "issue.claimed");
    expect(recorded.map((event) => [event.action, event.actor])).toEqual([["issue.pinned", "user:alice"]]);
    expect(recorded[0]?.data).toEqual({
      before: { pinned: false, skipped: false },
      after: { pinned: true, skipped: false },
    });
  });

  it("skips: the issue is never handed out, and skipping takes back a pin", async () => {
    const low = ids["acme/core#4"]!;
    await setIssueSkipped(target.db, low, true, "user:bob");
    expect(await issue(low)).toMatchObject({ pinned: false, skipped: true });
    expect(await nextClaimed()).toBe(ids["acme/core#1"]);
    const top = ids["acme/core#1"]!;
    await setIssueSkipped(target.db, top, true, "user:bob");
    expect(await nextClaimed()).not.toBe(top);
    await setIssueSkipped(target.db, top, false, "user:bob");
    expect(await nextClaimed()).toBe(top);
    expect((await eventsOf(top)).map((event) => event.action)).toEqual(
      expect.arrayContaining(["issue.skipped", "issue.unskipped"]),
    );
  });

  it("re-categorizes: audited, ranked again at once, and kept by later categorization", async () => {
    const typo = ids["acme/core#3"]!;
    const before = await issue(typo);
    const result = await recategorizeIssue(target.db, {
      issueId: typo,
      category: "security",
      severity: "critical",
      actor: "user:carol",
      prioritize: queueSettings,
    });
    expect(result).toMatchObject({
      category: "security",
      severity: "critical",
      before: { category: "feature", severity: before.severity, priority: before.priority },
    });
    expect(result.priority).toBeGreaterThan(before.priority!);
    const after = await issue(typo);
    expect(after).toMatchObject({
      category: "security",
      categorySource: "triage",
      priority: result.priority,
    });
    expect(after.urgency).toBeGreaterThan(before.urgency!);
    const [recorded] = (await eventsOf(typo)).filter((event) => event.action === "issue.recategorized");
    expect(recorded).toMatchObject({
      actor: "user:carol",
      data: {
        before: { category: "feature", severity: before.severity },
        after: { category: "security", severity: "critical" },
      },
    });
    const [row] = (await listIssueQueue(target.db, { category: "security", severity: "critical" })).rows;
    expect(row).toMatchObject({
      id: typo,
      categorySource: "triage",
      categoryReason: "re-categorized by a person",
    });

    // A classifier run later does not overrule the person.
    await computeIssueFeatures(target.db, {
      issueIds: [typo],
      categorize: async (batch) =>
        batch.map(() => ({ category: "documentation", severity: "low", confidence: 0.9, source: "text" })),
    });
    expect(await issue(typo)).toMatchObject({ category: "security", categorySource: "triage" });

    // Severity is optional: left as it is.
    await recategorizeIssue(target.db, {
      issueId: typo,
      category: "bug",
      actor: "user:carol",
      prioritize: queueSettings,
    });
    expect(await issue(typo)).toMatchObject({ category: "bug", severity: "critical" });
  });

  it("refuses unknown issues and all-zero weights with a clear error, changing nothing", async () => {
    await expect(setIssuePinned(target.db, 999_999, true, "user:alice")).rejects.toMatchObject({
      code: "not_found:issue",
    });
    await expect(
      recategorizeIssue(target.db, {
        issueId: 999_999,
        category: "bug",
        actor: "user:alice",
        prioritize: queueSettings,
      }),
    ).rejects.toMatchObject({ code: "not_found:issue" });
    const id = ids["acme/tools#2"]!;
    const zero = { health: 0, impact: 0, solvability: 0, urgency: 0, uniqueness: 0 };
    await expect(
      recategorizeIssue(target.db, {
        issueId: id,
        category: "bug",
        actor: "user:alice",
        prioritize: { ...queueSettings, weights: zero },
      }),
    ).rejects.toMatchObject({ code: "bad_request:settings", message: expect.stringMatching(/all 0/) });
    expect(await issue(id)).toMatchObject({ category: "documentation", categorySource: "labels" });
  });
});
