import { Command } from "commander";
import { discoverRepositories } from "../../lib/discovery/discover";
import { type Domain, domains, resolveDomain } from "../../lib/discovery/domains";
import { resolveLanguage } from "../../lib/discovery/languages";
import { findRepository } from "../../lib/repositories/queries";
import type { CliContext } from "../context";
import { wholeNumber } from "../options";
import { repositoryJson, repositoryTable } from "../present";

interface DiscoverFlags {
  domain: string;
  language?: string;
  maxResults: number;
  minStars?: number;
  minDependents?: number;
  libraryOnly?: boolean;
}

export function discoverCommand(context: CliContext): Command {
  return new Command("discover")
    .description("Find high-impact repositories by domain and language and save them to the store")
    .option("--domain <domain>", `one of ${Object.keys(domains).join(", ")}`, "overall")
    .option(
      "--language <language>",
      "python, javascript, typescript, rust, go, java, … (default: the team's languages)",
    )
    .option("--max-results <n>", "how many repositories to return, after filtering", wholeNumber(1), 20)
    .option("--min-stars <n>", "fewest stars (default: filters.min_stars)", wholeNumber(0))
    .option(
      "--min-dependents <n>",
      "fewest known dependents (default: filters.min_dependents)",
      wholeNumber(0),
    )
    .option("--library-only", "only libraries: no apps, docs or awesome-lists")
    .addHelpText(
      "after",
      "\nExamples:\n  globallm discover --domain ai_ml --language python --max-results 20\n  globallm discover --domain web_dev --language javascript --min-stars 1000 --min-dependents 50\n  globallm discover --domain data_science --language python --library-only --json",
    )
    .action(async (flags: DiscoverFlags) => {
      const domain: Domain = resolveDomain(flags.domain);
      const language = flags.language ? resolveLanguage(flags.language).key : undefined;
      const settings = await context.settings();
      const db = await context.db();
      const github = await context.github();
      const depsDev = await context.depsDev();
      const result = await context.withDb(() =>
        discoverRepositories({
          db,
          github,
          depsDev,
          domain,
          language,
          focusLanguages: settings.languages as string[],
          maxResults: flags.maxResults,
          minStars: flags.minStars ?? Number(settings["filters.min_stars"]),
          minDependents: flags.minDependents ?? Number(settings["filters.min_dependents"]),
          libraryOnly: Boolean(flags.libraryOnly),
          onProgress: ({ phase, found, wanted }) =>
            context.output.progress(
              `discover: ${phase === "search" ? "searching" : "checking"} … ${Math.min(found, wanted)}/${wanted}`,
            ),
        }),
      );
      context.output.progressDone();
      const rows = await Promise.all(result.repositories.map((repo) => findRepository(db, repo.fullName)));
      const stored = rows.filter((row) => row !== undefined);
      if (context.output.json) {
        context.output.printJson(stored.map(repositoryJson));
      } else {
        context.output.data(repositoryTable(stored));
      }
      const stats = github.requests.stats();
      context.output.info(
        `${stored.length} repositories (${result.inserted} new, ${result.updated} updated) from ${result.examined} examined; ${stats.requests} GitHub requests`,
      );
    });
}
