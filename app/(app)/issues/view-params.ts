import { z } from "zod";
import {
  firstValues,
  type SearchParams,
  tableStateParams,
  textParam,
} from "@/components/data-table/search-params";
import { type IssueView, issueTableDefaults } from "@/components/issues/issue-view";
import { assignmentStatuses, issueCategories, issueSeverities } from "@/lib/db/schema/issues";
import { issueQueueSorts, issueQueueViews } from "@/lib/issues/queue-options";

const viewSchema = z.object({
  state: z.enum(issueQueueViews).catch("ranked"),
  repo: textParam(140),
  language: textParam(50).transform((value) => value?.toLowerCase()),
  category: z.enum(issueCategories).optional().catch(undefined),
  severity: z.enum(issueSeverities).optional().catch(undefined),
  status: z.enum(assignmentStatuses).optional().catch(undefined),
  ...tableStateParams(issueQueueSorts, issueTableDefaults),
});

/** `?state=ranked&category=bug&language=python&repo=flask&page=2` → the view to query and show. */
export function parseIssueView(searchParams: SearchParams): IssueView {
  const parsed = viewSchema.parse(firstValues(searchParams));
  return {
    state: parsed.state,
    repository: parsed.repo,
    language: parsed.language,
    category: parsed.category,
    severity: parsed.severity,
    status: parsed.status,
    sort: parsed.sort,
    page: parsed.page,
    pageSize: parsed.perPage,
  };
}
