import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { issues, repositories } from "../db/schema";
import { computeIssueFeatures } from "./compute-features";
import { reprioritize } from "./reprioritize";
import { topPriorities } from "./top-priorities";

const weights = { health: 0.15, impact: 0.3, solvability: 0.2, urgency: 0.25, uniqueness: 0.1 };

describe("prioritization in the database", () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
    const [approved, rejected, rust] = await target.db
      .insert(repositories)
      .values([
        {
          fullName: "good/lib",
          language: "python",
          healthScore: 0.8,
          impactScore: 0.9,
          worthWorkingOn: true,
        },
        {
          fullName: "weak/lib",
          language: "python",
          healthScore: 0.3,
          impactScore: 0.2,
          worthWorkingOn: false,
        },
        { fullName: "rusty/lib", language: "rust", healthScore: 0.8, impactScore: 0.9, worthWorkingOn: true },
      ])
      .returning();
    const body = "Steps to reproduce:\n```\nrun()\n```";
    await target.db.insert(issues).values([
      {
        repositoryId: approved!.id,
        number: 1,
        title: "Security: path traversal in upload",
        body,
        labels: ["bug"],
      },
      {
        repositoryId: approved!.id,
        number: 2,
        title: "Fix typo in docs",
        body: "teh → the in the README file please",
        labels: [],
      },
      {
        repositoryId: approved!.id,
        number: 3,
        title: "Add a dark mode",
        body: "It would be nice to have a dark mode.",
        labels: ["enhancement"],
      },
      { repositoryId: approved!.id, number: 4, title: "Crash on start", body, labels: [], hasLinkedPr: true },
      { repositoryId: approved!.id, number: 5, title: "Crash on exit", body, labels: [], state: "closed" },
      { repositoryId: rejected!.id, number: 1, title: "Crash everywhere", body, labels: [] },
      { repositoryId: rust!.id, number: 1, title: "Panic on empty input", body, labels: ["bug"] },
    ]);
    await computeIssueFeatures(target.db);
  });
  afterAll(() => target.drop());

  it("ranks only open, untaken issues of approved repositories in the focus languages", async () => {
    const result = await reprioritize(target.db, { weights, demoteLowValue: true, languages: ["python"] });
    expect(result).toMatchObject({ ranked: 3, unranked: 4 });
    const rows = await target.db.select().from(issues);
    const reason = (title: string) => rows.find((row) => row.title === title)?.priorityReason;
    expect(reason("Crash on start")).toMatch(/pull request already fixes it/);
    expect(reason("Crash on exit")).toMatch(/closed/);
    expect(reason("Crash everywhere")).toMatch(/not approved/);
    expect(reason("Panic on empty input")).toMatch(/outside the focus languages/);
  });

  it("puts security first and style-only work last, each with its breakdown and reason", async () => {
    const top = await topPriorities(target.db, { top: 10 });
    expect(top.map((row) => row.title)).toEqual([
      "Security: path traversal in upload",
      "Add a dark mode",
      "Fix typo in docs",
    ]);
    expect(top[0]!.reason).toMatch(/Urgent \(a security problem/);
    expect(top[2]!.reason).toMatch(/Ranked low: lint, formatting, typo or style-only/);
    for (const row of top) {
      const factors = ["health", "impact", "solvability", "urgency", "uniqueness"].map(
        (name) => row.breakdown?.[name] as { weight: number },
      );
      expect(factors.reduce((sum, factor) => sum + factor.weight, 0)).toBeCloseTo(1, 5);
    }
    expect(await topPriorities(target.db, { top: 10, minPriority: top[1]!.priority })).toHaveLength(2);
  });

  it("applies new weights on the next run and leaves style issues alone when told to", async () => {
    await reprioritize(target.db, {
      weights: { ...weights, urgency: 0, solvability: 1 },
      demoteLowValue: false,
      languages: ["python"],
    });
    const top = await topPriorities(target.db, { top: 10 });
    expect(top[2]!.reason).not.toMatch(/Ranked low/);
    const again = await reprioritize(target.db, {
      weights: { ...weights, urgency: 0, solvability: 1 },
      demoteLowValue: false,
      languages: ["python"],
    });
    expect(again.changed).toBe(0);
  });
});
