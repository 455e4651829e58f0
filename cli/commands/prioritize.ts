import { Command } from "commander";
import { resolveLanguage } from "../../lib/discovery/languages";
import { computeIssueFeatures } from "../../lib/prioritize/compute-features";
import { prioritizeSettings } from "../../lib/prioritize/prioritize-settings";
import { reprioritize } from "../../lib/prioritize/reprioritize";
import { type PriorityRow, topPriorities } from "../../lib/prioritize/top-priorities";
import { computeUniqueness } from "../../lib/prioritize/uniqueness";
import type { CliContext } from "../context";
import { fraction, oneOf, wholeNumber } from "../options";
import { formatTable } from "../output";

interface Flags {
  language?: string;
  top: number;
  minPriority?: number;
  export?: "json" | "csv";
}

const factors = ["health", "impact", "solvability", "urgency", "uniqueness"] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(rows: PriorityRow[]): string {
  const header = [
    "rank",
    "repository",
    "number",
    "title",
    "url",
    "priority",
    "category",
    "severity",
    ...factors,
    "reason",
  ];
  const lines = rows.map((row) => {
    const values = factors.map((name) => {
      const factor = row.breakdown?.[name];
      return typeof factor === "object" ? factor.value : "";
    });
    return [
      row.rank,
      row.repository,
      row.number,
      row.title,
      row.url,
      row.priority.toFixed(4),
      row.category,
      row.severity,
      ...values,
      row.reason,
    ]
      .map(csvCell)
      .join(",");
  });
  return [header.join(","), ...lines].join("\n");
}

export function prioritizeCommand(context: CliContext): Command {
  return new Command("prioritize")
    .description(
      "Rank the open issues of approved repositories: health, impact, solvability, urgency, uniqueness",
    )
    .option("--language <language>", "only this language (any case)")
    .option("--top <n>", "how many to show", wholeNumber(1), 20)
    .option("--min-priority <p>", "only issues at or above this priority (0..1)", fraction)
    .option(
      "--export <format>",
      "print every row with its breakdown as json or csv on stdout",
      oneOf(["json", "csv"] as const),
    )
    .addHelpText(
      "after",
      "\nExamples:\n  globallm prioritize\n  globallm prioritize --language python\n  globallm prioritize --top 50 --min-priority 0.5\n  globallm prioritize --export json > priorities.json\n  globallm prioritize --export csv > priorities.csv\n\nReads approved repositories from the store (run discover, analyze and issues first).\nWeights: weights.priority.*; lint/style-only issues rank low (priority.demote_style_issues).",
    )
    .action(async (flags: Flags) => {
      // Unknown languages are usage errors (exit 2); GitHub names `cpp` C++.
      const language = flags.language ? resolveLanguage(flags.language).github : undefined;
      const settings = await context.settings();
      const db = await context.db();
      const categorize = await context.categorize();
      await context.withDb(() =>
        computeIssueFeatures(db, {
          categorize,
          onProgress: (done) => context.output.progress(`prioritize: ${done} issues measured`),
        }),
      );
      await context.withDb(() =>
        computeUniqueness(db, {
          onProgress: (done, total) =>
            context.output.progress(`prioritize: duplicates searched in ${done}/${total} repository groups`),
        }),
      );
      const result = await context.withDb(() =>
        reprioritize(db, {
          ...prioritizeSettings(settings),
          onProgress: (done, total) => context.output.progress(`prioritize: ${done}/${total} issues ranked`),
        }),
      );
      context.output.progressDone();
      const rows = await context.withDb(() =>
        topPriorities(db, { language, top: flags.top, minPriority: flags.minPriority }),
      );
      if (flags.export === "csv") context.output.data(toCsv(rows));
      else if (flags.export === "json" || context.output.json) context.output.printJson(rows);
      else if (rows.length === 0)
        context.output.data(
          language || flags.minPriority !== undefined
            ? `No ranked issues${language ? ` in ${language}` : ""}${flags.minPriority !== undefined ? ` at or above ${flags.minPriority}` : ""}.`
            : "No ranked issues. Approve repositories (analyze) and fetch their issues (globallm issues OWNER/REPO) first.",
        );
      else
        context.output.data(
          formatTable(
            ["#", "priority", "repository", "issue", "category", "reason"],
            rows.map((row) => [
              row.rank,
              row.priority.toFixed(2),
              row.repository,
              `#${row.number} ${row.title.length > 50 ? `${row.title.slice(0, 49)}…` : row.title}`,
              row.category,
              row.reason,
            ]),
          ),
        );
      context.output.info(
        `${result.ranked} issues ranked, ${result.unranked} not (closed, unapproved, outside the focus languages, already taken or finished)`,
      );
    });
}
