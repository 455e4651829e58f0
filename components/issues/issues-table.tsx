"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableClearFilters } from "@/components/data-table/data-table-clear-filters";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableSegments } from "@/components/data-table/data-table-segments";
import { DataTableSelect } from "@/components/data-table/data-table-select";
import type { SortState } from "@/components/data-table/search-params";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrl } from "@/components/data-table/use-table-url";
import type { IssueQueueRow } from "@/lib/issues/issue-queue";
import { issueColumns } from "./issue-columns";
import { IssueDetails } from "./issue-details";
import type { IssueTriageActions } from "./issue-triage";
import { type IssueFilterOptions, type IssueView, issueStateOptions, issueTableDefaults } from "./issue-view";

/** The prioritized queue as a table: filters above, server-side pages and sorts below, all in the URL. */
export function IssuesTable({
  rows,
  total,
  capped,
  view,
  options,
  triage,
}: {
  rows: IssueQueueRow[];
  total: number;
  capped: boolean;
  /** The view the server queried, parsed from the URL. */
  view: IssueView;
  options: IssueFilterOptions;
  /** Present for members and admins; the server actions check the role again. */
  triage?: IssueTriageActions;
}) {
  const url = useTableUrl();
  const prioritySortable = view.state === "ranked";
  const columns = useMemo(() => issueColumns({ prioritySortable, triage }), [prioritySortable, triage]);
  const table = useDataTable({
    data: rows,
    columns,
    total,
    state: { page: view.page, pageSize: view.pageSize, sort: view.sort as SortState },
    defaultSort: issueTableDefaults.sort,
    defaultPageSize: issueTableDefaults.pageSize,
    url,
    getRowId: (row) => String(row.id),
    getRowCanExpand: () => true,
  });
  const facets = [
    { param: "language", label: "Language", value: view.language, options: options.languages },
    { param: "category", label: "Category", value: view.category, options: options.categories },
    { param: "severity", label: "Severity", value: view.severity, options: options.severities },
    { param: "status", label: "Claim status", value: view.status, options: options.statuses },
  ];
  const filtered = view.repository || facets.some((facet) => facet.value);

  return (
    <div data-testid="issues-table">
      <div className="flex flex-wrap items-center gap-3 pb-3">
        <DataTableSegments
          url={url}
          param="state"
          label="State"
          value={view.state}
          defaultValue="ranked"
          options={issueStateOptions}
        />
        <DataTableSearch
          url={url}
          param="repo"
          value={view.repository ?? ""}
          label="Repository"
          placeholder="Repository…"
        />
        {facets.map((facet) => (
          <DataTableSelect key={facet.param} url={url} {...facet} />
        ))}
        <DataTableClearFilters
          url={url}
          params={["repo", ...facets.map((facet) => facet.param)]}
          active={Boolean(filtered)}
        />
      </div>
      <DataTable
        table={table}
        pending={url.pending}
        label="Issues"
        renderExpanded={(row) => <IssueDetails issue={row.original} actions={triage} options={options} />}
        empty={
          filtered ? (
            "No issue matches these filters."
          ) : view.state === "ranked" ? (
            <>
              Nothing ranked yet. Approve repositories, fetch their issues, then run{" "}
              <code className="font-mono">globallm prioritize</code>.
            </>
          ) : (
            "No issues here."
          )
        }
      />
      <DataTablePagination
        table={table}
        pageSizes={issueTableDefaults.pageSizes}
        noun="issues"
        capped={capped}
      />
    </div>
  );
}
