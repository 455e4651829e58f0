"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

/** A URL change: `null` (or "") removes the key, which is how a value returns to its default. */
export type UrlChanges = Record<string, string | number | null | undefined>;

export interface UpdateOptions {
  /** `push` (default) makes Back undo the change; `replace` suits typing. */
  history?: "push" | "replace";
  /** Any change of what is shown starts again on page 1, except paging itself. */
  keepPage?: boolean;
}

/**
 * The table's state lives in the URL, so a view can be shared and survives a reload; the server
 * page reads it and queries. Updating navigates (in a transition, so the current rows stay on
 * screen, dimmed, until the new ones arrive).
 */
export function useTableUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const update = useCallback(
    (changes: UrlChanges, options: UpdateOptions = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      if (!options.keepPage) next.delete("page");
      const query = next.toString();
      const href = query ? `${pathname}?${query}` : pathname;
      startTransition(() => {
        if (options.history === "replace") router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [pathname, router, searchParams],
  );

  return { searchParams, update, pending };
}
