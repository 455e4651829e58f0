"use client";

import type { useTableUrl } from "./use-table-url";

export interface SelectOption {
  value: string;
  label: string;
  /** Rows with this value, shown beside its label. */
  count?: number;
}

/** A facet filter (language, domain, …) bound to one URL parameter; "All" removes it. */
export function DataTableSelect({
  url,
  param,
  value,
  label,
  options,
  allLabel = "All",
}: {
  url: ReturnType<typeof useTableUrl>;
  param: string;
  value: string | undefined;
  label: string;
  options: SelectOption[];
  allLabel?: string;
}) {
  // A value from a shared link that this store does not have still shows, rather than "All".
  const known = value === undefined || options.some((option) => option.value === value);
  return (
    <label className="flex items-center gap-1.5 text-xs text-zinc-600">
      {label}
      <select
        value={value ?? ""}
        onChange={(event) => url.update({ [param]: event.target.value })}
        className="w-36 rounded-md bg-white py-1.5 pl-2 pr-7 text-sm text-zinc-900 ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-zinc-900"
      >
        <option value="">{allLabel}</option>
        {known ? null : <option value={value}>{value} (none)</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
            {option.count === undefined ? "" : ` (${option.count.toLocaleString("en-US")})`}
          </option>
        ))}
      </select>
    </label>
  );
}
