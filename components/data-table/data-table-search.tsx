"use client";

import { useEffect, useRef, useState } from "react";
import type { useTableUrl } from "./use-table-url";

// Long enough to wait for a word to be typed, short enough to feel live.
const DEBOUNCE_MS = 300;

/** A search box bound to one URL parameter, written after the typing pauses. */
export function DataTableSearch({
  url,
  param,
  value,
  placeholder,
  label,
}: {
  url: ReturnType<typeof useTableUrl>;
  param: string;
  /** The value the server used (from the URL). */
  value: string;
  placeholder: string;
  label: string;
}) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  // Back/forward or a link changed the URL: show what is now searched (React's "adjust state when
  // a prop changes" pattern, without an effect).
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: string) => {
    setDraft(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (next.trim() !== value) url.update({ [param]: next.trim() }, { history: "replace" });
    }, DEBOUNCE_MS);
  };

  return (
    <input
      type="search"
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      onChange={(event) => change(event.target.value)}
      className="w-48 rounded-md bg-white px-2.5 py-1.5 text-sm text-zinc-900 ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:outline-none focus:ring-2 focus:ring-zinc-900"
    />
  );
}
