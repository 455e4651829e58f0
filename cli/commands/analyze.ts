import { Command } from "commander";
import { analyzeRepositories } from "../../lib/analysis/analyze-repositories";
import { AppError } from "../../lib/errors";
import { parseFullName } from "../../lib/repositories/full-name";
import { unanalyzedRepositories } from "../../lib/repositories/queries";
import type { CliContext } from "../context";
import { formatTable } from "../output";
import { percent, verdict } from "../present";

export function analyzeCommand(context: CliContext): Command {
  return new Command("analyze")
    .description("Score a repository's health and impact and decide whether it is worth working on")
    .argument("[repository]", "OWNER/REPO; without it, every unanalyzed repository in the store")
    .addHelpText(
      "after",
      "\nExamples:\n  globallm analyze django/django\n  globallm analyze            # every unanalyzed repository\n  globallm analyze psf/requests --json\n\nShows health and impact (0-100%), whether it is worth working on, and why;\n`globallm repos show OWNER/REPO` lists every factor with its raw value.",
    )
    .action(async (repository?: string) => {
      const names = repository
        ? [parseFullName(repository).fullName]
        : (await context.withDb((db) => unanalyzedRepositories(db))).map((row) => row.fullName);
      if (names.length === 0) {
        if (context.output.json) context.output.printJson([]);
        else context.output.data("Nothing to analyze: every repository in the store has been analyzed.");
        return;
      }
      const [db, github, depsDev, settings] = await Promise.all([
        context.db(),
        context.github(),
        context.depsDev(),
        context.settings(),
      ]);
      const results = await context.withDb(() =>
        analyzeRepositories(names, {
          db,
          github,
          depsDev,
          settings,
          actor: context.actor(),
          onProgress: (done, total) => context.output.progress(`analyze: ${done}/${total} repositories`),
        }),
      );
      context.output.progressDone();
      if (repository && !results[0]?.found) {
        throw new AppError("not_found:github", `GitHub has no repository ${names[0]}.`, {
          hint: "Check the spelling (OWNER/REPO).",
        });
      }
      if (context.output.json) {
        context.output.printJson(results);
        return;
      }
      context.output.data(
        formatTable(
          ["repository", "health", "impact", "verdict", "reason"],
          results.map((result) => [
            result.fullName,
            percent(result.healthScore),
            percent(result.impactScore),
            result.found ? verdict(result.worthWorkingOn) : "not found",
            result.reason,
          ]),
        ),
      );
      const missing = results.filter((result) => !result.found).length;
      if (missing)
        context.output.info(`${missing} repositories were not found on GitHub and were left unchanged.`);
      context.output.info(
        `${github.requests.stats().requests} GitHub requests for ${results.length} repositories`,
      );
    });
}
