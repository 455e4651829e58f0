import { Command } from "commander";
import { analyzeOwner } from "../../lib/analysis/analyze-owner";
import type { CliContext } from "../context";
import { wholeNumber } from "../options";
import { formatTable } from "../output";
import { percent } from "../present";

interface Flags {
  minStars: number;
  includeForks?: boolean;
  recommend?: boolean;
  maxResults?: number;
}

export function analyzeUserCommand(context: CliContext): Command {
  return new Command("analyze-user")
    .description("Evaluate every repository a user or organization owns (keep or archive?)")
    .argument("<user>", "GitHub user or organization")
    .option("--min-stars <n>", "skip repositories with fewer stars", wholeNumber(0), 0)
    .option("--include-forks", "include forked repositories")
    .option("--recommend", "add a keep / archive / evaluate recommendation with its reason")
    .option("--max-results <n>", "at most this many repositories, after filtering", wholeNumber(1))
    .addHelpText(
      "after",
      "\nExamples:\n  globallm analyze-user octocat\n  globallm analyze-user --min-stars 100 --recommend octocat\n  globallm analyze-user --include-forks --max-results 50 octocat --json",
    )
    .action(async (user: string, flags: Flags) => {
      const [github, depsDev, settings] = await Promise.all([
        context.github(),
        context.depsDev(),
        context.settings(),
      ]);
      const results = await analyzeOwner(user, {
        github,
        depsDev,
        settings,
        minStars: flags.minStars,
        includeForks: Boolean(flags.includeForks),
        maxResults: flags.maxResults,
        onProgress: (done, total) => context.output.progress(`analyze-user: ${done}/${total} repositories`),
      });
      context.output.progressDone();
      if (context.output.json) {
        context.output.printJson(
          results.map(({ recommendation, reason, ...row }) =>
            flags.recommend ? { ...row, recommendation, reason } : row,
          ),
        );
        return;
      }
      if (results.length === 0) {
        context.output.data(`No repositories of ${user} match.`);
        return;
      }
      const headers = [
        "repository",
        "stars",
        "health",
        "impact",
        ...(flags.recommend ? ["recommendation", "reason"] : []),
      ];
      context.output.data(
        formatTable(
          headers,
          results.map((row) => [
            row.fullName + (row.isFork ? " (fork)" : ""),
            row.stars,
            percent(row.healthScore),
            percent(row.impactScore),
            ...(flags.recommend ? [row.recommendation, row.reason] : []),
          ]),
        ),
      );
    });
}
