import type { Database } from "../db/client";
import { type IssueCategory, issues, type NewIssue, repositories } from "../db/schema";
import { computeIssueFeatures } from "../prioritize/compute-features";
import type { PrioritizeSettings } from "../prioritize/prioritize-settings";
import { reprioritize } from "../prioritize/reprioritize";

/** The team's settings as the tests of the queue and of triage use them. */
export const queueSettings: PrioritizeSettings = {
  weights: { health: 0.15, impact: 0.3, solvability: 0.2, urgency: 0.25, uniqueness: 0.1 },
  demoteLowValue: true,
  languages: ["python", "rust"],
};

const body = "Steps to reproduce:\n```\nrun()\n```\nExpected it to work.";

/**
 * A small store, measured and ranked as `globallm prioritize` leaves it: two approved repositories
 * in the focus languages (Python, Rust) and one unapproved, with open issues of several categories
 * and one closed. Returns issue ids by `OWNER/NAME#NUMBER`.
 */
export async function seedQueue(db: Database): Promise<Record<string, number>> {
  const [core, tools, unloved] = await db
    .insert(repositories)
    .values([
      { fullName: "acme/core", language: "Python", healthScore: 0.8, impactScore: 0.9, worthWorkingOn: true },
      { fullName: "acme/tools", language: "Rust", healthScore: 0.7, impactScore: 0.6, worthWorkingOn: true },
      {
        fullName: "other/unloved",
        language: "Python",
        healthScore: 0.2,
        impactScore: 0.1,
        worthWorkingOn: false,
      },
    ])
    .returning();
  const issue = (
    repository: { id: number } | undefined,
    number: number,
    title: string,
    category: IssueCategory,
    extra: Partial<NewIssue> = {},
  ): NewIssue => ({
    repositoryId: repository!.id,
    number,
    title,
    body,
    url: `https://github.com/example/${number}`,
    category,
    categorySource: "labels",
    ...extra,
  });
  const rows = await db
    .insert(issues)
    .values([
      issue(core, 1, "Security: token leaked in logs", "security", { severity: "high" }),
      issue(core, 2, "Crash when the config file is empty", "bug"),
      issue(core, 3, "Add a dark mode", "feature", { body: "It would be nice." }),
      issue(core, 4, "Fix typo in README", "documentation", { body: "teh → the" }),
      issue(core, 5, "Slow startup with many plugins", "performance"),
      issue(core, 6, "Old crash", "bug", { state: "closed" }),
      issue(tools, 1, "Panic on empty input", "bug"),
      issue(tools, 2, "Document the CLI flags", "documentation"),
      issue(unloved, 1, "Crash everywhere", "bug"),
    ])
    .returning({ id: issues.id, repositoryId: issues.repositoryId, number: issues.number });
  await computeIssueFeatures(db);
  await reprioritize(db, queueSettings);
  const names = new Map([core, tools, unloved].map((repository) => [repository!.id, repository!.fullName]));
  return Object.fromEntries(rows.map((row) => [`${names.get(row.repositoryId)}#${row.number}`, row.id]));
}
