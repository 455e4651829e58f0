"use client";

import type { useTableUrl } from "./use-table-url";

/** Mutually exclusive views of the table (All / Approved / …) as a segmented control on one URL parameter. */
export function DataTableSegments<Value extends string>({
  url,
  param,
  value,
  defaultValue,
  label,
  options,
}: {
  url: ReturnType<typeof useTableUrl>;
  param: string;
  value: Value;
  /** The value a bare URL means (written as no parameter at all). */
  defaultValue: Value;
  label: string;
  options: readonly { value: Value; label: string }[];
}) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className="inline-flex rounded-md bg-zinc-100 p-0.5 ring-1 ring-zinc-200"
    >
      {options.map((option) => {
        const checked = option.value === value;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a segmented control; radio inputs cannot be styled as one without hiding them.
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={checked}
            onClick={() => url.update({ [param]: option.value === defaultValue ? null : option.value })}
            className={`rounded px-2.5 py-1 text-xs font-medium ${
              checked
                ? "bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200"
                : "text-zinc-600 hover:text-zinc-900"
            }`}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
