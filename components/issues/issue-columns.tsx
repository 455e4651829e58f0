"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { formatDate, formatDateTime, formatPercent } from "@/components/repositories/format";
import { repositoryHref } from "@/components/repositories/repository-row";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { IssueQueueRow } from "@/lib/issues/issue-queue";
import type { IssueQueueSort } from "@/lib/issues/queue-options";
import { type IssueTriageActions, QueueButtons } from "./issue-triage";
import { categorySourceLabels } from "./issue-view";

const severityTones: Record<string, BadgeTone> = { critical: "red", high: "amber" };

/**
 * The Issues table's columns. The sortable ones' ids are the server's sort keys (`?sort=`):
 * `priority` (claim order, only in the ranked view), `updated` and `created` (in every view). The
 * triage column exists only for people allowed to triage.
 */
export function issueColumns(options: {
  prioritySortable: boolean;
  triage?: IssueTriageActions;
}): ColumnDef<IssueQueueRow>[] {
  const columns: ColumnDef<IssueQueueRow>[] = [
    {
      id: "expand",
      header: () => <span className="sr-only">Breakdown</span>,
      enableSorting: false,
      meta: { className: "w-8" },
      cell: ({ row }) => (
        <button
          type="button"
          onClick={row.getToggleExpandedHandler()}
          aria-expanded={row.getIsExpanded()}
          aria-label={`Breakdown of ${row.original.repository}#${row.original.number}`}
          className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
        >
          <svg
            viewBox="0 0 12 12"
            aria-hidden="true"
            className={`size-3 transition-transform ${row.getIsExpanded() ? "rotate-90" : ""}`}
          >
            <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        </button>
      ),
    },
    {
      id: "priority",
      accessorFn: (row) => row.priority,
      header: "Priority",
      enableSorting: options.prioritySortable,
      sortDescFirst: true,
      meta: { align: "right", className: "w-20" },
      cell: ({ row }) =>
        row.original.priority === null ? (
          <span className="text-zinc-400">—</span>
        ) : (
          <span className="font-medium text-zinc-900">{formatPercent(row.original.priority)}</span>
        ),
    },
    {
      id: "issue",
      header: "Issue",
      enableSorting: false,
      meta: { className: "min-w-72" },
      cell: ({ row }) => <IssueCell issue={row.original} />,
    },
    {
      id: "category",
      header: "Category",
      enableSorting: false,
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) =>
        row.original.category ? (
          <div data-testid="issue-category">
            <Badge tone={row.original.categorySource === "triage" ? "blue" : "neutral"}>
              {row.original.category}
            </Badge>
            <p className="text-[11px] text-zinc-500">
              {categorySourceLabels[row.original.categorySource ?? ""] ?? row.original.categorySource}
            </p>
          </div>
        ) : (
          <span className="text-zinc-400">—</span>
        ),
    },
    {
      id: "severity",
      header: "Severity",
      enableSorting: false,
      cell: ({ row }) =>
        row.original.severity ? (
          <Badge tone={severityTones[row.original.severity] ?? "neutral"}>{row.original.severity}</Badge>
        ) : (
          <span className="text-zinc-400">—</span>
        ),
    },
    {
      id: "status",
      header: "Status",
      enableSorting: false,
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => <StatusCell issue={row.original} />,
    },
    dateColumn("updated", "Updated", (issue) => issue.githubUpdatedAt),
    dateColumn("created", "Created", (issue) => issue.githubCreatedAt),
  ];
  const triage = options.triage;
  if (triage) {
    columns.push({
      id: "triage",
      header: () => <span className="sr-only">Triage</span>,
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row }) => <QueueButtons issue={row.original} actions={triage} />,
    });
  }
  return columns;
}

/** A GitHub date as its day (the time on hover), sorted by on the server. */
function dateColumn(
  id: Exclude<IssueQueueSort, "priority">,
  header: string,
  date: (issue: IssueQueueRow) => Date | null,
): ColumnDef<IssueQueueRow> {
  return {
    id,
    accessorFn: date,
    header,
    sortDescFirst: true,
    meta: { className: "whitespace-nowrap text-xs text-zinc-500" },
    cell: ({ row }) => {
      const at = date(row.original);
      return at ? (
        <time dateTime={at.toISOString()} title={formatDateTime(at)}>
          {formatDate(at)}
        </time>
      ) : (
        <span className="text-zinc-400">—</span>
      );
    },
  };
}

function IssueCell({ issue }: { issue: IssueQueueRow }) {
  const title = (
    <>
      <span className="text-zinc-500">#{issue.number}</span> {issue.title}
    </>
  );
  return (
    <div className="min-w-0 max-w-xl">
      {issue.url ? (
        <a
          href={issue.url}
          target="_blank"
          rel="noreferrer"
          className="font-medium text-zinc-900 hover:underline"
        >
          {title}
        </a>
      ) : (
        <span className="font-medium text-zinc-900">{title}</span>
      )}
      <p className="text-xs text-zinc-500">
        <Link
          href={repositoryHref(issue.repository)}
          prefetch={false}
          className="hover:text-zinc-900 hover:underline"
        >
          {issue.repository}
        </Link>
        {issue.language ? <> · {issue.language}</> : null}
      </p>
    </div>
  );
}

/** Where the issue stands with agents: first in line, skipped, taken, done, or closed. */
function StatusCell({ issue }: { issue: IssueQueueRow }) {
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid="issue-status">
      {issue.pinned ? <Badge tone="blue">{issue.atHead ? "Pinned · next" : "Pinned"}</Badge> : null}
      {issue.skipped ? <Badge tone="amber">Skipped</Badge> : null}
      {issue.state === "closed" ? (
        <Badge>closed</Badge>
      ) : issue.assignmentStatus === "assigned" ? (
        <span className="text-xs text-zinc-700" title={issue.assignedTo ?? undefined}>
          assigned{issue.assignedTo ? ` to ${issue.assignedTo}` : ""}
        </span>
      ) : issue.assignmentStatus === "failed" ? (
        <Badge tone="red">failed</Badge>
      ) : issue.assignmentStatus === "completed" ? (
        <Badge tone="green">completed</Badge>
      ) : issue.skipped ? null : (
        <span className="text-xs text-zinc-500">available</span>
      )}
    </div>
  );
}
