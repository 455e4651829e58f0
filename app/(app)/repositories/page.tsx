import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import type { SearchParams } from "@/components/data-table/search-params";
import { domainLabel } from "@/components/repositories/format";
import { RepositoriesTable } from "@/components/repositories/repositories-table";
import { toRepositoryRow } from "@/components/repositories/repository-row";
import { PageHeader } from "@/components/ui/page-header";
import { getProcessDb } from "@/lib/db/process-database";
import { repositoryFacets } from "@/lib/repositories/facets";
import { listRepositories } from "@/lib/repositories/queries";
import { parseRepositoryView } from "./view-params";

export const metadata: Metadata = { title: "Repositories" };

export default async function RepositoriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePage();
  const view = parseRepositoryView(await searchParams);
  const db = await getProcessDb();
  const [page, facets] = await Promise.all([
    listRepositories(db, {
      filter: view.filter,
      language: view.language,
      domain: view.domain,
      search: view.search,
      sort: view.sort.id,
      direction: view.sort.desc ? "desc" : "asc",
      page: view.page,
      pageSize: view.pageSize,
    }),
    repositoryFacets(db),
  ]);

  return (
    <>
      <PageHeader
        title="Repositories"
        description={
          <>
            The libraries the ecosystem depends on, with their health and impact — found by{" "}
            <code className="font-mono text-[13px]">globallm discover</code>, scored by{" "}
            <code className="font-mono text-[13px]">globallm analyze</code>.
          </>
        }
      />
      <div className="mt-4">
        <RepositoriesTable
          rows={page.rows.map(toRepositoryRow)}
          total={page.total}
          view={view}
          languages={facets.languages.map((facet) => ({ ...facet, label: facet.value }))}
          domains={facets.domains.map((facet) => ({ ...facet, label: domainLabel(facet.value) }))}
        />
      </div>
    </>
  );
}
