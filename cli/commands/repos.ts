import { Command } from "commander";
import type { Repository } from "../../lib/db/schema";
import { parseFullName } from "../../lib/repositories/full-name";
import {
  listRepositories,
  type RepositoryFilter,
  type RepositorySort,
  removeRepository,
  repositoryFilters,
  repositorySorts,
  requireRepository,
} from "../../lib/repositories/queries";
import type { CombinedScore } from "../../lib/scoring/factors";
import type { CliContext } from "../context";
import { oneOf, wholeNumber } from "../options";
import { formatPairs, formatTable } from "../output";
import { percent, repositoryJson, repositoryTable, verdict } from "../present";

interface ListFlags {
  filter: RepositoryFilter;
  language?: string;
  domain?: string;
  search?: string;
  sort: RepositorySort;
  limit?: number;
}

export function reposCommand(context: CliContext): Command {
  const repos = new Command("repos").description("List, show and remove repositories in the store");

  repos
    .command("list")
    .description("List stored repositories")
    .option("--filter <filter>", `${repositoryFilters.join(", ")}`, oneOf(repositoryFilters), "all")
    .option("--language <language>", "only this language")
    .option("--domain <domain>", "only this domain")
    .option("--search <text>", "name or description contains")
    .option("--sort <field>", repositorySorts.join(", "), oneOf(repositorySorts), "stars")
    .option("--limit <n>", "at most this many rows (default: all)", wholeNumber(1))
    .addHelpText(
      "after",
      "\nExamples:\n  globallm repos list\n  globallm repos list --filter approved\n  globallm repos list --filter unanalyzed --json",
    )
    .action(async (flags: ListFlags) => {
      const rows: Repository[] = [];
      const pageSize = 500;
      for (let page = 1; ; page++) {
        const result = await context.withDb((db) => listRepositories(db, { ...flags, page, pageSize }));
        rows.push(...result.rows);
        if (result.rows.length < pageSize || (flags.limit && rows.length >= flags.limit)) break;
      }
      const shown = flags.limit ? rows.slice(0, flags.limit) : rows;
      if (context.output.json) context.output.printJson(shown.map(repositoryJson));
      else context.output.data(repositoryTable(shown));
    });

  repos
    .command("show")
    .description("Show one repository with every health and impact factor, its raw value and reason")
    .argument("<repository>", "OWNER/REPO")
    .addHelpText("after", "\nExample:\n  globallm repos show django/django")
    .action(async (name: string) => {
      const { fullName } = parseFullName(name);
      const row = await context.withDb((db) => requireRepository(db, fullName));
      const analysis = (row.analysis ?? null) as { health?: CombinedScore; impact?: CombinedScore } | null;
      if (context.output.json) {
        context.output.printJson({
          ...repositoryJson(row),
          topics: row.topics,
          license: row.license,
          health: analysis?.health ?? null,
          impact: analysis?.impact ?? null,
        });
        return;
      }
      context.output.data(
        formatPairs([
          ["repository", row.fullName],
          ["description", row.description],
          ["language", row.language],
          ["stars / forks", `${row.stars} / ${row.forks}`],
          ["dependents", row.dependents ?? "unknown"],
          ["kind", row.projectKind],
          ["health", percent(row.healthScore)],
          ["impact", percent(row.impactScore)],
          ["verdict", verdict(row.worthWorkingOn)],
          ["reason", row.analysisReason],
        ]),
      );
      for (const [title, score] of [
        ["Health", analysis?.health],
        ["Impact", analysis?.impact],
      ] as const) {
        if (!score) continue;
        const factors = [
          ...score.used.map((f) => ({ ...f, counted: `${Math.round(f.share * 100)}%` })),
          ...score.excluded.map((f) => ({ ...f, counted: "left out" })),
        ];
        context.output.data(
          `\n${title} factors\n${formatTable(
            ["factor", "value", "weight", "raw", "reason"],
            factors.map((f) => [f.name, percent(f.value), f.counted, f.raw, f.reason]),
          )}`,
        );
      }
    });

  repos
    .command("remove")
    .description("Remove a repository and its issues from the store (until it is discovered again)")
    .argument("<repository>", "OWNER/REPO")
    .addHelpText("after", "\nExample:\n  globallm repos remove some/repo")
    .action(async (name: string) => {
      const { fullName } = parseFullName(name);
      const row = await context.withDb((db) => removeRepository(db, fullName, context.actor()));
      if (context.output.json) context.output.printJson({ removed: row.fullName });
      else context.output.data(`Removed ${row.fullName}.`);
    });

  return repos;
}
