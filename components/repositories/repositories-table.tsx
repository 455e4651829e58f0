"use client";

import { DataTable } from "@/components/data-table/data-table";
import { DataTableClearFilters } from "@/components/data-table/data-table-clear-filters";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableSegments } from "@/components/data-table/data-table-segments";
import { DataTableSelect, type SelectOption } from "@/components/data-table/data-table-select";
import type { SortState } from "@/components/data-table/search-params";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrl } from "@/components/data-table/use-table-url";
import { repositoryColumns } from "./repository-columns";
import type { RepositoryRow } from "./repository-row";
import { type RepositoryView, repositoryFilterOptions, repositoryTableDefaults } from "./repository-view";

/** The store as a table: filters and search above, server-side pages below, all in the URL. */
export function RepositoriesTable({
  rows,
  total,
  view,
  languages,
  domains,
}: {
  rows: RepositoryRow[];
  total: number;
  /** The view the server queried, parsed from the URL. */
  view: RepositoryView;
  languages: SelectOption[];
  domains: SelectOption[];
}) {
  const url = useTableUrl();
  const table = useDataTable({
    data: rows,
    columns: repositoryColumns,
    total,
    state: { page: view.page, pageSize: view.pageSize, sort: view.sort as SortState },
    defaultSort: repositoryTableDefaults.sort,
    defaultPageSize: repositoryTableDefaults.pageSize,
    url,
    getRowId: (row) => row.fullName,
  });
  const filtered = view.filter !== "all" || view.language || view.domain || view.search;

  return (
    <div data-testid="repositories-table">
      <div className="flex flex-wrap items-center gap-3 pb-3">
        <DataTableSearch
          url={url}
          param="q"
          value={view.search ?? ""}
          label="Search repositories"
          placeholder="Name or description…"
        />
        <DataTableSegments
          url={url}
          param="filter"
          label="Verdict"
          value={view.filter}
          defaultValue="all"
          options={repositoryFilterOptions}
        />
        <DataTableSelect
          url={url}
          param="language"
          label="Language"
          value={view.language}
          options={languages}
        />
        <DataTableSelect url={url} param="domain" label="Domain" value={view.domain} options={domains} />
        <DataTableClearFilters
          url={url}
          params={["q", "filter", "language", "domain"]}
          active={Boolean(filtered)}
        />
      </div>
      <DataTable
        table={table}
        pending={url.pending}
        label="Repositories"
        empty={
          filtered ? (
            "No repository matches these filters."
          ) : (
            <>
              The store is empty. Run <code className="font-mono">globallm discover</code> to find
              repositories.
            </>
          )
        }
      />
      <DataTablePagination table={table} pageSizes={repositoryTableDefaults.pageSizes} noun="repositories" />
    </div>
  );
}
