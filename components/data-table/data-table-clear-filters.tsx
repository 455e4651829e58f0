"use client";

import type { useTableUrl } from "./use-table-url";

/** "Clear filters": removes the given URL parameters at once; shown only while one of them is set. */
export function DataTableClearFilters({
  url,
  params,
  active,
}: {
  url: ReturnType<typeof useTableUrl>;
  params: readonly string[];
  active: boolean;
}) {
  if (!active) return null;
  return (
    <button
      type="button"
      onClick={() => url.update(Object.fromEntries(params.map((param) => [param, null])))}
      className="text-xs font-medium text-zinc-600 hover:text-zinc-900"
    >
      Clear filters
    </button>
  );
}
