"use client";

import type { Table } from "@tanstack/react-table";

const numbers = new Intl.NumberFormat("en-US");

/** "51–100 of 2,431", rows per page, and first/previous/next/last — all through the table's state. */
export function DataTablePagination<TData>({
  table,
  pageSizes,
  noun = "rows",
  capped = false,
}: {
  table: Table<TData>;
  pageSizes: readonly number[];
  /** What the rows are, for the count: "repositories". */
  noun?: string;
  /** The server stopped counting at the row count: there are more ("10,000+"). */
  capped?: boolean;
}) {
  const { pageIndex, pageSize } = table.getState().pagination;
  const total = table.getRowCount();
  const pages = Math.max(table.getPageCount(), 1);
  const shown = table.getRowModel().rows.length;
  const first = shown === 0 ? 0 : pageIndex * pageSize + 1;
  const last = pageIndex * pageSize + shown;
  const more = capped ? "+" : "";
  // Past a capped count nobody knows where the last page is: a full page may have a next one.
  const canNext = table.getCanNextPage() || (capped && shown === pageSize);
  const button =
    "rounded-md px-2 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-200 hover:bg-zinc-50 disabled:pointer-events-none disabled:opacity-40";

  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 py-3 text-xs text-zinc-600"
    >
      <p data-testid="table-range">
        {shown === 0 && pageIndex > 0 ? (
          <>
            Past the last page: {numbers.format(total)}
            {more} {noun}
          </>
        ) : (
          <>
            {numbers.format(first)}–{numbers.format(last)} of {numbers.format(total)}
            {more} {noun}
          </>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5">
          Rows per page
          <select
            value={pageSize}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
            className="rounded-md bg-white px-1.5 py-1 text-xs text-zinc-900 ring-1 ring-inset ring-zinc-300"
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span>
          Page {numbers.format(pageIndex + 1)} of {numbers.format(pages)}
          {more}
        </span>
        <div className="flex gap-1">
          <button
            type="button"
            className={button}
            onClick={() => table.firstPage()}
            disabled={!table.getCanPreviousPage()}
          >
            First
          </button>
          <button
            type="button"
            className={button}
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            Previous
          </button>
          <button type="button" className={button} onClick={() => table.nextPage()} disabled={!canNext}>
            Next
          </button>
          <button
            type="button"
            className={button}
            onClick={() => table.lastPage()}
            disabled={capped || !table.getCanNextPage()}
          >
            Last
          </button>
        </div>
      </div>
    </nav>
  );
}
