"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { domainLabel, formatCount, formatDate, formatDateTime, formatPercent } from "./format";
import { type RepositoryRow, repositoryHref } from "./repository-row";
import { VerdictBadge } from "./verdict-badge";

// Column ids are the sort keys of `listRepositories` (and of `?sort=`), so a header click asks the
// server for exactly that order. TanStack only sorts columns with an accessor; the others are
// display columns.
export const repositoryColumns: ColumnDef<RepositoryRow>[] = [
  {
    id: "name",
    accessorFn: (row) => row.fullName,
    header: "Repository",
    sortDescFirst: false,
    meta: { className: "min-w-48" },
    cell: ({ row }) => (
      <div className="min-w-0">
        <Link
          href={repositoryHref(row.original.fullName)}
          className="font-medium text-zinc-900 hover:underline"
          prefetch={false}
        >
          {row.original.fullName}
        </Link>
        {row.original.isArchived ? <span className="ml-1.5 text-[11px] text-amber-700">archived</span> : null}
        {row.original.description ? (
          <p className="max-w-52 truncate text-xs text-zinc-500" title={row.original.description}>
            {row.original.description}
          </p>
        ) : null}
      </div>
    ),
  },
  {
    id: "language",
    header: "Language",
    enableSorting: false,
    cell: ({ row }) => <span className="text-zinc-700">{row.original.language ?? "—"}</span>,
  },
  {
    id: "domain",
    header: "Domain",
    enableSorting: false,
    meta: { className: "whitespace-nowrap" },
    cell: ({ row }) => <span className="text-zinc-700">{domainLabel(row.original.domain)}</span>,
  },
  {
    id: "kind",
    header: "Kind",
    enableSorting: false,
    cell: ({ row }) => <span className="text-zinc-700">{row.original.projectKind ?? "—"}</span>,
  },
  {
    id: "stars",
    accessorFn: (row) => row.stars,
    header: "Stars",
    sortDescFirst: true,
    meta: { align: "right" },
    cell: ({ row }) => formatCount(row.original.stars),
  },
  {
    id: "forks",
    accessorFn: (row) => row.forks,
    header: "Forks",
    sortDescFirst: true,
    meta: { align: "right" },
    cell: ({ row }) => formatCount(row.original.forks),
  },
  {
    id: "health",
    accessorFn: (row) => row.healthScore,
    header: "Health",
    sortDescFirst: true,
    meta: { align: "right" },
    cell: ({ row }) => <Score value={row.original.healthScore} />,
  },
  {
    id: "impact",
    accessorFn: (row) => row.impactScore,
    header: "Impact",
    sortDescFirst: true,
    meta: { align: "right" },
    cell: ({ row }) => <Score value={row.original.impactScore} />,
  },
  {
    id: "verdict",
    header: "Verdict",
    enableSorting: false,
    meta: { className: "whitespace-nowrap" },
    cell: ({ row }) => <VerdictBadge worth={row.original.worthWorkingOn} />,
  },
  {
    id: "analyzed",
    accessorFn: (row) => row.analyzedAt,
    header: "Analyzed",
    sortDescFirst: true,
    meta: { className: "whitespace-nowrap text-xs text-zinc-500" },
    cell: ({ row }) =>
      row.original.analyzedAt ? (
        <time dateTime={row.original.analyzedAt} title={formatDateTime(row.original.analyzedAt)}>
          {formatDate(row.original.analyzedAt)}
        </time>
      ) : (
        "—"
      ),
  },
];

function Score({ value }: { value: number | null }) {
  return value === null ? <span className="text-zinc-400">—</span> : formatPercent(value);
}
