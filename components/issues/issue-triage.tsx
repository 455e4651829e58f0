"use client";

import { type FormEvent, useState, useTransition } from "react";
import { formatPercent } from "@/components/repositories/format";
import { type ActionOutcome, OutcomeMessage } from "@/components/ui/action-outcome";
import type { IssueCategory, IssueSeverity } from "@/lib/db/schema/issues";
import type { IssueQueueRow } from "@/lib/issues/issue-queue";
import type { IssueFilterOptions } from "./issue-view";

interface RecategorizeResult {
  priority: number | null;
  before: { priority: number | null };
}

/** The server actions of app/(app)/issues/actions.ts; each checks the caller's role again. */
export interface IssueTriageActions {
  pin: (input: { issueId: number; pinned: boolean }) => Promise<ActionOutcome>;
  skip: (input: { issueId: number; skipped: boolean }) => Promise<ActionOutcome>;
  recategorize: (input: {
    issueId: number;
    category: IssueCategory;
    severity?: IssueSeverity;
  }) => Promise<ActionOutcome<RecategorizeResult>>;
}

/** A button named for what it will do to which issue ("Pin acme/core#4", then "Unpin acme/core#4"). */
function Toggle({
  on,
  labels,
  reference,
  tone,
  disabled,
  onClick,
}: {
  on: boolean;
  labels: [off: string, on: string];
  reference: string;
  /** Its colours while on. */
  tone: string;
  disabled: boolean;
  onClick: () => void;
}) {
  const label = on ? labels[1] : labels[0];
  return (
    <button
      type="button"
      disabled={disabled}
      aria-label={`${label} ${reference}`}
      onClick={onClick}
      className={`rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset disabled:pointer-events-none disabled:opacity-50 ${on ? tone : "bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50"}`}
    >
      {label}
    </button>
  );
}

/** Pin (agents take it first) and skip (never handed out), toggled in place. */
export function QueueButtons({ issue, actions }: { issue: IssueQueueRow; actions: IssueTriageActions }) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const reference = `${issue.repository}#${issue.number}`;
  const run = (call: () => Promise<ActionOutcome>) => {
    setOutcome(null);
    startTransition(async () => {
      const result = await call();
      // Success shows in the row itself (badge, position); only a refusal needs words.
      setOutcome(result.error ? result : null);
    });
  };
  return (
    <div className="flex flex-col items-end gap-1">
      {/* Stacked until the screen is wide enough for the date columns and both buttons side by side. */}
      <div className="flex flex-col gap-1 2xl:flex-row 2xl:gap-1.5">
        <Toggle
          on={issue.pinned}
          labels={["Pin", "Unpin"]}
          reference={reference}
          tone="bg-blue-50 text-blue-800 ring-blue-200 hover:bg-blue-100"
          disabled={pending}
          onClick={() => run(() => actions.pin({ issueId: issue.id, pinned: !issue.pinned }))}
        />
        <Toggle
          on={issue.skipped}
          labels={["Skip", "Unskip"]}
          reference={reference}
          tone="bg-amber-50 text-amber-900 ring-amber-200 hover:bg-amber-100"
          disabled={pending}
          onClick={() => run(() => actions.skip({ issueId: issue.id, skipped: !issue.skipped }))}
        />
      </div>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}

/** A person's category (and severity) for the issue: kept over the classifier, ranked again at once. */
export function RecategorizeForm({
  issue,
  actions,
  options,
}: {
  issue: IssueQueueRow;
  actions: IssueTriageActions;
  options: Pick<IssueFilterOptions, "categories" | "severities">;
}) {
  const [category, setCategory] = useState<IssueCategory | "">(issue.category ?? "");
  const [severity, setSeverity] = useState<IssueSeverity | "">(issue.severity ?? "");
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<ActionOutcome<RecategorizeResult> | null>(null);
  const dirty = category !== (issue.category ?? "") || severity !== (issue.severity ?? "");
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!category) return;
    setOutcome(null);
    startTransition(async () => {
      setOutcome(
        await actions.recategorize({ issueId: issue.id, category, ...(severity ? { severity } : {}) }),
      );
    });
  };
  const select =
    "rounded-md bg-white py-1 pl-2 pr-7 text-sm text-zinc-900 ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-zinc-900";
  const moved = outcome?.data
    ? `Re-categorized and ranked again: priority ${percent(outcome.data.before.priority)} → ${percent(outcome.data.priority)}.`
    : undefined;

  return (
    <form onSubmit={onSubmit} aria-label="Re-categorize" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs text-zinc-600">
        Category
        <select
          required
          value={category}
          onChange={(event) => setCategory(event.target.value as IssueCategory)}
          className={select}
        >
          <option value="" disabled>
            Choose…
          </option>
          {options.categories.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-600">
        Severity
        <select
          value={severity}
          onChange={(event) => setSeverity(event.target.value as IssueSeverity | "")}
          className={select}
        >
          <option value="">Unchanged</option>
          {options.severities.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={pending || !dirty || !category}
        className="rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs font-medium text-white hover:bg-zinc-700 disabled:opacity-50"
      >
        {pending ? "Saving…" : "Re-categorize"}
      </button>
      <OutcomeMessage outcome={outcome} success={moved} />
    </form>
  );
}

function percent(value: number | null): string {
  return value === null ? "not ranked" : formatPercent(value);
}
