"use client";

import { flexRender, type Header, type Row, type Table } from "@tanstack/react-table";
import { Fragment, type ReactNode } from "react";
import "./column-meta";

/**
 * Renders a TanStack table whose rows come from the server: sortable headers are buttons (the
 * sort itself happens on the server, through the URL), and while the next page loads the
 * current rows stay, dimmed. An expanded row shows `renderExpanded` below it, across the table.
 */
export function DataTable<TData>({
  table,
  pending = false,
  empty,
  label,
  renderExpanded,
}: {
  table: Table<TData>;
  pending?: boolean;
  /** Shown in place of rows when nothing matches. */
  empty: ReactNode;
  /** The table's accessible name. */
  label: string;
  /** What an expanded row shows under it (rows expand when the table's getRowCanExpand allows). */
  renderExpanded?: (row: Row<TData>) => ReactNode;
}) {
  const rows = table.getRowModel().rows;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <table
        aria-label={label}
        aria-busy={pending || undefined}
        className={`w-full border-collapse text-left transition-opacity ${pending ? "opacity-60" : ""}`}
      >
        <thead className="border-b border-zinc-200 bg-zinc-50/80">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.length === 0 ? (
            <tr>
              <td
                colSpan={table.getVisibleLeafColumns().length}
                className="px-3 py-10 text-center text-zinc-500"
              >
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <Fragment key={row.id}>
                <tr
                  data-row-id={row.id}
                  data-expanded={row.getIsExpanded() || undefined}
                  className={row.getIsExpanded() ? "bg-zinc-50/70" : "hover:bg-zinc-50/70"}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <td
                        key={cell.id}
                        className={`px-2 py-1.5 align-middle first:pl-3 last:pr-3 ${meta?.align === "right" ? "text-right tabular-nums" : ""} ${meta?.className ?? ""}`}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
                {renderExpanded && row.getIsExpanded() ? (
                  <tr data-expansion-of={row.id} className="bg-zinc-50/70">
                    <td colSpan={row.getVisibleCells().length} className="px-3 pb-3">
                      {renderExpanded(row)}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell<TData>({ header }: { header: Header<TData, unknown> }) {
  const meta = header.column.columnDef.meta;
  const sorted = header.column.getIsSorted();
  const right = meta?.align === "right";
  const content = header.isPlaceholder
    ? null
    : flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th
      scope="col"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
      className={`whitespace-nowrap px-2 py-2 text-xs first:pl-3 last:pr-3 font-medium text-zinc-500 ${right ? "text-right" : ""} ${meta?.className ?? ""}`}
    >
      {header.column.getCanSort() ? (
        <button
          type="button"
          onClick={header.column.getToggleSortingHandler()}
          className={`inline-flex items-center gap-0.5 rounded hover:text-zinc-900 ${right ? "flex-row-reverse" : ""} ${sorted ? "text-zinc-900" : ""}`}
        >
          {content}
          <SortGlyph direction={sorted} />
        </button>
      ) : (
        content
      )}
    </th>
  );
}

function SortGlyph({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg viewBox="0 0 12 12" aria-hidden="true" className="size-3 shrink-0">
      <path
        d="M3 5 6 2l3 3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        opacity={direction === "asc" ? 1 : 0.3}
      />
      <path
        d="M3 7l3 3 3-3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        opacity={direction === "desc" ? 1 : 0.3}
      />
    </svg>
  );
}
