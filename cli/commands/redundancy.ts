import { readFileSync } from "node:fs";
import { Command } from "commander";
import type { Repository } from "../../lib/db/schema";
import { AppError } from "../../lib/errors";
import {
  compareProjects,
  DEFAULT_REDUNDANCY_THRESHOLD,
  fetchReadme,
  parseProjectLines,
  type RedundancyPair,
  type RedundancyProject,
  redundancyStorageEnabled,
  saveRedundancyResults,
} from "../../lib/redundancy";
import { parseFullName } from "../../lib/repositories/full-name";
import { requireRepository } from "../../lib/repositories/queries";
import type { CliContext } from "../context";
import { fraction } from "../options";
import { formatTable } from "../output";

interface Flags {
  threshold?: number;
  input?: string;
  readme: boolean;
}

// READMEs are fetched a few at a time: enough to overlap round trips, polite to GitHub.
const README_CONCURRENCY = 4;

export function redundancyCommand(context: CliContext): Command {
  return new Command("redundancy")
    .description("How much projects overlap (README, description, topics, name) and what to do about it")
    .argument("[repositories...]", "two or more OWNER/REPO from the store")
    .option(
      "--threshold <t>",
      "similarity (0..1) at which a pair counts as redundant (default: setting)",
      fraction,
    )
    .option(
      "--input <file>",
      "compare the projects of a JSONL file instead ({name, description, readme?, language?})",
    )
    .option("--no-readme", "do not fetch READMEs; compare descriptions, topics and names only")
    .addHelpText(
      "after",
      `
Examples:
  globallm redundancy psf/requests encode/httpx
  globallm redundancy pallets/flask django/django tiangolo/fastapi --threshold 0.6
  globallm redundancy --input projects.jsonl --json

Every pair gets a similarity in 0..1, a verdict (redundant at or above the threshold; default
${DEFAULT_REDUNDANCY_THRESHOLD} or the redundancy.threshold setting) and a recommendation: deprecate-the-weaker,
consolidate, collaborate (same purpose, different languages) or keep-both. --json prints an array
of {a, b, similarity, redundant, recommendation, reason, …} for every pair.`,
    )
    .action(async (names: string[], flags: Flags) => {
      if (flags.input && names.length > 0)
        throw new AppError("bad_request:cli", "Give repositories or --input FILE, not both.");
      const result = flags.input ? await fromFile(context, flags) : await fromStore(context, names, flags);
      print(context, result.pairs);
      if (result.skipped > 0)
        throw new AppError(
          "bad_request:cli",
          `${result.skipped} malformed line${result.skipped === 1 ? "" : "s"} of ${flags.input} skipped (see above); the other projects were compared.`,
        );
    });
}

async function thresholdOf(context: CliContext, flags: Flags, needsDatabase: boolean): Promise<number> {
  if (flags.threshold !== undefined) return flags.threshold;
  try {
    return Number((await context.settings())["redundancy.threshold"] ?? DEFAULT_REDUNDANCY_THRESHOLD);
  } catch (error) {
    // A file comparison needs no database; the threshold then falls back to its default, loudly.
    if (needsDatabase) throw error;
    context.output.info(
      `note: threshold ${DEFAULT_REDUNDANCY_THRESHOLD} (the default; the redundancy.threshold setting could not be read: ${(error as Error).message})`,
    );
    return DEFAULT_REDUNDANCY_THRESHOLD;
  }
}

async function fromFile(
  context: CliContext,
  flags: Flags,
): Promise<{ pairs: RedundancyPair[]; skipped: number }> {
  const file = flags.input!;
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    throw new AppError(
      "bad_request:cli",
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}.`,
    );
  }
  const { projects, problems } = parseProjectLines(text);
  for (const problem of problems)
    context.output.info(`error: ${file} line ${problem.line} ${problem.message}; skipped`);
  if (projects.length < 2)
    throw new AppError(
      "bad_request:cli",
      `Redundancy compares at least two projects; ${file} has ${projects.length} valid line${projects.length === 1 ? "" : "s"}.`,
    );
  const threshold = await thresholdOf(context, flags, false);
  return { pairs: compareProjects(projects, { threshold }), skipped: problems.length };
}

async function fromStore(
  context: CliContext,
  names: string[],
  flags: Flags,
): Promise<{ pairs: RedundancyPair[]; skipped: number }> {
  const unique = [
    ...new Map(names.map((name) => parseFullName(name).fullName).map((n) => [n.toLowerCase(), n])).values(),
  ];
  if (unique.length < 2)
    throw new AppError("bad_request:cli", "Redundancy compares at least two different repositories.", {
      hint: "globallm redundancy OWNER/REPO OWNER/REPO [...], or --input FILE.",
    });
  const rows = await context.withDb(async (db) => {
    const found: Repository[] = [];
    for (const name of unique) found.push(await requireRepository(db, name));
    return found;
  });
  const threshold = await thresholdOf(context, flags, true);
  const readmes = flags.readme ? await fetchReadmes(context, rows) : rows.map(() => null);
  const projects: RedundancyProject[] = rows.map((row, index) => ({
    name: row.fullName,
    description: row.description,
    readme: readmes[index],
    topics: row.topics,
    language: row.language,
    stars: row.stars,
    dependents: row.dependents,
    healthScore: row.healthScore,
    impactScore: row.impactScore,
    archived: row.isArchived,
  }));
  const pairs = compareProjects(projects, { threshold });
  if (redundancyStorageEnabled) {
    const ids = new Map(rows.map((row) => [row.fullName, row.id]));
    await context.withDb((db) =>
      saveRedundancyResults(
        db,
        pairs.map((pair) => ({ ...pair, aId: ids.get(pair.a)!, bId: ids.get(pair.b)!, threshold })),
      ),
    );
  }
  return { pairs, skipped: 0 };
}

async function fetchReadmes(context: CliContext, rows: Repository[]): Promise<(string | null)[]> {
  const github = await context.github();
  const readmes: (string | null)[] = rows.map(() => null);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const index = next++;
      try {
        readmes[index] = await fetchReadme(github, rows[index]!.fullName);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        throw new AppError(error.code, error.message, {
          hint: `${error.hint ? `${error.hint} ` : ""}(--no-readme compares without READMEs.)`,
          detail: error.detail,
          cause: error,
        });
      }
      done += 1;
      context.output.progress(`redundancy: READMEs ${done}/${rows.length}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(README_CONCURRENCY, rows.length) }, worker));
  } finally {
    context.output.progressDone();
  }
  return readmes;
}

function print(context: CliContext, pairs: RedundancyPair[]): void {
  if (context.output.json) {
    context.output.printJson(pairs);
    return;
  }
  const ranked = [...pairs].sort((x, y) => y.similarity - x.similarity);
  context.output.data(
    formatTable(
      ["a", "b", "similarity", "redundant", "recommendation"],
      ranked.map((pair) => [
        pair.a,
        pair.b,
        pair.similarity.toFixed(3),
        pair.redundant ? "yes" : "no",
        pair.recommendation,
      ]),
    ),
  );
  // Reasons are long: all of them for a few pairs, otherwise those of the redundant ones.
  const explained = ranked.length <= 10 ? ranked : ranked.filter((pair) => pair.redundant);
  if (explained.length > 0)
    context.output.data(`\n${explained.map((pair) => `${pair.a} / ${pair.b}: ${pair.reason}`).join("\n")}`);
  const redundant = pairs.filter((pair) => pair.redundant).length;
  context.output.info(`${pairs.length} pair${pairs.length === 1 ? "" : "s"}, ${redundant} redundant.`);
}
