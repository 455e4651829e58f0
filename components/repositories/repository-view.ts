import type { SortState } from "@/components/data-table/search-params";
import type { RepositoryFilter, RepositorySort } from "@/lib/repositories/list-options";

/** What the Repositories table shows, as read from the URL (see app/(app)/repositories/view-params.ts). */
export interface RepositoryView {
  filter: RepositoryFilter;
  language?: string;
  domain?: string;
  search?: string;
  sort: SortState<RepositorySort>;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** What a bare `/repositories` shows: the most starred first, 50 at a time. */
export const repositoryTableDefaults = {
  sort: { id: "stars", desc: true } as SortState<RepositorySort>,
  pageSize: 50,
  pageSizes: [25, 50, 100] as const,
};

export const repositoryFilterOptions: readonly { value: RepositoryFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "approved", label: "Worth it" },
  { value: "rejected", label: "Not now" },
  { value: "unanalyzed", label: "Unanalyzed" },
];
