import { Command } from "commander";
import { formatMeasure } from "../../lib/budget/budget-errors";
import { type BudgetMeasure, budgetLimits } from "../../lib/budget/limits";
import { type BudgetOverview, budgetOverview, type ScopeUsage } from "../../lib/budget/overview";
import { type ResetTarget, resetBudget } from "../../lib/budget/reset";
import { AppError } from "../../lib/errors";
import { parseFullName } from "../../lib/repositories/full-name";
import { requireRepository } from "../../lib/repositories/queries";
import type { CliContext } from "../context";
import { wholeNumber } from "../options";
import { formatTable } from "../output";

function cell(usage: ScopeUsage, measure: BudgetMeasure): string {
  const entry = usage[measure];
  const used = formatMeasure(measure, entry.used);
  if (entry.limit === null) return used;
  return `${used} / ${formatMeasure(measure, entry.limit)} (${Math.round(entry.percentUsed ?? 0)}%)`;
}

function rows(view: BudgetOverview): (string | number)[][] {
  const scoped = [
    view.overall,
    view.weekly,
    ...view.languages.map((row) => ({ ...row, label: `language ${row.label}` })),
    ...view.topRepositories.map((row) => ({ ...row, label: `repo ${row.label}` })),
    ...view.topIssues.map((row) => ({ ...row, label: `issue ${row.label}` })),
  ];
  return scoped.map((usage) => [
    usage.label,
    cell(usage, "cost_usd"),
    cell(usage, "tokens"),
    cell(usage, "minutes"),
    usage.cost_usd.reserved > 0 ? formatMeasure("cost_usd", usage.cost_usd.reserved) : "",
    usage.cost_usd.remaining === null ? "unlimited" : formatMeasure("cost_usd", usage.cost_usd.remaining),
    usage.calls,
  ]);
}

export function budgetCommand(context: CliContext): Command {
  const budget = new Command("budget").description(
    "See and reset what agents have spent against the hard budgets",
  );

  budget
    .command("show")
    .description(
      "Used, reserved, remaining and % of each limit: overall, this week, per language, top repositories",
    )
    .option("--top <n>", "how many repositories and issues to list", wholeNumber(1), 10)
    .addHelpText(
      "after",
      "\nLimits are settings: globallm config set budget.overall.cost_usd 50 (none = unlimited).\n\nExamples:\n  globallm budget show\n  globallm budget show --json",
    )
    .action(async (flags: { top: number }) => {
      const limits = budgetLimits(await context.settings());
      const view = await context.withDb((db) => budgetOverview(db, limits, { top: flags.top }));
      if (context.output.json) {
        context.output.printJson(view);
        return;
      }
      context.output.data(
        formatTable(
          ["scope", "cost", "tokens", "agent minutes", "reserved", "cost left", "calls"],
          rows(view),
        ),
      );
      if (view.openReservations > 0) context.output.info(`${view.openReservations} model call(s) in flight.`);
    });

  budget
    .command("reset")
    .description(
      "Start counting afresh (history stays in the ledger): everything, this week, or one repository",
    )
    .option("--repo <owner/name>", "reset only this repository's budget")
    .option("--weekly", "reset only the weekly budget")
    .addHelpText(
      "after",
      "\nExamples:\n  globallm budget reset\n  globallm budget reset --weekly\n  globallm budget reset --repo django/django --json",
    )
    .action(async (flags: { repo?: string; weekly?: boolean }) => {
      if (flags.repo && flags.weekly) {
        throw new AppError("bad_request:cli", "Use either --repo or --weekly, not both.");
      }
      const fullName = flags.repo ? parseFullName(flags.repo).fullName : undefined;
      const result = await context.withDb(async (db) => {
        let target: ResetTarget = flags.weekly ? { kind: "weekly" } : { kind: "all" };
        if (fullName) {
          const repository = await requireRepository(db, fullName);
          target = { kind: "repository", repositoryId: repository.id, label: repository.fullName };
        }
        return { target, ...(await resetBudget(db, target, context.actor())) };
      });
      const what =
        result.target.kind === "repository"
          ? result.target.label
          : result.target.kind === "weekly"
            ? "the weekly budget"
            : "all budgets";
      if (context.output.json) {
        context.output.printJson({
          reset: result.target.kind === "repository" ? result.target.label : result.target.kind,
          ...result,
        });
        return;
      }
      context.output.data(
        `Reset ${what}: ${formatMeasure("cost_usd", result.clearedCostUsd)} of settled spend no longer counts.`,
      );
    });

  return budget;
}
