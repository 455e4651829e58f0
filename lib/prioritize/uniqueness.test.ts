import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { issues, repositories } from "../db/schema";
import { saveRedundancyResults } from "../redundancy/save-results";
import { computeIssueFeatures } from "./compute-features";
import { reprioritize } from "./reprioritize";
import { topPriorities } from "./top-priorities";
import { computeUniqueness, repositoryGroups } from "./uniqueness";

const weights = { health: 0.15, impact: 0.3, solvability: 0.2, urgency: 0.25, uniqueness: 0.1 };
const crash =
  "Steps to reproduce: call parse() on an empty YAML document.\nTraceback: IndexError in loader.py";

describe("the uniqueness factor", () => {
  let target: TestDatabase;
  const uniqueness = async () =>
    Object.fromEntries(
      (await target.db.select().from(issues)).map((row) => [
        row.title,
        { q: row.uniqueness, reason: (row.featureReasons as Record<string, string> | null)?.uniqueness },
      ]),
    );

  beforeAll(async () => {
    target = await freshDatabase("embedded");
    const [yaml, fork, other] = await target.db
      .insert(repositories)
      .values([
        {
          fullName: "acme/yaml",
          language: "python",
          worthWorkingOn: true,
          healthScore: 0.8,
          impactScore: 0.9,
        },
        {
          fullName: "copy/yaml",
          language: "python",
          worthWorkingOn: true,
          healthScore: 0.4,
          impactScore: 0.2,
        },
        {
          fullName: "else/web",
          language: "python",
          worthWorkingOn: true,
          healthScore: 0.6,
          impactScore: 0.5,
        },
      ])
      .returning();
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    await target.db.insert(issues).values([
      {
        repositoryId: yaml!.id,
        number: 1,
        title: "parse() crashes on an empty YAML document",
        body: crash,
        githubCreatedAt: at(1),
        githubUpdatedAt: at(1),
      },
      {
        repositoryId: yaml!.id,
        number: 2,
        title: "Crash: parse() on empty YAML document",
        body: crash,
        githubCreatedAt: at(5),
        githubUpdatedAt: at(5),
      },
      {
        repositoryId: yaml!.id,
        number: 3,
        title: "Support YAML 1.2 merge keys",
        body: "The << merge key of YAML 1.2 is rejected.",
        githubCreatedAt: at(2),
        githubUpdatedAt: at(2),
      },
      {
        repositoryId: fork!.id,
        number: 7,
        title: "Add a streaming emitter",
        body: "Emit documents one at a time to save memory.",
        githubCreatedAt: at(3),
        githubUpdatedAt: at(3),
      },
      {
        repositoryId: other!.id,
        number: 4,
        title: "parse() crashes on an empty YAML document",
        body: crash,
        githubCreatedAt: at(6),
        githubUpdatedAt: at(6),
      },
    ]);
    await computeIssueFeatures(target.db);
  });
  afterAll(() => target.drop());

  it("marks the later report of the same problem, in one repository only when the projects are unrelated", async () => {
    const result = await computeUniqueness(target.db);
    expect(result.duplicates).toBe(1);
    const seen = await uniqueness();
    expect(seen["Crash: parse() on empty YAML document"]!.q).toBeLessThan(0.5);
    expect(seen["Crash: parse() on empty YAML document"]!.reason).toMatch(
      /duplicate of acme\/yaml#1 \(\d+% alike\)/,
    );
    expect(seen["parse() crashes on an empty YAML document"]).toEqual({
      q: 1,
      reason: "No duplicate found.",
    });
    expect(seen["Support YAML 1.2 merge keys"]!.q).toBe(1);
    // else/web is not redundant with acme/yaml: the same words there are not a duplicate.
    expect(seen["Add a streaming emitter"]!.q).toBe(1);
    expect((await computeUniqueness(target.db)).groups).toBe(0);
  });

  it("lowers the weaker of two redundant projects, and recomputes only after the verdict changes", async () => {
    const [yaml, fork] = await target.db.select().from(repositories).orderBy(repositories.id);
    await saveRedundancyResults(target.db, [
      {
        a: "acme/yaml",
        b: "copy/yaml",
        aId: yaml!.id,
        bId: fork!.id,
        similarity: 0.86,
        redundant: true,
        threshold: 0.7,
        recommendation: "deprecate-the-weaker",
        reason: "acme/yaml has more stars and dependents",
        stronger: "acme/yaml",
        signals: { text: 0.8, concepts: 0.9, name: 1, topics: 0.5 },
        shared: { words: ["yaml"], concepts: [] },
      },
    ]);
    const result = await computeUniqueness(target.db);
    expect(result.groups).toBe(1);
    const seen = await uniqueness();
    expect(seen["Add a streaming emitter"]).toEqual({
      q: 0.5,
      reason: "copy/yaml overlaps acme/yaml (86% alike), the stronger project.",
    });
    expect(seen["Support YAML 1.2 merge keys"]!.q).toBe(1);

    await reprioritize(target.db, { weights, demoteLowValue: true, languages: [] });
    const ranked = await topPriorities(target.db, { top: 100 });
    expect(ranked.find((row) => row.title === "Add a streaming emitter")?.breakdown).toMatchObject({
      uniqueness: { value: 0.5, reason: "copy/yaml overlaps acme/yaml (86% alike), the stronger project." },
    });
  });

  it("groups repositories joined by redundancy, transitively", () => {
    const pairs = [
      { a: "a/x", b: "b/x", similarity: 0.9, recommendation: "consolidate" as const, stronger: null },
      { a: "B/x", b: "c/x", similarity: 0.8, recommendation: "collaborate" as const, stronger: null },
    ];
    expect(repositoryGroups(["c/x", "d/x"], pairs).map((group) => group.sort())).toEqual([
      ["a/x", "b/x", "c/x"],
      ["d/x"],
    ]);
  });
});
