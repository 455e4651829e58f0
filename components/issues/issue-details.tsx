import { formatDateTime, formatPercent } from "@/components/repositories/format";
import { FactorTable } from "@/components/scores/factor-table";
import type { IssueQueueRow } from "@/lib/issues/issue-queue";
import { type IssueTriageActions, RecategorizeForm } from "./issue-triage";
import { categorySourceLabels, type IssueFilterOptions } from "./issue-view";

const triageVerbs: Record<string, string> = {
  "issue.pinned": "Pinned",
  "issue.unpinned": "Unpinned",
  "issue.skipped": "Skipped",
  "issue.unskipped": "Unskipped",
  "issue.recategorized": "Re-categorized",
};

/**
 * Why an issue ranks where it does: each factor of its priority with value, weight and reason,
 * the overall reason, where its category came from, the last person to triage it, and (for
 * members and admins) the form to re-categorize it.
 */
export function IssueDetails({
  issue,
  actions,
  options,
}: {
  issue: IssueQueueRow;
  actions?: IssueTriageActions;
  options: Pick<IssueFilterOptions, "categories" | "severities">;
}) {
  const id = `breakdown-${issue.id}`;
  const { breakdown } = issue;
  return (
    <section
      aria-labelledby={id}
      data-testid="priority-breakdown"
      className="rounded-lg border border-zinc-200 bg-white"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-zinc-100 px-4 py-3">
        <h3 id={id} className="font-semibold text-zinc-900">
          Priority <span className="ml-1 tabular-nums">{formatPercent(issue.priority)}</span>
        </h3>
        <p className="text-xs text-zinc-600" data-testid="priority-reason">
          {issue.priorityReason ?? "Not prioritized yet: run globallm prioritize."}
        </p>
      </header>
      {breakdown ? (
        <>
          <FactorTable rows={breakdown.factors.map((factor) => ({ ...factor, share: factor.weight }))} />
          {breakdown.demoted ? (
            <p className="border-t border-zinc-100 px-4 py-2 text-xs text-amber-800">
              Lint, formatting, typo or style-only work: the weighted score was cut to 30%
              (priority.demote_style_issues).
            </p>
          ) : null}
        </>
      ) : null}
      <footer className="space-y-3 border-t border-zinc-100 px-4 py-3">
        <p className="text-xs text-zinc-600">
          Category <span className="font-medium text-zinc-900">{issue.category ?? "none yet"}</span>
          {issue.categorySource
            ? ` ${categorySourceLabels[issue.categorySource] ?? issue.categorySource}`
            : ""}
          {/* A person's re-categorization is said by the triage line below, with who and when. */}
          {issue.categoryReason && issue.categorySource !== "triage" ? <> — {issue.categoryReason}</> : null}
          {issue.lastTriage ? (
            <span className="block" data-testid="last-triage">
              {triageVerbs[issue.lastTriage.action] ?? issue.lastTriage.action} by{" "}
              <span className="font-mono">{issue.lastTriage.actor}</span> on{" "}
              {formatDateTime(issue.lastTriage.at)}
            </span>
          ) : null}
        </p>
        {actions ? <RecategorizeForm issue={issue} actions={actions} options={options} /> : null}
      </footer>
    </section>
  );
}
