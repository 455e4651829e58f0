"use client";

import {
  type ColumnDef,
  getCoreRowModel,
  type PaginationState,
  type Row,
  type SortingState,
  type Updater,
  useReactTable,
} from "@tanstack/react-table";
import { useMemo } from "react";
import { type SortState, serializeSort } from "./search-params";
import type { useTableUrl } from "./use-table-url";

export interface DataTableState {
  /** 1-based, as in the URL. */
  page: number;
  pageSize: number;
  sort: SortState;
}

interface UseDataTableOptions<TData> {
  data: TData[];
  columns: ColumnDef<TData>[];
  /** Rows matching the filters, across all pages. */
  total: number;
  /** What the server used for this page (parsed from the URL), so the table shows exactly that. */
  state: DataTableState;
  /** The sort a bare URL means; choosing it again removes `sort` from the URL. */
  defaultSort: SortState;
  defaultPageSize: number;
  url: ReturnType<typeof useTableUrl>;
  getRowId: (row: TData) => string;
  /** Rows that open to show more below them (see DataTable's renderExpanded); none by default. */
  getRowCanExpand?: (row: Row<TData>) => boolean;
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

/**
 * A TanStack table whose paging and sorting happen on the server: the table only renders the
 * rows it is given and turns clicks into URL changes (modelled on tablecn's use-data-table).
 * Filters and search are plain URL parameters too, set by the toolbar controls.
 */
export function useDataTable<TData>(options: UseDataTableOptions<TData>) {
  const { state, url, defaultSort, defaultPageSize } = options;
  const pagination: PaginationState = { pageIndex: state.page - 1, pageSize: state.pageSize };
  const sorting: SortingState = useMemo(() => [{ id: state.sort.id, desc: state.sort.desc }], [state.sort]);

  return useReactTable({
    data: options.data,
    columns: options.columns,
    getRowId: options.getRowId,
    getRowCanExpand: options.getRowCanExpand ?? (() => false),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    rowCount: options.total,
    // One sort at a time, toggling between directions (the server always sorts by something).
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { pagination, sorting },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      url.update(
        {
          page: next.pageIndex > 0 ? next.pageIndex + 1 : null,
          perPage: next.pageSize === defaultPageSize ? null : next.pageSize,
        },
        { keepPage: next.pageSize === pagination.pageSize },
      );
    },
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (!next) return;
      const serialized = serializeSort(next);
      url.update({ sort: serialized === serializeSort(defaultSort) ? null : serialized });
    },
  });
}
