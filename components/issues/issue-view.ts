import type { SortState } from "@/components/data-table/search-params";
import type { AssignmentStatus, IssueCategory, IssueSeverity } from "@/lib/db/schema/issues";
import type { IssueQueueSort, IssueQueueView } from "@/lib/issues/queue-options";

/** What the Issues table shows, as read from the URL (see app/(app)/issues/view-params.ts). */
export interface IssueView {
  state: IssueQueueView;
  repository?: string;
  language?: string;
  category?: IssueCategory;
  severity?: IssueSeverity;
  status?: AssignmentStatus;
  sort: SortState<IssueQueueSort>;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** What a bare `/issues` shows: the ranked queue in claim order, 50 at a time. */
export const issueTableDefaults = {
  sort: { id: "priority", desc: true } as SortState<IssueQueueSort>,
  pageSize: 50,
  pageSizes: [25, 50, 100] as const,
};

export const issueStateOptions: readonly { value: IssueQueueView; label: string }[] = [
  { value: "ranked", label: "Ranked" },
  { value: "unranked", label: "Not ranked" },
  { value: "closed", label: "Closed" },
];

/** The choices of the category, severity and claim-status filters (built by the page, from the schema). */
export interface IssueFilterOptions {
  categories: { value: IssueCategory; label: string }[];
  severities: { value: IssueSeverity; label: string }[];
  statuses: { value: AssignmentStatus; label: string }[];
  languages: { value: string; label: string }[];
}

/** Where a category came from, as a triager reads it. */
export const categorySourceLabels: Record<string, string> = {
  labels: "from labels",
  text: "from the text",
  llm: "by the model",
  triage: "by a person",
};
