import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import type { SearchParams } from "@/components/data-table/search-params";
import { issueFilterOptions } from "@/components/issues/issue-options";
import { IssuesTable } from "@/components/issues/issues-table";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getProcessDb } from "@/lib/db/process-database";
import { listIssueQueue } from "@/lib/issues/issue-queue";
import { repositoryFacets } from "@/lib/repositories/facets";
import { pinIssue, recategorizeIssue, skipIssue } from "./actions";
import { parseIssueView } from "./view-params";

export const metadata: Metadata = { title: "Issues" };

export default async function IssuesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePage();
  const view = parseIssueView(await searchParams);
  const db = await getProcessDb();
  const [page, facets] = await Promise.all([
    listIssueQueue(db, {
      view: view.state,
      repository: view.repository,
      language: view.language,
      category: view.category,
      severity: view.severity,
      status: view.status,
      sort: view.sort.id,
      direction: view.sort.desc ? "desc" : "asc",
      page: view.page,
      pageSize: view.pageSize,
    }),
    repositoryFacets(db),
  ]);
  // Every signed-in role may triage today (members and admins); the actions check it again.
  const canTriage = user.role === "member" || user.role === "admin";

  return (
    <>
      <PageHeader
        title="Issues"
        description={
          <>
            Open issues of approved repositories in the order agents claim them: pinned first, then by
            priority — ranked by <code className="font-mono text-[13px]">globallm prioritize</code>. Sort by
            Updated or Created to see them by date instead; open a row for the factors behind its priority.
          </>
        }
        actions={canTriage ? <Badge tone="blue">You can triage</Badge> : <Badge>Read-only</Badge>}
      />
      <div className="mt-4">
        <IssuesTable
          rows={page.rows}
          total={page.total}
          capped={page.capped}
          view={view}
          options={issueFilterOptions(facets.languages.map((facet) => facet.value))}
          triage={canTriage ? { pin: pinIssue, skip: skipIssue, recategorize: recategorizeIssue } : undefined}
        />
      </div>
    </>
  );
}
