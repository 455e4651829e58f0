import { Command } from "commander";
import { issueCategories } from "../../lib/db/schema";
import { type IssueSort, issueSorts, listIssues } from "../../lib/issues/queries";
import { syncIssues } from "../../lib/issues/sync-issues";
import { computeIssueFeatures } from "../../lib/prioritize/compute-features";
import { parseFullName } from "../../lib/repositories/full-name";
import { requireRepository } from "../../lib/repositories/queries";
import type { CliContext } from "../context";
import { oneOf, wholeNumber } from "../options";
import { formatTable } from "../output";

interface Flags {
  state: "open" | "closed" | "all";
  limit: number;
  category?: (typeof issueCategories)[number];
  sort: IssueSort;
  full?: boolean;
  offline?: boolean;
}

export function issuesCommand(context: CliContext): Command {
  return new Command("issues")
    .description("Fetch a repository's issues (pull requests excluded), categorize and list them")
    .argument("<repository>", "OWNER/REPO (in the store: discover or analyze it first)")
    .option("--state <state>", "open, closed or all", oneOf(["open", "closed", "all"] as const), "open")
    .option("--limit <n>", "show at most this many", wholeNumber(1), 30)
    .option("--category <category>", issueCategories.join(", "), oneOf(issueCategories))
    .option("--sort <field>", issueSorts.join(", "), oneOf(issueSorts), "priority")
    .option("--full", "fetch everything again instead of only what changed since the last sync")
    .option("--offline", "list what is stored without asking GitHub")
    .addHelpText(
      "after",
      "\nExamples:\n  globallm issues octocat/Hello-World\n  globallm issues --state closed octocat/Hello-World\n  globallm issues --state all --limit 100 octocat/Hello-World\n  globallm issues --category bug --sort priority octocat/Hello-World --json",
    )
    .action(async (name: string, flags: Flags) => {
      const { fullName } = parseFullName(name);
      const repository = await context.withDb((db) => requireRepository(db, fullName));
      let synced: Awaited<ReturnType<typeof syncIssues>> | undefined;
      if (!flags.offline) {
        const [db, github] = [await context.db(), await context.github()];
        synced = await context.withDb(() =>
          syncIssues(db, github, repository, {
            state: flags.state,
            full: flags.full,
            onProgress: (fetched, total) =>
              context.output.progress(`issues: ${fetched}${total === null ? "" : `/${total}`} fetched`),
          }),
        );
        const categorize = await context.categorize();
        await context.withDb(() => computeIssueFeatures(db, { categorize, repositoryId: repository.id }));
        context.output.progressDone();
      }
      const { rows, total } = await context.withDb((db) =>
        listIssues(db, {
          repositoryId: repository.id,
          state: flags.state,
          category: flags.category,
          sort: flags.sort,
          pageSize: flags.limit,
        }),
      );
      if (context.output.json) {
        context.output.printJson(
          rows.map(({ issue, priority }) => ({
            repository: repository.fullName,
            number: issue.number,
            title: issue.title,
            url: issue.url,
            state: issue.state,
            labels: issue.labels,
            category: issue.category,
            severity: issue.severity,
            priority,
            hasLinkedPr: issue.hasLinkedPr,
            hasHumanAssignee: issue.hasHumanAssignee,
            assignmentStatus: issue.assignmentStatus,
            createdAt: issue.githubCreatedAt?.toISOString() ?? null,
            updatedAt: issue.githubUpdatedAt?.toISOString() ?? null,
          })),
        );
      } else {
        context.output.data(
          rows.length === 0
            ? "No issues."
            : formatTable(
                ["#", "title", "category", "severity", "priority", "note"],
                rows.map(({ issue, priority }) => [
                  issue.number,
                  issue.title.length > 70 ? `${issue.title.slice(0, 69)}…` : issue.title,
                  issue.category,
                  issue.severity,
                  priority === null ? null : priority.toFixed(2),
                  [
                    issue.state === "closed" ? "closed" : "",
                    issue.hasLinkedPr ? "has PR" : "",
                    issue.hasHumanAssignee ? "assigned" : "",
                  ]
                    .filter(Boolean)
                    .join(", "),
                ]),
              ),
        );
      }
      if (synced)
        context.output.info(
          `${synced.fetched} fetched (${synced.inserted} new)${synced.since ? " since the last sync" : ""}; showing ${rows.length} of ${total}`,
        );
    });
}
